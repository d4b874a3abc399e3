import Charts
import Geometry
import Model
import Testing
@testable import Layout

// MARK: Dark styles

private func darkStyle() -> Style {
    var style = Style.briefing
    style.colors.background = Color(hex: "#14181f") ?? .black
    style.colors.text = Color(hex: "#f2f4f7") ?? .white
    return style
}

/// The area a path's fill covers when it is the full-page background (nil for any other item).
private func backgroundBounds(_ item: DisplayItem?, color: Color) -> Rect? {
    guard case .path(let path)? = item, path.fill == color else { return nil }
    return path.path.bounds
}

@Test func darkStylePaintsTheWholePageFirstOnEveryPage() {
    let style = darkStyle()
    let blocks: [Block] = [.title(TitleBlock(title: "Dark")), .heading(level: 1, text: "Heading", numbered: true, anchor: "")]
        + (0..<80).map { Fixture.para("Body text that should be readable, line \($0).") }
    let (document, _) = Fixture.layout(blocks, metadata: Fixture.en(), style: style)
    #expect(document.pages.count >= 2)
    for (index, page) in document.pages.enumerated() {
        // First, so the header, the footer and the body are all drawn over it.
        let bounds = backgroundBounds(page.items.first, color: style.colors.background)
        #expect(bounds == Rect(origin: .zero, size: page.size), "page \(index + 1)")
        #expect(page.strings.contains { $0.hasPrefix("Page ") })
    }
}

@Test func whiteStyleGetsNoBackground() {
    let (document, _) = Fixture.layout([Fixture.para("text")], metadata: Fixture.en())
    #expect(backgroundBounds(document.pages[0].items.first, color: .white) == nil)
    #expect(LayoutEngine.background(.white, size: Size(100, 100)) == nil)
}

@Test func lightCellFillsGetDarkTextInADarkStyle() {
    let light = Color(hex: "#56B4E9") ?? .white, dark = Color(hex: "#1e2a3a") ?? .black
    let table = TableBlock(number: "", title: "", sourceNote: "", headerRows: [],
                           rows: [[TableCell("1", fill: light), TableCell("2", fill: dark), TableCell("3")]])
    let style = darkStyle()
    let texts = Fixture.layout([.table(table)], metadata: Fixture.en(), style: style).document.pages[0].texts
    #expect(texts.first { $0.text == "1" }?.color == style.colors.background)
    #expect(texts.first { $0.text == "2" }?.color == .white)
    #expect(texts.first { $0.text == "3" }?.color == style.colors.text)
}

// MARK: Tiny pages and huge margins

