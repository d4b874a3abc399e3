import Geometry
import Model
import Testing
@testable import Charts

private func bump(_ series: [(String, [Double?])], tie: TieRule = .shareAndStack, missing: MissingRule = .gap) -> ChartSpec {
    ChartSpec(kind: .bump, number: "Figure 1", title: "Ranks", sourceNote: "Source: test.",
              categories: ["a", "b", "c", "d"].prefix(series.map(\.1.count).max() ?? 0).map { $0 },
              series: series.map { ChartSeries(id: $0.0, label: $0.0, values: $0.1) },
              valuesAreRanks: true, tieRule: tie, missingRule: missing, language: "en")
}

/// Solid (undashed) stroke paths drawn in a colour.
private func lines(_ frame: Frame, _ color: Color) -> [PathItem] {
    paths(frame).filter { $0.stroke?.color == color && $0.stroke?.dash.isEmpty == true && $0.fill == nil }
}

private func centerX(of text: String, in frame: Frame) -> Double? {
    frame.flattenedTexts.first { $0.text == text }.map { $0.origin.x + $0.width / 2 }
}

@Test func rankOneIsTheTopmostLine() {
    let chart = renderer.render(bump([("A", [1, 1, 1]), ("B", [2, 2, 2]), ("C", [3, 3, 3])]), size: reportSize)
    let ys = (0..<3).map { i in lines(chart.frame, paletteColor(i)).flatMap { segments($0.path) }.map(\.0.y).min() ?? .infinity }
    #expect(ys[0] < ys[1])
    #expect(ys[1] < ys[2])
}

@Test func tiedEntitiesShareAPositionAndTheirLabelsDoNotIntersect() {
    let chart = renderer.render(bump([("A", [2, 1]), ("B", [3, 1]), ("C", [1, 2])]), size: reportSize)
    let endA = lines(chart.frame, paletteColor(0)).flatMap { segments($0.path) }.last?.1
    let endB = lines(chart.frame, paletteColor(1)).flatMap { segments($0.path) }.last?.1
    #expect(endA != nil && endA == endB)
    #expect(chart.labelBoxes.count == 3)
    #expect(intersections(chart.labelBoxes).isEmpty)
    // Stacked in series order: A's label above B's.
    let texts = chart.frame.flattenedTexts
    let labelA = texts.first { $0.text == "A" }, labelB = texts.first { $0.text == "B" }
    #expect((labelA?.origin.y ?? 0) < (labelB?.origin.y ?? 0))
    #expect(texts.contains { $0.text.contains("labels are stacked") })
}

@Test func offsetRuleSeparatesTiedLinesSlightly() {
    let chart = renderer.render(bump([("A", [2, 1]), ("B", [3, 1]), ("C", [1, 2])], tie: .offset), size: reportSize)
    let endA = lines(chart.frame, paletteColor(0)).flatMap { segments($0.path) }.last?.1.y ?? 0
    let endB = lines(chart.frame, paletteColor(1)).flatMap { segments($0.path) }.last?.1.y ?? 0
    let endC = lines(chart.frame, paletteColor(2)).flatMap { segments($0.path) }.last?.1.y ?? 0
    #expect(endA < endB)
    #expect(endB - endA < endC - endA)
    #expect(intersections(chart.labelBoxes).isEmpty)
}

@Test func aMissingPeriodLeavesNoSegmentAcrossIt() {
    let chart = renderer.render(bump([("A", [1, 2, nil, 2]), ("B", [2, 1, 1, 1])]), size: reportSize)
    guard let missingX = centerX(of: "c", in: chart.frame) else { Issue.record("no period label"); return }
    let segmentsA = lines(chart.frame, paletteColor(0)).flatMap { segments($0.path) }
    #expect(!segmentsA.isEmpty)
    #expect(!segmentsA.contains { min($0.0.x, $0.1.x) < missingX && max($0.0.x, $0.1.x) > missingX })
    #expect(!paths(chart.frame).contains { $0.stroke?.color == paletteColor(0) && $0.stroke?.dash.isEmpty == false })
}

@Test func aDashedBridgeCrossesTheMissingPeriodAndIsExplained() {
    let chart = renderer.render(bump([("A", [1, 2, nil, 2]), ("B", [2, 1, 1, 1])], missing: .dashedBridge), size: reportSize)
    guard let missingX = centerX(of: "c", in: chart.frame) else { Issue.record("no period label"); return }
    let dashed = paths(chart.frame).filter { $0.stroke?.color == paletteColor(0) && $0.stroke?.dash.isEmpty == false }
    #expect(dashed.flatMap { segments($0.path) }.contains { $0.0.x < missingX && $0.1.x > missingX })
    #expect(chart.frame.flattenedTexts.contains { $0.text.contains("Dashed segments") })
}

