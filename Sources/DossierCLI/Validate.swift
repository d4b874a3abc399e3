import ArgumentParser
import DossierKit
import Foundation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check specs and everything they reference (style, dataset, placeholders) without rendering.",
        discussion: "Every problem is printed as file:line:col: error: … with a hint where one helps. Exits 1 when there are errors."
    )

    @Argument(help: "Spec files or folders of specs.")
    var specs: [String]

    @Option(name: .long, parsing: .singleValue, help: "A spec parameter, key=value (repeatable).")
    var param: [String] = []

    @Flag(help: "Print diagnostics as JSON.")
    var json = false

    func run() throws {
        let parameters = try parseParameters(param)
        let (files, fileDiagnostics) = BatchBuilder.specFiles(specs)
        let engine = ReportEngine()
        var all = fileDiagnostics
        var checked = 0
        for file in files {
            let diagnostics = engine.validate(ReportJob(specPath: file, parameters: parameters))
            all += diagnostics
            checked += 1
            if !json {
                let errors = diagnostics.filter { $0.severity == .error }.count
                for d in diagnostics { Console.error(d.description) }
                Console.error(errors == 0 ? "ok: \(file)" : "\(file): \(errors) error\(errors == 1 ? "" : "s")")
            }
        }
        if json { try printJSON(all) } else if !fileDiagnostics.isEmpty { for d in fileDiagnostics { Console.error(d.description) } }
        if all.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        if checked == 0 { throw ValidationError("no spec files found in \(specs.joined(separator: ", "))") }
    }
}

func printJSON(_ diagnostics: [Diagnostic]) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    Console.out(String(decoding: try encoder.encode(diagnostics), as: UTF8.self))
}
