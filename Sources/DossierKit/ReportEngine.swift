import Charts
import Foundation
import Geometry
import Layout
import Model
import RenderCairo
import Spec

/// One report to build: a spec and its parameter values.
public struct ReportJob: Sendable, Hashable {
    public var specPath: String
    public var parameters: [String: String]
    public init(specPath: String, parameters: [String: String] = [:]) { self.specPath = specPath; self.parameters = parameters }

    /// A stable key: the spec path plus sorted parameters.
    public var key: String {
        parameters.isEmpty ? specPath : specPath + "?" + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }
}

/// Options shared by every report of a run.
public struct BuildOptions: Sendable {
    public var outputDirectory: String
    public var force: Bool
    /// Standards every PDF must meet besides those its spec asks for (`--pdf-standard`).
    public var pdfStandards: Set<PDFStandard> = []
    public init(outputDirectory: String, force: Bool = false) { self.outputDirectory = outputDirectory; self.force = force }
}

/// The result of loading and validating a spec with everything it references.
public struct LoadedReport: Sendable {
    public var spec: ReportSpec
    public var dataset: Dataset
    public var style: Style
    public var styleFiles: [String]
    public var diagnostics: [Diagnostic]
}

/// Builds reports on one thread: keeps a Cairo renderer (fonts, layouts) per language for reuse.
/// Create one engine per worker thread; share one `InputCache` among them.
public final class ReportEngine: @unchecked Sendable {
    public let cache: InputCache
    private var renderers: [String: CairoRenderer] = [:]
    /// Renderers used only by the background image queue: with their own fonts and layouts, rasterising
    /// slide images never waits for the layout thread's Pango lock (nor it for them).
    private var imageRenderers: [String: CairoRenderer] = [:]

    public init(cache: InputCache = InputCache()) { self.cache = cache }

    func imageRenderer(for language: String) -> CairoRenderer {
        if let r = imageRenderers[language] { return r }
        let r = CairoRenderer(language: language)
        imageRenderers[language] = r
        return r
    }

    public func renderer(for language: String) -> CairoRenderer {
        if let r = renderers[language] { return r }
        let r = CairoRenderer(language: language)
        renderers[language] = r
        return r
    }

    /// Loads a spec, its style and dataset, and resolves it fully (placeholders, selections) without rendering.
    public func load(_ job: ReportJob) -> (LoadedReport?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (specValue, specDiagnostics) = ReportSpecLoader.load(path: job.specPath, parameters: job.parameters)
        diagnostics += specDiagnostics
        guard let spec = specValue else { return (nil, diagnostics) }
        let (style, styleFiles, styleDiagnostics) = cache.style(spec.stylePath)
        diagnostics += styleDiagnostics
        let (dataset, dataDiagnostics) = cache.dataset(spec.datasetPath)
        diagnostics += dataDiagnostics.filter { $0.severity == .error }
        guard let style, let dataset else { return (nil, diagnostics) }
        let standards = PDFStandardCheck.diagnostics(spec, standards: spec.pdfStandards, requestedAt: spec.pdfStandardLocation)
        diagnostics += standards
        guard standards.isEmpty else { return (nil, diagnostics) }
        return (LoadedReport(spec: spec, dataset: dataset, style: style, styleFiles: styleFiles, diagnostics: diagnostics), diagnostics)
    }

    /// Resolves a loaded report into blocks and charts, with this report's diagnostics.
    public func content(_ loaded: LoadedReport) -> Warned<ReportContent> {
        compose(loaded.spec, dataset: loaded.dataset, style: loaded.style)
    }

    /// Validates a spec and everything it references, rendering nothing.
    public func validate(_ job: ReportJob) -> [Diagnostic] {
        let (loaded, diagnostics) = load(job)
        guard let loaded else { return diagnostics }
        return diagnostics + content(loaded).diagnostics
    }