@Test func aSeriesSeenOnceStillHasAMarkerAndALabel() {
    let chart = renderer.render(bump([("A", [1, 1, 1]), ("B", [2, 2, 2]), ("C", [nil, 3, nil])]), size: reportSize)
    #expect(paths(chart.frame).contains { $0.fill == paletteColor(2) })
    // Labelled where it ends (it has no rank in the last period), and listed under the chart.
    #expect(chart.frame.flattenedTexts.contains { $0.text == "C 3" })
    #expect(chart.labelBoxes.count == 3)
    #expect(chart.frame.flattenedTexts.contains { $0.text.contains("not ranked: C (3 in b)") })
}

@Test func endLabelsCarryTheLastRank() {
    let chart = renderer.render(Sample.spec(.bump), size: reportSize)
    let texts = chart.frame.flattenedTexts
    guard let name = texts.first(where: { $0.text == "美国" }) else { Issue.record("no label"); return }
    // The rank run follows the name on the same baseline.
    #expect(texts.contains { $0.text == "3" && $0.origin.y == name.origin.y && $0.origin.x > name.origin.x })
    #expect(texts.contains { $0.text == CJKSpacing.normalised("共23个") })
}

@Test func fourHundredSeriesLabelOnlyTheFocusSetWithoutOverlaps() {
    var seed: UInt64 = 11
    func next() -> Double {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Double(seed >> 11) / Double(1 << 53)
    }
    let focus: Set<Int> = [0, 1, 2, 150, 399]
    let series = (0..<400).map { i in
        ChartSeries(id: "E\(i)", label: "E\(i)", focus: focus.contains(i),
                    values: (0..<8).map { _ in next() < 0.05 ? nil : Double(1 + Int(next() * 400)) })
    }
    let spec = ChartSpec(kind: .bump, title: "Many", sourceNote: "Source: test.", categories: (2016...2023).map(String.init),
                         series: series, valuesAreRanks: true, language: "en")
    for size in [reportSize, Size(1920, 1080)] {
        let chart = renderer.render(spec, size: size)
        #expect(chart.labelBoxes.count == focus.count)
        #expect(intersections(chart.labelBoxes).isEmpty)
        let labelled = Set(chart.frame.flattenedTexts.map(\.text).filter { $0.hasPrefix("E") })
        #expect(labelled == Set(focus.map { "E\($0)" }))
        // One solid path per series at most, plus markers for focus series: the item count stays linear.
        #expect(chart.frame.items.count < 400 * 3)
    }
}

@Test func crowdedLabelsThatCannotFitAreDroppedWithAWarning() {
    let series = (0..<60).map { i in ChartSeries(id: "S\(i)", label: "S\(i)", focus: true, values: [Double(i + 1), Double(i + 1)]) }
    let spec = ChartSpec(kind: .bump, title: "Tight", categories: ["a", "b"], series: series, valuesAreRanks: true, language: "en")
    let chart = renderer.render(spec, size: reportSize)
    #expect(chart.labelBoxes.count < 60)
    #expect(intersections(chart.labelBoxes).isEmpty)
    #expect(chart.warnings.contains { $0.code == .chartLabelsDropped })
}

@Test func manyPeriodsThinTheirLabelsAndKeepTheLast() {
    let periods = (1990...2023).map(String.init)
    let series = (0..<5).map { i in ChartSeries(id: "S\(i)", label: "S\(i)", values: periods.indices.map { Double(($0 + i) % 5 + 1) }) }
    let spec = ChartSpec(kind: .bump, title: "Long", categories: periods, series: series, valuesAreRanks: true, language: "en")
    let chart = renderer.render(spec, size: reportSize)
    let shown = chart.frame.flattenedTexts.filter { periods.contains($0.text) }
    #expect(shown.count > 2 && shown.count < periods.count)
    #expect(shown.contains { $0.text == "2023" })
    #expect(intersections(shown.map(\.bounds)).isEmpty)
}

