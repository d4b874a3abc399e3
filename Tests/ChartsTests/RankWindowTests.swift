import Geometry
import Model
import Testing
@testable import Charts

// A bump chart with a rank window (`ranks: 1-20`): the axis shows the window only, lines are clipped to it and
// exits and entries are marked at its edge with the rank outside.

private func windowed(_ series: [(String, [Double?])], window: ClosedRange<Int>?, periods: [String] = ["p1", "p2", "p3", "p4"]) -> ChartSpec {
    var spec = ChartSpec(kind: .bump, number: "Figure 1", title: "Ranks", sourceNote: "Source: test.",
                         categories: periods, series: series.map { ChartSeries(id: $0.0, label: $0.0, values: $0.1) },
                         valuesAreRanks: true, language: "en")
    spec.rankWindow = window
    return spec
}

/// Solid stroke paths drawn in a colour (lines, not markers).
private func solidLines(_ frame: Frame, _ color: Color) -> [PathItem] {
    paths(frame).filter { $0.stroke?.color == color && $0.stroke?.dash.isEmpty == true && $0.fill == nil }
}

/// Twenty entities that hold ranks 1–20 in every period, and an outlier at rank 105.
private let topTwenty: [(String, [Double?])] = (1...20).map { r in ("E\(r)", [Double(r), Double(r), Double(r), Double(r)]) }

private func tickTexts(_ frame: Frame) -> Set<String> {
    Set(frame.flattenedTexts.map(\.text).filter { Int($0) != nil })
}

/// Vertical positions of the rank tick labels (text that is a bare number), by rank.
private func tickY(_ frame: Frame) -> [Int: Double] {
    var out: [Int: Double] = [:]
    for t in frame.flattenedTexts { if let r = Int(t.text), out[r] == nil { out[r] = t.origin.y } }
    return out
}

@Test func anOutlierNoLongerSqueezesTheWindow() {
    let series = Array(topTwenty.prefix(5)) + [("Outlier", [3, 105, 105, 4])]
    let plain = renderer.render(windowed(series, window: nil), size: reportSize)
    let clipped = renderer.render(windowed(series, window: 1...20), size: reportSize)
    // Without the window the axis runs to 105; with it, to 20 and no further.
    #expect(tickTexts(plain.frame).contains("100"))
    let ticks = tickTexts(clipped.frame).compactMap(Int.init)
    #expect(ticks.max() == 20)
    #expect(!ticks.contains { $0 > 20 })
    // Ranks 1–5 take a quarter of the window's height instead of a twentieth of the outlier's: compare where the
    // lines of rank 1 and rank 5 end.
    func spread(_ frame: Frame) -> Double {
        let end = { (i: Int) in solidLines(frame, paletteColor(i)).flatMap { segments($0.path) }.last?.1.y ?? 0 }
        return end(4) - end(0)
    }
    #expect(spread(clipped.frame) > 3 * spread(plain.frame))
    #expect(clipped.warnings.allSatisfy { $0.severity != .error })
}

