import Foundation
import Layout
import Model

extension ReportEngine {
    /// Lays out and renders a report's PDF in memory, writing no file and no chart image (for `dossier serve`).
    /// Same layout and renderer as `build`, so the bytes match the PDF a build writes.
    public func reportPDF(_ content: ReportContent, loaded: LoadedReport) throws -> (bytes: [UInt8], warnings: [Diagnostic]) {
        let renderer = renderer(for: loaded.spec.language)
        let engine = LayoutEngine(style: loaded.style, measurer: renderer.measurer)
        let (document, warnings) = engine.layout(content.blocks, metadata: content.metadata)
        return (try renderer.pdf(document, standards: loaded.spec.pdfStandards), warnings)
    }
}
