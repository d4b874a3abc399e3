import Geometry
import Model
import Testing
@testable import Layout

@Test func tocPageNumbersMatchThePagesWhereHeadingsLand() {
    var blocks: [Block] = [.title(TitleBlock(title: "简报")), .tableOfContents(title: "目录")]
    for chapter in 1...4 {
        blocks.append(.heading(level: 1, text: "第\(chapter)章", numbered: true, anchor: ""))
        for section in 1...2 {
            blocks.append(.heading(level: 2, text: "第\(chapter)-\(section)节", numbered: true, anchor: ""))
            blocks.append(Fixture.para(Fixture.chinese(700 * section, seed: chapter)))
        }
        blocks.append(.heading(level: 3, text: "不列入目录\(chapter)", numbered: true, anchor: ""))
    }
    let (document, warnings) = Fixture.layout(blocks)
    #expect(warnings.isEmpty)
    let tocPage = document.pages[0]
    let texts = tocPage.texts
    let tocLinks = tocPage.links
    #expect(!tocPage.strings.contains { $0.contains("不列入目录") })
    #expect(tocLinks.count == 12)

    func entries(_ list: [OutlineEntry]) -> [OutlineEntry] { list.flatMap { [$0] + entries($0.children) } }
    let listed = entries(document.outline).filter { !$0.title.contains("不列入目录") }
    #expect(listed.count == 12)
    var pagesSeen: Set<Int> = []
    for entry in listed {
        guard let label = texts.first(where: { $0.text == entry.title }) else { Issue.record("no TOC line for \(entry.title)"); continue }
        // The page number is the right-most text on the entry's baseline.
        let number = texts.filter { abs($0.origin.y - label.origin.y) < 0.01 && $0.origin.x > label.origin.x }.max { $0.origin.x < $1.origin.x }
        guard let page = document.page(ofDestination: entry.destination) else { Issue.record("no destination"); continue }
        #expect(number?.text == String(page + 1), "\(entry.title)")
        #expect(number.map { abs($0.bounds.maxX - Fixture.content.maxX) < 0.01 } == true)
        pagesSeen.insert(page)
        // The whole line links to the heading.
        #expect(tocLinks.contains { $0.target == .destination(entry.destination) && $0.rect.contains(label.origin) })
    }
    #expect(pagesSeen.count > 3)
}
