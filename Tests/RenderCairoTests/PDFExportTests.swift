import Foundation
import Geometry
import Testing
@testable import RenderCairo

let sans = FontSpec(families: ["DejaVu Sans", "Noto Sans CJK SC"], size: 14)

func sampleDocument(title: String = "国际/国内电子政务发展水平对比简报") -> Document {
    let renderer = CairoRenderer(language: "zh-cn")
    let w = renderer.measurer.width(of: title, font: sans)
    let page1 = Page(size: Size(595, 842), items: [
        .destination(name: "top", at: Point(72, 72)),
        .text(TextItem(text: title, font: sans, color: .black, origin: Point(72, 100), width: w)),
        .path(PathItem(path: .rect(Rect(x: 72, y: 120, width: 200, height: 40)), fill: Color(hex: "#0072B2"), stroke: StrokeStyle(color: .black, width: 1))),
        .link(LinkItem(rect: Rect(x: 72, y: 200, width: 100, height: 20), target: .destination("second"))),
        .link(LinkItem(rect: Rect(x: 72, y: 230, width: 100, height: 20), target: .uri("https://example.org/a'b"))),
    ], label: "1")
    let page2 = Page(size: Size(595, 842), items: [
        .group(GroupItem(transform: .translation(10, 10), clip: Rect(x: 0, y: 0, width: 300, height: 300), items: [
            .destination(name: "second", at: Point(72, 72)),
            .text(TextItem(text: "第二页 Page 2", font: sans, color: .black, origin: Point(72, 100), width: 100)),
        ])),
    ], label: "2")
    return Document(pages: [page1, page2],
                    outline: [OutlineEntry(title: "第一章", destination: "top", children: [OutlineEntry(title: "1.1 小节", destination: "second")])],
                    metadata: DocumentMetadata(title: title, author: "测试", subject: "s", keywords: "k", date: "2024-01-01"),
                    language: "zh-cn")
}

@Test func pdfWithLinksAndOutlinePassesQpdf() throws {
    let bytes = try CairoRenderer(language: "zh-cn").pdf(sampleDocument())
    let path = try ToolRunner.temporaryFile(bytes, suffix: ".pdf")
    let check = try ToolRunner.run("qpdf", ["--check", path])
    #expect(check.status == 0, "qpdf --check failed: \(check.output)")
}

@Test func missingGlyphsAreReportedByTextAndOnlyForTheTextsAsked() {
    let renderer = CairoRenderer(language: "zh-cn")
    func run(_ text: String) -> TextItem { TextItem(text: text, font: sans, color: .black, origin: .zero, width: 0) }
    #expect(renderer.fonts.textsWithMissingGlyphs([run("电子政务")]).isEmpty)
    // Linear B syllables: no font installed here covers them, so Pango draws boxes.
    #expect(renderer.fonts.textsWithMissingGlyphs([run("ok 𐀀𐀁"), run("电子政务")]) == ["ok 𐀀𐀁"])
    // A later question about other texts does not inherit the earlier answer (warnings stay per report).
    #expect(renderer.fonts.textsWithMissingGlyphs([run("电子政务")]).isEmpty)
}

@Test func pngHasTheRequestedSizeAndPixelsWhereDrawn() throws {
    let renderer = CairoRenderer(language: "en")
    let frame = Frame(size: Size(100, 50), items: [.path(PathItem(path: .rect(Rect(x: 0, y: 0, width: 50, height: 50)), fill: Color(hex: "#ff0000")))])
    let png = try renderer.png(frame, options: PNGOptions(pixelWidth: 400, pixelHeight: 200))
    #expect(Array(png[16..<24]) == [0, 0, 1, 144, 0, 0, 0, 200])   // IHDR width 400, height 200
    let (w, h, rgba) = try renderer.pixels(frame, scale: 2)
    #expect(w == 200 && h == 100)
    func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(rgba[(y * w + x) * 4..<(y * w + x) * 4 + 4]) }
    #expect(pixel(50, 50) == [255, 0, 0, 255])      // inside the red square
    #expect(pixel(150, 50) == [255, 255, 255, 255]) // white background
    #expect(throws: CairoError.self) { try renderer.png(frame, options: PNGOptions(pixelWidth: 20000, pixelHeight: 20000)) }
}

@Test func sameFrameGivesIdenticalSVGAfterOtherWork() throws {
    let renderer = CairoRenderer(language: "zh-cn")
    let page = sampleDocument().pages[0]
    let frame = Frame(size: page.size, items: page.items.filter { if case .text = $0 { return true } else { return false } })
    let first = try renderer.svg(frame)
    _ = try renderer.pdf(sampleDocument())
    _ = try renderer.svg(Frame(size: Size(10, 10)))
    #expect(try renderer.svg(frame) == first)
}

/// Dark pixels of a one-page PDF rendered by poppler (pdftoppm, greyscale PGM).
private func inkedPixels(_ pdf: [UInt8]) throws -> Int {
    let path = try ToolRunner.temporaryFile(pdf, suffix: ".pdf")
    let base = path + "-page"
    _ = try ToolRunner.run("pdftoppm", ["-r", "36", "-gray", "-singlefile", path, base])
    let pgm = try Data(contentsOf: URL(fileURLWithPath: base + ".pgm"))
    // P5 header: magic, width, height, maxval, each followed by whitespace; pixels follow.
    var fields = 0, index = 0
    while fields < 4 && index < pgm.count {
        while index < pgm.count, pgm[index] == 0x20 || pgm[index] == 0x0A { index += 1 }
        while index < pgm.count, pgm[index] != 0x20 && pgm[index] != 0x0A { index += 1 }
        fields += 1
    }
    return pgm[(index + 1)...].filter { $0 < 128 }.count
}

/// cairo 1.16 subsets the CFF subroutines of Noto Sans CJK wrongly and some glyphs (如) come out blank in
/// every viewer; the styles list the flattened copy `make setup` writes first, so they must have ink.
@Test func chineseGlyphsKeepTheirInkInPDFs() throws {
    let renderer = CairoRenderer(language: "zh-cn")
    let font = FontSpec(families: ["DejaVu Sans", "Noto Sans CJK SC Flat", "Noto Sans CJK SC Flat Full", "Noto Sans CJK SC"], size: 60)
    for text in ["如", "例", "堃"] {   // 堃 is outside GB 2312: it comes from the full flat face
        let page = Page(size: Size(100, 100), items: [.text(TextItem(text: text, font: font, color: .black, origin: Point(20, 70),
                                                                     width: renderer.measurer.width(of: text, font: font)))])
        let pdf = try renderer.pdf(Document(pages: [page], metadata: DocumentMetadata(date: "2024-01-01"), language: "zh-cn"))
        #expect(try inkedPixels(pdf) > 50, "\(text) has no ink in the PDF")
    }
}
