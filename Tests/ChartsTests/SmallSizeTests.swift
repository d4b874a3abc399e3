import Geometry
import Model
import Testing
@testable import Charts

/// A spec of `kind` with `count` entities, half of them with long names, and a long title, subtitle and source,
/// so small sizes have to give way somewhere.
func crowdedSpec(_ kind: ChartKind, count: Int) -> ChartSpec {
    let periods = kind == .slope || kind == .dumbbell ? 2 : kind == .bar ? 1 : kind == .dot || kind == .groupedBar ? 3 : 6
    let names = (0..<count).map { i in
        i % 2 == 0 ? "The Commonwealth of a Very Long Entity Name Indeed, number \(i)" : "E\(i)"
    }
    var spec = ChartSpec(kind: kind, number: "Figure 12",
                         title: "A chart title long enough to wrap on a narrow chart and take several lines",
                         subtitle: "A subtitle that is long as well, so that a short chart has to leave something out",
                         sourceNote: "Source: an institute with a long name, its annual survey of everything (2010–2020)",
                         categories: (0..<periods).map { "Period \(2010 + $0)" },
                         valueAxisTitle: "Rank", language: "en")
    spec.valuesAreRanks = kind != .line
    spec.series = names.indices.map { i in
        ChartSeries(id: "E\(i)", label: names[i], group: i % 3 == 0 ? "domestic" : "international", focus: i < 8,
                    values: (0..<periods).map { p in
                        // A gap now and then, and a series ending early, so every drawing path is taken.
                        if (i + p) % 7 == 3 || (i == 1 && p == periods - 1 && periods > 1) { return nil }
                        return Double((i * 7 + p * 3) % max(count, 2) + 1)
                    })
    }
    if kind == .stageLadder {
        spec.stageNames = ["Information publishing", "One-way communication", "Two-way interaction", "Transactions", "Integration"]
        spec.placements = names.indices.map { i in
            StagePlacement(id: "E\(i)", label: names[i], group: i % 2 == 0 ? "domestic" : "international",
                           low: Double(1 + i % 4), high: Double(1 + i % 4 + i % 2), target: i % 3 == 0 ? 5 : nil)
        }
        spec.groupLabels = ["domestic": "Domestic", "international": "International"]
    }
    return spec
}

private let awkwardSizes = [Size(16, 16), Size(40, 300), Size(300, 40), Size(3000, 16), Size(80, 80), Size(200, 60),
                            Size(120, 80), Size(300, 60), Size(480, 80), Size(480, 300)]

@Test(arguments: ChartKind.allCases)
func everyKindIsSafeAtAnySize(kind: ChartKind) {
    for count in [1, 5, 60] {
        let spec = crowdedSpec(kind, count: count)
        for size in awkwardSizes {
            let chart = renderer.render(spec, size: size)
            let frame = Rect(origin: .zero, size: size)
            let what = "\(kind) with \(count) at \(Int(size.width))x\(Int(size.height))"
            #expect(chart.labelBoxes.allSatisfy { frame.contains($0, tolerance: 0.5) }, "\(what): a label leaves the frame")
            #expect(intersections(chart.labelBoxes).isEmpty, "\(what): labels intersect")
            #expect(chart.frame.flattenedTexts.allSatisfy { frame.contains($0.bounds, tolerance: 0.5) }, "\(what): text leaves the frame")
            if size.height < 100 || size.width < 100 {
                #expect(!chart.warnings.isEmpty, "\(what): a chart this small should say what it left out")
            }
        }
    }
}

@Test func aChartTooSmallForAnyPlotDrawsNoPlotAndSaysSo() {
    for size in [Size(16, 16), Size(3000, 16)] {
        let chart = renderer.render(Sample.spec(.bump), size: size)
        #expect(chart.labelBoxes.isEmpty)
        #expect(chart.warnings.contains { $0.code == .chartTooSmall })
    }
}

@Test func aShortChartLeavesOutItsSubtitleBeforeItsPlot() {
    // The QA case: a slope chart 80 pt tall with a subtitle of four lines crashed.
    var spec = Sample.spec(.slope)
    spec.subtitle = String(repeating: "a very long subtitle that wraps over several lines ", count: 4)
    let chart = renderer.render(spec, size: Size(480, 80))
    let texts = chart.frame.flattenedTexts.map(\.text)
    #expect(!texts.contains { $0.contains("very long subtitle") })
    #expect(texts.contains(spec.title))
    #expect(!chart.labelBoxes.isEmpty)
    #expect(chart.warnings.contains { $0.code == .chartTooSmall && $0.message.contains("subtitle") })
    // A chart with room keeps everything and warns about nothing of the kind.
    let roomy = renderer.render(spec, size: Size(480, 400))
    #expect(roomy.frame.flattenedTexts.contains { $0.text.contains("very long subtitle") })
    #expect(!roomy.warnings.contains { $0.code == .chartTooSmall || $0.code == .chartTextClipped })
}

@Test(arguments: ChartKind.allCases)
func reportAndSlideSizesClipNothing(kind: ChartKind) {
    for size in [reportSize, Size(1920, 1080), Size(320, 240)] {
        let chart = renderer.render(Sample.spec(kind), size: size)
        #expect(!chart.warnings.contains { $0.code == .chartTextClipped || $0.code == .chartTooSmall }, "\(kind) at \(size.width)")
    }
}
