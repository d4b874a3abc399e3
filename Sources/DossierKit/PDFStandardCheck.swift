import Foundation
import Geometry
import Spec

/// What a PDF standard asks of a spec before anything is rendered: with PDF/UA-1, a missing title, language
/// or alternative text is an error at the place in the spec to fix, not a gap a screen reader finds later.
enum PDFStandardCheck {
    static func diagnostics(_ spec: ReportSpec, standards: Set<PDFStandard>, requestedAt: SourceLocation?) -> [Diagnostic] {
        guard standards.contains(.ua1) else { return [] }
        let asked = requestedAt ?? SourceLocation(file: spec.path, line: 1, column: 1)
        let why = requestedAt == nil ? "PDF/UA-1 (--pdf-standard ua-1)" : "PDF/UA-1 (outputs: pdf-standard)"
        var out: [Diagnostic] = []
        if spec.title.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            out.append(.error("\(why) needs a document title", at: spec.title.location,
                              hint: "give the report a title: it is what a screen reader announces first", code: .pdfUa))
        }
        if spec.languageLocation == nil {
            out.append(.error("\(why) needs the document language stated", at: asked,
                              hint: "add 'language: zh-cn' or 'language: en' to the spec", code: .pdfUa))
        }
        for case .chart(let chart) in spec.sections {
            guard let alt = chart.alt, alt.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            out.append(.error("\(why) needs alternative text for chart '\(chart.id)', and its 'alt:' is empty", at: alt.location,
                              hint: "write what the chart shows, or remove 'alt:' to describe it from its data", code: .pdfUa))
        }
        return out
    }
}
