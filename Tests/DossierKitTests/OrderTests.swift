import Charts
@testable import DossierKit
import Geometry
import Layout
import Model
import Spec
import Testing

// Order and selection (issue 11) on a small synthetic dataset: sorting, the reader's default order, explicit id
// lists, windows and rank windows, and their validation.

private func text(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

/// Five entities whose ids run against their names; Gamma has no data. Ranks in 2001 and 2003 with a tie in 2003,
/// a higher-better score with a tie, and a text indicator.
private let ordered: Dataset = {
    let entities = [
        Entity(id: "E1", name: text("泽塔", "Zeta"), kind: .country, tags: ["t"]),
        Entity(id: "E2", name: text("阿尔法", "Alpha"), kind: .country, tags: ["t"]),
        Entity(id: "E3", name: text("缪", "Mu"), kind: .country, tags: ["t"]),
        Entity(id: "E4", name: text("贝塔", "Beta"), kind: .country, tags: ["t"]),
        Entity(id: "E5", name: text("伽马", "Gamma"), kind: .country, tags: ["t"]),
    ]
    let indicators = [
        Indicator(id: "r", label: text("排名", "Rank"), unit: .rank, direction: .lowerBetter, source: "s"),
        Indicator(id: "score", label: text("得分", "Score"), unit: .number, direction: .higherBetter, source: "s"),
        Indicator(id: "note", label: text("说明", "Note"), unit: .text, direction: .none, source: "s"),
    ]
    let sources = [Source(id: "s", publisher: text("甲", "A"), title: text("甲", "A"), years: [2001, 2003], citation: text("甲", "A"))]
    func o(_ e: String, _ x: String, _ p: String, _ v: Double) -> Observation {
        Observation(entity: e, indicator: x, period: Period(p) ?? .year(2000), value: .number(v))
    }
    let observations = [
        o("E1", "r", "2001", 3), o("E2", "r", "2001", 1), o("E3", "r", "2001", 2), o("E4", "r", "2001", 5),
        o("E1", "r", "2003", 1), o("E2", "r", "2003", 2), o("E3", "r", "2003", 2), o("E4", "r", "2003", 40),
        o("E1", "score", "2003", 0.5), o("E2", "score", "2003", 0.9), o("E3", "score", "2003", 0.7), o("E4", "score", "2003", 0.9),
        Observation(entity: "E1", indicator: "note", period: .year(2003), value: .text("x")),
    ]
    return Dataset(folder: "ordered", entities: entities, indicators: indicators, sources: sources, observations: observations)
}()

private func composed(_ body: String, language: String = "en") -> (content: ReportContent?, diagnostics: [Diagnostic]) {
    composeSpec(body, dataset: ordered, language: language)
}

/// The first column of every body row of the first table.
private func rowNames(_ body: String, language: String = "en") -> [String] {
    let (content, _) = composed(body, language: language)
    let table = (content?.blocks ?? []).compactMap { if case .table(let t) = $0 { return t } else { return nil } }.first
    return table?.rows.map { $0.first?.text ?? "" } ?? []
}

private func chart(_ body: String) -> ChartSpec? {
    composed(body).content?.charts.first?.spec
}

private func matrix(_ extra: String, entities: String = "tag:t") -> String {
    "sections:\n  - table:\n      title: T\n      entities: [\(entities)]\n      columns: [{indicator: r, periods: [2001, 2003]}]\n" + extra
}

private func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.severity == .error } }

// MARK: Sorting

@Test func theDefaultOrderIsBestRankInTheLatestPeriodTiesByNameMissingLast() {
    // 2003: Zeta 1, Alpha 2 and Mu 2 (tied: by name), Beta 40, Gamma no rank: never the id order E1…E5.
    #expect(rowNames(matrix("")) == ["Zeta", "Alpha", "Mu", "Beta", "Gamma"])
}

@Test func anExplicitIdListKeepsItsWrittenOrder() {
    #expect(rowNames(matrix("", entities: "E4, E2, E1")) == ["Beta", "Alpha", "Zeta"])
    // Also when the list is the report's and the table inherits it.
    let body = "entities: [E3, E1, E4]\nsections:\n  - table:\n      title: T\n      columns: [{indicator: r, periods: [2003]}]\n"
    #expect(rowNames(body) == ["Mu", "Zeta", "Beta"])
    // A sort given for an explicit list still applies.
    #expect(rowNames(matrix("      sort: name\n", entities: "E4, E2, E1")) == ["Alpha", "Beta", "Zeta"])
}

@Test func sortByNameAscendingAndDescending() {
    #expect(rowNames(matrix("      sort: name\n")) == ["Alpha", "Beta", "Gamma", "Mu", "Zeta"])
    #expect(rowNames(matrix("      sort: {by: name, order: desc}\n")) == ["Zeta", "Mu", "Gamma", "Beta", "Alpha"])
}

