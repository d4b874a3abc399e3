import Foundation
import Geometry
import Testing
import TestSupport
@testable import RenderCairo

/// A two-page document built the way Layout builds one: tagged blocks, decoration outside them, a running
/// header marked as an artifact, a figure with alternative text, a link inside a paragraph.
func taggedDocument(figureAlt: String = "条形图，美国第1名") -> Document {
    let renderer = CairoRenderer(language: "zh-cn")
    func text(_ s: String, _ x: Double, _ y: Double) -> DisplayItem {
        .text(TextItem(text: s, font: sans, color: .black, origin: Point(x, y), width: renderer.measurer.width(of: s, font: sans)))
    }
    let rule = DisplayItem.path(PathItem(path: .line(from: Point(72, 60), to: Point(500, 60)), stroke: StrokeStyle(color: .black, width: 1)))
    let page1 = Page(size: Size(595, 842), items: [
        GroupItem.tagged(.artifact, [text("页眉 running header", 72, 50)]),
        rule,
        GroupItem.tagged(StructureTag(.h1), [.destination(name: "top", at: Point(72, 80)), text("一、总体情况", 72, 100)]),
        GroupItem.tagged(StructureTag(.paragraph), [
            GroupItem.tagged(StructureTag(.span), [text("见", 72, 130)]),
            .link(LinkItem(rect: Rect(x: 90, y: 118, width: 40, height: 16), target: .uri("https://example.org/x"))),
            GroupItem.tagged(StructureTag(.span), [text("联合国", 90, 130)]),
        ]),
        GroupItem.tagged(StructureTag(.table), [
            GroupItem.tagged(StructureTag(.tableHead), [GroupItem.tagged(StructureTag(.tableRow), [
                .path(PathItem(path: .rect(Rect(x: 72, y: 150, width: 300, height: 20)), fill: Color(hex: "#e9eef5"))),
                GroupItem.tagged(StructureTag(.headerCell), [text("国家", 76, 165)]),
                GroupItem.tagged(StructureTag(.headerCell), [text("排名", 200, 165)]),
            ])]),
            GroupItem.tagged(StructureTag(.tableRow), [
                GroupItem.tagged(StructureTag(.dataCell), [text("美国", 76, 190)]),
                GroupItem.tagged(StructureTag(.dataCell), [text("1", 200, 190)]),
            ]),
        ]),
    ], label: "1")
    let page2 = Page(size: Size(595, 842), items: [
        GroupItem.tagged(StructureTag(.figure, alternative: figureAlt), [
            .path(PathItem(path: .rect(Rect(x: 72, y: 100, width: 200, height: 30)), fill: Color(hex: "#0072B2"))),
            text("美国", 72, 150),
        ]),
        GroupItem.tagged(.artifact, [text("第 2 页", 280, 800)]),
    ], label: "2")
    return Document(pages: [page1, page2], metadata: DocumentMetadata(title: "简报", author: "测试", date: "2024-01-01"), language: "zh-cn")
}

@Test func structureTreeFollowsTheTaggedGroupsInReadingOrder() throws {
    let pdf = try PDFStructureReader(pdf: CairoRenderer(language: "zh-cn").pdf(taggedDocument()))
    #expect(pdf.roles == ["Document", "H1", "P", "Span", "Link", "Span", "Table", "THead", "TR", "TH", "TH", "TR", "TD", "TD", "Figure"])
    #expect(pdf.elements.first { $0.role == "Figure" }?.alternative == "条形图，美国第1名")
    #expect(pdf.elements.first { $0.role == "TH" }?.depth == 4)
    let check = try ToolRunner.run("qpdf", ["--check", pdf.path])
    #expect(check.status == 0, "\(check.output)")
}

@Test func catalogueHasLanguageTitleDisplayAndPDFUAMetadata() throws {
    let pdf = try PDFStructureReader(pdf: CairoRenderer(language: "zh-cn").pdf(taggedDocument()))
    #expect(pdf.language == "zh-CN")
    #expect(pdf.displaysTitle)
    #expect(((pdf.catalog["/MarkInfo"] as? [String: Any])?["/Marked"] as? Bool) == true)
    let xmp = try pdf.metadata()
    #expect(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"))
    #expect(xmp.contains("<rdf:li xml:lang=\"x-default\">简报</rdf:li>"))
    #expect(xmp.contains("<rdf:li>zh-CN</rdf:li>"))
}