@Test func tiedMarkersAreNestedSoEveryTiedEntityShows() {
    let chart = renderer.render(bump([("A", [2, 1]), ("B", [3, 1]), ("C", [1, 2])]), size: reportSize)
    guard let shared = lines(chart.frame, paletteColor(0)).flatMap({ segments($0.path) }).last?.1 else {
        Issue.record("no line for A"); return
    }
    let markersA = paths(chart.frame).filter { $0.fill == paletteColor(0) }.flatMap { circles($0.path) }
    let markersB = paths(chart.frame).filter { $0.fill == paletteColor(1) }.flatMap { circles($0.path) }
    guard let a = markersA.first(where: { abs($0.midX - shared.x) < 0.01 && abs($0.midY - shared.y) < 0.01 }),
          let b = markersB.first(where: { abs($0.midX - shared.x) < 0.01 && abs($0.midY - shared.y) < 0.01 }) else {
        Issue.record("tied markers missing"); return
    }
    // Same point, A drawn first and larger, so it shows as a ring around B.
    #expect(a.width > b.width * 1.5)
    #expect(chart.frame.flattenedTexts.contains { $0.text.contains("nested markers") })
}

@Test func endLabelsKeepASlideMarginFromTheEdge() {
    let spec = ChartSpec(kind: .bump, title: "Ranks", categories: ["2000", "2001", "2002", "2003"],
                         series: [("United States", 1.0), ("澳大利亚", 5), ("United Kingdom of Great Britain", 8)].map { name, rank in
                             ChartSeries(id: name, label: name, values: [rank, rank, rank, rank])
                         },
                         valuesAreRanks: true, language: "en")
    for kind in [ChartKind.bump, .slope] {
        var s = spec
        s.kind = kind
        let size = Size(1920, 1080)
        let texts = renderer.render(s, size: size).frame.flattenedTexts
        let margin = size.height * 0.03
        #expect(texts.allSatisfy { $0.bounds.minX >= margin && $0.bounds.maxX <= size.width - margin }, "\(kind)")
    }
}

/// Boxes of the circles in a path (each starts with a move).
private func circles(_ path: Path) -> [Rect] {
    var out: [Rect] = [], current: [PathElement] = []
    for e in path.elements {
        if case .move = e, !current.isEmpty { out.append(box(Path(current))); current = [] }
        current.append(e)
    }
    if !current.isEmpty { out.append(box(Path(current))) }
    return out
}

@Test func rankAxisZoomsWhenEveryRankIsFarFromTheTop() {
    var series: [ChartSeries] = []
    for i in 0..<5 {
        let values: [Double?] = [Double(50 + i), Double(54 - i), Double(52 + i % 2)]
        series.append(ChartSeries(id: "e\(i)", label: "E\(i)", values: values))
    }
    let spec = ChartSpec(kind: .bump, title: "排名", sourceNote: "资料来源：测试。", categories: ["2001", "2002", "2003"],
                         series: series, valuesAreRanks: true, language: "zh-cn")
    let chart = ChartRenderer(style: .briefing, measurer: FixedWidthMeasurer()).render(spec, size: Size(480, 300))
    let texts: [String] = chart.frame.flattenedTexts.map { $0.text }
    #expect(texts.contains { $0.contains(CJKSpacing.normalised("纵轴从第49名开始。")) })
    #expect(!texts.contains("1"))   // no tick for rank 1 on a zoomed axis
    #expect(texts.contains("49") && texts.contains("54"))
    // Near the top, the axis still starts at 1.
    var top = spec
    for i in top.series.indices { top.series[i].values = top.series[i].values.map { v -> Double? in v.map { $0 - 48 } } }
    let normal = ChartRenderer(style: .briefing, measurer: FixedWidthMeasurer()).render(top, size: Size(480, 300))
    #expect(!normal.frame.flattenedTexts.contains { $0.text.contains("纵轴从") })
}

/// The city survey: New York is ranked in 2003 only, the others in both years or later.
private func citySurvey(kind: ChartKind = .bump, language: String = "en") -> ChartSpec {
    ChartSpec(kind: kind, title: "City survey", sourceNote: "Source: test.", categories: ["2003", "2004", "2005"],
              series: [
                  ChartSeries(id: "SEL", label: "Seoul", values: [1, 1, 1]),
                  ChartSeries(id: "NYC", label: "New York", values: [2, 4, nil]),
                  ChartSeries(id: "SH", label: "Shanghai", values: [nil, nil, 3]),
                  ChartSeries(id: "SG", label: "Singapore", values: [3, 2, 2]),
              ],
              valuesAreRanks: kind == .bump, language: language)
}

