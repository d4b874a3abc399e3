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
    #expect(rowNames == (1...1000).map { "国家\($0)" })
    // The source note stays with the last row.
    let last = document.pages[document.pages.count - 1].strings
    #expect(last.contains("资料来源：联合国。") && last.contains("国家1000"))
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