    /// Builds one report: load, resolve, lay out, render, write atomically. Never throws: failures are in the record.
    public func build(_ job: ReportJob, options: BuildOptions) -> ReportRecord {
        let start = DispatchTime.now()
        var record = ReportRecord(report: job.key, spec: job.specPath, parameters: job.parameters, status: .failed, outputs: [], inputs: [:],
                                  durationSeconds: 0)
        var timer = PhaseTimer(job.key)
        let (loadedValue, loadDiagnostics) = load(job)
        var diagnostics = loadDiagnostics
        if let spec = loadedValue?.spec {
            let asked = options.pdfStandards.subtracting(spec.pdfStandards)
            diagnostics += PDFStandardCheck.diagnostics(spec, standards: asked, requestedAt: nil)
        }
        timer.lap("load")
        record.add(diagnostics)
        guard let loaded = loadedValue, !record.hasErrors else {
            record.durationSeconds = Self.seconds(since: start)
            return record
        }
        record.parameters = loaded.spec.parameters
        let inputFiles = [job.specPath] + loaded.styleFiles + DatasetLoader.files(folder: loaded.spec.datasetPath)
        // Recorded relative to the working directory and normalised (no build machine's absolute paths, no `a/../b`).
        var inputs = Dictionary(InputFingerprint.hashes(of: inputFiles).map { (PathText.relative($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        inputs["fonts"] = InputFingerprint.fonts
        inputs["dossier"] = InputFingerprint.tool
        inputs["date"] = loaded.spec.date   // may come from SOURCE_DATE_EPOCH rather than the spec file
        inputs["parameters"] = job.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        // `--pdf-standard a-2b` changes the PDF's bytes, so a build asked for it is not a build without it.
        let standards = loaded.spec.pdfStandards.union(options.pdfStandards)
        if !standards.isEmpty { inputs["pdf-standards"] = standards.map(\.rawValue).sorted().joined(separator: ",") }
        record.inputs = inputs

        let state = BuildState(outputDirectory: options.outputDirectory, job: job)
        if !options.force, let previous = state.previous(), previous.inputs == inputs, state.outputsIntact(previous.outputs) {
            record.status = .skipped
            record.outputs = previous.outputs
            record.warnings = previous.warnings
            record.diagnostics = previous.diagnostics
            record.durationSeconds = Self.seconds(since: start)
            return record
        }

        timer.lap("fingerprint")
        let composed = content(loaded)
        let content = composed.value
        timer.lap("resolve")
        record.add(composed.diagnostics)
        guard !record.hasErrors else {
            record.durationSeconds = Self.seconds(since: start)
            return record
        }
        do {
            var writer = AtomicWriter()
            // Warnings travel with this report's result, never through the engine's long-lived state.
            let (outputs, renderWarnings) = try render(content, loaded: loaded, job: job, options: options, writer: &writer)
            record.add(renderWarnings)
            // A chart that cannot label its marks is an error: nothing of this report is written.
            guard !record.hasErrors else {
                record.durationSeconds = Self.seconds(since: start)
                return record
            }
            record.outputs = outputs
            record.status = .built
            record.durationSeconds = Self.seconds(since: start)
            timer.lap("render")
            try state.stageRecord(record, writer: &writer)
            try writer.commit()
            timer.lap("commit")
        } catch {
            record.status = .failed
            record.outputs = []
            // Write errors already name the file; other failures are reported against the spec.
            if error is BuildError {
                record.errors.append(String(describing: error))
                record.diagnostics = (record.diagnostics ?? []) + [.error(String(describing: error), code: .writeFailed)]
            } else {
                record.add([.error("\(error)", at: SourceLocation(file: job.specPath), code: .buildFailed)])
            }
            record.durationSeconds = Self.seconds(since: start)
        }
        return record
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Lays out and renders every output of a report into the writer (nothing is in place until commit).
    func render(_ content: ReportContent, loaded: LoadedReport, job: ReportJob, options: BuildOptions,
                writer: inout AtomicWriter) throws -> (outputs: [OutputRecord], warnings: [Diagnostic]) {
        let spec = loaded.spec
        let renderer = renderer(for: spec.language)
        var warnings: [Diagnostic] = []
        var drawnTexts: [TextItem] = []
        let stem = outputStem(spec, job: job)
        var timer = PhaseTimer(job.key)
        // Outputs in their manifest order: the PDF first, then every chart image.
        var planned: [PlannedOutput] = []
        let encodes = BackgroundEncodes()

        // Chart images first: their PNG encoding runs on another core while the report is laid out.
        if let exports = spec.chartExports {
            for (id, chart) in content.charts where exports.only.isEmpty || exports.only.contains(id) {
                for size in exports.sizes {
                    let suffix = exports.sizes.count > 1 ? "-\(Int(size.width))x\(Int(size.height))" : ""
                    let rendered = chartFrame(chart, size: size, loaded: loaded)
                    let frame = rendered.frame
                    drawnTexts += frame.flattenedTexts
                    // Labels dropped for lack of room in the exported image, said once per chart and size.
                    warnings += rendered.warnings.map {
                        Diagnostic($0.severity, "chart '\(id)' at \(Int(size.width))x\(Int(size.height)): \($0.message)",
                                   at: $0.location ?? SourceLocation(file: spec.path), hint: $0.hint, code: $0.code)
                    }
                    timer.lap("chart \(id) frame")
                    for format in exports.formats {
                        let name = "\(stem)-\(id)\(suffix).\(format.fileExtension)"
                        if format == .png {
                            let w = Int((size.width * exports.scale).rounded()), h = Int((size.height * exports.scale).rounded())
                            let options = PNGOptions(pixelWidth: w, pixelHeight: h, transparent: exports.transparent)
                            // With a report to lay out, images get their own fonts (no waiting on the layout's lock);
                            // for images alone, a second font setup would cost more than it saves.
                            let images = spec.pdfName == nil ? renderer : imageRenderer(for: spec.language)
                            let text = imageText(id, chart, content: content)
                            let index = encodes.start { try images.raster(frame, options: options).encodePNG(text: text) }
                            planned.append(PlannedOutput(name: name, kind: .png, width: w, height: h, encode: index))
                        } else {
                            let bytes = try export(frame, title: chart.title, format: format, scale: 1, transparent: exports.transparent, loaded: loaded,
                                                   text: imageText(id, chart, content: content))
                            planned.append(PlannedOutput(name: name, kind: format, bytes: bytes, pages: format == .pdf ? 1 : nil,
                                                         width: Int(size.width), height: Int(size.height)))
                        }
                        timer.lap("chart \(id) \(format)")
                    }
                }
            }
        }
        if let pdfName = spec.pdfName {
            let engine = LayoutEngine(style: loaded.style, measurer: renderer.measurer)
            let (document, layoutWarnings) = engine.layout(content.blocks, metadata: content.metadata)
            timer.lap("layout")
            warnings += layoutWarnings.map { $0.location == nil ? Diagnostic($0.severity, $0.message, at: SourceLocation(file: spec.path), hint: $0.hint, code: $0.code) : $0 }
            for page in document.pages { drawnTexts += Frame(size: page.size, items: page.items).flattenedTexts }
            let name = job.parameters.isEmpty || pdfName.contains("${") ? pdfName : batchName(pdfName, job: job, spec: spec)
            planned.insert(PlannedOutput(name: name, kind: .pdf, bytes: try renderer.pdf(document, standards: spec.pdfStandards.union(options.pdfStandards)),
                                         pages: document.pages.count), at: 0)
            timer.lap("pdf")
        }
        for text in renderer.fonts.textsWithMissingGlyphs(drawnTexts) {
            warnings.append(.warning("no installed font has glyphs for some characters of '\(text.prefix(40))'; they show as boxes",
                                     at: SourceLocation(file: spec.path), hint: "install a font that covers them, or add it to the style's font list", code: .tofu))
        }
        let encoded = try encodes.wait()
        timer.lap("png encodes")
        var outputs: [OutputRecord] = []
        for output in planned {
            let bytes = output.encode.flatMap { encoded[$0] } ?? output.bytes
            let path = try OutputFolder.path(for: output.name, in: options.outputDirectory)
            try writer.stage(bytes, to: path.full)
            outputs.append(OutputRecord(path: path.relative, kind: output.kind, bytes: bytes.count, sha256: SHA256.hex(bytes),
                                        pages: output.pages, width: output.width, height: output.height))
        }
        return (outputs, warnings)
    }

    /// Renders one chart as a standalone image: the frame is drawn once at the slide size and replayed to the format.
    public func exportChart(_ chart: ChartSpec, size: Size, format: OutputFormat, scale: Double, transparent: Bool,
                            loaded: LoadedReport, text: ImageText? = nil) throws -> (bytes: [UInt8], warnings: [Diagnostic]) {
        let rendered = chartFrame(chart, size: size, loaded: loaded)
        return (try export(rendered.frame, title: chart.title, format: format, scale: scale, transparent: transparent, loaded: loaded,
                           text: text ?? imageText(chart, alternative: nil)),
                rendered.warnings)
    }

    /// Draws a chart into a display list at a size; done once per chart and size, then replayed to each format.
    func chartFrame(_ chart: ChartSpec, size: Size, loaded: LoadedReport) -> RenderedChart {
        ChartRenderer(style: loaded.style, measurer: renderer(for: loaded.spec.language).measurer).render(chart, size: size)
    }

    /// Replays a chart's display list to PNG, SVG or a one-page PDF.
    func export(_ frame: Frame, title: String, format: OutputFormat, scale: Double, transparent: Bool, loaded: LoadedReport,
                text: ImageText? = nil) throws -> [UInt8] {
        let renderer = renderer(for: loaded.spec.language)
        var timer = PhaseTimer(format.rawValue)
        defer { timer.lap("encode") }
        switch format {
        case .png:
            let w = Int((frame.size.width * scale).rounded()), h = Int((frame.size.height * scale).rounded())
            return try renderer.png(frame, options: PNGOptions(pixelWidth: w, pixelHeight: h, transparent: transparent), text: text)
        case .svg:
            return try renderer.svg(frame, text: text)
        case .pdf:
            // A one-page PDF is one figure with its text alternative.
            let items = text.map { [GroupItem.tagged(StructureTag(.figure, alternative: $0.description), frame.items)] } ?? frame.items
            let document = Document(pages: [Page(size: frame.size, items: items)],
                                    metadata: DocumentMetadata(title: title, author: loaded.spec.author, date: loaded.spec.date),
                                    language: loaded.spec.language)
            return try renderer.pdf(document)
        }
    }

    /// Content hashes of a job's input files (for `watch`); a spec that does not load hashes the spec alone.
    public func inputHashes(_ job: ReportJob) -> [String: String] {
        var files = [job.specPath]
        let (spec, _) = ReportSpecLoader.load(path: job.specPath, parameters: job.parameters)
        if let spec {
            files += StyleLoader.load(path: spec.stylePath).files
            files += DatasetLoader.files(folder: spec.datasetPath)
        }
        return InputFingerprint.hashes(of: files)
    }

    func outputStem(_ spec: ReportSpec, job: ReportJob) -> String {
        let base = ((spec.path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard !job.parameters.isEmpty else { return base }
        return base + "-" + job.parameters.sorted { $0.key < $1.key }.map { Self.safe($0.value) }.joined(separator: "-")
    }

    func batchName(_ name: String, job: ReportJob, spec: ReportSpec) -> String {
        let ext = (name as NSString).pathExtension
        let base = (name as NSString).deletingPathExtension
        return base + "-" + job.parameters.sorted { $0.key < $1.key }.map { Self.safe($0.value) }.joined(separator: "-") + (ext.isEmpty ? "" : "." + ext)
    }

    static func safe(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
    }
}

/// The record of a report's last successful build, kept in `OUT/.dossier/` for incremental builds.
struct BuildState {
    let outputDirectory: String
    let job: ReportJob

    var path: String {
        let folder = (outputDirectory as NSString).appendingPathComponent(".dossier")
        return (folder as NSString).appendingPathComponent(String(SHA256.hex(job.key).prefix(24)) + ".json")
    }

    func previous() -> ReportRecord? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(ReportRecord.self, from: data)
    }

    /// True when every recorded output is on disk with its recorded hash.
    func outputsIntact(_ outputs: [OutputRecord]) -> Bool {
        outputs.allSatisfy { o in
            let full = (outputDirectory as NSString).appendingPathComponent(o.path)
            guard let data = FileManager.default.contents(atPath: full), data.count == o.bytes else { return false }
            return SHA256.hex(Array(data)) == o.sha256
        }
    }

    func stageRecord(_ record: ReportRecord, writer: inout AtomicWriter) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try writer.stage(Array(try encoder.encode(record)), to: path)
    }
}
