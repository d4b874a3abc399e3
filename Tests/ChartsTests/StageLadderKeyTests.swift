import Geometry
import Testing
@testable import Charts

/// Long English stage names on a narrow canvas: the column heads cannot hold them.
private func narrowLadder() -> ChartSpec {
    var spec = Sample.spec(.stageLadder)
    spec.language = "en"
    spec.title = "E-government stages"
    spec.stageNames = ["Information publishing", "One-way communication", "Two-way interaction", "Transaction services", "Network integration"]
    spec.placements = spec.placements.map { var p = $0; p.label = "Developed coastal cities (China) \(p.id)"; return p }
    return spec
}

@Test func stageNamesThatDoNotFitMoveToANumberedKeyInFull() {
    let spec = narrowLadder()
    let chart = ChartRenderer(style: slidesStyle, measurer: FixedWidthMeasurer()).render(spec, size: Size(600, 1200))
    #expect(!chart.warnings.contains { $0.code == .chartLabelsDropped }, "\(chart.warnings.map(\.message))")
    let texts = chart.frame.flattenedTexts.map(\.text)
    #expect(!texts.contains { $0.hasSuffix("…") }, "nothing shortened: \(texts)")
    let key = texts.joined(separator: " ")
    for (i, name) in spec.stageNames.enumerated() {
        #expect(key.contains("\(i + 1) \(name)") || key.contains("\(i + 1) \(name.split(separator: " ")[0])"), "stage \(i + 1) is in the key: \(key)")
    }
    #expect(key.contains("Stages:"))
    // The heads still number the columns.
    #expect((1...5).allSatisfy { texts.contains(String($0)) })
}

@Test func stageNamesThatFitStayAboveTheirColumns() {
    let spec = narrowLadder()
    let chart = ChartRenderer(style: slidesStyle, measurer: FixedWidthMeasurer()).render(spec, size: Size(1920, 1080))
    let texts = chart.frame.flattenedTexts.map(\.text)
    #expect(!texts.joined(separator: " ").contains("Stages:"))
    #expect(texts.contains("Transaction") || texts.contains("Transaction services"), "\(texts)")
}
