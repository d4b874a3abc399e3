import Geometry
import Model
import Testing
@testable import Layout

private func threePages() -> [Block] {
    [.title(TitleBlock(title: "简报", subtitle: "副标题", author: "研究组", date: "2024年5月")),
     .heading(level: 1, text: "总体情况", numbered: true, anchor: ""), Fixture.para(Fixture.chinese(300)), .pageBreak,
     .heading(level: 1, text: "排名变化", numbered: true, anchor: ""), Fixture.para(Fixture.chinese(300)), .pageBreak,
     Fixture.para(Fixture.chinese(100))]
}

@Test func chineseFooterSaysPageNOfM() {
    let (document, _) = Fixture.layout(threePages())
    #expect(document.pages.count == 3)
    for (index, page) in document.pages.enumerated() {
        #expect(page.strings.contains("第 \(index + 1) 页 / 共 3 页"))
        #expect(page.label == String(index + 1))
    }
}

@Test func englishFooterSaysPageNOfM() {
    let (document, _) = Fixture.layout(threePages(), metadata: Fixture.en())
    #expect(document.pages.map { $0.strings.contains { $0.hasPrefix("Page ") } } == [true, true, true])
    #expect(document.pages[1].strings.contains("Page 2 of 3"))
    #expect(PageFurniture.footerText(page: 4, of: 9, language: "zh") == "第 4 页 / 共 9 页")
    #expect(PageFurniture.footerText(page: 4, of: 9, language: "en-GB") == "Page 4 of 9")
}

@Test func headerShowsReportTitleAndCurrentSectionButNotOnTheTitlePage() {
    let (document, _) = Fixture.layout(threePages(), metadata: Fixture.zh("报告标题"))
    let content = Fixture.content
    func header(_ page: Page) -> [String] { page.texts.filter { $0.bounds.maxY < content.minY }.map(\.text) }
    #expect(header(document.pages[0]).isEmpty)
    #expect(header(document.pages[1]) == ["报告标题", "二、排名变化"])
    // Page 3 has no heading of its own: the section in effect carries over.
    #expect(header(document.pages[2]) == ["报告标题", "二、排名变化"])
}

@Test func longHeaderTextsAreShortenedInsteadOfOverlapping() {
    let blocks: [Block] = [.heading(level: 1, text: String(repeating: "很长的章节标题", count: 12), numbered: true, anchor: ""),
                           .pageBreak, Fixture.para("x")]
    let (document, _) = Fixture.layout(blocks, metadata: Fixture.zh(String(repeating: "非常长的报告标题", count: 10)))
    let header = document.pages[1].texts.filter { $0.bounds.maxY < Fixture.content.minY }
    #expect(header.count == 2)
    if header.count == 2 {
        #expect(!header[0].bounds.intersects(header[1].bounds))
        #expect(header.allSatisfy { $0.text.hasSuffix("…") })
        #expect(header.allSatisfy { $0.bounds.minX >= Fixture.content.minX - 0.01 && $0.bounds.maxX <= Fixture.content.maxX + 0.01 })
    }
}

@Test func metadataAndLanguageAreCopied() {
    let (document, _) = Fixture.layout([Fixture.para("x")])
    #expect(document.language == "zh-cn")
    #expect(document.metadata == DocumentMetadata(title: "电子政务发展简报", author: "研究组", subject: "排名", keywords: "电子政务",
                                                 creator: "Dossier", date: "2024-05-01"))
}

@Test func runningHeaderShowsTheSectionInForceAtTheTopOfThePage() {
    // Section 二 starts in the middle of a page: that page still opens inside 一, so its header shows 一 (a
    // reader looking up from the top of the page is in 一); the next page carries 二. A section that opens a
    // page (after a page break) is shown on it — see headerShowsReportTitleAndCurrentSectionButNotOnTheTitlePage.
    let blocks: [Block] = [.heading(level: 1, text: "总体情况", numbered: true, anchor: "one"), Fixture.para(Fixture.chinese(2200)),
                           .heading(level: 1, text: "排名变化", numbered: true, anchor: "two"), Fixture.para(Fixture.chinese(1800))]
    let (document, _) = Fixture.layout(blocks, metadata: Fixture.zh("报告"))
    guard let two = document.page(ofDestination: "two") else { Issue.record("no heading"); return }
    #expect(two >= 1 && document.pages.count > two + 1)
    func section(_ page: Int) -> String? {
        document.pages[page].texts.filter { $0.bounds.maxY < Fixture.content.minY }.map(\.text).last
    }
    // The heading is not the first thing on its page.
    let firstBody = document.pages[two].texts.filter { Fixture.content.contains($0.bounds, tolerance: 0.01) }.min { $0.origin.y < $1.origin.y }
    #expect(firstBody?.text != "二、排名变化")
    #expect(section(0) == "一、总体情况")
    #expect(section(two) == "一、总体情况")
    #expect(section(two + 1) == "二、排名变化")
}

@Test func sectionsFollowTheHeadingAtThePageTopElseTheOneInForce() {
    let headings = ["一", "二", "三"].map { HeadingInfo(level: 1, label: $0, destination: $0, inTableOfContents: true) }
    // 一 opens page 0, 二 starts mid page 1, 三 opens page 3.
    let out = LayoutEngine.sections(headings: headings, pages: [0: 0, 1: 1, 2: 3], atPageTop: [0, 2], pageCount: 5)
    #expect(out == [0, 0, 1, 2, 2])
    // Before any section, the first one starting on the page is shown.
    #expect(LayoutEngine.sections(headings: headings, pages: [0: 1], atPageTop: [], pageCount: 2) == [nil, 0])
}
