import Geometry
import Model
import Testing
@testable import Charts

// Callouts (issue 11, "Chart annotations"): a short text with a thin leader to one mark, placed clear of every
// label, mark and line, or the chart fails with chart-labels-dropped; on small synthetic data.

private func valueSpec(_ kind: ChartKind, callouts: [ChartCallout], language: String = "en") -> ChartSpec {
    let names = ["Aland", "Bland", "Cland", "Dland", "Eland"]
    let periods = kind == .line ? 4 : 1
    let series = names.indices.map { i in
        ChartSeries(id: "E\(i)", label: names[i], values: (0..<periods).map { p in Double(40 + i * 10 + p * (i % 2 == 0 ? 3 : -2)) })
    }
    var spec = ChartSpec(kind: kind, title: "Values", sourceNote: "Source: test.",
                         categories: periods == 1 ? ["Score"] : ["2000", "2001", "2002", "2003"], series: series, language: language)
    spec.callouts = callouts
    return spec
}

private func texts(_ chart: RenderedChart) -> [TextItem] { chart.frame.flattenedTexts }

/// The box of each subpath (from one move to the next).
private func subpathBoxes(_ path: Path) -> [Rect] {
    var out: [Rect] = [], current = Path()
    for element in path.elements {
        if case .move = element, !current.elements.isEmpty {
            out.append(box(current))
            current = Path()
        }
        current.elements.append(element)
    }
    if !current.elements.isEmpty { out.append(box(current)) }
    return out
}

/// The box of a callout's lines (each line a run of the text).
private func calloutBox(_ chart: RenderedChart, _ words: [String]) -> Rect? {
    let runs = texts(chart).filter { run in words.contains { run.text.contains($0) } }
    guard let first = runs.first else { return nil }
    return runs.dropFirst().reduce(first.bounds) { $0.union($1.bounds) }
}

/// Thin leaders: solid strokes in the reference-line colour, 0.6 pt at report size.
private func leaders(_ chart: RenderedChart) -> [(Point, Point)] {
    let theme = ChartTheme(style: .briefing, size: reportSize)
    return paths(chart.frame).filter { $0.stroke?.color == ReferenceLines.lineColor(theme) && $0.stroke?.dash.isEmpty == true }
        .flatMap { segments($0.path) }
}

@Test func aCalloutOnABarIsDrawnWithALeaderClearOfEveryLabelAndBar() {
    let chart = renderer.render(valueSpec(.bar, callouts: [ChartCallout(series: "E2", category: 0, text: "Up after the reform")]), size: reportSize)
    let area = calloutBox(chart, ["Up after", "reform"])
    #expect(area != nil, "no callout text")
    guard let area else { return }
    #expect(chart.labelBoxes.contains(area), "the callout is one label box")
    #expect(intersections(chart.labelBoxes).isEmpty)
    let bars = paths(chart.frame).filter { $0.fill != nil && $0.stroke == nil }.map { box($0.path) }
    #expect(!bars.contains { $0.intersects(area) }, "the callout covers a bar")
    // The leader runs from Cland's bar (the middle row) to the text.
    let lines = leaders(chart)
    #expect(lines.count == 1)
    if let leader = lines.first {
        let end = [leader.0, leader.1].min { abs($0.y - area.midY) < abs($1.y - area.midY) } ?? leader.1
        #expect(area.insetBy(-1).contains(end), "the leader ends at the text")
    }
    #expect(!chart.warnings.contains { $0.severity == .error }, "\(chart.warnings.map(\.message))")
}

@Test func aCalloutOnALineKeepsOffEveryLineAndMarker() {
    let spec = valueSpec(.line, callouts: [ChartCallout(series: "E1", category: 2, text: "Dip in 2002")])
    let chart = renderer.render(spec, size: reportSize)
    let area = calloutBox(chart, ["Dip in 2002"])
    #expect(area != nil)
    guard let area else { return }
    let lineSegments = paths(chart.frame).filter { $0.stroke != nil && $0.fill == nil && $0.stroke?.width ?? 0 > 1 }.flatMap { segments($0.path) }
    #expect(!lineSegments.isEmpty)
    #expect(!lineSegments.contains { CalloutPlacer.crosses($0.0, $0.1, area) }, "the callout lies on a line")
    // Each marker is a subpath of its series' marker path.
    let markers = paths(chart.frame).filter { $0.fill != nil && $0.stroke != nil }.flatMap { subpathBoxes($0.path) }
    #expect(!markers.contains { $0.intersects(area) })
    #expect(intersections(chart.labelBoxes).isEmpty)
    #expect(leaders(chart).count == 1)
}

