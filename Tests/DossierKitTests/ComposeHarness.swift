@testable import DossierKit
import Geometry
import Model
import Spec

/// The header every compose test's spec starts with; the dataset line names the dataset's folder.
func specHeader(dataset: Dataset, language: String) -> String {
    "version: 1\ntitle: Test\ndate: 2026-01-01\nlanguage: \(language)\ndataset: \(dataset.folder)\n"
}

/// Parses a spec (the header, then `body`) and composes it against an in-memory dataset: the content (nil when
/// the spec does not parse) and the diagnostics of both steps.
func composeSpec(_ body: String, dataset: Dataset, language: String = "en", style: Style = .briefing)
    -> (content: ReportContent?, diagnostics: [Diagnostic]) {
    let (spec, specDiagnostics) = ReportSpecLoader.parse(specHeader(dataset: dataset, language: language) + body, path: "t.yaml")
    guard let spec else { return (nil, specDiagnostics) }
    let result = compose(spec, dataset: dataset, style: style)
    return (result.value, specDiagnostics + result.diagnostics)
}

/// The text of every paragraph and list (items joined by newlines) of composed content, in order.
func paragraphTexts(_ content: ReportContent?) -> [String] {
    (content?.blocks ?? []).compactMap { block -> String? in
        switch block {
        case .paragraph(let spans): return spans.map(\.text).joined()
        case .list(let items, _): return items.map { $0.map(\.text).joined() }.joined(separator: "\n")
        default: return nil
        }
    }
}
