import Model
import Geometry
import Testing
@testable import Charts

private func percentBars(labels: [String?]) -> ChartSpec {
    let values: [Double] = [98.3, 97, 94]
    return ChartSpec(kind: .bar, title: "Breadth", sourceNote: "Source: test.", categories: ["2001"],
                     series: values.indices.map { i in
                         ChartSeries(id: "E\(i)", label: "E\(i)", values: [values[i]], valueLabels: i < labels.count ? [labels[i]] : [])
                     },
                     valueAxisTitle: "%", language: "en")
}

@Test func barsShowTheCallersValueLabels() {
    let texts = renderer.render(percentBars(labels: ["98.3%", "97%", "94%"]), size: reportSize).frame.flattenedTexts.map(\.text)
    #expect(texts.contains("97%"))
    #expect(texts.contains("98.3%"))
    #expect(!texts.contains("97.0%"))
    #expect(!texts.contains("97"))
}

@Test func barsFormatTheirOwnLabelsWithoutTrailingZeros() {
    let texts = renderer.render(percentBars(labels: []), size: reportSize).frame.flattenedTexts.map(\.text)
    #expect(texts.contains("97"))
    #expect(texts.contains("98.3"))
    #expect(!texts.contains("97.0"))
}

@Test func aBarWithoutALabelOfItsOwnIsFormatted() {
    let texts = renderer.render(percentBars(labels: ["98.3%", nil]), size: reportSize).frame.flattenedTexts.map(\.text)
    #expect(texts.contains("98.3%"))
    #expect(texts.contains("97"))
    #expect(texts.contains("94"))
}

@Test(arguments: [ChartKind.bar, .groupedBar])
func theBestRankReachesTheFullLength(kind: ChartKind) {
    // Worst rank 13: a niced 0…15 scale would stop the best bar well short of the room kept for it.
    var spec = Sample.spec(kind)
    spec.series = Sample.series { i in kind == .bar ? [[1, 13, 4, 7, 2][i]] : [[1, 6, 8, 3, 5][i], [2, 3, 13, 8, 1][i]] }
    let size = Size(1920, 1080)
    let chart = ChartRenderer(style: slidesStyle, measurer: FixedWidthMeasurer()).render(spec, size: size)
    let bars = paths(chart.frame).filter { $0.fill != nil && $0.path.elements.count == 5 }.map { box($0.path) }
    guard let longest = bars.max(by: { $0.maxX < $1.maxX }) else { Issue.record("no bars"); return }
    let label = chart.frame.flattenedTexts.filter { abs($0.bounds.midY - longest.midY) < 1 && $0.bounds.minX >= longest.maxX }
    let rightEdge = label.map(\.bounds.maxX).max() ?? longest.maxX
    #expect(size.width - rightEdge < size.width * 0.04, "\(kind): \(size.width - rightEdge) pt left over")
}
