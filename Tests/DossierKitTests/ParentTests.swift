@testable import DossierKit
import Geometry
import Layout
import Model
import Spec
import Testing

// Parents, windows per parent or group, rows grouped under their parent, and sorting by a computed column (issue 11),
// on a small synthetic dataset.

private func text(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

/// Three countries with eight cities, one city without a parent (Ivy) and a district under Ash (Juniper, no data).
/// Ranks in 2001 and 2003; Ash, Daisy and Gorse are tagged coast, Birch and Elm inland.
private let family: Dataset = {
    func city(_ id: String, _ zh: String, _ en: String, _ parent: String?, _ tags: [String] = []) -> Entity {
        Entity(id: id, name: text(zh, en), kind: .city, parent: parent, tags: tags)
    }
    let entities = [
        Entity(id: "NORTH", name: text("北国", "Northland"), kind: .country),
        Entity(id: "EAST", name: text("东国", "Eastland"), kind: .country),
        Entity(id: "SOUTH", name: text("南国", "Southland"), kind: .country),
        city("A1", "梣", "Ash", "NORTH", ["coast"]), city("A2", "桦", "Birch", "NORTH", ["inland"]), city("A3", "杉", "Cedar", "NORTH"),
        city("B1", "雏菊", "Daisy", "EAST", ["coast"]), city("B2", "榆", "Elm", "EAST", ["inland"]), city("B3", "蕨", "Fern", "EAST"),
        city("C1", "荆", "Gorse", "SOUTH", ["coast"]), city("C2", "石楠", "Heather", "SOUTH"),
        city("O1", "常春藤", "Ivy", nil),
        Entity(id: "D1", name: text("桧区", "Juniper"), kind: .region, parent: "A1"),
    ]
    let indicators = [Indicator(id: "r", label: text("排名", "Rank"), unit: .rank, direction: .lowerBetter, source: "s"),
                      Indicator(id: "score", label: text("得分", "Score"), unit: .number, direction: .higherBetter, source: "s")]
    let sources = [Source(id: "s", publisher: text("甲", "A"), title: text("甲", "A"), years: [2001, 2003], citation: text("甲", "A"))]
    let ranks2001 = ["A1": 3.0, "A2": 8, "A3": 1, "B1": 2, "B2": 6, "B3": 4, "C1": 5, "C2": 9, "O1": 7]
    let ranks2003 = ["A1": 4.0, "A2": 7, "A3": 2, "B1": 1, "B2": 5, "B3": 8, "C1": 3, "C2": 9, "O1": 6]
    var observations: [Observation] = []
    for (year, ranks) in [("2001", ranks2001), ("2003", ranks2003)] {
        for (e, v) in ranks.sorted(by: { $0.key < $1.key }) {
            observations.append(Observation(entity: e, indicator: "r", period: Period(year) ?? .year(2000), value: .number(v)))
        }
    }
    // Daisy and Elm tie on the score; Fern has none.
    for (e, v) in [("B1", 0.8), ("B2", 0.8), ("A1", 0.6), ("A3", 0.7)] {
        observations.append(Observation(entity: e, indicator: "score", period: .year(2003), value: .number(v)))
    }
    return Dataset(folder: "family", entities: entities, indicators: indicators, sources: sources, observations: observations)
}()

private func composed(_ body: String, language: String = "en") -> (content: ReportContent?, diagnostics: [Diagnostic]) {
    composeSpec(body, dataset: family, language: language)
}

private func firstTable(_ content: ReportContent?) -> TableBlock? {
    (content?.blocks ?? []).compactMap { if case .table(let t) = $0 { return t } else { return nil } }.first
}

/// The first column of every body row of the first table (subheadings included).
private func rowNames(_ body: String, language: String = "en") -> [String] {
    firstTable(composed(body, language: language).content)?.rows.map { $0.first?.text ?? "" } ?? []
}

/// A matrix of ranks in 2001 and 2003; `entities` is written as given, `extra` are more table keys.
private func matrix(_ entities: String, _ extra: String = "") -> String {
    "sections:\n  - table:\n      title: T\n      entities: \(entities)\n      columns: [{indicator: r, periods: [2001, 2003]}]\n" + extra
}

private func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.severity == .error } }

// MARK: Parents in selections

