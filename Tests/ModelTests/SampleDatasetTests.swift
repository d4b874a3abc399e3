import TestSupport
import Foundation
import Geometry
import Model
import Spec
import Testing

private let loaded = DatasetLoader.load(folder: TestPaths.sample)

private func value(_ entity: String, _ indicator: String, _ period: String) -> Value? {
    guard let data = loaded.dataset, let p = Period(period) else { return nil }
    return data.observation(entity: entity, indicator: indicator, period: p)?.value
}

@Test func sampleDatasetLoadsWithoutErrors() throws {
    #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics)")
    let data = try #require(loaded.dataset)
    #expect(data.entities.count >= 20)
    #expect(data.observations.count >= 200)
    #expect(data.stages.map { $0.name.resolve("zh") } == ["信息发布", "单向交流", "双向沟通", "交易服务", "网络集成"])
}

/// Spot checks against the chapter's wording (the quoted sentence is in the comment).
@Test(arguments: [
    // 在 Accenture 公司 2000 年和 2001 年的全球电子政务调查中，美国电子政务水平排名第一，2002 年和 2003 年的调查中，美国第三
    ("US", "accenture.overall", "2000", 1.0), ("US", "accenture.overall", "2001", 1), ("US", "accenture.overall", "2002", 3),
    ("US", "accenture.overall", "2003", 3),
    // 在联合国 2001 年全球电子政务测评中，美国名列第一 … 电子参与程度名列第二，仅次于英国
    ("US", "un.overall", "2001", 1), ("US", "un.maturity", "2003", 1), ("US", "un.e_participation", "2003", 2),
    // Brown 大学 2001 年 … 美国 … 第一，2002 年 … 第四，2003 年 … 第二
    ("US", "brown.overall", "2001", 1), ("US", "brown.overall", "2002", 4), ("US", "brown.overall", "2003", 2),
    // 117 项服务中，其中 115 项可用，服务广度高达 98.3%
    ("US", "breadth.surveyed", "2001", 117), ("US", "breadth.available", "2001", 115), ("US", "breadth.stated_pct", "2001", 98.3),
    // 加拿大名列第六 … 电子参与程度方面加拿大名列第三
    ("CA", "un.overall", "2001", 6), ("CA", "un.maturity", "2003", 6), ("CA", "un.e_participation", "2003", 3),
    // 71 项服务中，其中 64 项可用，服务广度高达 91%
    ("CA", "breadth.surveyed", "2001", 71), ("CA", "breadth.available", "2001", 64), ("CA", "breadth.stated_pct", "2001", 91),
    // 在 TNS 公司 2002 年全球电子政务测评中，新加坡名列第二 … 2003 年 … 第四
    ("SG", "tns.overall", "2002", 2), ("SG", "tns.overall", "2003", 4), ("SG", "un.maturity", "2003", 8),
    // 英国 … 电子参与程度 … 第一; 成熟度 … 第五
    ("GB", "un.e_participation", "2003", 1), ("GB", "un.maturity", "2003", 5),
    // 澳大利亚 … 成熟度方面澳大利亚名列第三
    ("AU", "un.maturity", "2003", 3),
    // 上海名列全球第五，排在纽约之后、罗马之前 / 2005 年，上海名列全球第三
    ("CN-SH", "rutgers_skku.city", "2003", 5), ("CN-SH", "rutgers_skku.city", "2005", 3),
    // 2001 年年底，美国上网人数达到了 66%
    ("US", "internet.users_pct", "2001", 66),
    // “第一政府网站”的日常用户由 2001 年的 680 万猛增到 2002 年的 3700 万
    ("US", "portal.daily_users", "2001", 680), ("US", "portal.daily_users", "2002", 3700),
])
func sampleHoldsTheChaptersFigures(entity: String, indicator: String, period: String, expected: Double) {
    #expect(value(entity, indicator, period)?.number == expected, "\(entity) \(indicator) \(period)")
}

