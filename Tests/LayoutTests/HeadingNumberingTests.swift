import Geometry
import Model
import Testing
@testable import Layout

@Test func chineseNumeralsUpToNineThousandNineHundredNinetyNine() {
    let cases: [(Int, String)] = [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
                                  (40, "四十"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"),
                                  (111, "一百一十一"), (120, "一百二十"), (999, "九百九十九"), (1000, "一千"), (1001, "一千零一"),
                                  (1010, "一千零一十"), (1020, "一千零二十"), (1100, "一千一百"), (1234, "一千二百三十四"),
                                  (2005, "二千零五"), (9999, "九千九百九十九"), (10000, "10000"), (0, "0"), (-3, "-3")]
    for (n, expected) in cases { #expect(HeadingNumbering.chineseNumeral(n) == expected, "\(n)") }
}

@Test func theHundredthChineseHeadingIsNumberedInChinese() {
    var numbering = HeadingNumbering(scheme: .chinese)
    for _ in 1...99 { _ = numbering.next(level: 1) }
    #expect(numbering.next(level: 1) == "一百、")
    #expect(numbering.next(level: 2) == "（一）")
    #expect(numbering.next(level: 1) == "一百零一、")
}

@Test func chineseNumberingByLevel() {
    var numbering = HeadingNumbering(scheme: .chinese)
    #expect(numbering.next(level: 1) == "一、")
    #expect(numbering.next(level: 2) == "（一）")
    #expect(numbering.next(level: 3) == "1. ")
    #expect(numbering.next(level: 3) == "2. ")
    #expect(numbering.next(level: 2) == "（二）")
    #expect(numbering.next(level: 3) == "1. ")
    #expect(numbering.next(level: 1) == "二、")
    #expect(numbering.next(level: 2) == "（一）")
}

@Test func decimalNumberingByLevel() {
    var numbering = HeadingNumbering(scheme: .decimal)
    #expect(numbering.next(level: 1) == "1 ")
    #expect(numbering.next(level: 2) == "1.1 ")
    #expect(numbering.next(level: 3) == "1.1.1 ")
    #expect(numbering.next(level: 2) == "1.2 ")
    #expect(numbering.next(level: 1) == "2 ")
    #expect(numbering.next(level: 3) == "2.0.1 ")
}

private let sections: [Block] = [
    .heading(level: 1, text: "总体", numbered: true, anchor: "overview"),
    .heading(level: 2, text: "甲", numbered: true, anchor: ""),
    .heading(level: 3, text: "细节", numbered: true, anchor: ""),
    .heading(level: 2, text: "乙", numbered: true, anchor: ""),
    .heading(level: 1, text: "附录", numbered: false, anchor: ""),
    .heading(level: 1, text: "结论", numbered: true, anchor: ""),
    .references(title: "参考文献", items: ["某文献"]),
]

@Test func outlineEntriesNest() {
    let (document, _) = Fixture.layout(sections)
    let outline = document.outline
    #expect(outline.map(\.title) == ["一、总体", "附录", "二、结论", "参考文献"])
    #expect(outline.first?.children.map(\.title) == ["（一）甲", "（二）乙"])
    #expect(outline.first?.children.first?.children.map(\.title) == ["1. 细节"])
    #expect(outline.first?.destination == "overview")
    #expect(outline.first?.children.first?.destination == "h-1-1")
    #expect(outline.first?.children.first?.children.first?.destination == "h-1-1-1")
    // Every outline destination exists on a page.
    func all(_ entries: [OutlineEntry]) -> [OutlineEntry] { entries.flatMap { [$0] + all($0.children) } }
    for entry in all(outline) { #expect(document.page(ofDestination: entry.destination) != nil) }
}

@Test func decimalStyleNumbersHeadings() {
    var style = Style.briefing
    style.headingNumbering = .decimal
    let (document, _) = Fixture.layout(sections, style: style)
    #expect(document.outline.map(\.title) == ["1 总体", "附录", "2 结论", "参考文献"])
    #expect(document.outline.first?.children.first?.children.first?.title == "1.1.1 细节")
}

@Test func duplicateAnchorsAndBrokenLinksAreReported() {
    let style = Style.briefing
    let blocks: [Block] = [.heading(level: 1, text: "A", numbered: true, anchor: "a"), .heading(level: 1, text: "B", numbered: true, anchor: "a"),
                           .paragraph([InlineSpan("see", link: "#nowhere")])]
    let (document, warnings) = Fixture.layout(blocks, style: style)
    #expect(warnings.contains { $0.code == .duplicateAnchor })
    #expect(warnings.contains { $0.code == .brokenLink && $0.message.contains("nowhere") })
    #expect(Set(document.pages[0].destinations).count == 2)
}
