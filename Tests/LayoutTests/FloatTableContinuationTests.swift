import Charts
import Geometry
import Model
import Testing
@testable import Layout

// A figure that waited for room goes first on the next page; a table continuing on that page repeats its header
// under the figure only when a row fits there with the space after the figure, else it continues a page later.

/// A paragraph, a figure `height` tall too big for the rest of the first page, and a long table that starts under the
/// paragraph while the figure waits.
private func report(figureHeight: Double) -> [Block] {
    [Fixture.para(Fixture.chinese(300)),
     .figure(FigureBlock(chart: ChartSpec(kind: .bar, number: "图 1", title: "柱图", sourceNote: "资料来源：测试。",
                                          categories: ["2022"], series: [ChartSeries(id: "a", label: "甲", values: [3])], language: "zh-cn"),
                         height: figureHeight, anchor: "f1")),
     .table(TableBlock(number: "表 1", title: "排名", sourceNote: "资料来源：联合国。",
                       headerRows: [[TableCell("国家"), TableCell("排名", alignment: .end)]],
                       rows: (1...80).map { [TableCell("国家 \($0)"), TableCell("\($0)", alignment: .end)] }))]
}

@Test func aTableRowUnderAWaitingFigureIsNeverClipped() {
    for height in stride(from: 560.0, through: 660.0, by: 2.5) {
        let (document, warnings) = Fixture.layout(report(figureHeight: height))
        #expect(!warnings.contains { $0.code == .clipped }, "figure height \(height): \(warnings.map(\.message))")
        // Every row is there once, in order.
        let rows = document.pages.flatMap(\.strings).filter { $0.hasPrefix("国家 ") }
        #expect(rows == (1...80).map { "国家 \($0)" }, "figure height \(height)")
    }
}