@Test func stagesAndRootCausesAreTranscribed() throws {
    let data = try #require(loaded.dataset)
    #expect(data.latest(entity: "CN", indicator: "maturity.stage")?.value == .stageRange(1, 3))
    #expect(data.latest(entity: "US", indicator: "maturity.stage")?.value.number == 4)
    #expect(data.latest(entity: "US", indicator: "maturity.target_stage")?.value.number == 5)
    let causes = data.observations(entity: "CN", indicator: "gap.root_cause").map(\.value.description)
    #expect(causes == ["缺乏安全保障", "缺乏统一规划设计", "缺乏高质量的公务员队伍"])
    let poles = ["R-NORTH-AMERICA", "R-WEST-PACIFIC", "R-NORTHWEST-EUROPE"].compactMap { data.latest(entity: $0, indicator: "pole.leads_in")?.value.description }
    #expect(poles == ["服务广度", "服务深度", "CRM"])
}

/// Every observation quotes the chapter verbatim (ignoring line breaks and spaces), so each figure is traceable.
/// Skipped, and shown as skipped, where the chapter is not beside the repository (it is in CI and in sessions).
@Test(.enabled(if: TestPaths.seed != nil, "the source chapter (../shared/seed) is not beside the repository"))
func everyQuoteIsInTheChapter() throws {
    let seed = try String(contentsOfFile: try #require(TestPaths.seed), encoding: .utf8)
    let data = try #require(loaded.dataset)
    let squashed = seed.filter { !$0.isWhitespace }
    let missing = data.observations.filter { !$0.quote.isEmpty && !squashed.contains($0.quote.filter { !$0.isWhitespace }) }
    #expect(missing.isEmpty, "quotes not found: \(missing.prefix(5).map { "\($0.location?.description ?? ""): \($0.quote)" })")
}

/// Every event and target quotes the chapter verbatim too; skipped visibly, like the test above, without the chapter.
@Test(.enabled(if: TestPaths.seed != nil, "the source chapter (../shared/seed) is not beside the repository"))
func everyEventAndTargetQuoteIsInTheChapter() throws {
    let seed = try String(contentsOfFile: try #require(TestPaths.seed), encoding: .utf8)
    let data = try #require(loaded.dataset)
    let squashed = seed.filter { !$0.isWhitespace }
    let quoted = data.events.map { ($0.location, $0.quote) } + data.targets.map { ($0.location, $0.quote) }
    #expect(quoted.count >= 80)
    let missing = quoted.filter { $0.1.isEmpty || !squashed.contains($0.1.filter { !$0.isWhitespace }) }
    #expect(missing.isEmpty, "quotes empty or not found: \(missing.prefix(5).map { "\($0.0?.description ?? ""): \($0.1)" })")
}

/// The chapter's development paths: the phases, laws and targets the reports compare.
@Test func sampleHoldsTheChaptersPaths() throws {
    let data = try #require(loaded.dataset)
    let sg = data.events.filter { $0.entity == "SG" && $0.kind == .phase }.map(\.date.startYear)
    #expect(sg == [1980, 1986, 1992, 2000, 2000])
    #expect(data.events.first { $0.id == "AU-1997-eta" }?.step == "e-transactions-law")
    #expect(data.events.first { $0.id == "GZ-2003-02-01-eta" }?.date == .day(2003, 2, 1))
    #expect(data.targets.first { $0.id == "GB-2005-services-online" }?.deadline == .year(2005))
    #expect(data.targets.first { $0.id == "BJ-2002-online" }?.status == .met)
    let findings = DataChecker().check(data)
    #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings.filter { $0.severity == .error })")
    // Singapore's phases 4 and 5 both run "2000 年至今": the chapter's own overlap.
    #expect(findings.filter { $0.code == .phaseOverlap }.map { $0.details["second"] } == ["SG-2000-phase-egov"])
    #expect(findings.contains { $0.code == .targetNoOutcome && $0.details["target"] == "CA-2004-all-online" })
}

@Test func checkerFindsTheChaptersInconsistencies() throws {
    let data = try #require(loaded.dataset)
    let findings = DataChecker().check(data)
    #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings.filter { $0.severity == .error })")
    let tie = findings.first { $0.code == .rankTie && $0.details["indicator"] == "accenture.overall" && $0.details["period"] == "2001" }
    #expect(tie?.details["entities"]?.split(separator: ",").sorted() == ["CA", "US"])
    let mismatches = findings.filter { $0.code == .relationMismatch }.compactMap { $0.details["entity"] }.sorted()
    #expect(mismatches == ["AU", "CA"])
    let canada = findings.first { $0.code == .relationMismatch && $0.details["entity"] == "CA" }
    #expect(canada?.message.contains("states 91") == true && canada?.message.contains("90.1") == true)
    #expect(canada?.location?.line ?? 0 > 1)
}
