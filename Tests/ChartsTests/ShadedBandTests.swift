import Geometry
import Model
import Testing
@testable import Charts

// Shaded bands (issue 11, "Chart annotations"): a light fill across a span of the value or rank axis, or over a
// span of periods, behind the marks, with its label, in every kind that draws them, on small synthetic data.

/// Five entities with values 40…80 in one category (bar, dot, grouped-bar) or over four periods (line).
private func valueSpec(_ kind: ChartKind, bands: [ChartBand], language: String = "en") -> ChartSpec {
    let names = ["Aland", "Bland", "Cland", "Dland", "Eland"]
    let periods = kind == .line ? 4 : 1
    let series = names.indices.map { i in
        ChartSeries(id: "E\(i)", label: names[i], values: (0..<periods).map { p in Double(40 + i * 10 + p) })
    }
    var spec = ChartSpec(kind: kind, title: "Values", sourceNote: "Source: test.",
                         categories: periods == 1 ? ["Score"] : ["2000", "2001", "2002", "2003"], series: series, language: language)
    spec.bands = bands
    return spec
}

/// The band fills drawn: paths filled in the band colour.
private func bandFills(_ chart: RenderedChart, style: Style = .briefing, size: Size = reportSize) -> [(index: Int, box: Rect)] {
    let theme = ChartTheme(style: style, size: size)
    return chart.frame.items.enumerated().compactMap { k, item in
        guard case .path(let p) = item, p.fill == ShadedBands.fillColor(theme), p.stroke == nil else { return nil }
        return (k, box(p.path))
    }
}

private func texts(_ chart: RenderedChart) -> [TextItem] { chart.frame.flattenedTexts }

@Test func aValueBandSpansItsValuesBehindTheMarksWithItsLabelAbove() {
    for kind in [ChartKind.bar, .dot, .groupedBar] {
        let chart = renderer.render(valueSpec(kind, bands: [ChartBand(extent: .values(60, 70), label: "Middle")]), size: reportSize)
        let fills = bandFills(chart)
        #expect(fills.count == 1, "\(kind): \(fills.count) band fills")
        guard let fill = fills.first else { continue }
        // From the 60 tick to the 70 tick (tick labels under the rows).
        let ticks = texts(chart).filter { ["60", "70"].contains($0.text) && $0.bounds.minY >= fill.box.maxY }.map(\.bounds.midX).sorted()
        #expect(ticks.count == 2, "\(kind)")
        if ticks.count == 2 {
            #expect(abs(fill.box.minX - ticks[0]) < 1 && abs(fill.box.maxX - ticks[1]) < 1, "\(kind): band \(fill.box), ticks \(ticks)")
        }
        // Behind every mark: drawn before any other filled path in the band (a legend swatch above may come first).
        let firstMark = chart.frame.items.enumerated().first { k, item in
            if case .path(let p) = item, p.fill != nil, k != fill.index, box(p.path).intersects(fill.box) { return true } else { return false }
        }?.offset
        #expect(firstMark.map { $0 > fill.index } ?? false, "\(kind): the band is drawn after a mark")
        let label = texts(chart).first { $0.text == "Middle" }
        #expect(label != nil, "\(kind): no label")
        if let label {
            #expect(abs(label.bounds.midX - fill.box.midX) < 1, "\(kind): label centred on its band")
            #expect(label.bounds.maxY <= fill.box.minY + 0.5, "\(kind): label above the band")
            #expect(chart.labelBoxes.contains(label.bounds))
        }
        #expect(intersections(chart.labelBoxes).isEmpty)
        #expect(!chart.warnings.contains { $0.severity == .error }, "\(kind): \(chart.warnings.map(\.message))")
    }
}

@Test func aBandOutsideTheDataExtendsTheAxis() {
    for kind in [ChartKind.bar, .dot, .line] {
        let chart = renderer.render(valueSpec(kind, bands: [ChartBand(extent: .values(120, 150), label: "Goal")]), size: reportSize)
        let tickValues = texts(chart).compactMap { Double($0.text) }
        #expect((tickValues.max() ?? 0) >= 150, "\(kind): ticks \(tickValues)")
        #expect(bandFills(chart).count == 1, "\(kind)")
        let frame = Rect(origin: .zero, size: reportSize)
        #expect(bandFills(chart).allSatisfy { frame.contains($0.box) }, "\(kind)")
        #expect(texts(chart).contains { $0.text == "Goal" }, "\(kind)")
    }
}

