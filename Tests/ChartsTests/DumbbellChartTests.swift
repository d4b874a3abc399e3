import Geometry
import Model
import Testing
@testable import Charts

/// Stated and computed shares of the breadth table, whose close values used to put labels on top of each other.
private let breadth = ChartSpec(
    kind: .dumbbell, number: "图 4", title: "服务广度", sourceNote: "资料来源：测试。", categories: ["文中所述", "按数量计算"],
    series: [
        ChartSeries(id: "US", label: "美国", values: [98.3, 98.29], valueLabels: ["98.3%", "98.3%"]),
        ChartSeries(id: "CA", label: "加拿大", values: [91, 90.14], valueLabels: ["91%", "90.1%"]),
        ChartSeries(id: "SG", label: "新加坡", values: [97, 97.06], valueLabels: ["97%", "97.1%"]),
        ChartSeries(id: "GB", label: "英国", values: [94.3, 93.7]),
        ChartSeries(id: "AU", label: "澳大利亚", values: [89.6, 89.6]),
    ],
    valueAxisTitle: "%")

private let sizes = [reportSize, Size(475, 210), Size(960, 600), Size(1920, 1080), Size(320, 240)]

private func label(_ text: String, in chart: RenderedChart) -> [TextItem] { chart.frame.flattenedTexts.filter { $0.text == text } }

/// Centres of the markers of one colour on the row whose label sits at `y`.
private func markers(_ chart: RenderedChart, color: Color, y: Double) -> [Rect] {
    paths(chart.frame).filter { $0.fill == color }.map { box($0.path) }.filter { abs($0.midY - y) < 0.5 }
}

