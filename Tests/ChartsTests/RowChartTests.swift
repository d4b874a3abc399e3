import Geometry
import Model
import Testing
@testable import Charts

/// The kinds drawn as one row per entity.
private let rowKinds: [ChartKind] = [.bar, .groupedBar, .dot, .dumbbell, .heatmap, .stageLadder]

@Test(arguments: rowKinds)
func rowChartsFillSlidesImagesAndReportFigures(kind: ChartKind) {
    let slides = ChartRenderer(style: slidesStyle, measurer: FixedWidthMeasurer())
    for chartRenderer in [renderer, slides] {
        for size in [Size(1920, 1080), Size(960, 600), Size(475, 250)] {
            let frame = chartRenderer.render(Sample.spec(kind), size: size).frame
            // Nothing but margins and the gaps between parts: no empty third at the bottom.
            #expect(largestEmptyBand(frame) <= size.height * 0.1, "\(kind) at \(size.width)x\(size.height)")
        }
    }
}

@Test func barsGrowWithTheRoomButStaySlim() {
    var spec = Sample.spec(.bar)
    spec.valuesAreRanks = false
    let small = renderer.render(spec, size: Size(475, 250)).frame
    let large = renderer.render(spec, size: Size(1920, 1080)).frame
    func thickness(_ frame: Frame) -> Double {
        paths(frame).filter { $0.fill != nil && $0.path.elements.count == 5 }.map { box($0.path).height }.max() ?? 0
    }
    #expect(thickness(large) > thickness(small) * 2)
    // At most about two and a half lines of label type: extra room goes into the gaps.
    let labelLine = Style.briefing.sizes.chartLabel * ChartTheme.scale(for: Size(1920, 1080)) * 1.12
    #expect(thickness(large) <= labelLine * 2.5 + 0.01)
}

private func singleRow(_ label: String) -> ChartSpec {
    ChartSpec(kind: .dumbbell, number: "Figure 7", title: "Domestic best vs international best", sourceNote: "Source: test.",
              categories: ["Domestic best", "International best"],
              series: [ChartSeries(id: "x", label: label, values: [3, 1], valueLabels: ["Shanghai 3", "Seoul 1"])],
              valuesAreRanks: true, valueAxisTitle: "Rank", language: "en")
}

@Test func aSingleRowDumbbellTakesThePlotAndWrapsItsLongLabel() {
    let label = "Rutgers–SKKU municipal digital governance ranking 2005"
    for size in [Size(475, 170), Size(1920, 1080)] {
        let chart = renderer.render(singleRow(label), size: size)
        let texts = chart.frame.flattenedTexts
        #expect(!texts.contains { $0.text.contains("…") }, "\(size.width)")
        // Two lines, together the whole name.
        let lines = texts.filter { label.contains($0.text) && $0.text.count > 4 }
        #expect(lines.count == 2)
        #expect(lines.map(\.text).joined(separator: " ") == label)
        #expect(largestEmptyBand(chart.frame) <= size.height * 0.15)
        #expect(intersections(chart.labelBoxes).isEmpty)
    }
}

@Test func aRowLabelTooLongForThreeLinesFailsTheChart() {
    let label = String(repeating: "very long entity name ", count: 12)
    let chart = renderer.render(singleRow(label), size: reportSize)
    let lines = chart.frame.flattenedTexts.filter { $0.text.hasPrefix("very") || $0.text.hasPrefix("long") || $0.text.hasPrefix("entity") || $0.text.hasPrefix("name") }
    #expect(lines.count == 3)
    // Shortening is the last resort, and it is an error unless the spec allows it.
    #expect(lines.last?.text.hasSuffix("…") == true)
    #expect(chart.warnings.contains { $0.severity == .error && $0.code == .chartLabelsDropped })
}

@Test func valueAxisTitleKeepsClearOfTheFirstTick() {
    var spec = Sample.spec(.bar)
    spec.valuesAreRanks = false
    spec.valueAxisTitle = "%"
    spec.series = Sample.series { _ in [95] }
    for size in [reportSize, Size(1920, 1080)] {
        let texts = renderer.render(spec, size: size).frame.flattenedTexts
        guard let title = texts.first(where: { $0.text == "%" }), let zero = texts.first(where: { $0.text == "0" }) else {
            Issue.record("axis title or zero tick missing"); continue
        }
        #expect(zero.bounds.minX - title.bounds.maxX >= title.font.size * 0.5)
    }
}

@Test func stageNamesShrinkRatherThanBreakInsideAWord() {
    var spec = Sample.spec(.stageLadder)
    spec.language = "en"
    spec.stageNames = ["Information publishing", "One-way communication", "Two-way interaction", "Transaction services", "Network integration"]
    let words = Set(spec.stageNames.flatMap { $0.split(separator: " ").map(String.init) })
    for size in [reportSize, Size(240, 300), Size(200, 200)] {
        let texts = renderer.render(spec, size: size).frame.flattenedTexts.map(\.text)
        // Head lines (the numbered key under a chart too narrow for the names, "Stages: 1 …; 2 …", is not a head).
        let heads = texts.filter { text in
            !text.contains(";") && !text.contains(":") && words.contains { $0.hasPrefix(text.split(separator: " ").first.map(String.init) ?? text) }
        }
        // Every head line is made of whole words (a shortened last line may end in "…").
        for line in heads where !line.hasSuffix("…") {
            #expect(line.split(separator: " ").allSatisfy { words.contains(String($0)) }, "'\(line)' at \(size.width)")
        }
    }
}