@Test func inSelectsEveryMemberOfAParentAtAnyDepth() {
    // Ash's district Juniper is a member of Northland too; it has no data, so it comes last.
    #expect(rowNames(matrix("{in: NORTH}")) == ["Cedar", "Ash", "Birch", "Juniper"])
    #expect(rowNames(matrix("[in:NORTH]")) == ["Cedar", "Ash", "Birch", "Juniper"])
    // Combined with kinds (AND): the cities only.
    #expect(rowNames(matrix("{in: NORTH, kinds: [city]}")) == ["Cedar", "Ash", "Birch"])
    #expect(rowNames(matrix("[in:NORTH, kind:city]")) == ["Cedar", "Ash", "Birch"])
    // Several parents: members of any; with a tag, members that carry it; exclude still applies.
    #expect(rowNames(matrix("{in: [EAST, SOUTH]}")) == ["Daisy", "Gorse", "Elm", "Fern", "Heather"])
    #expect(rowNames(matrix("{in: [EAST, SOUTH], tags: [coast]}")) == ["Daisy", "Gorse"])
    #expect(rowNames(matrix("{in: EAST, exclude: [B2]}")) == ["Daisy", "Fern"])
    // A parent below the top: Ash's members.
    #expect(rowNames(matrix("{in: A1}")) == ["Juniper"])
}

@Test func anUnknownParentIsALocatedErrorWithTheClosestId() {
    let (content, diagnostics) = composed(matrix("{in: NROTH, kinds: [city]}"))
    let error = errors(diagnostics).first { $0.message.contains("NROTH") }
    #expect(error?.code == .unknownEntity)
    #expect(error?.hint == "did you mean 'NORTH'?")
    #expect(error?.location?.line == 9)
    #expect(firstTable(content) == nil)
    // The table is left out without a second error piling on.
    #expect(errors(diagnostics).count == 1, "\(diagnostics)")
}

@Test func aParentWithoutMembersIsAnErrorOrAWarningInAnOptionalSection() {
    let (content, diagnostics) = composed(matrix("{in: O1}"))
    let empty = diagnostics.filter { $0.code == .emptyParent }
    #expect(empty.count == 1 && empty.first?.severity == .error, "\(diagnostics)")
    #expect(empty.first?.location?.line == 9)
    #expect(empty.first?.hint?.contains("EAST") == true)
    #expect(firstTable(content) == nil)
    #expect(!diagnostics.contains { $0.code == .emptyTable })
    let (optional, warned) = composed(matrix("{in: O1}", "      optional: true\n"))
    #expect(errors(warned).isEmpty, "\(warned)")
    #expect(warned.contains { $0.code == .emptyParent && $0.severity == .warning })
    #expect(firstTable(optional) == nil)
}

// MARK: Windows per parent and per group

@Test func aWindowPerParentKeepsTheBestOfEachParent() {
    // The best city of each country, and Ivy as the best (only) city without a parent.
    #expect(rowNames(matrix("{kinds: [city], top: {indicator: r, period: 2003, n: 1, per: parent}}")) == ["Daisy", "Cedar", "Gorse", "Ivy"])
    // Ranks counted within the parent: the two best of each (Northland: Cedar 2, Ash 4; never Birch 7).
    #expect(rowNames(matrix("{kinds: [city], top: {indicator: r, period: 2003, ranks: 2, per: parent}}"))
        == ["Daisy", "Cedar", "Gorse", "Ash", "Elm", "Ivy", "Heather"])
    // Within a parent's members only.
    #expect(rowNames(matrix("{in: EAST, top: {indicator: r, period: 2001, n: 2, per: parent}}")) == ["Daisy", "Fern"])
}

@Test func aWindowPerParentBreaksTiesAtTheCutByIdAndKeepsTiesByRank() {
    // Daisy (B1) and Elm (B2) tie in Eastland: n: 1 keeps the first id; ranks: 1 keeps both; Fern has no score.
    #expect(rowNames(matrix("{in: [EAST, NORTH], kinds: [city], top: {indicator: score, n: 1, per: parent}}")) == ["Daisy", "Cedar"])
    #expect(rowNames(matrix("{in: [EAST, NORTH], kinds: [city], top: {indicator: score, ranks: 1, per: parent}}")) == ["Daisy", "Cedar", "Elm"])
    // A parent none of whose members has data selects nothing there; a window selecting nothing at all is an error.
    let (_, diagnostics) = composed(matrix("{in: SOUTH, top: {indicator: score, n: 1, per: parent}}"))
    #expect(diagnostics.contains { $0.code == .emptyWindow && $0.severity == .error && $0.location?.line == 9 }, "\(diagnostics)")
}

@Test func aWindowPerGroupKeepsTheBestOfEachDeclaredGroup() {
    let groups = "groups:\n  coast: Coast\n  inland: Inland\n"
    // Coast: Daisy (1); inland: Elm (5) over Birch (7); in no group: Cedar (2).
    let body = groups + matrix("{kinds: [city], top: {indicator: r, period: 2003, n: 1, per: group}}")
    #expect(rowNames(body) == ["Daisy", "Cedar", "Elm"])
}

