import Model
import Geometry
import Testing
@testable import Charts

private func percentBars(labels: [String?]) -> ChartSpec {
    let values: [Double] = [98.3, 97, 94]
    return ChartSpec(kind: .bar, title: "Breadth", sourceNote: "Source: test.", categories: ["2001"],
                     series: values.indices.map { i in
                         ChartSeries(id: "E\(i)", label: "E\(i)", values: [values[i]], valueLabels: i < labels.count ? [labels[i]] : [])
                     },
                     valueAxisTitle: "%", language: "en")
}

@Test func barsShowTheCallersValueLabels() {
    let texts = renderer.render(percentBars(labels: ["98.3%", "97%", "94%"]), size: reportSize).frame.flattenedTexts.map(\.text)
    #expect(texts.contains("97%"))
    #expect(texts.contains("98.3%"))
    #expect(!texts.contains("97.0%"))
    #expect(!texts.contains("97"))
}

@Test func barsFormatTheirOwnLabelsWithoutTrailingZeros() {
    let texts = renderer.render(percentBars(labels: []), size: reportSize).frame.flattenedTexts.map(\.text)
    #expect(texts.contains("97"))
    #expect(texts.contains("98.3"))
    #expect(!texts.contains("97.0"))
}

@Test func aBarWithoutALabelOfItsOwnIsFormatted() {
    let texts = renderer.render(percentBars(labels: ["98.3%", nil]), size: reportSize).frame.flattenedTexts.map(\.text)
    #expect(texts.contains("98.3%"))
    #expect(texts.contains("97"))
    #expect(texts.contains("94"))
}
