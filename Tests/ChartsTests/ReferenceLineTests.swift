import Geometry
import Model
import Testing
@testable import Charts

// Reference lines (issue 11, "Chart annotations"): a dashed line across the value or rank axis with its label,
// in every kind that draws them, on small synthetic data.

/// Five entities with values 40…80 in one category (bar, dot) or over four periods (line).
private func valueSpec(_ kind: ChartKind, references: [ChartReference], language: String = "en") -> ChartSpec {
    let names = ["Aland", "Bland", "Cland", "Dland", "Eland"]
    let periods = kind == .line ? 4 : 1
    let series = names.indices.map { i in
        ChartSeries(id: "E\(i)", label: names[i], values: (0..<periods).map { p in Double(40 + i * 10 + p) })
    }
    var spec = ChartSpec(kind: kind, title: "Values", sourceNote: "Source: test.",
                         categories: periods == 1 ? ["Score"] : ["2000", "2001", "2002", "2003"], series: series, language: language)
    spec.references = references
    return spec
}

/// The reference lines drawn: dashed strokes in the reference colour.
private func referencePaths(_ chart: RenderedChart, style: Style = .briefing, size: Size = reportSize) -> [PathItem] {
    let theme = ChartTheme(style: style, size: size)
    return paths(chart.frame).filter { $0.stroke?.color == ReferenceLines.lineColor(theme) && $0.stroke?.dash.isEmpty == false }
}

private func texts(_ chart: RenderedChart) -> [TextItem] { chart.frame.flattenedTexts }

@Test func aValueReferenceIsADashedLineAtItsValueWithItsLabel() {
    for kind in [ChartKind.bar, .dot, .groupedBar] {
        let chart = ChartRenderer(style: .briefing, measurer: FixedWidthMeasurer())
            .render(valueSpec(kind, references: [ChartReference(value: 65, label: "Target 65")]), size: reportSize)
        let lines = referencePaths(chart)
        #expect(lines.count == 1, "\(kind): \(lines.count) reference lines")
        let segs = lines.flatMap { segments($0.path) }
        // Vertical, from above the first row to the bottom of the rows.
        #expect(segs.count == 1 && segs.allSatisfy { abs($0.0.x - $0.1.x) < 0.01 && abs($0.0.y - $0.1.y) > 50 }, "\(kind): \(segs)")
        let label = texts(chart).first { $0.text == "Target 65" }
        #expect(label != nil, "\(kind): no label")
        if let label, let x = segs.first?.0.x {
            // Centred on its line, above it, and counted among the label boxes.
            #expect(abs(label.bounds.midX - x) < 1, "\(kind): label at \(label.bounds.midX), line at \(x)")
            #expect(label.bounds.maxY <= min(segs[0].0.y, segs[0].1.y) + 0.5)
            #expect(chart.labelBoxes.contains(label.bounds))
        }
        #expect(intersections(chart.labelBoxes).isEmpty)
        #expect(!chart.warnings.contains { $0.severity == .error }, "\(kind): \(chart.warnings.map(\.message))")
    }
}

