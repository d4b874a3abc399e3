import ArgumentParser
import DossierKit
import Foundation

struct Chart: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export one chart of a spec as a slide image (PNG, SVG or a one-page PDF).",
        discussion: """
        The image carries the chart's number, title and source note, so it stands on its own on a slide. Example: dossier chart Reports/egov-gap-briefing.yaml --id accenture-bump --format png --size 1920x1080 --scale 2 -o chart.png
        """
    )

    @Argument(help: "The spec file.")
    var spec: String

    @Option(help: "The chart id (as in the spec's chart sections; gap analyses add ID-stages and ID-gaps).")
    var id: String

    @Option(help: "png, svg or pdf.")
    var format: OutputFormat = .png

    @Option(help: "Size in pixels, WIDTHxHEIGHT.")
    var size: String = "1920x1080"

    @Option(help: "Pixel density multiplier for PNG (2 gives 3840×2160 for 1920x1080).")
    var scale: Double = 1

    @Flag(help: "Transparent PNG background instead of white.")
    var transparent = false

    @Option(name: .long, parsing: .singleValue, help: "A spec parameter, key=value (repeatable).")
    var param: [String] = []

    @Option(name: .shortAndLong, help: "Output file.")
    var output: String

    func validate() throws {
        let ext = (output as NSString).pathExtension.lowercased()
        if !ext.isEmpty, ext != format.fileExtension { throw ValidationError("-o \(output) ends in .\(ext) but --format is \(format)") }
        guard let s = ChartSizeParser.parse(size) else { throw ValidationError("--size takes WIDTHxHEIGHT in pixels (16–16384), e.g. 1920x1080") }
        guard scale >= 0.25, scale <= 8 else { throw ValidationError("--scale must be between 0.25 and 8") }
        let pixels = s.width * scale * s.height * scale
        guard pixels <= 100_000_000 else {
            throw ValidationError("\(Int(s.width * scale))×\(Int(s.height * scale)) pixels is more than the limit of 100 megapixels")
        }
    }

    func run() throws {
        let engine = ReportEngine()
        let (loadedValue, diagnostics) = engine.load(ReportJob(specPath: spec, parameters: try parseParameters(param)))
        for d in diagnostics { Console.error(d.description) }
        guard let loaded = loadedValue, !diagnostics.contains(where: { $0.severity == .error }) else { throw ExitCode.failure }
        let composed = engine.content(loaded)
        let content = composed.value
        for d in composed.diagnostics { Console.error(d.description) }
        guard !composed.failed else { throw ExitCode.failure }
        guard let chart = content.charts.first(where: { $0.id == id }) else {
            Console.error("\(spec): error: no chart with id '\(id)'\n  hint: the spec's charts are: \(content.charts.map(\.id).joined(separator: ", "))")
            throw ExitCode.failure
        }
        guard let pixelSize = ChartSizeParser.parse(size) else { throw ExitCode.validationFailure }
        do {
            let (bytes, warnings) = try engine.exportChart(chart.spec, size: pixelSize, format: format, scale: scale, transparent: transparent,
                                                           loaded: loaded, text: engine.imageText(chart.id, chart.spec, content: content))
            for w in warnings where w.severity != .error { Console.error("\(spec): warning: chart '\(id)': \(w.message)") }
            let errors = warnings.filter { $0.severity == .error }
            for e in errors { Console.error(e.description) }
            guard errors.isEmpty else { throw ExitCode.failure }
            var writer = AtomicWriter()
            try writer.stage(bytes, to: output)
            try writer.commit()
            Console.error("wrote \(output) (\(bytes.count) bytes)")
        } catch {
            Console.error("\(output): error: \(error)")
            throw ExitCode.failure
        }
    }
}

enum ChartSizeParser {
    static func parse(_ s: String) -> Size? {
        let parts = s.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (16...16384).contains(w), (16...16384).contains(h) else { return nil }
        return Size(Double(w), Double(h))
    }
}

extension OutputFormat: ExpressibleByArgument {}