@Test func closeValuesPutTheirLabelsOnTheOuterSides() {
    for size in sizes {
        let chart = renderer.render(breadth, size: size)
        #expect(intersections(chart.labelBoxes).isEmpty, "\(size.width)x\(size.height)")
        guard let low = label("97%", in: chart).first, let high = label("97.1%", in: chart).first else {
            Issue.record("missing labels at \(size.width)"); continue
        }
        let y = low.bounds.midY
        let dots = markers(chart, color: paletteColor(0), y: y) + markers(chart, color: paletteColor(1), y: y)
        #expect(dots.count == 2)
        // The lower value's label left of both dots, the higher one's right of both.
        #expect(dots.allSatisfy { low.bounds.maxX <= $0.minX && high.bounds.minX >= $0.maxX })
        // Dots of close values are moved apart until they no longer cover each other.
        if dots.count == 2 { #expect(!dots[0].insetBy(0.01).intersects(dots[1].insetBy(0.01))) }
    }
}

@Test func valuesThatReadTheSameGetOneLabel() {
    for size in sizes {
        let chart = renderer.render(breadth, size: size)
        #expect(label("98.3%", in: chart).count == 1)
        #expect(label("89.6", in: chart).count == 1)
        // Both values stay visible: a ring of the first colour around a dot of the second.
        guard let us = label("98.3%", in: chart).first else { continue }
        let ring = markers(chart, color: paletteColor(0), y: us.bounds.midY), dot = markers(chart, color: paletteColor(1), y: us.bounds.midY)
        #expect(ring.count == 1 && dot.count == 1)
        if let r = ring.first, let d = dot.first { #expect(r.width > d.width * 1.3) }
    }
}

@Test func reversedPairsStillLabelTheLowerValueOnTheLeft() {
    let chart = renderer.render(breadth, size: reportSize)
    guard let low = label("93.7", in: chart).first, let high = label("94.3", in: chart).first else {
        Issue.record("missing labels"); return
    }
    #expect(low.bounds.maxX < high.bounds.minX)
    #expect(low.color != high.color)
}

private extension Rect {
    func insetBy(_ d: Double) -> Rect { Rect(x: minX + d, y: minY + d, width: width - 2 * d, height: height - 2 * d) }
}

/// The gap chart: the domestic and international best of an indicator.
private func gapChart(_ kind: ChartKind, groups: [String?]) -> ChartSpec {
    var spec = ChartSpec(kind: kind, title: "Gaps", sourceNote: "Source: test.", categories: ["Domestic best", "International best"],
                         series: [ChartSeries(id: "a", label: "UN maturity 2003", values: [17, 12]),
                                  ChartSeries(id: "b", label: "Accenture 2003", values: [9, 1])],
                         valuesAreRanks: true, valueAxisTitle: "Rank", language: "en")
    spec.categoryGroups = groups
    return spec
}

@Test(arguments: [ChartKind.dumbbell, .dot])
func categoryGroupsColourCategoriesLikeTheirGroups(kind: ChartKind) {
    let domestic = Style.briefing.color(forGroup: "domestic", index: 0)
    let international = Style.briefing.color(forGroup: "international", index: 1)
    let grouped = renderer.render(gapChart(kind, groups: ["domestic", "international"]), size: reportSize).frame
    // Dots and legend swatches in the group colours: "domestic best" orange, "international best" blue.
    #expect(paths(grouped).filter { $0.fill == domestic }.count >= 2)
    #expect(paths(grouped).filter { $0.fill == international }.count >= 2)
    #expect(!paths(grouped).contains { $0.fill == paletteColor(1) })
    // Without groups the palette is used as before.
    let plain = renderer.render(gapChart(kind, groups: []), size: reportSize).frame
    #expect(paths(plain).contains { $0.fill == paletteColor(1) })
    #expect(!paths(plain).contains { $0.fill == domestic })
}

@Test func oneEntityCloseValuesGetANiceAxisOfSensibleSpan() {
    let spec = ChartSpec(kind: .dumbbell, title: "stated 96.5 vs computed 96.53", sourceNote: "Source: test.", categories: ["Stated", "Computed"],
                         series: [ChartSeries(id: "CA", label: "California", values: [96.5, 96.53], valueLabels: ["96.5%", "96.5%"])],
                         valueAxisTitle: "%", language: "en")
    let chart = renderer.render(spec, size: Size(480, 170))
    let ticks = chart.frame.flattenedTexts.compactMap { Double($0.text) }
    guard let lo = ticks.min(), let hi = ticks.max() else { Issue.record("no ticks"); return }
    // At least a tenth of the magnitude, within 0…100 for a percentage, and round numbers.
    #expect(hi - lo >= 9)
    #expect(hi <= 100)
    #expect(ticks.allSatisfy { $0 == $0.rounded() })
    // The two values read the same, so they share one point (a ring) and one label.
    #expect(chart.frame.flattenedTexts.filter { $0.text == "96.5%" }.count == 1)
}

@Test func theValueDomainKeepsAMinimumSpan() {
    #expect(ValueAxis.domain(96.5, 96.53, percent: true).1 == 100)
    #expect(ValueAxis.domain(96.5, 96.53, percent: true).0 <= 91)
    #expect(ValueAxis.domain(2, 3, percent: false).0 >= 0)
    #expect(ValueAxis.domain(10, 90, percent: false) == (10, 90))
    #expect(ValueAxis.domain(0, 0, percent: false).1 > 0)
    #expect(ValueAxis.domain(-50, -49.9, percent: false).1 <= 0)
}

@Test func aRankDumbbellWithLongValueLabelsKeepsItsPlotAndIntegerTicks() {
    let long = "Puerto Rico (Commonwealth, \"Estado Libre Asociado\", unincorporated)"
    let spec = ChartSpec(kind: .dumbbell, title: "国内最好与国际最好的名次差距", sourceNote: "资料来源：测试。", categories: ["国内最好", "国际最好"],
                         series: [ChartSeries(id: "civic", label: "公民数字服务 2015", values: [17, 12],
                                              valueLabels: ["单年州 17", "\(long) 12"])],
                         valuesAreRanks: true, valueAxisTitle: "排名", language: "zh-cn")
    for size in [Size(480, 170), Size(320, 170), Size(1920, 1080)] {
        let chart = renderer.render(spec, size: size)
        let texts = chart.frame.flattenedTexts
        let dots = paths(chart.frame).filter { $0.fill == paletteColor(0) || $0.fill == paletteColor(1) }.map { box($0.path) }
            .filter { $0.height < size.height * 0.1 && $0.midY > size.height * 0.2 }
        #expect(dots.count == 2)
        if dots.count == 2 { #expect(abs(dots[0].midX - dots[1].midX) > size.width * 0.1, "\(size.width): ranks 12 and 17 drawn together") }
        // The long name is shortened but keeps its rank.
        #expect(texts.contains { $0.text.hasPrefix("Puerto") && $0.text.hasSuffix("… 12") })
        let ticks = texts.compactMap { Int($0.text) }
        #expect(ticks.contains(1) && ticks.count >= 3, "\(size.width): ticks \(ticks)")
        #expect(intersections(chart.labelBoxes).isEmpty)
    }
}
