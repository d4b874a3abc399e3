import Geometry
import Model
import Testing
@testable import Layout

// Subheading rows (`group-by:`): one cell across the table, a row header in the structure tree, never left at the
// foot of a page.

/// `groups` groups of `size` rows, each under a subheading "组 k".
private func groupedTable(groups: Int, size: Int) -> TableBlock {
    let header = [[TableCell("城市", bold: true), TableCell("排名", alignment: .center, bold: true), TableCell("得分", alignment: .center, bold: true)]]
    var rows: [[TableCell]] = []
    var subheadings: Set<Int> = []
    for g in 0..<groups {
        subheadings.insert(rows.count)
        rows.append([TableCell("组\(g + 1)", bold: true, columnSpan: 3)])
        for i in 0..<size {
            rows.append([TableCell("城市\(g + 1)-\(i + 1)"), TableCell("\(i + 1)", alignment: .center), TableCell("0.5", alignment: .decimal)])
        }
    }
    var table = TableBlock(number: "表 1", title: "分组", sourceNote: "资料来源：测试。", headerRows: header, rows: rows)
    table.subheadingRows = subheadings
    return table
}

/// The structure roles of the tagged groups holding `text`, outermost first.
private func roles(of text: String, in items: [DisplayItem], above: [StructureRole] = []) -> [StructureRole]? {
    for item in items {
        switch item {
        case .group(let g):
            let path = above + (g.tag.map { [$0.role] } ?? [])
            if let found = roles(of: text, in: g.items, above: path) { return found }
        case .text(let t) where t.text.replacingOccurrences(of: String(CJKSpacing.quarterEm), with: " ") == text:
            return above
        default: continue
        }
    }
    return nil
}

@Test func aSubheadingIsNeverLeftAtTheFootOfAPage() {
    // Groups of 2 to 6 rows under paragraphs of different lengths, so pages end at every place in a group:
    // wherever a page ends, a subheading has its first row after it.
    for size in 2...6 {
        for shift in 0..<4 {
            let blocks: [Block] = [Fixture.para(Fixture.chinese(30 + 45 * shift)), .table(groupedTable(groups: 60, size: size))]
            let (document, warnings) = Fixture.layout(blocks)
            #expect(warnings.isEmpty)
            var seen = 0
            for page in document.pages {
                let rows = page.strings.filter { $0.hasPrefix("组 ") || $0.hasPrefix("城市 ") }
                seen += rows.filter { $0.hasPrefix("组 ") }.count
                #expect(rows.last?.hasPrefix("组 ") != true, "size \(size), shift \(shift): page \(page.label ?? "") ends with \(rows.suffix(2))")
            }
            #expect(seen == 60)
        }
    }
}

@Test func aSubheadingIsOneRowHeaderAcrossTheTable() throws {
    let (document, _) = Fixture.layout([.table(groupedTable(groups: 2, size: 2))])
    let page = try #require(document.pages.first)
    // A header cell of its own row in the table body; its members are data rows.
    #expect(roles(of: "组 1", in: page.items)?.suffix(2) == [.tableRow, .headerCell])
    #expect(roles(of: "城市 1-1", in: page.items)?.suffix(2) == [.tableRow, .dataCell])
    // Set across the table: it starts where the first column does and is not squeezed into it.
    let heading = try #require(page.texts.first { $0.text.hasPrefix("组") })
    let member = try #require(page.texts.first { $0.text.hasPrefix("城市") && $0.text != "城市" })
    #expect(abs(heading.origin.x - member.origin.x) < 0.01)
}