@Test func aRankBandOnABumpChartCoversItsRanksWhole() {
    var spec = Sample.spec(.bump)
    spec.bands = [ChartBand(extent: .values(1, 3), label: "前三名")]
    let chart = renderer.render(spec, size: reportSize)
    let fills = bandFills(chart)
    #expect(fills.count == 1)
    let tick = { (t: String) in texts(chart).first { $0.text == t && $0.bounds.maxX < (fills.first?.box.minX ?? 0) + 1 } }
    if let fill = fills.first, let one = tick("1"), let three = tick("3"), let four = tick("4") {
        // Half a rank beyond ranks 1 and 3: the marks at both ends lie inside; rank 4 does not.
        let step = four.bounds.midY - three.bounds.midY
        // At the top of the plot the band stops at the plot's edge, still clear above the rank-1 marks.
        let radius = ChartTheme(style: .briefing, size: reportSize).markerRadius
        #expect(fill.box.minY <= one.bounds.midY - radius && fill.box.minY >= one.bounds.midY - step / 2 - 0.5,
                "band top \(fill.box.minY), rank 1 at \(one.bounds.midY)")
        #expect(abs(fill.box.maxY - (three.bounds.midY + step / 2)) < 1.5, "band bottom \(fill.box.maxY), rank 3 at \(three.bounds.midY)")
        #expect(fill.box.maxY < four.bounds.midY)
    } else {
        Issue.record("no band or rank ticks")
    }
    #expect(texts(chart).contains { $0.text == "前三名" })
    #expect(intersections(chart.labelBoxes).isEmpty)
    #expect(!chart.warnings.contains { $0.severity == .error }, "\(chart.warnings.map(\.message))")
}

@Test func aBandOverPeriodsSpansThemAndIsLabelledAboveThePeriodLabels() {
    var spec = valueSpec(.line, bands: [])
    spec.bands = [ChartBand(extent: .periods(1, 2), label: "Phase 1")]
    let chart = renderer.render(spec, size: reportSize)
    let fills = bandFills(chart)
    #expect(fills.count == 1)
    let p2001 = texts(chart).first { $0.text == "2001" }, p2002 = texts(chart).first { $0.text == "2002" }, p2003 = texts(chart).first { $0.text == "2003" }
    let label = texts(chart).first { $0.text == "Phase 1" }
    if let fill = fills.first, let p2001, let p2002, let p2003, let label {
        #expect(fill.box.minX < p2001.bounds.midX && fill.box.maxX > p2002.bounds.midX, "band \(fill.box)")
        #expect(fill.box.maxX < p2003.bounds.midX && fill.box.minX > p2001.bounds.midX - (p2002.bounds.midX - p2001.bounds.midX) / 2)
        // Below the period labels, down the plot; its label above them, centred on the band.
        #expect(fill.box.minY >= p2001.bounds.maxY)
        #expect(label.bounds.maxY <= p2001.bounds.minY + 0.5)
        #expect(abs(label.bounds.midX - fill.box.midX) < 1)
        #expect(chart.labelBoxes.contains(label.bounds))
    } else {
        Issue.record("missing band, period labels or band label")
    }
    #expect(intersections(chart.labelBoxes).isEmpty)
}

@Test func aValueBandOnALineChartIsLabelledAmongTheEndLabels() {
    let chart = renderer.render(valueSpec(.line, bands: [ChartBand(extent: .values(60, 66), label: "Target zone")]), size: reportSize)
    let label = texts(chart).first { $0.text == "Target zone" }, end = texts(chart).first { $0.text == "Cland" }
    #expect(label != nil && end != nil)
    if let label, let end {
        #expect(abs(label.bounds.minX - end.bounds.minX) < 0.5, "the label stands in the end-label column")
        #expect(!label.bounds.intersects(end.bounds))
    }
    let fill = bandFills(chart).first
    #expect(fill != nil)
    #expect(intersections(chart.labelBoxes).isEmpty)
}

