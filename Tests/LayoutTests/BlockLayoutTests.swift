import Geometry
import Model
import Testing
@testable import Layout

@Test func manyCalloutsWrapIntoBalancedRows() {
    let callouts = (1...6).map { Callout(value: "\($0)", label: "label \($0)", note: "note") }
    let (document, _) = Fixture.layout([.callouts(callouts)], metadata: Fixture.en())
    let values = document.pages[0].texts.filter { $0.font.size == Style.briefing.sizes.callout }
    #expect(values.count == 6)
    // Two rows of three: three distinct x positions, two distinct baselines.
    #expect(Set(values.map { ($0.origin.x * 10).rounded() }).count == 3)
    #expect(Set(values.map { ($0.origin.y * 10).rounded() }).count == 2)
    #expect(values.allSatisfy { Fixture.content.contains($0.bounds, tolerance: 0.01) })
}

@Test func listItemsWrapWithAHangingIndent() {
    let long = (0..<40).map { "word\($0)" }.joined(separator: " ")
    let (document, _) = Fixture.layout([.list(items: [[InlineSpan(long)], [InlineSpan("short")]], ordered: true)], metadata: Fixture.en())
    let texts = document.pages[0].texts.filter { Fixture.content.contains($0.bounds, tolerance: 0.01) }
    guard let marker = texts.first(where: { $0.text == "1." }) else { Issue.record("no marker"); return }
    // Justified lines are drawn word by word: the first word of each baseline starts the line.
    let words = texts.filter { $0.text.hasPrefix("word") }
    let lines = Dictionary(grouping: words) { ($0.origin.y * 100).rounded() }.values.compactMap { $0.min { $0.origin.x < $1.origin.x } }
    #expect(lines.count >= 2)
    // Every wrapped line starts at the same x, to the right of the marker.
    #expect(Set(lines.map { ($0.origin.x * 100).rounded() }).count == 1)
    #expect(lines.allSatisfy { $0.origin.x > marker.bounds.maxX })
    #expect(texts.contains { $0.text == "2." })
}

@Test func chineseListsNumberWithFullWidthParentheses() {
    let (document, _) = Fixture.layout([.list(items: [[InlineSpan("甲")], [InlineSpan("乙")]], ordered: true),
                                        .list(items: [[InlineSpan("丙")]], ordered: false)])
    let strings = document.pages[0].strings
    #expect(strings.contains("1）") && strings.contains("2）") && strings.contains("•"))
}

@Test func referencesAreNumberedAndListedAsASection() {
    let (document, _) = Fixture.layout([.references(title: "参考文献", items: ["甲文献", "乙文献"])])
    let strings = document.pages[0].strings
    #expect(strings.contains("[1]") && strings.contains("[2]") && strings.contains("甲文献"))
    #expect(document.outline.map(\.title) == ["参考文献"])
}

@Test func noteIsABoxedParagraphOnALightFill() {
    let (document, _) = Fixture.layout([.note([InlineSpan(Fixture.chinese(200))])])
    let fills = document.pages[0].flatItems.compactMap { item -> Rect? in
        if case .path(let p) = item, p.fill == Style.briefing.colors.zebra { return p.path.bounds } else { return nil }
    }
    let texts = document.pages[0].texts.filter { Fixture.content.contains($0.bounds, tolerance: 0.01) }
    #expect(!fills.isEmpty)
    // Every line of the note sits inside the box.
    guard let box = fills.dropFirst().reduce(fills.first, { $0?.union($1) }) else { return }
    #expect(texts.allSatisfy { box.contains($0.bounds, tolerance: 0.01) })
}

@Test func titleBlockLeavesRoomAboveAndStartsTheDocument() {
    let (document, _) = Fixture.layout([.title(TitleBlock(title: "标题", subtitle: "副标题", author: "作者", date: "日期")),
                                        Fixture.para("正文")])
    let texts = document.pages[0].texts
    guard let title = texts.first(where: { $0.text == "标题" }), let body = texts.first(where: { $0.text == "正文" }) else {
        Issue.record("missing"); return
    }
    #expect(title.font.size == Style.briefing.sizes.title && title.font.bold)
    #expect(title.bounds.minY > Fixture.content.minY + 60)
    #expect(body.origin.y > title.origin.y)
    #expect(["副标题", "作者", "日期"].allSatisfy { text in texts.contains { $0.text == text } })
}