@Test func perIsValidated() {
    let (_, diagnostics) = composed(matrix("{kinds: [city], top: {indicator: r, n: 1, per: parnet}}"))
    let error = errors(diagnostics).first
    #expect(error?.code == .badValue)
    #expect(error?.message.contains("parnet") == true)
    #expect(error?.hint?.hasPrefix("did you mean 'parent'?") == true)
    #expect(error?.location?.line == 9)
    // per: group needs declared groups.
    let (_, undeclared) = composed(matrix("{kinds: [city], top: {indicator: r, n: 1, per: group}}"))
    #expect(errors(undeclared).contains { $0.message.contains("declares none") && $0.location?.line == 9 }, "\(undeclared)")
}

// MARK: Rows grouped under their parent

@Test func groupByParentPutsRowsUnderSubheadingsInTheOrderOfTheirBestRow() throws {
    let (content, diagnostics) = composed(matrix("{kinds: [city]}", "      group-by: parent\n"))
    #expect(errors(diagnostics).isEmpty, "\(diagnostics)")
    let table = try #require(firstTable(content))
    // Daisy is ranked 1st, so Eastland leads; Cedar (2nd) brings Northland, Gorse (3rd) Southland; Ivy has no parent.
    #expect(table.rows.map { $0.first?.text ?? "" }
        == ["Eastland", "Daisy", "Elm", "Fern", "Northland", "Cedar", "Ash", "Birch", "Southland", "Gorse", "Heather", "Other", "Ivy"])
    #expect(table.subheadingRows == [0, 4, 8, 11])
    // A subheading is one bold cell across the table (name, 2001, 2003).
    #expect(table.rows[0].count == 1 && table.rows[0][0].columnSpan == 3 && table.rows[0][0].bold)
    // The data rows are the usual ones.
    #expect(table.rows[1].map(\.text) == ["Daisy", "2", "1"])
}

@Test func groupByParentKeepsTheSortWithinGroupsAndSpeaksTheReportLanguage() {
    // sort: name orders rows within each group; groups follow their first row (Ash, Daisy, Gorse, Ivy).
    #expect(rowNames(matrix("{kinds: [city]}", "      group-by: parent\n      sort: name\n"))
        == ["Northland", "Ash", "Birch", "Cedar", "Eastland", "Daisy", "Elm", "Fern", "Southland", "Gorse", "Heather", "Other", "Ivy"])
    // An explicit id list gives the group order.
    #expect(rowNames(matrix("[C2, A2, C1, B1]", "      group-by: parent\n")) == ["Southland", "Heather", "Gorse", "Northland", "Birch", "Eastland", "Daisy"])
    #expect(rowNames(matrix("{kinds: [city]}", "      group-by: parent\n"), language: "zh-cn")
        == ["东国", "雏菊", "榆", "蕨", "北国", "杉", "梣", "桦", "南国", "荆", "石楠", "其他", "常春藤"])
}

@Test func groupByGroupUsesTheDeclaredLabels() {
    let body = "groups:\n  inland: {zh: 内陆, en: Inland}\n  coast: Coast\n" + matrix("{kinds: [city]}", "      group-by: group\n")
    // Groups in the order of their best row (Daisy is 1st); cities in no declared group last.
    #expect(rowNames(body) == ["Coast", "Daisy", "Gorse", "Ash", "Inland", "Elm", "Birch", "Other", "Cedar", "Ivy", "Fern", "Heather"])
    #expect(rowNames(body, language: "zh-cn").prefix(5) == ["Coast", "雏菊", "荆", "梣", "内陆"])
}

@Test func groupByObservationsAndValidation() throws {
    let body = "sections:\n  - table:\n      kind: observations\n      title: T\n      entities: [B1, O1, A3]\n      indicators: [r]\n      group-by: parent\n"
    let (content, diagnostics) = composed(body)
    #expect(errors(diagnostics).isEmpty, "\(diagnostics)")
    let table = try #require(firstTable(content))
    // The written order decides the group order; Ivy, without a parent, comes last.
    #expect(table.rows.map { $0.first?.text ?? "" } == ["Eastland", "Daisy", "Daisy", "Northland", "Cedar", "Cedar", "Other", "Ivy", "Ivy"])
    #expect(table.subheadingRows == [0, 3, 6])
    // Unknown values and other table kinds are errors at the key.
    let (_, wrong) = composed(matrix("{kinds: [city]}", "      group-by: parents\n"))
    #expect(errors(wrong).first?.hint?.hasPrefix("did you mean 'parent'?") == true)
    #expect(errors(wrong).first?.location?.line == 11)
    let facts = "sections:\n  - table:\n      kind: facts\n      title: T\n      indicators: [r]\n      group-by: parent\n"
    #expect(errors(composed(facts).diagnostics).contains { $0.message.contains("cannot group") && $0.location?.line == 11 })
    // No row with a parent: not grouped, with a warning.
    let (orphans, warned) = composed(matrix("[O1]", "      group-by: parent\n"))
    #expect(firstTable(orphans)?.subheadingRows.isEmpty == true)
    #expect(warned.contains { $0.severity == .warning && $0.message.contains("has a parent") })
}