@Test(arguments: [ChartKind.bump, .line])
func aSeriesEndsAtItsLastObservationAndIsNotLabelledAmongTheLastPeriod(kind: ChartKind) {
    let chart = renderer.render(citySurvey(kind: kind), size: reportSize)
    let texts = chart.frame.flattenedTexts
    guard let lastColumn = centerX(of: "2005", in: chart.frame), let ownColumn = centerX(of: "2004", in: chart.frame) else {
        Issue.record("missing period labels"); return
    }
    // No "New York 4" in the 2005 label column, where it would read as 4th in 2005.
    #expect(!texts.contains { $0.text.contains("New York") && $0.bounds.minX > lastColumn })
    // Labelled where its line ends instead, between its own period and the next.
    #expect(texts.contains { $0.text == "New York 4" && $0.bounds.minX > ownColumn && $0.bounds.minX < lastColumn })
    // Nothing in New York's colour reaches past its last period, and no leader carries it forward.
    let color = paletteColor(1)
    let own = paths(chart.frame).filter { $0.stroke?.color == color || $0.fill == color }
    #expect(!own.isEmpty)
    #expect(own.allSatisfy { box($0.path).maxX <= ownColumn + Style.briefing.markerRadius * 1.5 })
    #expect(!paths(chart.frame).contains { $0.stroke?.dash.isEmpty == false && box($0.path).minX < lastColumn && box($0.path).maxX > lastColumn })
    // Listed under the chart with its last value and period.
    let all = texts.map(\.text).joined(separator: " ")
    let missing = kind == .bump ? "not ranked" : "no data"
    #expect(all.contains("2005, \(missing): New York (4 in 2004)"), "\(all)")
    #expect(!all.contains("Seoul (1"))
}

@Test func chineseEarlyEndsAreListedUnderTheChart() {
    let chart = renderer.render(citySurvey(language: "zh-cn"), size: reportSize)
    let all = chart.frame.flattenedTexts.map(\.text).joined()
    #expect(all.contains(CJKSpacing.normalised("2005未列入排名：New York（2004：4）")), "\(all)")
}

@Test func aSeriesStartingLateHasNoLineBeforeItsFirstPoint() {
    let chart = renderer.render(citySurvey(), size: reportSize)
    guard let firstColumn = centerX(of: "2005", in: chart.frame) else { Issue.record("no period label"); return }
    let color = paletteColor(2)
    let own = paths(chart.frame).filter { $0.stroke?.color == color || $0.fill == color }
    #expect(!own.isEmpty)
    #expect(own.allSatisfy { box($0.path).minX >= firstColumn - Style.briefing.markerRadius * 1.5 })
    #expect(!chart.frame.flattenedTexts.contains { $0.text.contains("(2005)") })
}

@Test func aSinglePeriodBumpStandsInTheMiddleWithoutAZoomNote() {
    let spec = ChartSpec(kind: .bump, title: "Single-year entity", sourceNote: "Source: test.", categories: ["2015"],
                         series: [ChartSeries(id: "XX", label: "Single-Year Territory", values: [17])], outOf: [30],
                         valuesAreRanks: true, valueAxisTitle: "Rank", language: "en")
    for size in [reportSize, Size(1920, 1080)] {
        let chart = renderer.render(spec, size: size)
        let texts = chart.frame.flattenedTexts
        #expect(!texts.contains { $0.text.contains("axis starts") })
        #expect(texts.contains { $0.text == "Single-Year Territory" } && texts.contains { $0.text == "17" })
        guard let marker = paths(chart.frame).first(where: { $0.fill == paletteColor(0) }) else { Issue.record("no marker"); continue }
        // The axis, the point and its label form one block around the middle, not a point pinned to one side.
        let x = box(marker.path).midX
        #expect(x > size.width * 0.3 && x < size.width * 0.6, "\(size.width): point at \(x)")
        #expect(texts.contains { $0.text == "1" })
    }
}

@Test func aLoneRankIsNotZoomed() {
    let spec = ChartSpec(kind: .bump, title: "One", categories: ["2014", "2015"],
                         series: [ChartSeries(id: "XX", label: "XX", values: [17, 17])], valuesAreRanks: true, language: "en")
    let plot = LinePlot(ChartContext(spec: spec, theme: ChartTheme(style: .briefing, size: reportSize), measurer: FixedWidthMeasurer()))
    #expect(plot.firstRank == 1)
}

@Test func aSingleHighlightedSeriesKeepsItsGroupColour() {
    let theme = ChartTheme(style: .briefing, size: Size(480, 300))
    let series = [ChartSeries(id: "sh", label: "上海", group: "domestic", focus: true, values: [5, 3]),
                  ChartSeries(id: "sel", label: "首尔", group: "international", focus: false, values: [nil, 1])]
    let colors = SeriesColors.lineColors(series, theme: theme)
    #expect(colors[0] == theme.color(group: "domestic", index: 0))
    #expect(colors[1] == theme.context)
}
