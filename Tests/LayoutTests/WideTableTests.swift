import Geometry
import Model
import Testing
@testable import Layout

/// A matrix like the QA repro r10-wide-matrix: a name column, then `ranks` rank columns and `scores` score
/// columns over the years from 2010, with two-decimal scores and a long name in the last row.
private func matrix(ranks: Int, scores: Int, names: [String] = ["California", "Pennsylvania",
                                                                 "District of Columbia, the Federal District and Seat of the United States Government"]) -> TableBlock {
    let years = (0..<max(ranks, scores)).map { String(2010 + $0) }
    let header: [[TableCell]] = [
        [TableCell("Entity")] + (ranks > 0 ? [TableCell("Rank", alignment: .center, columnSpan: ranks)] : [])
            + (scores > 0 ? [TableCell("Score", alignment: .center, columnSpan: scores)] : []),
        [TableCell("")] + years.prefix(ranks).map { TableCell($0, alignment: .center) } + years.prefix(scores).map { TableCell($0, alignment: .center) },
    ]
    let rows = names.enumerated().map { i, name in
        [TableCell(name)] + (0..<ranks).map { TableCell("\(1543 + i * 10 + $0)", alignment: .center) }
            + (0..<scores).map { TableCell(String(format: "%.2f", 44.29 + Double(i) + Double($0) * 1.11), alignment: .decimal) }
    }
    return TableBlock(number: "Table 1", title: "Wide", sourceNote: "Source: test.", headerRows: header, rows: rows)
}

/// Every cell text of a table as laid out (numbers, years and the words of the names), to check that none was split.
private func tableStrings(_ document: Document) -> [String] { document.pages.flatMap(\.strings) }

@Test func wideTableIsSetSmallerRatherThanSplittingNumbersYearsOrWords() {
    let table = matrix(ranks: 11, scores: 11)
    let (document, warnings) = Fixture.layout([.table(table)], metadata: Fixture.en())
    let strings = tableStrings(document)
    // Every number, year and name word is drawn whole: 1543 is not "15" / "43", 44.29 not "44." / "29".
    for row in table.rows {
        for cell in row.dropFirst() { #expect(strings.contains(cell.text), "'\(cell.text)' was split") }
    }
    for year in 2010...2020 { #expect(strings.filter { $0 == String(year) }.count == 2, "\(year) was split") }
    #expect(strings.contains { $0.hasPrefix("Pennsylvania") })
    #expect(strings.contains { $0.contains("Government") })
    let cells = document.pages[0].texts.filter { $0.text == "44.29" }
    #expect(cells.count == 1)
    // Set below the comfortable minimum, but not below the last resort, and the author is told.
    let size = cells.first?.font.size ?? 0
    #expect(size < Fixture.style.sizes.table * TableLayout.minimumFontScale)
    #expect(size >= Fixture.style.sizes.table * TableLayout.lastResortFontScale - 0.01)
    #expect(warnings.contains { $0.code == .tableTooWide && !$0.message.contains("split") })
    // The table still fits the column.
    for text in document.pages[0].texts { #expect(text.bounds.maxX <= Fixture.content.maxX + 0.01) }
}

@Test func tableThatFitsAtTheUsualMinimumIsNotShrunkFurtherAndNotReported() {
    let table = matrix(ranks: 6, scores: 6)
    let (document, warnings) = Fixture.layout([.table(table)], metadata: Fixture.en())
    #expect(!warnings.contains { $0.code == .tableTooWide })
    let size = document.pages[0].texts.first { $0.text == "44.29" }?.font.size ?? 0
    #expect(size >= Fixture.style.sizes.table * TableLayout.minimumFontScale - 0.01)
}

@Test func tableTooWideEvenAtTheSmallestTypeSplitsTheLongestWordsAndWarns() {
    let table = matrix(ranks: 0, scores: 40, names: ["Pennsylvania", "Supercalifragilisticexpialidocious"])
    let (document, warnings) = Fixture.layout([.table(table)], metadata: Fixture.en())
    let warning = warnings.first { $0.code == .tableTooWide }
    #expect(warning?.message.contains("split") == true)
    #expect(warning?.hint?.contains("landscape") == true)
    #expect(document.pages.count >= 1)
    for text in document.pages[0].texts { #expect(text.bounds.maxX <= Fixture.content.maxX + 0.01) }
}

@Test func lastResortWidthsCapTheWidestColumnsFirst() {
    // Narrow columns keep their width; only the widest give some up.
    let widths = TableLayout.capped([10, 10, 10, 100], to: 80)
    #expect(widths == [10, 10, 10, 50])
    let even = TableLayout.capped([30, 30, 30], to: 60)
    #expect(even == [20, 20, 20])
    #expect(abs(TableLayout.capped([5, 40, 25, 70], to: 100).reduce(0, +) - 100) < 1e-9)
}

@Test func tableNotesComeBeforeTheSourceLikeFigures() {
    let table = TableBlock(number: "表 1", title: "排名", sourceNote: "资料来源：联合国。", headerRows: [[TableCell("国家")]],
                           rows: [[TableCell("丹麦")]], notes: ["注：—表示无数据。"])
    let (document, _) = Fixture.layout([.table(table)])
    let texts = document.pages[0].texts
    guard let note = texts.first(where: { $0.text.hasPrefix("注") }), let source = texts.first(where: { $0.text.hasPrefix("资料来源") }) else {
        Issue.record("note or source missing: \(document.pages[0].strings)"); return
    }
    #expect(note.origin.y < source.origin.y)
}

@Test func longCalloutValueShrinksToFitItsBoxInsteadOfSplitting() {
    let blocks: [Block] = [.callouts([Callout(value: "952,914,781,164", label: "total"), Callout(value: "1", label: "a"),
                                      Callout(value: "2", label: "b")])]
    let (document, _) = Fixture.layout(blocks, metadata: Fixture.en())
    let texts = document.pages[0].texts
    guard let value = texts.first(where: { $0.text == "952,914,781,164" }) else {
        Issue.record("value split: \(document.pages[0].strings)"); return
    }
    let boxWidth = (Fixture.content.width - 2 * Fixture.style.sizes.body) / 3
    #expect(value.width <= boxWidth - 2 * Fixture.style.sizes.body + 0.01)
    #expect(value.font.size < Fixture.style.sizes.callout)
    // The values of a row share one size.
    #expect(texts.first { $0.text == "1" }?.font.size == value.font.size)
    // Short values keep the full size.
    let (short, _) = Fixture.layout([.callouts([Callout(value: "12", label: "Rank")])], metadata: Fixture.en())
    #expect(short.pages[0].texts.first { $0.text == "12" }?.font.size == Fixture.style.sizes.callout)
}

@Test func calloutValueOfSeveralWordsWrapsBetweenWordsButNeverInsideANumber() {
    let value = "1,234,567,890,123 of 9,876,543,210,987 and more words"
    let (document, _) = Fixture.layout([.callouts((1...4).map { Callout(value: $0 == 1 ? value : "\($0)", label: "x") })],
                                       metadata: Fixture.en())
    let strings = document.pages[0].strings
    #expect(strings.contains { $0.contains("1,234,567,890,123") })
    #expect(strings.contains { $0.contains("9,876,543,210,987") })
}
