import Charts
@testable import DossierKit
import Geometry
import Layout
import Model
import Spec
import Testing

// The compose stage on a small synthetic dataset (not the sample): every case here was wrong once.

private func text(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

/// Four countries and a city over three survey editions, with a monthly indicator, a 4-decimal index, ties,
/// two stage indicators and three sources (one never used).
private let synthetic: Dataset = {
    let entities = [
        Entity(id: "US", name: text("美国", "United States"), kind: .country, tags: ["lead"]),
        Entity(id: "CA", name: text("加拿大", "Canada"), kind: .country, tags: ["lead"]),
        Entity(id: "NL", name: text("荷兰", "Netherlands"), kind: .country, tags: ["lead"]),
        Entity(id: "CN", name: text("中国", "China"), kind: .country, tags: ["home"]),
        Entity(id: "SH", name: text("上海", "Shanghai"), kind: .city, parent: "CN", tags: ["home"]),
    ]
    let indicators = [
        Indicator(id: "survey.rank", label: text("调查排名", "Survey rank"), unit: .rank, direction: .lowerBetter, source: "s1"),
        Indicator(id: "survey.alt", label: text("另一排名", "Other rank"), unit: .rank, direction: .lowerBetter, source: "s1"),
        Indicator(id: "index.score", label: text("指数", "Index score"), unit: .number, direction: .higherBetter, source: "s2"),
        Indicator(id: "portal.count", label: text("事项数", "Services online"), unit: .count, direction: .higherBetter, source: "s2"),
        Indicator(id: "dev.level", label: text("阶段", "Level"), unit: .stage, direction: .higherBetter, source: "s2"),
    ]
    let sources = [
        Source(id: "s1", publisher: text("甲机构", "Agency A"), title: text("甲调查", "Survey A"), years: [2001, 2002, 2003],
               citation: text("甲机构：甲调查", "Agency A: Survey A")),
        Source(id: "s2", publisher: text("乙机构", "Agency B"), title: text("乙指数", "Index B"), years: [2001, 2003],
               citation: text("乙机构：乙指数", "Agency B: Index B")),
        Source(id: "s3", publisher: text("丙机构", "Agency C"), title: text("丙年鉴", "Yearbook C"), years: [2003],
               citation: text("丙机构：丙年鉴", "Agency C: Yearbook C")),
    ]
    func o(_ e: String, _ x: String, _ p: String, _ v: Double) -> Observation {
        Observation(entity: e, indicator: x, period: Period(p) ?? .year(2000), value: .number(v))
    }
    let observations = [
        o("US", "survey.rank", "2001", 1), o("CA", "survey.rank", "2001", 1), o("NL", "survey.rank", "2001", 3),
        o("CN", "survey.rank", "2001", 35), o("US", "survey.rank", "2003", 2), o("CA", "survey.rank", "2003", 1),
        o("NL", "survey.rank", "2003", 3), o("CN", "survey.rank", "2003", 12),
        o("US", "survey.rank", "2002", 2), o("NL", "survey.rank", "2002", 2),
        o("US", "survey.alt", "2003", 4), o("CA", "survey.alt", "2003", 2),
        o("US", "index.score", "2003", 0.9636), o("CA", "index.score", "2003", 0.9), o("NL", "index.score", "2003", 0.98),
        o("CN", "index.score", "2003", 0.82), o("SH", "index.score", "2003", 0.6672),
        o("US", "portal.count", "2001-09", 23), o("US", "portal.count", "2002-03", 30),
        o("US", "dev.level", "2003", 4), o("CN", "dev.level", "2003", 3),
    ]
    return Dataset(folder: "synthetic", entities: entities, indicators: indicators, sources: sources,
                   stages: [Stage(level: 1, name: text("起步", "Start")), Stage(level: 2, name: text("发展", "Growth")),
                            Stage(level: 3, name: text("交互", "Interaction")), Stage(level: 4, name: text("交易", "Transaction"))],
                   observations: observations)
}()

/// Parses a spec body (the lines after the header) and composes it against the synthetic dataset.
private func composed(_ body: String, language: String = "en", groups: String = "") -> (content: ReportContent?, diagnostics: [Diagnostic]) {
    composeSpec(groups + body, dataset: synthetic, language: language)
}

private func paragraphs(_ content: ReportContent?) -> [String] { paragraphTexts(content) }

private func tables(_ content: ReportContent?) -> [TableBlock] {
    (content?.blocks ?? []).compactMap { if case .table(let t) = $0 { return t } else { return nil } }
}

private func charts(_ content: ReportContent?) -> [ChartSpec] {
    (content?.blocks ?? []).compactMap { if case .figure(let f) = $0 { return f.chart } else { return nil } }
}

private func cellText(_ cell: TableCell) -> String { cell.spans.map(\.text).joined() }

// 1. A chart never draws fewer indicators than its spec names.
@Test(arguments: ["bump", "slope", "line", "bar"])
func aChartOfOneIndicatorPerLineRejectsTwo(kind: String) {
    let (content, diagnostics) = composed("""
    sections:
      - chart:
          id: c
          kind: \(kind)
          indicators: [survey.rank, survey.alt]
          title: Two
    """)
    #expect(content == nil)
    let error = diagnostics.first { $0.code == .badChart }
    #expect(error?.severity == .error)
    #expect(error?.location?.line == 10, "located at the indicators key: \(String(describing: error))")
    #expect(error?.hint?.contains("one chart per indicator") == true)
}

@Test func aDumbbellNeedsExactlyTwoIndicators() {
    let (_, diagnostics) = composed("""
    sections:
      - chart: {id: d, kind: dumbbell, indicators: [survey.rank], title: One}
    """)
    #expect(diagnostics.contains { $0.code == .badChart && $0.message.contains("needs 2 indicators, but 1 is given") })
}

@Test func aHeatmapOfOneIndicatorHasAColumnPerPeriod() {
    let (content, diagnostics) = composed("""
    sections:
      - chart: {id: h, kind: heatmap, indicator: survey.rank, entities: [US, CA, NL, CN], title: Heat}
    """)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(charts(content).first?.categories == ["2001", "2002", "2003"])
}

// 2. Month periods in {{changes}}: no doubled 年.
@Test func changesOverMonthsNameEachPeriodOnce() {
    let zh = paragraphs(composed("sections:\n  - text: \"{{changes US portal.count}}\"\n", language: "zh-cn").content)
    #expect(zh == ["2001年9月：23 → 2002年3月：30"])
    let en = paragraphs(composed("sections:\n  - text: \"{{changes US portal.count}}\"\n").content)
    #expect(en == ["Sep 2001: 23 → Mar 2002: 30"])
    let ranks = paragraphs(composed("sections:\n  - text: \"{{changes CN survey.rank}}\"\n", language: "zh-cn").content)
    #expect(ranks == ["2001年：第35名 → 2003年：第12名"])
}

// 3. Statistics and chart labels keep the indicator's precision.
@Test func gapMedianAndChartLabelsKeepTheIndicatorsDecimals() throws {
    let (content, diagnostics) = composed("""
    sections:
      - gap-analysis:
          id: g
          domestic: {tags: [home]}
          international: {tags: [lead]}
          indicators: [index.score]
      - chart: {id: b, kind: bar, indicator: index.score, entities: [CA, CN], title: Scores}
    """)
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    let gap = try #require(tables(content).first)
    // International: 0.9636, 0.9, 0.98 → median 0.9636 (not "1.0").
    #expect(cellText(gap.rows[0][3]) == "0.9636 (n=3)")
    // Gap: 0.98 − 0.82 = 0.16, in the indicator's precision.
    #expect(cellText(gap.rows[0][4]) == "+0.1600")
    let bar = try #require(charts(content).last)
    #expect(bar.series.map { $0.valueLabels.first ?? nil } == ["0.9000", "0.8200"])
}

@Test func aMedianOfRanksKeepsItsHalf() throws {
    // 2003: US 2nd, CA 1st → the international median is 1.5, not 2.
    let (content, _) = composed("""
    sections:
      - gap-analysis: {id: g, domestic: [CN], international: [US, CA], indicators: [survey.rank]}
    """)
    let gap = try #require(tables(content).first)
    #expect(cellText(gap.rows[0][3]) == "1.5 (n=2)")
    #expect(cellText(gap.rows[0][4]) == "11 places behind")
}

// 5. Nothing asked for is dropped without a word.
@Test func aFocusEntityOutsideTheChartIsAnError() {
    let (_, diagnostics) = composed("""
    sections:
      - chart: {id: c, kind: bump, indicator: survey.rank, entities: [US, CA], focus: [CN], title: Ranks}
    """)
    let error = diagnostics.first { $0.code == .focusOutside }
    #expect(error?.severity == .error)
    #expect(error?.message.contains("'CN'") == true)
    #expect(error?.location?.line == 7)
}

@Test func highlightOnAKindThatCannotDrawItIsAnError() {
    let (_, diagnostics) = composed("""
    sections:
      - chart: {id: c, kind: bump, indicator: survey.rank, highlight: US, title: Ranks}
    """)
    #expect(diagnostics.contains { $0.code == .badChart && $0.message.contains("does not draw 'highlight'") })
    let (_, barDiagnostics) = composed("""
    sections:
      - chart: {id: c, kind: bar, indicator: index.score, highlight: US, title: Scores}
    """)
    #expect(!barDiagnostics.contains { $0.severity == .error }, "\(barDiagnostics)")
}

@Test func aGapTitleWithoutAStageLadderIsAnError() {
    let (_, diagnostics) = composed("""
    sections:
      - gap-analysis: {id: g, domestic: [CN], international: [US], title: Nowhere}
    """)
    #expect(diagnostics.contains { $0.code == .unusedKey && $0.location?.line == 7 })
}

// 6. Group colours are declared, never implied by a tag's name.
@Test func entitiesAreGroupedOnlyByDeclaredGroups() throws {
    let spec = "sections:\n  - chart: {id: c, kind: bump, indicator: survey.rank, entities: [US, CA, CN], title: R}\n"
    let plain = try #require(charts(composed(spec).content).first)
    #expect(plain.series.allSatisfy { $0.group == nil })
    #expect(plain.groupLabels.isEmpty)
    let grouped = try #require(charts(composed(spec, groups: "groups:\n  lead: {zh: 领先, en: Leaders}\n  home: Home\n").content).first)
    #expect(grouped.series.map { $0.group } == ["lead", "lead", "home"])
    #expect(grouped.groupLabels == ["lead": "Leaders", "home": "Home"])
}

@Test func aGroupOnAnUnknownTagIsAnError() {
    let (_, diagnostics) = composed("sections:\n  - text: x\n", groups: "groups:\n  leed: Leaders\n")
    let error = diagnostics.first { $0.code == .unknownTag }
    #expect(error?.hint == "did you mean 'lead'?")
    #expect(error?.location?.line == 7)
}

// 7. References list exactly the sources the report cites.
@Test func referencesListTheCitedSourcesOnly() {
    let (content, _) = composed("""
    sections:
      - text: "{{rank US survey.rank 2003}}; see {{source s3}}"
      - references: Sources
    """)
    let references = (content?.blocks ?? []).compactMap { if case .references(_, let items) = $0 { return items } else { return nil } }
    #expect(references == [["Agency A: Survey A", "Agency C: Yearbook C"]])
}

@Test func referencesBeforeAnyCitationAreLeftOutWithAWarning() {
    let (content, diagnostics) = composed("sections:\n  - references: Sources\n  - text: plain\n")
    #expect(!(content?.blocks ?? []).contains { if case .references = $0 { return true } else { return false } })
    #expect(diagnostics.contains { $0.code == .emptyReferences && $0.severity == .warning })
}

// 8. Generated prose reads as written prose.
@Test func tiedBestEntitiesAreJoinedAsAList() {
    #expect(paragraphs(composed("sections:\n  - text: \"{{best survey.rank 2001}}\"\n").content) == ["United States and Canada"])
    let three = composed("sections:\n  - text: \"{{best index.score 2003}} / {{best survey.rank 2003}}\"\n").content
    #expect(paragraphs(three) == ["Netherlands / Canada"])
}

@Test func listsJoinAsSentencesInBothLanguages() {
    let dataset = Dataset(folder: "", entities: ["A", "B", "C"].map { Entity(id: $0, name: text($0, $0), kind: .country) },
                          indicators: [Indicator(id: "r", label: text("r", "r"), unit: .rank, direction: .lowerBetter)], sources: [],
                          observations: ["A", "B", "C"].map { Observation(entity: $0, indicator: "r", period: .year(2003), value: .number(1)) })
    for (language, expected) in [("en", "A, B and C"), ("zh-cn", "A、B和C")] {
        let yaml = "version: 1\ntitle: T\ndate: 2026-01-01\nlanguage: \(language)\ndataset: x\nsections:\n  - text: \"{{best r 2003}}\"\n"
        let spec = ReportSpecLoader.parse(yaml, path: "t.yaml").spec
        let content = spec.map { compose($0, dataset: dataset, style: .briefing).value }
        #expect(paragraphs(content) == [expected])
    }
}

@Test func gapSentencesUseOrdinalsArticlesAndSayByHowMuch() {
    let (content, _) = composed("""
    sections:
      - gap-analysis: {id: g, domestic: [CN], international: [US, CA, NL], indicators: [survey.rank, index.score]}
    """)
    let sentences = paragraphs(content)
    #expect(sentences.contains("On Survey rank (2003), the best domestic entity is China (12th) and the best international one is Canada (1st). China is 11 places behind."))
    #expect(sentences.contains("On Index score (2003), the best domestic entity is China (0.82) and the best international one is the Netherlands (0.98). China trails by 0.1600."))
}

@Test func findingsOfOneKindShareOneTreatment() {
    let (content, _) = composed("""
    sections:
      - chart: {id: c, kind: bump, indicator: survey.rank, title: R}
      - data-notes: Notes
    """)
    let text = paragraphs(content).joined(separator: "\n")
    #expect(text.contains("The United States and Canada share rank 1 in Survey rank (2001).")
            || text.contains("Canada and the United States share rank 1 in Survey rank (2001)."), "\(text)")
    #expect(text.contains("The Netherlands and the United States share rank 2 in Survey rank (2002).")
            || text.contains("The United States and the Netherlands share rank 2 in Survey rank (2002)."), "\(text)")
    // Two ties, one treatment.
    #expect(text.components(separatedBy: "Treatment:").count - 1 == 1, "\(text)")
}

