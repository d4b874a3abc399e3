import Charts
import Foundation
@testable import DossierKit
import Geometry
import Model
import Spec
import Testing

// Chart reference lines in compose (issue 11, "Chart annotations"): fixed values and group statistics of the
// chart's indicator, their labels in both languages, and located errors, on a small synthetic dataset.

private func text(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

/// Three international countries (A, B, C) and two domestic ones (D, E); E has no index in 2003.
private let data: Dataset = {
    let entities = [
        Entity(id: "A", name: text("甲国", "Aland"), kind: .country, tags: ["intl"]),
        Entity(id: "B", name: text("乙国", "Bland"), kind: .country, tags: ["intl"]),
        Entity(id: "C", name: text("丙国", "Cland"), kind: .country, tags: ["intl"]),
        Entity(id: "D", name: text("丁国", "Dland"), kind: .country, tags: ["home"]),
        Entity(id: "E", name: text("戊国", "Eland"), kind: .country, tags: ["home"]),
    ]
    let indicators = [
        Indicator(id: "idx", label: text("指数", "Index"), unit: .number, direction: .higherBetter, source: "s", format: NumberFormat(decimals: 2)),
        Indicator(id: "rk", label: text("排名", "Rank"), unit: .rank, direction: .lowerBetter, source: "s"),
        Indicator(id: "other", label: text("其他", "Other"), unit: .number, direction: .none, source: "s"),
    ]
    let sources = [Source(id: "s", publisher: text("某机构", "Body"), title: text("调查", "Survey"), years: [2001, 2003],
                          citation: text("某机构调查", "Body, Survey"))]
    func o(_ e: String, _ x: String, _ p: Int, _ v: Double) -> Observation {
        Observation(entity: e, indicator: x, period: .year(p), value: .number(v))
    }
    let observations = [
        o("A", "idx", 2001, 0.70), o("B", "idx", 2001, 0.80), o("C", "idx", 2001, 0.90), o("D", "idx", 2001, 0.40), o("E", "idx", 2001, 0.50),
        o("A", "idx", 2003, 0.72), o("B", "idx", 2003, 0.84), o("C", "idx", 2003, 0.66), o("D", "idx", 2003, 0.50),
        o("A", "rk", 2001, 2), o("B", "rk", 2001, 1), o("C", "rk", 2001, 3), o("D", "rk", 2001, 8), o("E", "rk", 2001, 10),
        o("A", "rk", 2003, 1), o("B", "rk", 2003, 2), o("C", "rk", 2003, 4), o("D", "rk", 2003, 7), o("E", "rk", 2003, 9),
        o("A", "other", 2003, 3), o("B", "other", 2003, 4),
    ]
    return Dataset(folder: "synthetic", entities: entities, indicators: indicators, sources: sources, observations: observations)
}()

private func yaml(_ chart: String, language: String) -> String {
    specHeader(dataset: data, language: language)
        + "groups:\n  intl: {zh: 国际, en: International}\n  home: {zh: 国内, en: Domestic}\n"
        + "sections:\n  - chart:\n" + chart.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") + "\n"
}

private func composed(_ chart: String, language: String = "en") -> (chart: ChartSpec?, diagnostics: [Diagnostic]) {
    let (spec, specDiagnostics) = ReportSpecLoader.parse(yaml(chart, language: language), path: "t.yaml")
    guard let spec else { return (nil, specDiagnostics) }
    let result = compose(spec, dataset: data, style: .briefing)
    return (result.value.charts.first?.spec, specDiagnostics + result.diagnostics)
}

private func references(_ chart: String, language: String = "en") -> [ChartReference] {
    let (spec, diagnostics) = composed(chart, language: language)
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
    return spec?.references ?? []
}

@Test func aGroupMedianOnABarChartIsLabelledInTheIndicatorsFormat() {
    let chart = "id: c\nkind: bar\nindicator: idx\nperiod: 2003\ntitle: T\nreference:\n  - {statistic: median, among: tag:intl}"
    // International 2003: 0.72, 0.84, 0.66 → median 0.72, with the indicator's two decimals.
    #expect(references(chart) == [ChartReference(value: 0.72, label: "International median 0.72")])
    #expect(references(chart, language: "zh-cn") == [ChartReference(value: 0.72, label: "国际中位数 0.72")])
}

@Test func theDefaultGroupIsTheChartsOwnEntitiesAndTheDefaultPeriodItsLatest() {
    // A bar chart of each entity's latest value: 2003 for A–D (E has none then): 0.50, 0.66, 0.72, 0.84 → 0.69.
    let bar = references("id: c\nkind: bar\nindicator: idx\nentities: [A, B, C, D]\ntitle: T\nreference: [{statistic: median}]")
    #expect(bar == [ChartReference(value: 0.69, label: "Median 0.69")])
    // A line chart over 2001 and 2003: its latest period, 2003; the mean of the international three is 0.74.
    let line = references("id: c\nkind: line\nindicator: idx\ntitle: T\nreference: [{statistic: mean, among: tag:intl}]")
    #expect(line.count == 1)
    #expect(abs((line.first?.value ?? 0) - 0.74) < 1e-9)
    #expect(line.first?.label == "International mean (2003) 0.74")   // a chart over periods names the statistic's
    // An explicit period: 2001's international mean is 0.80.
    let earlier = references("id: c\nkind: line\nindicator: idx\ntitle: T\nreference: [{statistic: mean, among: tag:intl, period: 2001}]")
    #expect(earlier.first?.label == "International mean (2001) 0.80")
    #expect(references("id: c\nkind: line\nindicator: idx\ntitle: T\nreference: [{statistic: mean}]", language: "zh-cn").first?.label
            == "2003年平均值 0.68")   // 2003, the four entities with a value: (0.72 + 0.84 + 0.66 + 0.50) / 4
}

