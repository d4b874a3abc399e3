import TestSupport
import Geometry
import Model
import Spec
import Testing

/// Loads a fixture dataset and runs the checker, as `dossier data check` does.
private func findings(_ name: String) -> [Diagnostic] {
    let (data, diagnostics) = DatasetLoader.load(folder: TestPaths.fixtures + "/datasets/" + name)
    return diagnostics + (data.map { DataChecker().check($0) } ?? [])
}

@Test func baseFixtureIsClean() {
    #expect(findings("base").isEmpty, "\(findings("base"))")
}

/// Each broken dataset yields the expected finding, located at file:line.
@Test(arguments: [
    ("non-utf8", "encoding", "observations.csv", 3, Diagnostic.Severity.error),
    ("nan", "type", "observations.csv", 3, .error),
    ("huge", "type", "observations.csv", 3, .error),
    ("duplicate", "duplicate-observation", "observations.csv", 4, .error),
    ("bad-rank", "bad-rank", "observations.csv", 2, .error),
    ("tie", "rank-tie", "observations.csv", 3, .warning),
    ("unknown-ref", "unknown-entity", "observations.csv", 2, .error),
    ("unknown-ref", "unknown-indicator", "observations.csv", 3, .error),
    ("bad-period", "bad-period", "observations.csv", 2, .error),
    ("bad-period", "period-range", "observations.csv", 3, .error),
    ("unterminated", "csv-syntax", "observations.csv", 2, .error),
    ("bom-crlf", "bom", "observations.csv", 1, .warning),
    ("bom-crlf", "crlf", "observations.csv", 0, .warning),
    ("empty", "empty-file", "entities.csv", 0, .error),
    ("wrong-type", "type", "observations.csv", 2, .error),
    ("wrong-type", "type", "observations.csv", 3, .error),
    ("bad-columns", "csv-header", "observations.csv", 1, .error),
    ("unknown-yaml-key", "unknown-key", "indicators.yaml", 5, .error),
])
func brokenDatasetIsReported(name: String, code: String, file: String, line: Int, severity: Diagnostic.Severity) {
    let all = findings(name)
    let match = all.first { $0.code.rawValue == code && ($0.location?.file.hasSuffix(file) ?? false) && ($0.location?.line ?? 0) == line }
    #expect(match != nil, "expected \(code) at \(file):\(line), got \(all.map(\.description))")
    #expect(match?.severity == severity)
}

@Test func unknownReferencesSuggestTheClosestId() {
    let all = findings("unknown-ref")
    #expect(all.first { $0.code == .unknownEntity }?.hint == "did you mean 'US'?")
    #expect(all.first { $0.code == .unknownIndicator }?.hint == "did you mean 'survey.rank'?")
}

@Test func percentWrittenWithSignGetsAHint() {
    let d = findings("wrong-type").first { $0.message.contains("98.3%") }
    #expect(d?.hint?.contains("98.3, not 98.3%") == true)
}

@Test func periodsParse() {
    #expect(Period("2003") == .year(2003))
    #expect(Period("2002-10") == .month(2002, 10))
    #expect(Period("2002-09-15") == .day(2002, 9, 15))
    #expect(Period("2001/2003") == .range(2001, 2003))
    #expect(Period("2003/2001") == nil)
    #expect(Period("20011") == nil)
    #expect(Period("2002-13") == nil)
    #expect(Period("2002-10")?.display("zh-cn") == "2002年10月")
    #expect(Period("2001/2003")?.display("en") == "2001–2003")
    #expect([Period("2003")!, Period("2001")!, Period("2002-05")!].sorted() == [.year(2001), .month(2002, 5), .year(2003)])
}

/// 100,000 rows load whole, each kept with its value, and the checker names every duplicate row. (How fast is the
/// benchmark's business: `dossier-bench` W2 and W3, never a timed unit test.)
@Test func aLargeDatasetLoadsEveryRowAndFindsEveryDuplicate() throws {
    let folder = TestPaths.temporaryFolder()
    let base = TestPaths.fixtures + "/datasets/base/"
    for f in ["entities.csv", "indicators.yaml", "sources.yaml"] {
        try String(contentsOfFile: base + f, encoding: .utf8).write(toFile: folder + "/" + f, atomically: true, encoding: .utf8)
    }
    var csv = "entity,indicator,period,value,note,quote\n"
    for i in 0..<100_000 { csv += "US,survey.count,\(1950 + i % 100)-\(1 + (i / 100) % 12 < 10 ? "0" : "")\(1 + (i / 100) % 12),\(i),,\n" }
    try csv.write(toFile: folder + "/observations.csv", atomically: true, encoding: .utf8)
    let (loaded, diagnostics) = DatasetLoader.load(folder: folder)
    let data = try #require(loaded)
    #expect(diagnostics.allSatisfy { $0.severity != .error })
    #expect(data.observations.count == 100_000)
    #expect(data.observations[99_999].value.number == 99_999)
    #expect(data.observations[99_999].location?.line == 100_001)
    // 100 years × 12 months = 1,200 distinct periods: every other row repeats one.
    #expect(data.periods(indicator: "survey.count").count == 1_200)
    let duplicates = DataChecker().check(data).filter { $0.code == .duplicateObservation }
    #expect(duplicates.count == 100_000 - 1_200)
}