// MARK: Sorting by a computed column

@Test func sortByAComputedColumnPutsTheLargestImprovementFirst() {
    let change = "      sort: {column: Change}\n"
    let columns = "columns: [{indicator: r, periods: [2003]}, {change: r, from: 2001, to: 2003, label: Change}]"
    let body = matrix("{kinds: [city]}", change).replacingOccurrences(of: "columns: [{indicator: r, periods: [2001, 2003]}]", with: columns)
    // Gorse rose two places; Birch, Daisy, Elm and Ivy one (by name); Heather held; Ash and Cedar fell one; Fern four.
    #expect(rowNames(body) == ["Gorse", "Birch", "Daisy", "Elm", "Ivy", "Heather", "Ash", "Cedar", "Fern"])
    // order: desc sorts by the signed change itself (later − earlier): the largest rise in rank number first.
    let desc = body.replacingOccurrences(of: "{column: Change}", with: "{column: Change, order: desc}")
    #expect(rowNames(desc) == ["Fern", "Ash", "Cedar", "Heather", "Birch", "Daisy", "Elm", "Ivy", "Gorse"])
    // Named KIND:INDICATOR, and hidden: the table is ordered by a change it does not show.
    let hidden = body.replacingOccurrences(of: "label: Change}", with: "hide: true}").replacingOccurrences(of: "{column: Change}", with: "{column: change:r}")
    #expect(rowNames(hidden) == ["Gorse", "Birch", "Daisy", "Elm", "Ivy", "Heather", "Ash", "Cedar", "Fern"])
    #expect(firstTable(composed(hidden).content)?.headerRows[0].count == 2)
}

@Test func sortByAComputedDifferenceIsDirectionAwareWithMissingLast() {
    // The score is higher-better: the largest difference to the median (0.75) first; rows without a score last, by name.
    let columns = "columns: [{indicator: score, periods: [2003]}, {difference: score, period: 2003, to: median, label: Gap}]"
    let body = matrix("{kinds: [city]}", "      sort: {column: Gap}\n").replacingOccurrences(of: "columns: [{indicator: r, periods: [2001, 2003]}]", with: columns)
    #expect(rowNames(body) == ["Daisy", "Elm", "Cedar", "Ash", "Birch", "Fern", "Gorse", "Heather", "Ivy"])
    let ascending = body.replacingOccurrences(of: "{column: Gap}", with: "{column: Gap, order: asc}")
    #expect(rowNames(ascending) == ["Ash", "Cedar", "Daisy", "Elm", "Birch", "Fern", "Gorse", "Heather", "Ivy"])
}

@Test func sortByAComputedColumnIsValidated() {
    let columns = "columns: [{indicator: r, periods: [2003]}, {change: r, from: 2001, to: 2003, label: Change}]"
    let body = matrix("{kinds: [city]}", "      sort: {column: Chnage}\n").replacingOccurrences(of: "columns: [{indicator: r, periods: [2001, 2003]}]", with: columns)
    let (_, diagnostics) = composed(body)
    let error = errors(diagnostics).first
    #expect(error?.message == "the table has no computed column 'Chnage'")
    #expect(error?.hint == "did you mean 'Change'?")
    #expect(error?.location?.line == 11)
    let (_, none) = composed(matrix("{kinds: [city]}", "      sort: {column: Change}\n"))
    #expect(errors(none).first?.hint?.contains("this table has none") == true)
    let (_, period) = composed(body.replacingOccurrences(of: "{column: Chnage}", with: "{column: Change, period: 2003}"))
    #expect(errors(period).contains { $0.code == .unusedKey })
    let chart = "sections:\n  - chart: {id: c, kind: bar, indicator: r, title: C, sort: {column: Change}}\n"
    #expect(errors(composed(chart).diagnostics).contains { $0.message.contains("no computed columns") && $0.location?.line == 7 })
}
