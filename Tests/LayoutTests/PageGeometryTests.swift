import Geometry
import Model
import Testing
@testable import Layout

/// A long mixed Chinese report: every block kind, several pages.
func mixedReport() -> [Block] {
    var blocks: [Block] = [.title(TitleBlock(title: "电子政务发展简报", subtitle: "2018—2022年排名分析", author: "研究组", date: "2024年5月")),
                           .tableOfContents(title: "目录")]
    for chapter in 1...3 {
        blocks.append(.heading(level: 1, text: "第\(chapter)部分", numbered: true, anchor: ""))
        blocks.append(.callouts((1...5).map { Callout(value: "\($0 * chapter)", label: "指标\($0)", note: "较上期上升") }))
        for section in 1...2 {
            blocks.append(.heading(level: 2, text: "分析\(section)", numbered: true, anchor: ""))
            blocks.append(.paragraph([InlineSpan(Fixture.chinese(260, seed: section)), InlineSpan("重点", bold: true),
                                      InlineSpan(Fixture.chinese(140, seed: chapter))]))
            blocks.append(.list(items: [[InlineSpan(Fixture.chinese(30))], [InlineSpan(Fixture.chinese(90, seed: 3))]], ordered: section == 1))
            blocks.append(.heading(level: 3, text: "细节", numbered: true, anchor: ""))
            blocks.append(.table(TableBlock(number: "表 \(chapter)-\(section)", title: "排名", sourceNote: "资料来源：联合国。",
                                            headerRows: [[TableCell("国家"), TableCell("排名", alignment: .center, columnSpan: 3)],
                                                         [TableCell(""), TableCell("2018"), TableCell("2020"), TableCell("2022")]],
                                            rows: (1...(15 * section)).map { [TableCell("国家\($0)"), TableCell("\($0)"),
                                                                               TableCell(Fixture.chinese($0 % 4 * 5)),
                                                                               TableCell("0.\($0)", alignment: .decimal)] },
                                            notes: ["注：—表示无数据。"])))
            blocks.append(.note([InlineSpan(Fixture.chinese(120))]))
        }
    }
    blocks.append(.references(title: "参考文献", items: (1...5).map { "文献\($0)：" + Fixture.chinese(60, seed: $0) }))
    return blocks
}

@Test func bodyTextStaysInsideTheContentArea() {
    let (document, warnings) = Fixture.layout(mixedReport())
    #expect(warnings.isEmpty)
    #expect(document.pages.count >= 5)
    let content = Fixture.content
    let furniture = Set(["电子政务发展简报"] + (1...document.pages.count).map { "第 \($0) 页 / 共 \(document.pages.count) 页" })
        .union(document.outline.map(\.title))
    for (index, page) in document.pages.enumerated() {
        for text in page.texts where !content.contains(text.bounds, tolerance: 0.01) {
            // Only the running header and the footer live in the margins, and never on the body's side of the rules.
            #expect(furniture.contains(text.text), "page \(index + 1): '\(text.text)' outside the content area")
            #expect(text.bounds.maxY <= content.minY || text.bounds.minY >= content.maxY)
        }
    }
}

@Test func noTwoTextItemsOnAPageOverlap() {
    var justified = Style.briefing
    justified.justify = true
    for style in [Style.briefing, justified] {
        let (document, _) = Fixture.layout(mixedReport(), style: style)
        for (index, page) in document.pages.enumerated() {
            let boxes = page.texts.map { $0.bounds.inset(by: Insets(all: 0.01)) }
            for i in boxes.indices {
                for j in boxes.indices where j > i && boxes[i].intersects(boxes[j]) {
                    Issue.record("page \(index + 1): '\(page.texts[i].text)' overlaps '\(page.texts[j].text)'")
                }
            }
        }
    }
}

@Test func justifiedLinesReachTheRightEdge() {
    var style = Style.briefing
    style.justify = true
    let text = Fixture.chinese(400) + "\n" + (0..<80).map { "word\($0 % 7)" }.joined(separator: " ")
    let (document, _) = Fixture.layout([Fixture.para(text)], style: style)
    let content = Fixture.content
    let body = document.pages[0].texts.filter { content.contains($0.bounds, tolerance: 0.01) }
    let lines = Dictionary(grouping: body) { ($0.origin.y * 100).rounded() }.sorted { $0.key < $1.key }.map(\.value)
    #expect(lines.count > 6)
    // The last line of each hard-broken segment stays ragged, the others end at the right edge.
    let ends = lines.map { line in line.map(\.bounds.maxX).max() ?? 0 }
    let full = ends.filter { abs($0 - content.maxX) < 0.05 }.count
    #expect(full == lines.count - 2)
}

@Test func linksCoverTheirText() {
    let blocks: [Block] = [.heading(level: 1, text: "Target", numbered: false, anchor: "t"),
                           .paragraph([InlineSpan("go to "), InlineSpan("target", link: "#t"), InlineSpan(" or "),
                                       InlineSpan("site", link: "https://example.org")])]
    let (document, warnings) = Fixture.layout(blocks, metadata: Fixture.en())
    #expect(warnings.isEmpty)
    let page = document.pages[0]
    guard let word = page.texts.first(where: { $0.text == "target" }), let site = page.texts.first(where: { $0.text == "site" }) else {
        Issue.record("link text missing"); return
    }
    func same(_ a: Rect, _ b: Rect) -> Bool { a.contains(b, tolerance: 0.001) && b.contains(a, tolerance: 0.001) }
    #expect(page.links.contains { $0.target == .destination("t") && same($0.rect, word.bounds) })
    #expect(page.links.contains { $0.target == .uri("https://example.org") && same($0.rect, site.bounds) })
    #expect(word.color == Style.briefing.colors.accent)
}

@Test func chineseLinesNeverStartWithClosingPunctuation() {
    let (document, _) = Fixture.layout([Fixture.para(Fixture.chinese(2000))])
    let content = Fixture.content
    for page in document.pages {
        for text in page.texts where content.contains(text.bounds, tolerance: 0.01) && abs(text.origin.x - content.minX) < 0.01 {
            #expect(!(text.text.first.map { CharacterClass.noLineStart.contains($0) } ?? false))
        }
    }
}
