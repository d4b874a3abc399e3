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
