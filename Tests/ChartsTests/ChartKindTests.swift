import Geometry
import Model
import Testing
@testable import Charts

@Test(arguments: ChartKind.allCases)
func everyKindRendersTitleAndSourceWithoutLabelCollisions(kind: ChartKind) {
    let spec = Sample.spec(kind)
    for size in [reportSize, Size(1920, 1080), Size(320, 240)] {
        let chart = renderer.render(spec, size: size)
        let joined = chart.frame.flattenedTexts.map(\.text).joined()
        // Charts set text with the CJK–Latin spacing rule ("图 1", "2000—2003 年").
        #expect(joined.contains(CJKSpacing.normalised(spec.number)))
        #expect(joined.contains(CJKSpacing.normalised(spec.title)))
        #expect(joined.contains(CJKSpacing.normalised(spec.sourceNote)))
        #expect(!chart.labelBoxes.isEmpty)
        #expect(intersections(chart.labelBoxes).isEmpty, "\(kind) at \(size.width)x\(size.height)")
        let bounds = Rect(origin: .zero, size: size)
        #expect(chart.frame.flattenedTexts.allSatisfy { bounds.contains($0.bounds, tolerance: 0.5) }, "\(kind) text outside the frame")
    }
}

@Test func slideTypeIsAboutThreeTimesReportType() {
    let spec = Sample.spec(.bump)
    let small = renderer.render(spec, size: reportSize).frame.flattenedTexts.first?.font.size ?? 0
    let large = renderer.render(spec, size: Size(1920, 1080)).frame.flattenedTexts.first?.font.size ?? 0
    #expect(small == Style.briefing.sizes.chartTitle)
    #expect(large / small >= 2.5 && large / small <= 3.0)
}

@Test func monochromeStyleDrawsOnlyGreys() {
    var style = Style.briefing
    style.monochrome = true
    let mono = ChartRenderer(style: style, measurer: FixedWidthMeasurer())
    for kind in ChartKind.allCases {
        let frame = mono.render(Sample.spec(kind), size: reportSize).frame
        let colors = paths(frame).flatMap { [$0.fill, $0.stroke?.color].compactMap { $0 } } + frame.flattenedTexts.map(\.color)
        #expect(colors.allSatisfy { abs($0.red - $0.green) < 0.01 && abs($0.green - $0.blue) < 0.01 }, "\(kind)")
    }
}

@Test func missingBarValueIsADashNotAZeroBar() {
    var spec = Sample.spec(.bar)
    spec.series[1].values = [nil]
    spec.valuesAreRanks = false
    spec.highlight = nil
    let chart = renderer.render(spec, size: reportSize)
    let bars = paths(chart.frame).filter { $0.fill != nil && $0.path.elements.count == 5 }
    #expect(bars.count == 4)
    #expect(chart.frame.flattenedTexts.contains { $0.text == "—" })
}

@Test func barsAreSortedBestRankFirst() {
    let chart = renderer.render(Sample.spec(.bar), size: reportSize)
    let order = ["加拿大", "新加坡", "美国", "澳大利亚", "英国"].compactMap { name in
        chart.frame.flattenedTexts.first { $0.text == name }?.origin.y
    }
    #expect(order.count == 5)
    #expect(order == order.sorted())
}

@Test func highlightedBarUsesTheAccentColour() {
    let chart = renderer.render(Sample.spec(.bar), size: reportSize)
    #expect(paths(chart.frame).filter { $0.fill == Style.briefing.colors.accent }.count == 1)
    #expect(chart.frame.flattenedTexts.first { $0.text == "新加坡" }?.font.bold == true)
}

@Test func heatmapMarksMissingCellsAndShadesRankOneDarkest() {
    let chart = renderer.render(Sample.spec(.heatmap), size: reportSize)
    #expect(chart.frame.flattenedTexts.contains { $0.text == "—" })
    let fills = paths(chart.frame).compactMap(\.fill)
    let darkest = fills.min { $0.luminance < $1.luminance }
    #expect(darkest?.hex == Style.briefing.colors.scaleHigh.hex)
    // Text on the darkest cells is white for contrast.
    #expect(chart.frame.flattenedTexts.contains { $0.text == "1" && $0.color == .white })
}

@Test func stageLadderShowsStagesGroupsAndTargets() {
    let chart = renderer.render(Sample.spec(.stageLadder), size: reportSize)
    let texts = chart.frame.flattenedTexts.map(\.text)
    for expected in ["起步", "无缝", "国际", "国内", "目标阶段", "上海"] { #expect(texts.contains(expected)) }
    #expect(paths(chart.frame).contains { $0.stroke?.dash.isEmpty == false })
}

@Test func slopeLabelsBothSidesWithoutOverlap() {
    var spec = Sample.spec(.slope)
    spec.series[1].values = [1, 1] // tie with the US on the left
    let chart = renderer.render(spec, size: reportSize)
    #expect(chart.labelBoxes.count == 10)
    #expect(intersections(chart.labelBoxes).isEmpty)
}

@Test func emptyChartWarnsInsteadOfCrashing() {
    for kind in ChartKind.allCases {
        let chart = renderer.render(ChartSpec(kind: kind, title: "Empty", sourceNote: "Source: none.", language: "en"), size: reportSize)
        #expect(chart.warnings.contains { $0.code == .chartEmpty }, "\(kind)")
        #expect(chart.frame.flattenedTexts.contains { $0.text == "No data" })
    }
}

@Test func tooManyRowsDropRowLabelsRatherThanOverlap() {
    let series = (0..<120).map { ChartSeries(id: "R\($0)", label: "Row \($0)", values: [Double($0 + 1)]) }
    let chart = renderer.render(ChartSpec(kind: .bar, title: "Rows", categories: ["x"], series: series, language: "en"), size: reportSize)
    #expect(intersections(chart.labelBoxes).isEmpty)
    #expect(chart.warnings.contains { $0.code == .chartLabelsDropped })
}

@Test func lineChartUsesANiceLinearAxis() {
    let chart = renderer.render(Sample.spec(.line), size: reportSize)
    let texts = Set(chart.frame.flattenedTexts.map(\.text))
    // Values run 40…124, so d3's nice ticks include 40 and 120 and the axis is not a rank axis.
    #expect(texts.isSuperset(of: ["40", "120"]))
    #expect(!texts.contains("共22个"))
}