@Test func aLongCalloutWrapsToAtMostThreeLines() {
    let text = "Ranked highest of the group after two years of steady gains in online services"
    let chart = renderer.render(valueSpec(.bar, callouts: [ChartCallout(series: "E0", category: 0, text: text)]), size: Size(800, 450))
    let runs = texts(chart).filter { text.contains($0.text) && $0.text.count > 3 }
    #expect((2...3).contains(runs.count), "\(runs.map(\.text)) \(chart.warnings.map(\.message)) \(texts(chart).map(\.text))")
    #expect(runs.map(\.text).joined(separator: " ") == text)
    #expect(!chart.warnings.contains { $0.severity == .error })
}

@Test func aCalloutWithNoRoomIsADroppedLabelNeverAnOverlap() {
    let text = String(repeating: "far too much text for a callout ", count: 12)
    let chart = renderer.render(valueSpec(.bar, callouts: [ChartCallout(series: "E0", category: 0, text: text)]), size: reportSize)
    #expect(!texts(chart).contains { $0.text.contains("far too much") })
    #expect(leaders(chart).isEmpty)
    #expect(chart.warnings.contains { $0.severity == .error && $0.code == .chartLabelsDropped }, "\(chart.warnings.map(\.message))")
}

@Test func aCalloutOnEveryRowChartKindFindsItsMark() {
    for kind in [ChartKind.dot, .groupedBar] {
        let chart = renderer.render(valueSpec(kind, callouts: [ChartCallout(series: "E3", category: 0, text: "Note")]), size: reportSize)
        #expect(texts(chart).contains { $0.text == "Note" }, "\(kind)")
        #expect(intersections(chart.labelBoxes).isEmpty, "\(kind)")
        #expect(!chart.warnings.contains { $0.severity == .error }, "\(kind): \(chart.warnings.map(\.message))")
    }
    // Ranks in a bar chart are rank dots.
    var ranked = Sample.spec(.bar)
    ranked.categories = ["2003"]
    ranked.series = Sample.series { [Sample.countries[$0].ranks.last ?? nil] }
    ranked.outOf = []
    ranked.callouts = [ChartCallout(series: "GB", category: 0, text: "Fell two places")]
    let chart = renderer.render(ranked, size: reportSize)
    #expect(texts(chart).contains { $0.text == "Fell two places" })
    #expect(intersections(chart.labelBoxes).isEmpty)
}

@Test func theAlternativeTextNamesEachCallout() {
    let en = ChartDescription(valueSpec(.line, callouts: [ChartCallout(series: "E1", category: 2, text: "Dip")])).text
    #expect(en.contains("note at Bland, 2002: Dip"), "\(en)")
    var bump = Sample.spec(.bump)
    bump.callouts = [ChartCallout(series: "GB", category: 2, text: "升至第6名")]
    #expect(ChartDescription(bump).text.contains("标注（英国，2002）：升至第6名"))
}

@Test func calloutsAreDrawnApartOrTheChartFailsAtEverySize() {
    for kind in [ChartKind.bar, .dot, .groupedBar, .line, .bump] {
        for zh in [false, true] {
            for n in [5, 15] {
                var spec = Synthetic.spec(kind, entities: n, chinese: zh)
                guard let series = spec.series.first(where: { $0.values.first.flatMap { $0 } != nil }) else { continue }
                let text = zh ? "此处有变化" : "A change here"
                spec.callouts = [ChartCallout(series: series.id, category: 0, text: text)]
                for size in Synthetic.sizes {
                    let chart = renderer.render(spec, size: size)
                    let failed = chart.warnings.contains { $0.severity == .error && $0.code == .chartLabelsDropped }
                    let tooSmall = chart.warnings.contains { $0.code == .chartTooSmall && $0.message.contains("to draw its plot") }
                    #expect(intersections(chart.labelBoxes).isEmpty, "\(kind) \(n) \(size): labels overlap")
                    let drawn = texts(chart).first { $0.text.hasPrefix(zh ? "此处" : "A change") }
                    #expect(failed || tooSmall || drawn != nil, "\(kind) zh=\(zh) n=\(n) \(size): the callout is missing without an error")
                    if let drawn { #expect(chart.labelBoxes.contains { $0.contains(drawn.bounds, tolerance: 0.5) }) }
                }
            }
        }
    }
}