/// Every number in a display list is finite and no rectangle (path bounds, clip, link) has a negative size.
private func checkSane(_ items: [DisplayItem], _ context: String) {
    func finite(_ r: Rect) -> Bool { [r.minX, r.minY, r.width, r.height].allSatisfy(\.isFinite) && r.width >= 0 && r.height >= 0 }
    for item in items {
        switch item {
        case .text(let t):
            #expect(t.origin.x.isFinite && t.origin.y.isFinite && t.width.isFinite && t.width >= 0, "\(context): text '\(t.text)'")
        case .path(let p):
            if let b = p.path.bounds { #expect(finite(b), "\(context): path \(b)") }
        case .link(let l):
            #expect(finite(l.rect), "\(context): link \(l.rect)")
        case .image(let i):
            #expect(finite(i.rect), "\(context): image")
        case .destination(_, let at):
            #expect(at.x.isFinite && at.y.isFinite, "\(context): destination")
        case .group(let g):
            if let clip = g.clip { #expect(finite(clip), "\(context): clip \(clip)") }
            checkSane(g.items, context)
        }
    }
}

/// Every block kind, a figure included.
private func everything() -> [Block] {
    let chart = ChartSpec(kind: .bar, number: "Figure 1", title: "Bars", sourceNote: "Source: test.", categories: ["2022"],
                          series: (1...5).map { ChartSeries(id: "e\($0)", label: "Entity \($0)", values: [Double($0)]) }, language: "en")
    return [
        .title(TitleBlock(title: "A title", subtitle: "Sub", author: "Me", date: "today")),
        .tableOfContents(title: "Contents"),
        .heading(level: 1, text: "One", numbered: true, anchor: ""),
        Fixture.para("Hello world, this is a paragraph."),
        .list(items: [[InlineSpan("an item")]], ordered: true),
        .callouts([Callout(value: "12,345", label: "Rank"), Callout(value: "3", label: "x", note: "n")]),
        .table(TableBlock(number: "Table 1", title: "T", sourceNote: "Source: s.", headerRows: [[TableCell("Name"), TableCell("2020")]],
                          rows: (1...8).map { [TableCell("Row \($0)"), TableCell("\($0 * 1000)", alignment: .end)] }, notes: ["Note."])),
        .figure(FigureBlock(chart: chart, height: 200, anchor: "f")),
        .note([InlineSpan("A note.")]),
        .references(title: "References", items: ["A reference."]),
    ]
}

@Test func tinyPagesAndHugeMarginsAreClampedWithAWarningAndNeverProduceBrokenGeometry() {
    let templates = [
        PageTemplate(size: Size(595, 842), margins: Insets(top: -10, right: 1000, bottom: 0, left: 0)),   // r4-margins-crash
        PageTemplate(size: Size(595, 842), margins: Insets(top: 64, right: 1000, bottom: 64, left: 60)),  // r4-margins-garbage
        PageTemplate(size: Size(100, 100), margins: Insets(top: 64, right: 60, bottom: 64, left: 60)),    // r4-small-page
        PageTemplate(size: Size(0, -5), margins: Insets(all: .nan)),
        PageTemplate(size: Size(.infinity, 300), margins: Insets(top: 0, right: .infinity, bottom: 500, left: 20)),
    ]
    for template in templates {
        var style = Style.briefing
        style.page = template
        let (document, warnings) = Fixture.layout(everything(), metadata: Fixture.en(), style: style)
        #expect(warnings.contains { $0.code == .pageTooSmall }, "\(template)")
        let (usable, _) = LayoutEngine.usableTemplate(template)
        let content = usable.contentRect
        #expect(content.width >= LayoutEngine.minimumContent.width - 1e-9 && content.height >= LayoutEngine.minimumContent.height - 1e-9)
        #expect(content.minX >= 0 && content.minY >= 0 && content.maxX <= usable.size.width + 1e-9 && content.maxY <= usable.size.height + 1e-9)
        // Not one character per line: a short page count and whole words.
        #expect(document.pages.count < 60, "\(template): \(document.pages.count) pages")
        let strings = document.pages.flatMap(\.strings)
        #expect(strings.contains { $0.contains("Hello") }, "\(template)")
        for (index, page) in document.pages.enumerated() {
            #expect(page.size.width >= 72 && page.size.height >= 72 && page.size.width.isFinite && page.size.height.isFinite)
            checkSane(page.items, "\(template) page \(index + 1)")
        }
    }
}

@Test func ordinaryPagesAreLeftAlone() {
    for template in [PageTemplate.a4, .letter, .slide] {
        let (usable, warning) = LayoutEngine.usableTemplate(template)
        #expect(usable == template && warning == nil)
    }
}

// MARK: Empty texts

@Test func emptyHeadingsListItemsNotesAndCalloutsAreLeftOutWithWarnings() {
    let blocks: [Block] = [
        .heading(level: 1, text: "  ", numbered: true, anchor: "gone"),
        .heading(level: 1, text: "First", numbered: true, anchor: ""),
        .list(items: [[InlineSpan("")], [InlineSpan("kept")], [InlineSpan(" "), InlineSpan("\n")]], ordered: true),
        .list(items: [[InlineSpan("")]], ordered: false),
        .note([InlineSpan("   ")]),
        .callouts([Callout(value: "", label: "no value"), Callout(value: "42", label: "answer")]),
        .callouts([Callout(value: " ", label: "")]),
    ]
    let (document, warnings) = Fixture.layout(blocks)
    let page = document.pages[0]
    // The blank heading takes no number: the first real one is still 一、.
    #expect(page.strings.contains("一、First"))
    #expect(document.outline.map(\.title) == ["一、First"])
    #expect(!page.destinations.contains("gone"))
    // One list item, numbered 1.
    #expect(page.strings.contains("kept") && page.strings.contains("1）") && !page.strings.contains("2）"))
    #expect(!page.strings.contains("•"))
    // No note box and one callout box.
    let fills = page.flatItems.compactMap { item -> Color? in if case .path(let p) = item { return p.fill } else { return nil } }
    #expect(!fills.contains(Fixture.style.colors.zebra))
    #expect(fills.filter { $0 == Fixture.style.colors.calloutFill }.count == 1)
    #expect(page.strings.contains("42") && !page.strings.contains("no value"))
    let empty = warnings.filter { $0.code == .emptyText }
    #expect(empty.count == 6, "\(empty.map(\.message))")
    #expect(empty.contains { $0.message.contains("'no value'") })
}