@Test func everyPaintedOperatorIsTaggedOrAnArtifact() throws {
    let pdf = try PDFStructureReader(pdf: CairoRenderer(language: "zh-cn").pdf(taggedDocument()))
    let content = try pdf.paintedContent()
    #expect(content.unmarked.isEmpty, "unmarked: \(content.unmarked)")
    // The header, the page number, the rule and the header-row fill are artifacts; the cell and heading text is tagged.
    #expect(content.artifacts >= 4)
    #expect(content.tagged >= 8)
}

@Test func linkAnnotationsSayWhereTheyGo() throws {
    let pdf = try PDFStructureReader(pdf: CairoRenderer(language: "zh-cn").pdf(taggedDocument()))
    let links = pdf.objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }.filter { ($0["/Subtype"] as? String) == "/Link" }
    #expect(links.count == 1)
    #expect(PDFStructureReader.text(links.first?["/Contents"]) == "https://example.org/x")
}

@Test func taggedPDFIsByteIdenticalForIdenticalInput() throws {
    let a = try CairoRenderer(language: "zh-cn").pdf(taggedDocument())
    let b = try CairoRenderer(language: "zh-cn").pdf(taggedDocument())
    #expect(a == b)
    let c = try CairoRenderer(language: "zh-cn").pdf(taggedDocument(figureAlt: "另一段"))
    #expect(a != c)
}

@Test func artifactMarkerWrapsOnlyUnmarkedDrawing() throws {
    let content = "q\n0 0 1 rg\n0 0 10 10 re f\n/P << /MCID 0 >> BDC\nBT\n(a) Tj\nET\nEMC\n1 1 5 5 re f\nQ\n"
    let marked = try #require(ArtifactMarker.mark(Array(content.utf8)))
    #expect(String(decoding: marked, as: UTF8.self) ==
            "q\n0 0 1 rg\n/Artifact BMC\n0 0 10 10 re f\nEMC\n/P << /MCID 0 >> BDC\nBT\n(a) Tj\nET\nEMC\n/Artifact BMC\n1 1 5 5 re f\nQ\n\nEMC\n")
    // Inline images are beyond this scanner: the stream is left as it was.
    #expect(ArtifactMarker.mark(Array("BI /W 1 ID x EI\n".utf8)) == nil)
}

@Test func headerCellsSayWhatTheyHead() throws {
    let renderer = CairoRenderer(language: "en")
    func cell(_ role: StructureRole, _ s: String, _ x: Double, _ y: Double) -> DisplayItem {
        GroupItem.tagged(StructureTag(role), [.text(TextItem(text: s, font: sans, color: .black, origin: Point(x, y),
                                                               width: renderer.measurer.width(of: s, font: sans)))])
    }
    let table = GroupItem.tagged(StructureTag(.table), [
        GroupItem.tagged(StructureTag(.tableHead), [GroupItem.tagged(StructureTag(.tableRow), [cell(.headerCell, "Country", 72, 100), cell(.headerCell, "Rank", 200, 100)])]),
        GroupItem.tagged(StructureTag(.tableRow), [cell(.headerCell, "Canada", 72, 120), cell(.dataCell, "1", 200, 120)]),
    ])
    let document = Document(pages: [Page(size: Size(595, 842), items: [table], label: "1")],
                            metadata: DocumentMetadata(title: "T", date: "2024-01-01"), language: "en")
    let pdf = try PDFStructureReader(pdf: renderer.pdf(document))
    #expect(pdf.elements.filter { $0.role == "TH" }.map(\.scope) == ["Column", "Column", "Row"])
    let sample = try PDFStructureReader(pdf: CairoRenderer(language: "zh-cn").pdf(taggedDocument()))
    #expect(sample.elements.filter { $0.role == "TH" }.allSatisfy { $0.scope == "Column" })
}