@Test func exitsAndEntriesAreMarkedAtTheEdgeWithTheRankOutside() {
    let series: [(String, [Double?])] = [("A", [1, 1, 2, 1]), ("B", [2, 34, 41, 2]), ("C", [3, 2, 1, 3]), ("D", [25, 3, 3, 30])]
    let chart = renderer.render(windowed(series, window: 1...5), size: reportSize)
    let texts = chart.frame.flattenedTexts.map(\.text)
    // B leaves after 2001 (34 in 2002) and comes back in 2004 (41 in 2003); D enters in 2002 and leaves in 2004.
    #expect(texts.contains("↓ 34"))
    #expect(texts.contains("↓ 41"))
    #expect(texts.contains("↓ 25"))
    // D is outside in the last period: its end label says so.
    #expect(texts.contains("↓ 30"))
    #expect(!texts.contains("30"))
    // Every edge label sits below the window's worst rank, and no label overlaps another.
    let worst = chart.frame.flattenedTexts.first { $0.text == "5" }?.origin.y ?? 0
    for t in chart.frame.flattenedTexts where t.text.hasPrefix("↓ ") && t.text != "↓ 30" { #expect(t.origin.y > worst) }
    #expect(intersections(chart.labelBoxes).isEmpty)
    #expect(chart.warnings.allSatisfy { $0.code != .chartLabelsDropped })
    #expect(texts.contains { $0.contains("Only ranks 1–5 are shown") })
}

@Test func linesAreClippedToTheWindow() {
    let series: [(String, [Double?])] = [("A", [1, 2, 1, 1]), ("B", [2, 60, 90, 2]), ("C", [3, 1, 2, 3])]
    let chart = renderer.render(windowed(series, window: 1...3), size: reportSize)
    let rankY = tickY(chart.frame)
    guard let top = rankY[1], let bottom = rankY[3] else { Issue.record("no rank ticks"); return }
    // B's line goes down to the edge mark under rank 3, never further than the edge zone, and never joins its
    // two outside points along the edge.
    let bSegments = solidLines(chart.frame, paletteColor(1)).flatMap { segments($0.path) }
    #expect(!bSegments.isEmpty)
    let lowest = bSegments.flatMap { [$0.0.y, $0.1.y] }.max() ?? 0
    #expect(lowest > bottom)
    #expect(lowest < bottom + (bottom - top))
    #expect(!bSegments.contains { abs($0.0.y - $0.1.y) < 0.01 && $0.0.y > bottom })
    #expect(chart.frame.flattenedTexts.contains { $0.text == "↓ 60" })
    #expect(chart.frame.flattenedTexts.contains { $0.text == "↓ 90" })
}

@Test func aWindowBelowRankOneMarksEntriesFromAbove() {
    let series: [(String, [Double?])] = [("A", [12, 3, 11, 12]), ("B", [11, 11, 12, 11]), ("C", [13, 13, 13, 13])]
    let chart = renderer.render(windowed(series, window: 11...20), size: reportSize)
    let texts = chart.frame.flattenedTexts.map(\.text)
    #expect(texts.contains("↑ 3"))
    let ticks = tickTexts(chart.frame).compactMap(Int.init)
    #expect(ticks.min() == 11)
    #expect(intersections(chart.labelBoxes).isEmpty)
}

@Test func manyExitsInOnePeriodStackWithoutOverlap() {
    // Ten entities leave the top 3 at once; their edge labels need rows of their own.
    var series: [(String, [Double?])] = [("A", [1, 1, 1, 1]), ("B", [2, 2, 2, 2]), ("C", [3, 3, 3, 3])]
    for k in 0..<6 { series.append(("X\(k)", [Double(4 + k), Double(40 + k), Double(4 + k), Double(4 + k)])) }
    let chart = renderer.render(windowed(series, window: 1...9), size: Size(480, 400))
    let edgeLabels = chart.frame.flattenedTexts.filter { $0.text.hasPrefix("↓ ") }
    #expect(edgeLabels.count == 6)
    #expect(intersections(chart.labelBoxes).isEmpty)
    #expect(chart.warnings.allSatisfy { $0.code != .chartLabelsDropped })
}

@Test func aSeriesStillOutsideAtTheEndKeepsItsEndLabelAndIsNotCalledUnranked() {
    // G leaves the top 3 in p2 (9th) and is still outside in p3 (7th): ranked, only outside the window.
    let series: [(String, [Double?])] = [("A", [1, 1, 1]), ("B", [2, 2, 2]), ("C", [4, 3, 3]), ("G", [3, 9, 7])]
    let chart = renderer.render(windowed(series, window: 1...3, periods: ["p1", "p2", "p3"]), size: reportSize)
    let texts = chart.frame.flattenedTexts.map(\.text)
    #expect(texts.contains("↓ 9"))
    #expect(texts.contains("↓ 7"))
    #expect(!texts.contains { $0.contains("not ranked") })
    #expect(intersections(chart.labelBoxes).isEmpty)
}

@Test func aSeriesThatStartsOutsideIsMarkedWhereItStartsButNotInTheMiddleOfAStayOutside() {
    let series: [(String, [Double?])] = [("A", [1, 1, 1, 1, 1]), ("E", [12, 9, 2, 2, 2]), ("F", [2, 30, 40, 50, 3])]
    let chart = renderer.render(windowed(series, window: 1...5, periods: ["p1", "p2", "p3", "p4", "p5"]), size: reportSize)
    let texts = chart.frame.flattenedTexts.map(\.text)
    #expect(texts.contains("↓ 12"), "the first period, outside, is marked: \(texts)")
    #expect(texts.contains("↓ 9"), "the entry")
    #expect(texts.contains("↓ 30") && texts.contains("↓ 50"), "the exit and the re-entry")
    #expect(!texts.contains("↓ 40"), "a period in the middle of a stay outside is not drawn")
    #expect(texts.contains { $0.contains("at its first and last period") }, "the note says which ranks outside are marked")
}