@Test func aFixedValueKeepsItsLabelAndTheIndicatorsFormat() {
    #expect(references("id: c\nkind: dot\nindicator: idx\ntitle: T\nreference: [{value: 0.5, label: Target}]")
            == [ChartReference(value: 0.5, label: "Target 0.50")])
    #expect(references("id: c\nkind: dot\nindicator: idx\ntitle: T\nreference: [{value: 0.5, label: 目标}]", language: "zh-cn")
            == [ChartReference(value: 0.5, label: "目标 0.50")])
    // One reference may be written without the list; without a label it shows its value.
    #expect(references("id: c\nkind: bar\nindicator: idx\ntitle: T\nreference: {value: 0.6}") == [ChartReference(value: 0.6, label: "0.60")])
}

@Test func aBumpChartTakesARankStatistic() {
    let refs = references("id: c\nkind: bump\nindicator: rk\ntitle: T\nreference: [{statistic: best, among: tag:intl}, {statistic: median, among: tag:home}]")
    // 2003: the international best is rank 1; the domestic median of ranks 7 and 9 is 8.
    #expect(refs == [ChartReference(value: 1, label: "International best (2003) 1"), ChartReference(value: 8, label: "Domestic median (2003) 8")])
    let zh = references("id: c\nkind: bump\nindicator: rk\ntitle: T\nreference: [{statistic: best, among: tag:intl}]", language: "zh-cn")
    #expect(zh.first?.label == "2003年国际最好值 1")
    // A selection that is not a declared group says how many it is taken over.
    let listed = references("id: c\nkind: bump\nindicator: rk\ntitle: T\nreference: [{statistic: median, among: [A, B]}]")
    #expect(listed.first?.label == "Median (n=2) (2003) 1.5")
}

@Test func aGroupedBarChartDrawsAReferenceToo() {
    #expect(references("id: c\nkind: grouped-bar\nindicators: [idx]\nperiod: 2003\ntitle: T\nreference: [{statistic: median, among: tag:intl}]")
            == [ChartReference(value: 0.72, label: "International median 0.72")])
}

/// The first error containing `message`, expected at the line of the spec that contains `marker`.
private func expectError(_ chart: String, _ message: String, at marker: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let (_, diagnostics) = composed(chart)
    let found = diagnostics.first { $0.severity == .error && $0.message.contains(message) }
    #expect(found != nil, "no error containing '\(message)' in \(diagnostics.map(\.description))", sourceLocation: sourceLocation)
    let lines = yaml(chart, language: "en").components(separatedBy: "\n")
    let line = (lines.firstIndex { $0.contains(marker) } ?? -1) + 1
    #expect(found?.location?.line == line, "'\(message)' at \(String(describing: found?.location)), expected line \(line)", sourceLocation: sourceLocation)
    #expect(found?.location?.file == "t.yaml", sourceLocation: sourceLocation)
    #expect(found?.hint?.isEmpty == false, "'\(message)': no hint", sourceLocation: sourceLocation)
}

@Test func referencesAreValidatedWithLocatedErrors() {
    expectError("id: c\nkind: slope\nindicator: rk\ntitle: T\nreference: [{value: 3}]", "does not draw reference lines", at: "reference:")
    expectError("id: c\nkind: heatmap\nindicator: rk\ntitle: T\nreference: [{value: 3}]", "does not draw reference lines", at: "reference:")
    expectError("id: c\nkind: bar\nindicator: idx\ntitle: T\nreference:\n  - {statistic: mode}", "unknown statistic 'mode'", at: "{statistic: mode}")
    expectError("id: c\nkind: bar\nindicator: idx\ntitle: T\nreference:\n  - {value: 1, statistic: median}", "not both", at: "{value: 1")
    expectError("id: c\nkind: bar\nindicator: idx\ntitle: T\nreference:\n  - {label: x}", "needs 'value' or 'statistic'", at: "{label: x}")
    expectError("id: c\nkind: bar\nindicator: idx\ntitle: T\nreference:\n  - {value: 1, among: tag:intl}", "takes no 'among'", at: "{value: 1")
    // A statistic with no data: E has no index in 2003.
    expectError("id: c\nkind: bar\nindicator: idx\nperiod: 2003\ntitle: T\nreference:\n  - {statistic: median, among: [E]}", "has no data", at: "among: [E]")
    expectError("id: c\nkind: bar\nindicator: idx\ntitle: T\nreference:\n  - {statistic: median, period: 1999}", "no idx data in 1999", at: "period: 1999")
    expectError("id: c\nkind: dot\nindicators: [idx, rk]\ntitle: T\nreference:\n  - {statistic: median}", "needs a chart of one indicator", at: "{statistic: median}")
    expectError("id: c\nkind: bar\nindicator: other\ntitle: T\nreference:\n  - {statistic: best}", "needs an indicator with a direction", at: "{statistic: best}")
    expectError("id: c\nkind: bump\nindicator: rk\nranks: 1-3\ntitle: T\nreference:\n  - {value: 5, label: x}", "outside the rank window", at: "{value: 5")
    expectError("id: c\nkind: bump\nindicator: rk\ntitle: T\nreference:\n  - {value: 0, label: x}", "must be 1 or more", at: "{value: 0")
}

@Test func aChartWithAReferenceDescribesIt() {
    let (chart, _) = composed("id: c\nkind: bar\nindicator: idx\nperiod: 2003\ntitle: T\nreference: [{statistic: median, among: tag:intl}]")
    let text = chart.map { ChartDescription($0).text } ?? ""
    #expect(text.contains("dashed line: International median 0.72"), "\(text)")
}