@Test func sortByAnIndicatorInAPeriodAscendingAndDescendingWithMissingLast() {
    #expect(rowNames(matrix("      sort: {by: r, period: 2001}\n")) == ["Alpha", "Mu", "Zeta", "Beta", "Gamma"])
    #expect(rowNames(matrix("      sort: {by: r, period: 2001, order: desc}\n")) == ["Beta", "Zeta", "Mu", "Alpha", "Gamma"])
    #expect(rowNames(matrix("      sort: {by: r, period: 2001, order: asc}\n")) == ["Alpha", "Mu", "Zeta", "Beta", "Gamma"])
}

@Test func aHigherBetterIndicatorSortsLargestFirstWithTiesByName() {
    // Alpha and Beta share 0.9: Alpha first by name (ids E2, E4 agree here, so check the reverse too).
    #expect(rowNames(matrix("      sort: score\n")) == ["Alpha", "Beta", "Mu", "Zeta", "Gamma"])
    #expect(rowNames(matrix("      sort: {by: score, order: asc}\n")) == ["Zeta", "Mu", "Alpha", "Beta", "Gamma"])
}

@Test func tiesAreBrokenByTheNameInTheReportLanguage() {
    // Alpha/阿尔法 and Mu/缪 tie at rank 2 in 2003. English: Alpha before Mu. Chinese: pinyin ā'ěrfǎ before miù.
    #expect(rowNames(matrix("")).prefix(3) == ["Zeta", "Alpha", "Mu"])
    #expect(rowNames(matrix(""), language: "zh-cn").prefix(3) == ["泽塔", "阿尔法", "缪"])
    // And stable: the same order on every run.
    #expect(rowNames(matrix("      sort: score\n")) == rowNames(matrix("      sort: score\n")))
}

@Test func observationsTablesLeadWithTheirFirstIndicator() {
    let body = "sections:\n  - table:\n      title: T\n      kind: observations\n      indicators: [score]\n"
    #expect(rowNames(body) == ["Alpha", "Beta", "Mu", "Zeta"])
    #expect(rowNames(body + "      sort: {by: r, period: 2001, order: desc}\n") == ["Beta", "Zeta", "Mu", "Alpha"])
}

@Test func barChartsKeepTheComposedOrder() {
    let spec = chart("sections:\n  - chart: {id: b, kind: bar, indicator: score, title: S}\n")
    #expect(spec?.series.map(\.label) == ["Alpha", "Beta", "Mu", "Zeta"])
    #expect(spec?.rowsInGivenOrder == true)
    let byName = chart("sections:\n  - chart: {id: b, kind: bar, indicator: score, title: S, sort: {by: name, order: desc}}\n")
    #expect(byName?.series.map(\.label) == ["Zeta", "Mu", "Beta", "Alpha"])
}

@Test func rankedBarsAndDotsAndHeatmapsSortTheirRows() {
    let dots = chart("sections:\n  - chart: {id: d, kind: dot, indicators: [r], periods: [2001, 2003], title: D}\n")
    #expect(dots?.series.map(\.label) == ["Zeta", "Alpha", "Mu", "Beta"])
    let heat = chart("sections:\n  - chart: {id: h, kind: heatmap, indicator: r, title: H, sort: {by: r, period: 2001}}\n")
    #expect(heat?.series.map(\.label) == ["Alpha", "Mu", "Zeta", "Beta"])
    let ranked = chart("sections:\n  - chart: {id: b, kind: bar, indicator: r, period: 2001, title: R, sort: {by: r, order: desc}}\n")
    #expect(ranked?.series.map(\.label) == ["Beta", "Zeta", "Mu", "Alpha"])
}

// MARK: Windows

@Test func aRanksWindowKeepsTiesAtTheCut() {
    let body = matrix("", entities: "").replacingOccurrences(of: "entities: []", with: "entities: {tags: [t], top: {indicator: r, period: 2003, ranks: 2}}")
    #expect(rowNames(body) == ["Zeta", "Alpha", "Mu"])
    let best2 = matrix("", entities: "").replacingOccurrences(of: "entities: []", with: "entities: {tags: [t], top: {indicator: r, period: 2003, n: 2}}")
    #expect(rowNames(best2) == ["Zeta", "Alpha"])
}

@Test func everInTheWindowSinceAPeriod() {
    // Rank 1 in 2001 (Alpha) or in 2003 (Zeta).
    let body = matrix("", entities: "").replacingOccurrences(of: "entities: []", with: "entities: {top: {indicator: r, since: 2001, ranks: 1}}")
    #expect(rowNames(body) == ["Zeta", "Alpha"])
    // Ranked 3 or better in 2003 only: Zeta, Alpha, Mu; since 2001 adds none (Beta was 5th).
    let since = matrix("", entities: "").replacingOccurrences(of: "entities: []", with: "entities: {top: {indicator: r, since: 2003, ranks: 3}}")
    #expect(rowNames(since) == ["Zeta", "Alpha", "Mu"])
}