@Test func theBandFillIsFaintButVisibleAndApartFromTheDataInEveryStyle() {
    let styles: [(String, Style)] = [("briefing", .briefing), ("slides", slidesStyle), ("dark", darkStyle), ("mono", monochromeStyle)]
    for (name, style) in styles {
        let theme = ChartTheme(style: style, size: Size(1920, 1080))
        let fill = ShadedBands.fillColor(theme)
        let contrast = ChartTheme.contrast(fill, theme.background)
        // A region, not a mark: visible against the background, far fainter than any series colour.
        #expect(contrast > 1.08 && contrast < 1.6, "\(name): fill contrast \(contrast)")
        for k in 0..<4 {
            let mark = theme.monochrome ? theme.color(group: nil, index: k).grayscale : theme.color(group: nil, index: k)
            #expect(ChartTheme.contrast(mark, fill) >= 1.5, "\(name): series \(k) vs band \(ChartTheme.contrast(mark, fill))")
        }
        #expect(ChartTheme.contrast(ShadedBands.labelColor(theme), theme.background) >= 4.5, "\(name) label")
        let chart = ChartRenderer(style: style, measurer: FixedWidthMeasurer())
            .render(valueSpec(.bar, bands: [ChartBand(extent: .values(60, 70), label: "Middle")]), size: Size(1920, 1080))
        #expect(bandFills(chart, style: style, size: Size(1920, 1080)).count == 1, "\(name)")
    }
}

@Test func aBandLabelWithNoRoomIsADroppedLabel() {
    let long = String(repeating: "A band label far too long for the chart ", count: 6)
    let chart = renderer.render(valueSpec(.bar, bands: [ChartBand(extent: .values(60, 70), label: long)]), size: reportSize)
    #expect(!texts(chart).contains { $0.text == long })
    #expect(chart.warnings.contains { $0.severity == .error && $0.code == .chartLabelsDropped }, "\(chart.warnings.map(\.message))")
}

@Test func aBandAndAReferenceLineAreLabelledInTheirOwnRows() {
    var spec = valueSpec(.bar, bands: [ChartBand(extent: .values(58, 68), label: "Middle band")])
    spec.references = [ChartReference(value: 63, label: "Median 63")]
    let chart = renderer.render(spec, size: reportSize)
    let a = texts(chart).first { $0.text == "Middle band" }, b = texts(chart).first { $0.text == "Median 63" }
    #expect(a != nil && b != nil)
    if let a, let b { #expect(!a.bounds.intersects(b.bounds)) }
    #expect(intersections(chart.labelBoxes).isEmpty)
    #expect(!chart.warnings.contains { $0.severity == .error })
}

@Test func theAlternativeTextNamesEachBandInBothLanguages() {
    let en = ChartDescription(valueSpec(.bar, bands: [ChartBand(extent: .values(60, 70), label: "Middle")])).text
    #expect(en.contains("shaded band: Middle (60–70)"), "\(en)")
    var bump = Sample.spec(.bump)
    bump.bands = [ChartBand(extent: .values(1, 5), label: "前五名"), ChartBand(extent: .periods(1, 2), label: "一期")]
    let zh = ChartDescription(bump).text
    #expect(zh.contains("阴影带：前五名（第1–5名）"), "\(zh)")
    #expect(zh.contains("阴影带：一期（2001–2002）"), "\(zh)")
}

@Test func bandsAreDrawnApartOrTheChartFailsAtEverySize() {
    for kind in [ChartKind.bar, .dot, .groupedBar, .line, .bump] {
        for n in [5, 15] {
            var spec = Synthetic.spec(kind, entities: n, chinese: false)
            let values = spec.series.flatMap { $0.values.compactMap { $0 } }.sorted()
            guard let low = values.first, let high = values.last else { continue }
            spec.bands = [ChartBand(extent: .values(low + (high - low) * 0.25, low + (high - low) * 0.5), label: "Band")]
            if kind == .line || kind == .bump, spec.categories.count > 1 { spec.bands.append(ChartBand(extent: .periods(0, 1), label: "Early")) }
            for size in Synthetic.sizes {
                let chart = renderer.render(spec, size: size)
                let failed = chart.warnings.contains { $0.severity == .error && $0.code == .chartLabelsDropped }
                let tooSmall = chart.warnings.contains { $0.code == .chartTooSmall && $0.message.contains("to draw its plot") }
                #expect(intersections(chart.labelBoxes).isEmpty, "\(kind) \(n) \(size): labels overlap")
                let drawn = texts(chart).filter { $0.text == "Band" || $0.text == "Early" }.count
                #expect(failed || tooSmall || drawn == spec.bands.count, "\(kind) n=\(n) \(size): a band label is missing without an error")
            }
        }
    }
}