@Test func aReferenceBetweenTwoTicksSitsBetweenTheirGridLines() {
    // 65 on a 40…80 axis: halfway between the x of the 60 and 70 tick labels.
    let chart = renderer.render(valueSpec(.bar, references: [ChartReference(value: 65, label: "T")]), size: reportSize)
    let seg = referencePaths(chart).flatMap { segments($0.path) }.first
    let x = seg?.0.x, bottom = max(seg?.0.y ?? 0, seg?.1.y ?? 0)
    // Tick labels under the rows (the bars' value labels say 60 and 70 as well).
    let ticks = texts(chart).filter { ["60", "70"].contains($0.text) && $0.bounds.minY >= bottom }.map(\.bounds.midX).sorted()
    #expect(ticks.count == 2)
    if ticks.count == 2, let x { #expect(abs(x - (ticks[0] + ticks[1]) / 2) < 1, "line at \(x), ticks at \(ticks)") }
}

@Test func aReferenceOutsideTheDataExtendsTheAxis() {
    // Values end at 80 (83 over periods); a target of 150 must not fall off the chart.
    for kind in [ChartKind.bar, .dot, .line] {
        let without = renderer.render(valueSpec(kind, references: []), size: reportSize)
        #expect(!texts(without).contains { $0.text == "150" || $0.text == "160" }, "\(kind): the axis already reaches 150")
        let chart = renderer.render(valueSpec(kind, references: [ChartReference(value: 150, label: "Goal 150")]), size: reportSize)
        let tickValues = texts(chart).compactMap { Double($0.text) }
        #expect((tickValues.max() ?? 0) >= 150, "\(kind): ticks \(tickValues)")
        let segs = referencePaths(chart).flatMap { segments($0.path) }
        #expect(segs.count == 1, "\(kind)")
        let frame = Rect(origin: .zero, size: reportSize)
        #expect(segs.allSatisfy { frame.contains(Rect(x: min($0.0.x, $0.1.x), y: min($0.0.y, $0.1.y), width: abs($0.1.x - $0.0.x), height: abs($0.1.y - $0.0.y))) })
        #expect(texts(chart).contains { $0.text == "Goal 150" }, "\(kind)")
    }
}

@Test func aLineChartReferenceIsHorizontalAndLabelledAmongTheEndLabels() {
    // 63 is Cland's value in the last period (40 + 2 × 10 + 3): its end label and the reference's want one place.
    let spec = valueSpec(.line, references: [ChartReference(value: 63, label: "Median 63")])
    let chart = renderer.render(spec, size: reportSize)
    let segs = referencePaths(chart).flatMap { segments($0.path) }
    #expect(segs.count == 1)
    #expect(segs.allSatisfy { abs($0.0.y - $0.1.y) < 0.01 && abs($0.1.x - $0.0.x) > 100 }, "\(segs)")
    let label = texts(chart).first { $0.text == "Median 63" }
    let end = texts(chart).first { $0.text == "Cland" }
    #expect(label != nil && end != nil)
    if let label, let end {
        // Both want the same height: the placer stacks them, so they do not overlap.
        #expect(!label.bounds.intersects(end.bounds))
        #expect(abs(label.bounds.minX - end.bounds.minX) < 0.5, "the label stands in the end-label column")
        #expect(chart.labelBoxes.contains(label.bounds))
    }
    #expect(intersections(chart.labelBoxes).isEmpty)
}

@Test func aBumpChartReferenceIsDrawnAtItsRank() {
    var spec = Sample.spec(.bump)
    spec.references = [ChartReference(value: 3, label: "国际中位数 3")]
    let chart = renderer.render(spec, size: reportSize)
    let segs = referencePaths(chart).flatMap { segments($0.path) }
    #expect(segs.count == 1)
    // At the height of the rank-3 tick label.
    let tick = texts(chart).first { $0.text == "3" }
    if let tick, let seg = segs.first { #expect(abs(seg.0.y - tick.bounds.midY) < 2, "line at \(seg.0.y), tick at \(tick.bounds.midY)") }
    #expect(texts(chart).contains { $0.text.hasPrefix("国际中位数") })
    // The US ends at rank 3 too: its end label and the reference's stand apart.
    #expect(intersections(chart.labelBoxes).isEmpty)
    #expect(!chart.warnings.contains { $0.severity == .error })
}

@Test func aRankedBarChartDrawsTheReferenceOnItsRankAxis() {
    // Ranks as a bar chart become rank dots; a reference at rank 12 stretches the rank axis past the data (1…11).
    var spec = Sample.spec(.bar)
    spec.categories = ["2003"]
    spec.series = Sample.series { [Sample.countries[$0].ranks.last ?? nil] }
    spec.outOf = []
    spec.references = [ChartReference(value: 12, label: "Target 12")]
    let chart = renderer.render(spec, size: reportSize)
    #expect(referencePaths(chart).count == 1)
    #expect(texts(chart).contains { $0.text == "Target 12" })
    #expect(texts(chart).contains { $0.text == "12" }, "the rank axis reaches the reference")
}

@Test func theReferenceKeepsThreeToOneContrastInEveryStyle() {
    let styles: [(String, Style)] = [("briefing", .briefing), ("slides", slidesStyle), ("dark", darkStyle), ("mono", monochromeStyle)]
    for (name, style) in styles {
        let theme = ChartTheme(style: style, size: Size(1920, 1080))
        #expect(ChartTheme.contrast(ReferenceLines.lineColor(theme), theme.background) >= 3, "\(name) line")
        #expect(ChartTheme.contrast(ReferenceLines.labelColor(theme), theme.background) >= 4.5, "\(name) label")
        let chart = ChartRenderer(style: style, measurer: FixedWidthMeasurer())
            .render(valueSpec(.bar, references: [ChartReference(value: 65, label: "Target 65")]), size: Size(1920, 1080))
        #expect(referencePaths(chart, style: style, size: Size(1920, 1080)).count == 1, "\(name)")
    }
}

@Test func aReferenceLabelWithNoRoomIsADroppedLabel() {
    let long = String(repeating: "International median of the group ", count: 6)
    let chart = renderer.render(valueSpec(.bar, references: [ChartReference(value: 65, label: long)]), size: reportSize)
    #expect(!texts(chart).contains { $0.text == long })
    #expect(chart.warnings.contains { $0.severity == .error && $0.code == .chartLabelsDropped }, "\(chart.warnings.map(\.message))")
    var allowed = valueSpec(.bar, references: [ChartReference(value: 65, label: long)])
    allowed.allowUnlabelled = true
    let quiet = renderer.render(allowed, size: reportSize)
    #expect(!quiet.warnings.contains { $0.severity == .error })
    #expect(quiet.warnings.contains { $0.code == .chartLabelsDropped })
}

@Test func twoReferencesOnTopOfEachOtherTakeTwoRows() {
    let chart = renderer.render(valueSpec(.bar, references: [ChartReference(value: 60, label: "Median 60"),
                                                             ChartReference(value: 61, label: "Target 61")]), size: reportSize)
    let a = texts(chart).first { $0.text == "Median 60" }, b = texts(chart).first { $0.text == "Target 61" }
    #expect(a != nil && b != nil)
    if let a, let b { #expect(!a.bounds.intersects(b.bounds)) }
    #expect(intersections(chart.labelBoxes).isEmpty)
}

@Test func theAlternativeTextNamesTheReferenceInBothLanguages() {
    let en = ChartDescription(valueSpec(.bar, references: [ChartReference(value: 60, label: "International median 60")])).text
    #expect(en.contains("dashed line: International median 60"), "\(en)")
    let zh = ChartDescription(valueSpec(.bar, references: [ChartReference(value: 60, label: "国际中位数 60")], language: "zh-cn")).text
    #expect(zh.contains("虚线为参考线：国际中位数 60"), "\(zh)")
    #expect(!ChartDescription(valueSpec(.bar, references: [])).text.contains("dashed"))
}

@Test func referenceLabelsAreDrawnApartOrTheChartFailsAtEverySize() {
    // The synthetic charts of the completeness checks, with a reference line at their middle value: its label is
    // drawn in full and overlaps no other label, or the chart fails with the dropped-labels error. Never a third way.
    for kind in [ChartKind.bar, .dot, .groupedBar, .line, .bump] {
        for zh in [false, true] {
            for n in [5, 15] {
                var spec = Synthetic.spec(kind, entities: n, chinese: zh)
                let values = spec.series.flatMap { $0.values.compactMap { $0 } }.sorted()
                let middle = values.isEmpty ? 1 : values[values.count / 2]
                let label = (zh ? "国际中位数 " : "International median ") + ChartNumberFormat(language: spec.language).label(middle, preformatted: nil)
                spec.references = [ChartReference(value: middle, label: label)]
                for size in Synthetic.sizes {
                    let chart = renderer.render(spec, size: size)
                    let failed = chart.warnings.contains { $0.severity == .error && $0.code == .chartLabelsDropped }
                    // Chinese text is typeset with the style's CJK–Latin space, so match the words.
                    let drawn = chart.frame.flattenedTexts.first { $0.text.hasPrefix(zh ? "国际中位数" : "International median") }
                    let tooSmall = chart.warnings.contains { $0.code == .chartTooSmall && $0.message.contains("to draw its plot") }
                    #expect(intersections(chart.labelBoxes).isEmpty, "\(kind) \(n) \(size): labels overlap")
                    #expect(failed || drawn != nil || tooSmall, "\(kind) zh=\(zh) n=\(n) \(size): the reference label is missing without an error")
                    if let drawn { #expect(chart.labelBoxes.contains(drawn.bounds), "\(kind) \(size): not a label box") }
                }
            }
        }
    }
}
