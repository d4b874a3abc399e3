import Foundation
@testable import DossierKit
import Geometry
import Layout
import Model
import Spec
import TestSupport
import Testing

// Computed values (issue 11) on a small synthetic dataset: table columns (change, difference, group rank, share),
// placeholders, focus rows and the valid range, in both languages.

private func text(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

/// Four countries (A, B, C tagged intl; D home) and a city E with no data, over 2001 and 2003.
private let data: Dataset = {
    let entities = [
        Entity(id: "A", name: text("甲国", "Aland"), kind: .country, tags: ["intl"]),
        Entity(id: "B", name: text("乙国", "Bland"), kind: .country, tags: ["intl"]),
        Entity(id: "C", name: text("丙国", "Cland"), kind: .country, tags: ["intl"]),
        Entity(id: "D", name: text("丁国", "Dland"), kind: .country, tags: ["home"]),
        Entity(id: "E", name: text("戊市", "Etown"), kind: .city, parent: "D", tags: ["home"]),
    ]
    var index = Indicator(id: "x.index", label: text("指数", "Index"), unit: .number, direction: .higherBetter, source: "s")
    index.minimum = 0
    index.maximum = 1
    let indicators = [
        Indicator(id: "r.rank", label: text("调查排名", "Survey rank"), unit: .rank, direction: .lowerBetter, source: "s"),
        Indicator(id: "s.score", label: text("得分", "Score"), unit: .number, direction: .higherBetter, source: "s"),
        Indicator(id: "c.cost", label: text("成本", "Cost"), unit: .number, direction: .lowerBetter, source: "s",
                  format: NumberFormat(decimals: 1)),
        Indicator(id: "n.users", label: text("用户数", "Users"), unit: .count, direction: .none, source: "s"),
        Indicator(id: "t.note", label: text("说明", "Note"), unit: .text, source: "s"),
        index,
    ]
    let sources = [Source(id: "s", publisher: text("某机构", "Body"), title: text("调查", "Survey"), years: [2001, 2003],
                          citation: text("某机构调查", "Body, Survey"))]
    func o(_ e: String, _ x: String, _ p: Int, _ v: Double) -> Observation {
        Observation(entity: e, indicator: x, period: .year(p), value: .number(v))
    }
    let observations = [
        o("A", "r.rank", 2001, 1), o("B", "r.rank", 2001, 2), o("C", "r.rank", 2001, 3), o("D", "r.rank", 2001, 9),
        o("A", "r.rank", 2003, 2), o("B", "r.rank", 2003, 1), o("C", "r.rank", 2003, 3), o("D", "r.rank", 2003, 5),
        o("A", "s.score", 2001, 0.9), o("B", "s.score", 2001, 0.85), o("C", "s.score", 2001, 0.85), o("D", "s.score", 2001, 0.5),
        o("A", "s.score", 2003, 0.95), o("B", "s.score", 2003, 0.9636), o("C", "s.score", 2003, 0.85), o("D", "s.score", 2003, 0.6),
        o("A", "c.cost", 2001, 10), o("B", "c.cost", 2001, 7), o("A", "c.cost", 2003, 8.5), o("B", "c.cost", 2003, 9),
        o("A", "n.users", 2003, 50), o("B", "n.users", 2003, 30), o("C", "n.users", 2003, 20),
        o("A", "n.users", 2001, 40), o("B", "n.users", 2001, 45),
        o("A", "x.index", 2003, 0.7), o("B", "x.index", 2003, 1.422),
    ]
    return Dataset(folder: "synthetic", entities: entities, indicators: indicators, sources: sources, observations: observations)
}()

private func composed(_ body: String, language: String = "en", style: Style = .briefing) -> (content: ReportContent?, diagnostics: [Diagnostic]) {
    composeSpec(body, dataset: data, language: language, style: style)
}

private func table(_ content: ReportContent?) -> TableBlock? {
    (content?.blocks ?? []).lazy.compactMap { if case .table(let t) = $0 { return t } else { return nil } }.first
}

private func paragraphs(_ content: ReportContent?) -> [String] { paragraphTexts(content) }

/// The column of a table (body cells' text), by its index.
private func column(_ t: TableBlock?, _ i: Int) -> [String] { (t?.rows ?? []).map { $0[i].text } }

private func matrix(_ columns: String, entities: String = "[A, B, C, D, E]", extra: String = "") -> String {
    "sections:\n  - table:\n      id: t\n      title: T\n      entities: \(entities)\n      columns:\n\(columns)\n\(extra)"
}

// MARK: - Columns

@Test func rankChangeArrowsPointToBetterPlaces() throws {
    let (content, diagnostics) = composed(matrix("        - {change: r.rank, from: 2001, to: 2003}"))
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    let t = try #require(table(content))
    // A 1→2 worse, B 2→1 better, C unchanged, D 9→5 better by 4, E has no rank: "—", never 0.
    #expect(column(t, 1) == ["▼ 1", "▲ 1", "=", "▲ 4", "—"])
    #expect(t.headerRows[0][1].text == "Survey rank: change")
    #expect(t.notes.contains("Note: ▲ better, ▼ worse, = unchanged."))
    #expect(t.headerRows[1][1].text == "2001→2003")
    #expect(t.notes.contains("Note: “—” means no data for that year."))
    #expect(t.sourceNote == "Source: Body, Survey")   // a computed column cites its indicator's source
}

@Test func rankChangeHeaderInChinese() throws {
    let t = try #require(table(composed(matrix("        - {change: r.rank, from: 2001, to: 2003}"), language: "zh-cn").content))
    #expect(t.headerRows[0][1].text == "调查排名变化")
    #expect(t.notes == ["注：“—”表示该年份无数据。", "注：“▲”表示变好，“▼”表示变差，“=”表示不变。"])
    #expect(t.headerRows[1][1].text == "2001→2003")   // table headers print years bare, like the period columns
    #expect(column(t, 1) == ["▼ 1", "▲ 1", "=", "▲ 4", "—"])
}

@Test func valueChangesKeepTheIndicatorsPrecisionAndDirection() throws {
    let (content, _) = composed(matrix("""
            - {change: s.score, from: 2001, to: 2003}
            - {change: c.cost, from: 2001, to: 2003}
            - {change: n.users, from: 2001, to: 2003}
    """))
    let t = try #require(table(content))
    // Higher-better score with 4 observed decimals: a rise is ▲, in 4 decimals; a tie across periods is "=".
    #expect(column(t, 1) == ["▲ 0.0500", "▲ 0.1136", "=", "▲ 0.1000", "—"])
    // Lower-better cost with decimals: 1: a fall is better (▲), a rise worse (▼).
    #expect(column(t, 2) == ["▲ 1.5", "▼ 2.0", "—", "—", "—"])
    // No direction: the signed change, no arrow.
    #expect(column(t, 3) == ["+10", "−15", "—", "—", "—"])
}

@Test func aColumnFormatOverridesTheDecimals() throws {
    let (content, diagnostics) = composed(matrix("""
            - {change: s.score, from: 2001, to: 2003, format: {decimals: 1}}
            - {indicator: s.score, periods: [2003], format: {decimals: 2}}
    """))
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    let t = try #require(table(content))
    #expect(column(t, 1) == ["▲ 0.1", "▲ 0.1", "=", "▲ 0.1", "—"])
    #expect(column(t, 2) == ["0.95", "0.96", "0.85", "0.60", "—"])
}

@Test func differenceToTheMedianOfAGroup() throws {
    let (content, diagnostics) = composed(matrix("        - {difference: s.score, period: 2003, to: median, among: tag:intl}"))
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    let t = try #require(table(content))
    // intl 2003: 0.95, 0.9636, 0.85 → median 0.95.
    #expect(column(t, 1) == ["0", "+0.0136", "−0.1000", "−0.3500", "—"])
    #expect(t.headerRows[0][1].text == "Score: difference to the median")
    #expect(t.headerRows[1][1].text == "2003")
    #expect(t.notes.contains("Note: the median is taken over the entities tagged “intl” (3)."), "\(t.notes)")
}

@Test func differenceToTheMeanBestOrAnEntity() throws {
    let (content, diagnostics) = composed(matrix("""
            - {difference: r.rank, period: 2003, to: mean}
            - {difference: r.rank, period: 2003, to: best, among: [A, B, C]}
            - {difference: r.rank, period: 2003, to: A}
    """, extra: "      shade: false"))
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    let t = try #require(table(content))
    // Mean of the rows' ranks 2, 1, 3, 5 = 2.75; differences keep the decimals the mean needs.
    #expect(column(t, 1) == ["−0.75", "−1.75", "+0.25", "+2.25", "—"])
    #expect(column(t, 2) == ["+1", "0", "+2", "+4", "—"])
    #expect(column(t, 3) == ["0", "−1", "+1", "+3", "—"])
    #expect(t.headerRows[0][3].text == "Survey rank: difference to Aland")
    #expect(t.notes.contains("Note: the mean is taken over the rows of this table (4)."))
    #expect(t.notes.contains("Note: the best is taken over Aland, Bland and Cland (3)."))
}

@Test func groupRankSharesPlacesOnTies() throws {
    let (content, _) = composed(matrix("        - {group-rank: s.score, period: 2001}"))
    let t = try #require(table(content))
    // 0.9, 0.85, 0.85, 0.5 → 1, 2, 2, 4.
    #expect(column(t, 1) == ["1", "2", "2", "4", "—"])
    let zh = try #require(table(composed(matrix("        - {group-rank: s.score, period: 2001, among: tag:intl}"), language: "zh-cn").content))
    #expect(column(zh, 1) == ["1", "2", "2", "—", "—"])
    #expect(zh.headerRows[0][1].text == "得分：组内名次")
    #expect(zh.notes.contains("注：组内名次按标签为“intl”的对象（3个）计算。"), "\(zh.notes)")
}

@Test func shareOfTheTotalSkipsMissingValues() throws {
    let (content, _) = composed(matrix("        - {share: n.users, period: 2003}"))
    let t = try #require(table(content))
    #expect(column(t, 1) == ["50.0%", "30.0%", "20.0%", "—", "—"])
    #expect(t.headerRows[0][1].text == "Users: share of total")
}

@Test func computedColumnsSitBesideObservedOnes() throws {
    let (content, _) = composed(matrix("""
            - {indicator: r.rank, periods: [2001, 2003]}
            - {change: r.rank, from: 2001, to: 2003, label: Moved}
    """))
    let t = try #require(table(content))
    #expect(t.headerRows[0].map(\.text) == ["", "Survey rank", "Moved"])
    #expect(t.headerRows[1].map(\.text) == ["Country or city", "2001", "2003", "2001→2003"])
    #expect(t.rows[3].map(\.text) == ["Dland", "9", "5", "▲ 4"])
}

@Test func hiddenColumnsAreCheckedButNotShown() throws {
    let (content, diagnostics) = composed(matrix("""
            - {indicator: r.rank, periods: [2003], hide: true}
            - {change: r.rank, from: 2001, to: 2003, hide: true}
            - {indicator: s.score, periods: [2003]}
    """))
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    let t = try #require(table(content))
    #expect(t.headerRows[0].map(\.text) == ["", "Score"])
    let (_, bad) = composed(matrix("        - {change: r.rank, from: 2002, to: 2003, hide: true}"))
    #expect(bad.contains { $0.message == "no r.rank data in 2002" && $0.location?.line == 12 })
}

// MARK: - Validation

@Test func aMisspelledKeyOfAComputedColumnGetsAHint() {
    let (_, diagnostics) = composed(matrix("        - {change: r.rank, form: 2001, to: 2003}"))
    let unknown = diagnostics.first { $0.code == .unknownKey }
    #expect(unknown?.message == "unknown key 'form' in a column", "\(diagnostics)")
    #expect(unknown?.hint?.hasPrefix("did you mean") == true)
    #expect(unknown?.location?.line == 12)
    #expect(unknown?.location?.column == 28)
    // …and the missing key says how the column is written.
    #expect(diagnostics.contains { $0.message == "a 'change' column needs 'from'" && $0.hint == "write {change: INDICATOR, from: 2001, to: 2003}" })
}

@Test func malformedComputedColumnsAreLocatedErrors() {
    let (_, diagnostics) = composed(matrix("""
            - {change: r.rank, from: 2001}
            - {difference: r.rank, period: 2003}
            - {change: r.rank, share: n.users, from: 2001, to: 2003}
            - {change: r.rank, from: 2001, to: 20x3}
            - {group-rank: r.rank, period: 2003, to: median}
    """))
    func at(_ line: Int, _ text: String) -> Diagnostic? {
        diagnostics.first { $0.location?.line == line && $0.message.contains(text) }
    }
    #expect(at(12, "needs 'to'")?.hint?.contains("{change: INDICATOR, from: 2001, to: 2003}") == true, "\(diagnostics)")
    #expect(at(13, "missing the required key 'to'") != nil, "\(diagnostics)")
    #expect(at(14, "computes one thing")?.hint?.contains("one column for each") == true, "\(diagnostics)")
    let period = at(15, "'20x3' is not a period")
    #expect(period?.location?.column ?? 0 > 10, "at the value: \(String(describing: period))")
    #expect(at(16, "takes no 'to'") != nil, "\(diagnostics)")
}

@Test func aMisspelledReferenceSuggestsTheStatistic() {
    let (_, diagnostics) = composed(matrix("        - {difference: r.rank, period: 2003, to: medain}"))
    #expect(diagnostics.first { $0.code == .unknownEntity }?.hint == "did you mean 'median'?", "\(diagnostics)")
    let (_, among) = composed(matrix("        - {difference: r.rank, period: 2003, to: A, among: tag:intl}"))
    #expect(among.contains { $0.code == .unusedKey && $0.message.contains("takes no 'among'") && $0.location?.line == 12 }, "\(among)")
}

@Test func unknownPeriodsAndReferencesAreErrorsWithHints() {
    let (content, diagnostics) = composed(matrix("""
            - {change: r.rank, from: 2002, to: 2003}
            - {difference: r.rank, period: 2003, to: Q}
            - {share: r.rank, period: 2003}
            - {group-rank: n.users, period: 2003}
            - {change: t.note, from: 2001, to: 2003}
    """))
    #expect(table(content) == nil)
    let period = diagnostics.first { $0.message == "no r.rank data in 2002" }
    #expect(period?.location?.line == 12)
    #expect(period?.hint == "periods with data: 2001, 2003")
    #expect(diagnostics.first { $0.message.contains("'to: Q' is neither median, mean, best nor an entity") }?.location?.line == 13)
    #expect(diagnostics.first { $0.message.contains("share of the total needs a count") }?.location?.line == 14)
    #expect(diagnostics.first { $0.message.contains("rank within a group needs an indicator with a direction") }?.location?.line == 15)
    #expect(diagnostics.first { $0.message.contains("needs a numeric indicator; t.note") }?.location?.line == 16)
}

// MARK: - Placeholders

private func rendered(_ text: String, language: String = "en") -> (String?, [Diagnostic]) {
    let (content, diagnostics) = composed("sections:\n  - text: \"\(text)\"\n", language: language)
    return (paragraphs(content).first, diagnostics)
}

@Test(arguments: [
    ("{{change D r.rank 2001 2003}}", "up 4 places", "上升4位"),
    ("{{change A r.rank 2001 2003}}", "down 1 place", "下降1位"),
    ("{{change C r.rank 2001 2003}}", "unchanged", "持平"),
    ("{{change D s.score 2001 2003}}", "up 0.1000", "上升0.1000"),
    ("{{median s.score 2003 tag:intl}}", "0.9500", "0.9500"),
    ("{{median r.rank 2003}}", "2.5", "2.5"),
    ("{{mean r.rank 2003 A,B,C}}", "2", "2"),
    ("{{mean s.score 2003 tag:intl}}", "0.9212", "0.9212"),
    ("{{min c.cost 2003}}", "8.5", "8.5"),
    ("{{n s.score 2003 tag:home}}", "1", "1"),
    ("{{max r.rank 2003 kind:country}}", "5", "5"),
    ("{{difference D r.rank 2003 median tag:intl}}", "3 places behind", "落后3位"),
    ("{{difference B r.rank 2003 A}}", "1 place ahead", "领先1位"),
    ("{{difference D r.rank 2003 mean tag:intl}}", "3 places behind", "落后3位"),
    ("{{difference B r.rank 2003 median}}", "1.5 places ahead", "领先1.5位"),
    ("{{difference D s.score 2003 best}}", "0.3636 below", "低0.3636"),
    ("{{difference A s.score 2003 median tag:intl}}", "level", "持平"),
    ("{{grouprank C s.score 2001 tag:intl}}", "2", "2"),
    ("{{share B n.users 2003}}", "30.0%", "30.0%"),
])
func computedPlaceholdersInBothLanguages(placeholder: String, en: String, zh: String) {
    let (english, e1) = rendered(placeholder)
    #expect(english == en, "\(e1)")
    let (chinese, e2) = rendered(placeholder, language: "zh-cn")
    #expect(chinese == zh, "\(e2)")
}

@Test(arguments: [
    ("{{change D r.rank 2002 2003}}", "no r.rank data in 2002", "periods with data: 2001, 2003"),
    ("{{median s.scor 2003}}", "unknown indicator 's.scor'", "did you mean 's.score'?"),
    ("{{difference Z r.rank 2003 median}}", "unknown entity 'Z'", nil),
    ("{{median r.rank 2003 tag:intel}}", "no entity has the tag 'intel'", "did you mean 'intl'?"),
    ("{{change E r.rank 2001 2003}}", "no observation for E · r.rank · 2001", "E has no r.rank data at all"),
    ("{{grouprank D s.score 2003 tag:intl}}", "D is not in the group", "add it to the group"),
    ("{{median r.rank}}", "{{median}} needs 2 arguments", "write {{ median INDICATOR PERIOD [tag:TAG] }}"),
])
func placeholderErrorsAreLocatedWithHints(placeholder: String, message: String, hint: String?) {
    let (_, diagnostics) = rendered("Text " + placeholder)
    let error = diagnostics.first { $0.severity == .error }
    #expect(error?.message.contains(message) == true, "\(diagnostics)")
    if let hint { #expect(error?.hint == hint, "\(diagnostics)") }
    #expect(error?.location?.line == 7)
    // Columns count from the quoted scalar's opening quote, as for every placeholder.
    #expect(error?.location?.column == 16, "at the placeholder: \(String(describing: error?.location))")
}

// MARK: - Focus rows

@Test func focusRowsAreShadedAndBold() throws {
    let (content, diagnostics) = composed(matrix("        - {indicator: s.score, periods: [2003]}", extra: "      focus: [D]"))
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    let t = try #require(table(content))
    let focus = Style.briefing.colors.focusRow
    #expect(t.rows[3].allSatisfy { $0.fill == focus && $0.bold })
    #expect(t.rows.enumerated().filter { $0.offset != 3 }.allSatisfy { row in row.element.allSatisfy { $0.fill == nil && !$0.bold } })
}

@Test func rankShadesSurviveInFocusRows() throws {
    let t = try #require(table(composed(matrix("        - {indicator: r.rank, periods: [2003]}", extra: "      focus: {tags: [home]}")).content))
    let row = t.rows[3]
    #expect(row[0].fill == Style.briefing.colors.focusRow)
    #expect(row[1].fill != nil && row[1].fill != Style.briefing.colors.focusRow)
    #expect(row.allSatisfy { $0.bold })
}

@Test func aFocusOutsideTheTableIsALocatedError() {
    let (_, diagnostics) = composed(matrix("        - {indicator: s.score, periods: [2003]}", entities: "[A, B]", extra: "      focus: [D]"))
    let error = diagnostics.first { $0.code == .focusOutside }
    #expect(error?.severity == .error)
    #expect(error?.location?.line == 13)
    #expect(error?.message.contains("'D'") == true)
}

@Test func focusOnAFactsTableIsRejected() {
    let (_, diagnostics) = composed("sections:\n  - table: {id: f, kind: facts, title: F, indicators: [s.score], focus: [A]}\n")
    #expect(diagnostics.contains { $0.code == .unusedKey && $0.message.contains("'focus'") && $0.location?.line == 7 }, "\(diagnostics)")
}

@Test(arguments: ["briefing", "slides", "slides-dark", "monochrome"])
func focusRowsKeepContrastInEveryStyle(name: String) throws {
    let style = try #require(StyleLoader.load(path: TestPaths.repo("Styles/\(name).yaml")).style)
    let fill = style.monochrome ? style.colors.focusRow.grayscale : style.colors.focusRow
    func contrast(_ a: Color, _ b: Color) -> Double {
        let (l1, l2) = (max(a.luminance, b.luminance), min(a.luminance, b.luminance))
        return (l1 + 0.05) / (l2 + 0.05)
    }
    #expect(contrast(style.colors.text, fill) >= 7, "text on the focus shade in \(name)")
    // Visible: apart from the page and from zebra stripes.
    #expect(contrast(fill, style.colors.background) >= 1.1 && fill != style.colors.zebra, "\(name)")
    // And the composed table uses it.
    let t = try #require(table(composed(matrix("        - {indicator: s.score, periods: [2003]}", extra: "      focus: [A]"), style: style).content))
    #expect(t.rows[0][0].fill == fill)
}

// MARK: - Valid range in the notes on the data

@Test func theNotesOnTheDataRestateAValueOutsideItsRange() {
    let body = matrix("        - {indicator: x.index, periods: [2003]}", extra: "  - data-notes: Notes")
    let en = paragraphs(composed(body).content).joined(separator: "\n")
    #expect(en.contains("Bland, 2003: index is 1.422, outside the indicator's valid range (0–1)."), "\(en)")
    #expect(en.contains("Treatment: shown as the source prints it"))
    let zh = paragraphs(composed(body, language: "zh-cn").content).joined(separator: "\n")
    #expect(zh.contains("乙国2003年的指数为 1.422，超出该指标的有效范围（0—1）。"), "\(zh)")
}

@Test func validateLocatesComputedColumnErrorsAtFileLineColumn() throws {
    let all = ReportEngine().validate(ReportJob(specPath: TestPaths.fixtures + "/specs/bad-computed-column.yaml"))
    let period = try #require(all.first { $0.code == .badPeriod })
    #expect(period.description.contains("bad-computed-column.yaml:11:11: error: no survey.rank data in 2003"), "\(period.description)")
    #expect(period.hint == "periods with data: 2001")
    let tag = try #require(all.first { $0.code == .unknownTag })
    #expect(tag.hint == "did you mean 'international'?")
}
