import ArgumentParser
import DossierKit
import Foundation

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Turn declarative report specs into PDF briefing reports and slide-ready chart images.",
        discussion: """
        A report spec (YAML) names a dataset, a style and the sections to build. Dossier resolves the data, lays out pages and renders PDF, PNG and SVG through Cairo and Pango.

        Exit codes: 0 success, 1 a build or check failed, 64 wrong usage.
        Examples:
          dossier build Reports/egov-gap-briefing.yaml --out out
          dossier build Reports --jobs 2 --out out
          dossier validate Reports/egov-gap-briefing.yaml
          dossier chart Reports/egov-gap-briefing.yaml --id accenture-bump --format png --size 1920x1080 -o accenture.png
          dossier data check Samples/egov
        """,
        version: DossierVersion.current,
        subcommands: [Build.self, Validate.self, Chart.self, DataCommand.self, ManifestCommand.self, Watch.self, Serve.self]
    )
}

/// Writes to standard error (Swift 6 rejects the C `stderr` global).
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
    static var isTerminal: Bool { isatty(2) == 1 }
}

/// `--param key=value`, repeatable.
func parseParameters(_ values: [String]) throws -> [String: String] {
    var out: [String: String] = [:]
    for v in values {
        guard let eq = v.firstIndex(of: "="), eq != v.startIndex else {
            throw ValidationError("--param takes key=value, got '\(v)'")
        }
        out[String(v[..<eq])] = String(v[v.index(after: eq)...])
    }
    return out
}