@Test func aWindowOfValuesRanksWithinTheSelection() {
    // Scores: Alpha and Beta 0.9 share rank 1, Mu 2nd… ranks ≤ 1 keeps both.
    let body = matrix("", entities: "").replacingOccurrences(of: "entities: []", with: "entities: {top: {indicator: score, period: 2003, ranks: 1}}")
    #expect(Set(rowNames(body)) == ["Alpha", "Beta"])
}

@Test func anEmptyWindowIsALocatedErrorAndNeverAnEmptyTable() {
    let body = "sections:\n  - table:\n      title: T\n      entities: {ids: [E4], top: {indicator: r, period: 2003, ranks: 10}}\n      columns: [r]\n"
    let (content, diagnostics) = composed(body)
    let window = diagnostics.filter { $0.code == .emptyWindow }
    #expect(window.count == 1)
    #expect(window.first?.severity == .error)
    #expect(window.first?.location?.line == 9)
    #expect(window.first?.hint?.contains("40") == true)
    // The table is not drawn, and no second error about an empty table piles on.
    #expect(!(content?.blocks ?? []).contains { if case .table = $0 { return true } else { return false } })
    #expect(!diagnostics.contains { $0.code == .emptyTable })
}

@Test func anEmptyWindowInAnOptionalSectionIsAWarningAndTheSectionIsLeftOut() {
    let body = "sections:\n  - chart:\n      id: c\n      kind: bar\n      indicator: score\n      title: C\n      optional: true\n"
        + "      entities: {ids: [E4], top: {indicator: r, period: 2003, ranks: 10}}\n"
    let (content, diagnostics) = composed(body)
    #expect(errors(diagnostics).isEmpty)
    #expect(diagnostics.contains { $0.code == .emptyWindow && $0.severity == .warning && $0.location?.line == 13 })
    #expect(content?.charts.isEmpty == true)
}

// MARK: Bump chart rank window

@Test func aBumpWindowLeavesOutEntitiesNeverInsideIt() {
    let spec = chart("sections:\n  - chart: {id: b, kind: bump, indicator: r, title: B, ranks: 1-3}\n")
    #expect(spec?.rankWindow == 1...3)
    // Beta (5th, then 40th) is never in the top 3.
    #expect(Set(spec?.series.map(\.label) ?? []) == ["Zeta", "Alpha", "Mu"])
    let (_, diagnostics) = composed("sections:\n  - chart: {id: b, kind: bump, indicator: r, title: B, ranks: 50-60}\n")
    #expect(diagnostics.contains { $0.code == .emptyWindow && $0.severity == .error && $0.location?.line == 7 })
}

// MARK: Validation

@Test func newKeysAreValidatedWithLocatedErrorsAndHints() {
    func check(_ body: String, line: Int, _ message: String, file: StaticString = #file) {
        let (_, diagnostics) = composed(body)
        let found = errors(diagnostics).first { $0.message.contains(message) }
        #expect(found != nil, "no error containing '\(message)' in \(diagnostics.map(\.description))")
        #expect(found?.location?.line == line, "\(message): at \(String(describing: found?.location))")
        #expect(found?.hint?.isEmpty == false, "\(message): no hint")
    }
    check("sections:\n  - chart: {id: b, kind: bump, indicator: r, title: B,\n      ranks: 20-1}\n", line: 8, "is not a window")
    check("sections:\n  - chart: {id: b, kind: bar, indicator: r, title: B,\n      ranks: 1-20}\n", line: 8, "bump chart's rank window")
    check("sections:\n  - chart: {id: b, kind: bump, indicator: r, title: B,\n      sort: name}\n", line: 8, "has no rows to sort")
    check(matrix("      sort: {by: name, period: 2003}\n"), line: 11, "takes no period")
    check(matrix("      sort: {by: r, order: up}\n"), line: 11, "unknown sort order")
    check(matrix("      sort: {by: rr}\n"), line: 11, "unknown indicator 'rr'")
    check(matrix("      sort: {by: r, period: 2002}\n"), line: 11, "no row of this section has data")
    check(matrix("      sort: note\n"), line: 11, "not a number")
    check("sections:\n  - table:\n      title: T\n      kind: facts\n      indicators: [r]\n      sort: name\n", line: 11, "cannot be sorted")
    check("entities: {top: {indicator: r, period: 2003,\n  n: 2, ranks: 2}}\nsections: []\n", line: 7, "not both")
    check("entities: {top: {indicator: r, period: 2002, n: 2}}\nsections: []\n", line: 6, "has no data for 2002")
    check("entities: {top: {indicator: rx, n: 2}}\nsections: []\n", line: 6, "unknown indicator 'rx'")
    check("entities: {top: {indicator: r}}\nsections: []\n", line: 6, "needs 'n'")
}
