import Charts
import Foundation
@testable import DossierKit
import Geometry
import Model
import Spec
import Testing

// Shaded bands and callouts in compose (issue 11, "Chart annotations"): resolved against the chart's periods,
// entities and values, in both languages, with located errors, on a small synthetic dataset.

private func text(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

/// Three countries ranked and scored in 2001–2003; C has no score in 2002.
private let data: Dataset = {
    let entities = [
        Entity(id: "A", name: text("甲国", "Aland"), kind: .country, tags: ["intl"]),
        Entity(id: "B", name: text("乙国", "Bland"), kind: .country, tags: ["intl"]),
        Entity(id: "C", name: text("丙国", "Cland"), kind: .country, tags: ["intl"]),
        Entity(id: "Z", name: text("无国", "Zland"), kind: .country, tags: ["other"]),
    ]
    let indicators = [
        Indicator(id: "idx", label: text("指数", "Index"), unit: .number, direction: .higherBetter, source: "s", format: NumberFormat(decimals: 2)),
        Indicator(id: "rk", label: text("排名", "Rank"), unit: .rank, direction: .lowerBetter, source: "s"),
    ]
    let sources = [Source(id: "s", publisher: text("某机构", "Body"), title: text("调查", "Survey"), years: [2001, 2003],
                          citation: text("某机构调查", "Body, Survey"))]
    func o(_ e: String, _ x: String, _ p: Int, _ v: Double) -> Observation {
        Observation(entity: e, indicator: x, period: .year(p), value: .number(v))
    }
    let observations = [
        o("A", "idx", 2001, 0.40), o("B", "idx", 2001, 0.60), o("C", "idx", 2001, 0.80),
        o("A", "idx", 2002, 0.50), o("B", "idx", 2002, 0.65),
        o("A", "idx", 2003, 0.70), o("B", "idx", 2003, 0.62), o("C", "idx", 2003, 0.85),
        o("A", "rk", 2001, 3), o("B", "rk", 2001, 2), o("C", "rk", 2001, 1),
        o("A", "rk", 2002, 2), o("B", "rk", 2002, 3), o("C", "rk", 2002, 1),
        o("A", "rk", 2003, 1), o("B", "rk", 2003, 3), o("C", "rk", 2003, 2),
    ]
    return Dataset(folder: "synthetic", entities: entities, indicators: indicators, sources: sources, observations: observations)
}()

private func yaml(_ chart: String) -> String {
    "sections:\n  - chart:\n" + chart.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") + "\n"
}

private func composed(_ chart: String, language: String = "en") -> (chart: ChartSpec?, diagnostics: [Diagnostic]) {
    let (content, diagnostics) = composeSpec(yaml(chart), dataset: data, language: language)
    return (content?.charts.first?.spec, diagnostics)
}

private func resolved(_ chart: String, language: String = "en") -> ChartSpec? {
    let (spec, diagnostics) = composed(chart, language: language)
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
    return spec
}

@Test func bandsResolveToValuesAndPeriodIndices() {
    let chart = resolved("id: c\nkind: bump\nindicator: rk\nentities: [A, B, C]\ntitle: T\nbands:\n  - {from: 1, to: 2, label: Top 2}\n  - {periods: [2002, 2003], label: Phase 2}")
    #expect(chart?.bands == [ChartBand(extent: .values(1, 2), label: "Top 2"), ChartBand(extent: .periods(1, 2), label: "Phase 2")])
    // One band may be written without the list; a band of values on a row chart.
    let bar = resolved("id: c\nkind: bar\nindicator: idx\nperiod: 2003\nentities: [A, B, C]\ntitle: T\nbands: {from: 0.75, to: 1, label: 高}", language: "zh-cn")
    #expect(bar?.bands == [ChartBand(extent: .values(0.75, 1), label: "高")])
}

@Test func calloutsResolveToASeriesAndACategory() {
    let line = resolved("id: c\nkind: line\nindicator: idx\nentities: [A, B, C]\ntitle: T\ncallouts:\n  - {entity: A, period: 2003, text: Best year}")
    #expect(line?.callouts == [ChartCallout(series: "A", category: 2, text: "Best year")])
    // A bar chart of one period needs no period.
    let bar = resolved("id: c\nkind: bar\nindicator: idx\nperiod: 2003\nentities: [A, B, C]\ntitle: T\ncallouts: [{entity: C, text: 最高}]", language: "zh-cn")
    #expect(bar?.callouts == [ChartCallout(series: "C", category: 0, text: "最高")])
    // A dot chart of two indicators in 2003: the column of the indicator named.
    let dot = resolved("id: c\nkind: dot\nindicators: [idx, rk]\nperiods: [2003]\nentities: [A, B, C]\ntitle: T\ncallouts: [{entity: B, indicator: rk, text: Third}]")
    #expect(dot?.callouts == [ChartCallout(series: "B", category: 1, text: "Third")])
    // Latest values: the period, when given, must be the entity's latest.
    let latest = resolved("id: c\nkind: bar\nindicator: idx\nentities: [A, B, C]\ntitle: T\ncallouts: [{entity: A, period: 2003, text: Up}]")
    #expect(latest?.callouts.count == 1)
}

@Test func theAlternativeTextOfAComposedChartNamesBandsAndCallouts() {
    let chart = resolved("id: c\nkind: bump\nindicator: rk\nentities: [A, B, C]\ntitle: T\nbands: [{from: 1, to: 2, label: Top 2}]\ncallouts: [{entity: A, period: 2003, text: First place}]")
    let text = chart.map { ChartDescription($0).text } ?? ""
    #expect(text.contains("shaded band: Top 2 (ranks 1–2)"), "\(text)")
    #expect(text.contains("note at Aland, 2003: First place"), "\(text)")
}

/// The first error containing `message`, expected at the line of the spec that contains `marker`, with a hint.
private func expectError(_ chart: String, _ message: String, at marker: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let (_, diagnostics) = composed(chart)
    let found = diagnostics.first { $0.severity == .error && $0.message.contains(message) }
    #expect(found != nil, "no error containing '\(message)' in \(diagnostics.map(\.description))", sourceLocation: sourceLocation)
    let lines = (specHeader(dataset: data, language: "en") + yaml(chart)).components(separatedBy: "\n")
    let line = (lines.firstIndex { $0.contains(marker) } ?? -1) + 1
    #expect(found?.location?.line == line, "'\(message)' at \(String(describing: found?.location)), expected line \(line)", sourceLocation: sourceLocation)
    #expect(found?.location?.file == "t.yaml", sourceLocation: sourceLocation)
    #expect(found?.hint?.isEmpty == false, "'\(message)': no hint", sourceLocation: sourceLocation)
}

@Test func bandsAreValidatedWithLocatedErrors() {
    let head = "id: c\nkind: bump\nindicator: rk\nentities: [A, B, C]\ntitle: T\n"
    expectError("id: c\nkind: slope\nindicator: rk\ntitle: T\nbands: [{from: 1, to: 2}]", "does not draw shaded bands", at: "bands:")
    expectError(head + "bands:\n  - {from: 1}", "'to' is missing", at: "{from: 1}")
    expectError(head + "bands:\n  - {label: x}", "needs 'from' and 'to', or 'periods'", at: "{label: x}")
    expectError(head + "bands:\n  - {from: 1, to: 2, periods: [2001]}", "not both", at: "periods: [2001]")
    expectError(head + "bands:\n  - {periods: [1999, 2001], label: x}", "period 1999 is not among the chart's periods", at: "1999")
    expectError(head + "bands:\n  - {from: 0, to: 2, label: x}", "must start at rank 1", at: "{from: 0")
    expectError("id: c\nkind: bar\nindicator: idx\ntitle: T\nbands:\n  - {periods: [2001, 2002]}", "needs a line or bump chart", at: "periods: [2001")
    expectError(head + "bands:\n  - {from: x, to: 2}", "'from' must be a number", at: "{from: x")
}

@Test func calloutsAreValidatedWithLocatedErrors() {
    let head = "id: c\nkind: line\nindicator: idx\nentities: [A, B, C]\ntitle: T\n"
    expectError(head + "callouts:\n  - {entity: Q, period: 2003, text: x}", "callout entity 'Q' is unknown", at: "{entity: Q")
    expectError(head + "callouts:\n  - {entity: Z, period: 2003, text: x}", "not drawn in this chart", at: "{entity: Z")
    expectError(head + "callouts:\n  - {entity: A, period: 1999, text: x}", "period 1999 is not among", at: "period: 1999")
    expectError(head + "callouts:\n  - {entity: A, text: x}", "needs 'period'", at: "{entity: A, text: x}")
    expectError(head + "callouts:\n  - {entity: C, period: 2002, text: x}", "has no value in 2002", at: "{entity: C, period: 2002")
    expectError(head + "callouts:\n  - {entity: A, period: 2003}", "needs 'text'", at: "{entity: A, period: 2003}")
    expectError("id: c\nkind: heatmap\nindicator: idx\ntitle: T\ncallouts: [{entity: A, text: x}]", "does not draw callouts", at: "callouts:")
    expectError("id: c\nkind: dot\nindicators: [idx, rk]\nperiods: [2003]\ntitle: T\ncallouts:\n  - {entity: A, text: x}", "needs 'indicator'", at: "{entity: A, text: x}")
    expectError("id: c\nkind: bar\nindicator: idx\ntitle: T\ncallouts:\n  - {entity: A, period: 2001, text: x}", "is from 2003, not 2001", at: "period: 2001")
    expectError("id: c\nkind: bump\nindicator: rk\nranks: 1-2\nentities: [A, B, C]\ntitle: T\ncallouts:\n  - {entity: B, period: 2003, text: x}", "outside the rank window", at: "{entity: B")
}
