import Geometry
import Model
import Testing
@testable import Layout

private func rankTable(rows: Int, number: String = "表 1") -> TableBlock {
    let header: [[TableCell]] = [
        [TableCell("国家", bold: true), TableCell("联合国电子政务发展指数", alignment: .center, columnSpan: 3),
         TableCell("得分", alignment: .center)],
        [TableCell(""), TableCell("2018", alignment: .center), TableCell("2020", alignment: .center),
         TableCell("2022", alignment: .center), TableCell("2022", alignment: .center)],
    ]
    let body = (0..<rows).map { i in
        [TableCell("国家\(i + 1)"), TableCell("\(i + 1)", alignment: .end), TableCell("\(i + 2)", alignment: .end),
         TableCell("\(i + 3)", alignment: .end), TableCell("0.\(900 - i % 900)", alignment: .decimal)]
    }
    return TableBlock(number: number, title: "各国排名", sourceNote: "资料来源：联合国。", headerRows: header, rows: body)
}

@Test func longTableRepeatsHeaderAndMarksContinuationOnEveryPage() {
    let table = rankTable(rows: 1000)
    let (document, warnings) = Fixture.layout([.heading(level: 1, text: "排名", numbered: true, anchor: ""), .table(table)])
    #expect(warnings.isEmpty)
    #expect(document.pages.count > 20)
    #expect(document.pages[0].strings.contains("表 1  各国排名"))
    #expect(!document.pages[0].strings.contains { $0.hasPrefix("续表") })
    for page in document.pages.dropFirst() {
        let strings = page.strings
        #expect(strings.contains("续表 1  各国排名"))
        #expect(strings.contains("联合国电子政务发展指数"))
        #expect(strings.contains("2018"))
    }
    // Every row appears exactly once, in order.
    let rowNames = document.pages.flatMap(\.strings).filter { $0.hasPrefix("国家") && $0 != "国家" }
    #expect(rowNames == (1...1000).map { "国家 \($0)" })
    // The source note stays with the last row.
    let last = document.pages[document.pages.count - 1].strings
    #expect(last.contains("资料来源：联合国。") && last.contains("国家 1000"))
}

@Test func englishContinuationSaysContinued() {
    var table = rankTable(rows: 120, number: "Table 2")
    table.title = "Ranks"
    let (document, _) = Fixture.layout([.table(table)], metadata: Fixture.en())
    #expect(document.pages.count > 1)
    #expect(document.pages[1].strings.contains("Table 2  Ranks (continued)"))
}

@Test func tableLayoutMeasuresEachRowOnce() {
    // Doubling the rows doubles the measuring work: nothing is re-measured per page.
    func calls(_ rows: Int) -> Int {
        let measurer = CountingMeasurer()
        _ = LayoutEngine(style: .briefing, measurer: measurer).layout([.table(rankTable(rows: rows))], metadata: Fixture.zh())
        return measurer.count
    }
    let small = calls(400), large = calls(800)
    #expect(Double(large) / Double(small) < 2.1)
}

