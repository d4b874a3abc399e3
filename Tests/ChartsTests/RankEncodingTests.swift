import Geometry
import Testing
@testable import Charts

/// Filled rectangles of a frame (bars, cells, square swatches).
private func filledRects(_ frame: Frame) -> [Rect] {
    paths(frame).filter { $0.fill != nil && $0.path.elements.count == 5 }.map { box($0.path) }
}

/// Filled circles (dots) of a frame with their centres.
private func dots(_ frame: Frame) -> [Point] {
    paths(frame).filter { $0.fill != nil && $0.path.elements.contains { if case .curve = $0 { return true } else { return false } } }
        .map { let b = box($0.path); return Point(b.midX, b.midY) }
}

private func rankBars(_ ranks: [Double?], outOf: Int? = nil) -> ChartSpec {
    ChartSpec(kind: .bar, title: "Rank 2003", sourceNote: "Source: test.", categories: ["2003"],
              series: ranks.indices.map { ChartSeries(id: "E\($0)", label: "Entity \($0)", values: [ranks[$0]]) },
              outOf: [outOf], valuesAreRanks: true, valueAxisTitle: "Rank", language: "en")
}

@Test(arguments: [Size(480, 300), Size(1920, 1080), Size(600, 1200)])
func ranksAreDotsOnARankAxisNotBars(size: Size) {
    let chart = renderer.render(rankBars([13, 1, 4, 7, 2]), size: size)
    #expect(filledRects(chart.frame).isEmpty, "a rank must not be drawn as a bar")
    let centers = dots(chart.frame)
    #expect(centers.count == 5, "every entity, the worst included, gets a mark")
    // Best first, top to bottom; rank 1 furthest left, the worst furthest right.
    let byRow = centers.sorted { $0.y < $1.y }
    #expect(byRow.map(\.x) == byRow.map(\.x).sorted())
    let texts = chart.frame.flattenedTexts
    #expect(texts.contains { $0.text == "best" }, "rank 1 is marked as the best")
    for rank in ["1", "2", "4", "7", "13"] { #expect(texts.contains { $0.text == rank }) }
    #expect(!texts.contains { $0.text.contains("Longer") })
}

@Test func theRankAxisRunsToTheSurveySize() {
    let chart = renderer.render(rankBars([1, 3, 13], outOf: 22), size: reportSize)
    let ticks = chart.frame.flattenedTexts.map(\.text)
    #expect(ticks.contains("20") || ticks.contains("22"), "\(ticks)")
    // 13th of 22 sits well short of the right end.
    let xs = dots(chart.frame).map(\.x).sorted()
    guard let first = xs.first, let last = xs.last else { Issue.record("no dots"); return }
    #expect(last - first < (reportSize.width - first) * 0.75)
}

@Test func groupedRankBarsAreDotsToo() {
    var spec = Sample.spec(.groupedBar)
    spec.language = "en"
    let chart = renderer.render(spec, size: reportSize)
    #expect(filledRects(chart.frame).isEmpty)
    let values = spec.series.flatMap { $0.values.compactMap { $0 } }
    // One path of dots per category: count the dots (one move each).
    let moves = paths(chart.frame).filter { item in item.fill != nil && item.path.elements.contains { if case .curve = $0 { return true } else { return false } } }.flatMap(\.path.elements)
        .filter { if case .move = $0 { return true } else { return false } }
    #expect(moves.count >= values.count)
    #expect(chart.frame.flattenedTexts.contains { $0.text.contains("rank 1 (best)") })
}

@Test func barsOfValuesStartAtZero() {
    let spec = ChartSpec(kind: .bar, title: "Share", categories: ["2001"],
                         series: [90, 95, 97].enumerated().map { ChartSeries(id: "E\($0)", label: "E\($0)", values: [$1]) },
                         valueAxisTitle: "%", language: "en")
    let chart = renderer.render(spec, size: reportSize)
    let bars = filledRects(chart.frame)
    #expect(bars.count == 3)
    guard let zero = chart.frame.flattenedTexts.first(where: { $0.text == "0" }) else { Issue.record("no zero tick"); return }
    for bar in bars { #expect(abs(bar.minX - zero.bounds.midX) < 0.5, "bars start at zero") }
    // Lengths are proportional to values: 90 against 97 is a small difference, not a gulf.
    let widths = bars.map(\.width).sorted()
    #expect(abs(widths[0] / widths[2] - 90.0 / 97.0) < 0.01)
}