@Test func englishOrdinals() {
    #expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 35, 101, 111, 112].map(NumberWords.englishOrdinal)
            == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "35th", "101st", "111th", "112th"])
}

// No domain in the engine: the stage placeholder takes the dataset's stage indicator.
@Test func stageDefaultsToTheDatasetsStageIndicator() {
    #expect(paragraphs(composed("sections:\n  - text: \"{{stage US}}\"\n").content) == ["stage 4 (transaction)"])
    #expect(paragraphs(composed("sections:\n  - text: \"{{stage CN}}\"\n", language: "zh-cn").content) == ["第3阶段（交互）"])
}

// Every table has every phrase, so a report never prints an empty word.
@Test func everyLanguageTableHasEveryPhrase() {
    for (language, table) in Words.tables {
        let missing = Phrase.allCases.filter { (table[$0] ?? "").isEmpty }
        #expect(missing.isEmpty, "\(language) lacks \(missing)")
    }
    #expect(ValueFormatter(dataset: synthetic, language: "en").rankPhrase(3) == "3rd")
    #expect(ValueFormatter(dataset: synthetic, language: "zh-cn").rankPhrase(3) == "第3名")
}

@Test func aGapOfOneRankIsOnePlaceInEnglishAndOneWeiInChinese() throws {
    // 2003: US 2nd (domestic here), CA 1st.
    let body = """
    sections:
      - gap-analysis: {id: g, domestic: [US], international: [CA], indicators: [survey.rank]}
    """
    let (en, _) = composed(body)
    #expect(try cellText(#require(tables(en).first).rows[0][4]) == "1 place behind")
    #expect(paragraphs(en).contains { $0.hasSuffix("United States is 1 place behind.") }, "\(paragraphs(en))")
    let (zh, _) = composed(body, language: "zh-cn")
    let cell = try cellText(#require(tables(zh).first).rows[0][4])
    #expect(["落后 1 位", CJKSpacing.normalised("落后 1 位")].contains(cell), "\(cell)")
}

// Every placeholder on the synthetic dataset, in both languages.
@Test(arguments: [
    // A value alone in prose takes the indicator's format, else at most two decimals (tables and charts that set
    // values side by side use the most decimals observed: 0.9636).
    ("{{value US index.score 2003}}", "0.96", "0.96"),
    ("{{latest US portal.count}}", "30", "30"),
    ("{{period US portal.count}}", "Mar 2002", "2002年3月"),
    ("{{count tag:lead}}", "3", "3"),
    ("{{count kind:city}}", "1", "1"),
    ("{{indicator survey.rank}}", "Survey rank", "调查排名"),
    ("{{rank CN survey.rank 2003}}", "12", "12"),
])
func placeholdersOnSyntheticData(placeholder: String, en: String, zh: String) {
    let body = "sections:\n  - text: \"\(placeholder)\"\n"
    let english = paragraphs(composed(body).content).first
    let chinese = paragraphs(composed(body, language: "zh-cn").content).first
    #expect(english == en && chinese == zh, "\(placeholder): \(english ?? "nil") / \(chinese ?? "nil")")
}