@Test func rowTallerThanAPageIsSplitByLinesAndTheLoopEnds() {
    let huge = Fixture.chinese(6000)
    let table = TableBlock(number: "表 3", title: "长文本", sourceNote: "",
                           headerRows: [[TableCell("项目"), TableCell("说明")]],
                           rows: [[TableCell("甲"), TableCell("短")], [TableCell("乙"), TableCell(huge)], [TableCell("丙"), TableCell("短")]])
    let (document, warnings) = Fixture.layout([.table(table)])
    #expect(warnings.isEmpty)
    #expect(document.pages.count >= 3)
    let bodyTexts = document.pages.flatMap { page in
        page.texts.filter { Fixture.content.contains($0.bounds) }.map(\.text)
    }
    // All of the long cell's text is shown, once, in order.
    let cell = bodyTexts.filter { $0 != "甲" && $0 != "乙" && $0 != "丙" && $0 != "短" && $0 != "项目" && $0 != "说明"
        && !$0.contains("长文本") }.joined()
    #expect(cell.count == huge.count)
    #expect(cell == huge, "the long cell's text is incomplete or out of order")
    // The long row starts on the first page, right under the short row, instead of leaving it half empty.
    #expect(document.pages[0].strings.contains("乙"))
    for page in document.pages.dropFirst() { #expect(page.strings.contains("续表 3  长文本")) }
    // Nothing spills below the content area.
    for page in document.pages {
        for text in page.texts where text.origin.y > Fixture.content.minY {
            #expect(text.bounds.maxY <= Fixture.content.maxY + 0.01 || text.text.hasPrefix("第 "))
        }
    }
}

@Test func columnWidthsFollowContent() {
    // A long text column gets far more room than a short number column, and the table fills the width.
    let table = TableBlock(number: "", title: "", sourceNote: "", headerRows: [],
                           rows: [[TableCell("1"), TableCell(Fixture.chinese(200))], [TableCell("22"), TableCell("短")]])
    let (document, _) = Fixture.layout([.table(table)])
    let texts = document.pages[0].texts
    guard let one = texts.first(where: { $0.text == "1" }), let long = texts.first(where: { $0.text.hasPrefix("数字") }) else {
        Issue.record("cells missing"); return
    }
    #expect(one.origin.x < long.origin.x)
    #expect(long.origin.x - one.origin.x < 40)
    #expect(texts.filter { Fixture.content.contains($0.bounds) }.allSatisfy { $0.bounds.maxX <= Fixture.content.maxX + 0.01 })
}

@Test func decimalCellsAlignOnThePoint() {
    let values = ["1.5", "12.25", "100", "3.125"]
    let table = TableBlock(number: "", title: "", sourceNote: "", headerRows: [[TableCell("名称"), TableCell("值")]],
                           rows: values.map { [TableCell("项"), TableCell($0, alignment: .decimal)] })
    let (document, _) = Fixture.layout([.table(table)])
    let measurer = FixedWidthMeasurer()
    let texts = document.pages[0].texts
    var points: [Double] = []
    for value in values {
        guard let item = texts.first(where: { $0.text == value }) else { Issue.record("missing \(value)"); continue }
        let integer = String(value.prefix { $0 != "." })
        points.append(item.origin.x + measurer.width(of: integer, font: item.font))
    }
    #expect(points.count == 4)
    #expect(points.allSatisfy { abs($0 - points[0]) < 0.01 })
}

@Test func rankShadingKeepsCellFillAndPicksReadableText() {
    let dark = Color(hex: "#2b5c9e") ?? .black
    let table = TableBlock(number: "", title: "", sourceNote: "", headerRows: [],
                           rows: [[TableCell("1", fill: dark), TableCell("2", fill: dark, textColor: .black)]])
    let (document, _) = Fixture.layout([.table(table)])
    let texts = document.pages[0].texts
    #expect(texts.first { $0.text == "1" }?.color == .white)
    #expect(texts.first { $0.text == "2" }?.color == .black)
    let fills = document.pages[0].flatItems.compactMap { item -> Color? in
        if case .path(let p) = item { return p.fill } else { return nil }
    }
    #expect(fills.filter { $0 == dark }.count == 2)
}

@Test func continuedTitleMarkers() {
    #expect(TableLayout.continuedTitle(number: "表 1", title: "排名", language: "zh-cn") == "续表 1  排名")
    #expect(TableLayout.continuedTitle(number: "", title: "排名", language: "zh") == "续表  排名")
    #expect(TableLayout.continuedTitle(number: "Table 4", title: "Ranks", language: "en") == "Table 4  Ranks (continued)")
}

// MARK: Keeping short tables whole, orphan and widow rows

/// A one-level table with `rows` body rows named "行 1", "行 2", …
private func plainTable(rows: Int, number: String = "表 2") -> TableBlock {
    TableBlock(number: number, title: "服务广度", sourceNote: "资料来源：埃森哲。",
               headerRows: [[TableCell("国家"), TableCell("时间", alignment: .center), TableCell("比例", alignment: .decimal)]],
               rows: (1...rows).map { [TableCell("行\($0)"), TableCell("2001", alignment: .center), TableCell("9\($0 % 10).\($0 % 7)", alignment: .decimal)] })
}

/// Pages (0-based) holding each body row of a plain table, in row order.
private func rowPages(_ document: Document, rows: Int) -> [Int] {
    (1...rows).map { document.page(ofText: "行 \($0)") ?? -1 }
}

@Test func shortTableMovesWholeToTheNextPageInsteadOfSplitting() {
    var moved = false
    for count in 24...40 {
        let blocks = (0..<count).map { Fixture.para("填充 \($0)") } + [.table(plainTable(rows: 5))]
        let (document, warnings) = Fixture.layout(blocks)
        #expect(warnings.isEmpty)
        let pages = rowPages(document, rows: 5)
        #expect(Set(pages).count == 1, "a five-row table split across pages with \(count) fillers: \(pages)")
        // Its title and source stay with it, and it is never marked as continued.
        #expect(document.page(ofText: "表 2  服务广度") == pages.first)
        #expect(document.page(ofText: "资料来源：埃森哲。") == pages.first)
        #expect(!document.pages.flatMap(\.strings).contains { $0.hasPrefix("续表") })
        if pages.first == 1 { moved = true }
    }
    #expect(moved)
}

@Test func longTableSplitsLeaveAtLeastTwoRowsOnEachSide() {
    var splits = 0
    for count in 0...40 {
        let blocks = (0..<count).map { Fixture.para("填充 \($0)") } + [.table(plainTable(rows: 40))]
        let (document, _) = Fixture.layout(blocks)
        let pages = rowPages(document, rows: 40)
        let perPage = Dictionary(grouping: pages, by: { $0 }).mapValues(\.count)
        #expect(perPage.values.allSatisfy { $0 >= 2 }, "\(count) fillers: rows per page \(perPage.sorted { $0.key < $1.key })")
        // The title and header rows never end a page without two rows under them.
        #expect(document.page(ofText: "表 2  服务广度") == pages[0])
        for page in Set(pages) where page != pages[0] {
            #expect(document.pages[page].strings.contains("续表 2  服务广度"))
            #expect(document.pages[page].strings.contains("比例"))
        }
        if perPage.count > 1 { splits += 1 }
    }
    #expect(splits > 10)
}

@Test func tablesAreKeptTogetherWhenShortAndFittingAPage() {
    let page = 700.0
    #expect(TableLayout.keepsTogether(rows: 12, height: 500, pageHeight: page))
    #expect(!TableLayout.keepsTogether(rows: 13, height: 500, pageHeight: page))
    #expect(TableLayout.keepsTogether(rows: 30, height: 280, pageHeight: page))
    #expect(!TableLayout.keepsTogether(rows: 5, height: 701, pageHeight: page))
}

@Test func shortTableUnderAHeadingThatLeavesNoRoomStillSplitsCleanly() {
    // Twelve tall rows: the table fits a page on its own but not under its heading, so it cannot be moved
    // whole; the heading must still not be left alone, and neither side of the split gets a single row.
    let tall = (1...12).map { [TableCell("行\($0)"), TableCell(Fixture.chinese(150, seed: $0))] }
    let table = TableBlock(number: "表 4", title: "长行", sourceNote: "", headerRows: [[TableCell("项"), TableCell("说明")]], rows: tall)
    let heading = Block.heading(level: 2, text: "细节", numbered: false, anchor: "detail")
    for count in [0, 6, 12, 20] {
        let (document, _) = Fixture.layout((0..<count).map { Fixture.para("填充 \($0)") } + [heading, .table(table)])
        let pages = rowPages(document, rows: 12)
        let perPage = Dictionary(grouping: pages, by: { $0 }).mapValues(\.count)
        #expect(perPage.values.allSatisfy { $0 >= 2 }, "\(count) fillers: \(perPage)")
        #expect(document.page(ofDestination: "detail") == pages[0], "heading left without its table")
        #expect(document.page(ofText: "表 4  长行") == pages[0])
    }
}
