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

@Test func tocLevelsAreIndentedAndEveryLineLinksOnlyItsOwnRow() {
    var blocks: [Block] = [.tableOfContents(title: "目录")]
    for chapter in 1...3 {
        blocks.append(.heading(level: 1, text: "第\(chapter)章", numbered: true, anchor: "c\(chapter)"))
        blocks.append(.heading(level: 2, text: "第\(chapter)节，标题较长" + String(repeating: "的说明文字", count: chapter * 4), numbered: true, anchor: "s\(chapter)"))
        blocks.append(Fixture.para(Fixture.chinese(900, seed: chapter)))
    }
    let (document, _) = Fixture.layout(blocks)
    let page = document.pages[0]
    let links = page.links.filter { if case .destination = $0.target { return true } else { return false } }
    // The contents lines are the texts under the entries' link areas.
    let texts = page.texts.filter { text in links.contains { $0.rect.contains(text.origin) } }
    func label(_ prefix: String) -> TextItem? {
        texts.first { $0.text.replacingOccurrences(of: String(CJKSpacing.quarterEm), with: " ").hasPrefix(prefix) }
    }
    guard let level1 = label("一、第 1 章"), let level2 = label("（一）第 1 节") else { Issue.record("entries missing"); return }
    // Level 2 is indented, level 1 starts at the margin.
    #expect(abs(level1.origin.x - Fixture.content.minX) < 0.01)
    #expect(level2.origin.x > level1.origin.x + 10)
    // Long entries wrap under their own text, never into the page-number column.
    let numbers = texts.filter { Int($0.text) != nil }
    #expect(numbers.count == 6)
    let numberColumn = numbers.map(\.bounds.minX).min() ?? Fixture.content.maxX
    for text in texts where Int(text.text) == nil {
        #expect(text.bounds.maxX < numberColumn, "'\(text.text)' runs into the page numbers")
    }
    // Every page number is flush right, and link areas of different entries never overlap.
    #expect(numbers.allSatisfy { abs($0.bounds.maxX - Fixture.content.maxX) < 0.01 })
    #expect(links.count == 6)
    for i in links.indices {
        for j in links.indices where j > i {
            #expect(!links[i].rect.inset(by: Insets(all: 0.01)).intersects(links[j].rect), "link areas \(i) and \(j) overlap")
        }
    }
    // Each number sits on the last line of its entry, inside that entry's link area.
    for number in numbers {
        #expect(links.contains { $0.rect.contains(number.bounds, tolerance: 0.01) })
    }
}
