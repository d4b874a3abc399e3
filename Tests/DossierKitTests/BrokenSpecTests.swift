import TestSupport
import DossierKit
import Spec
import Geometry
import Testing

private func diagnostics(_ name: String) -> [Diagnostic] {
    ReportEngine().validate(ReportJob(specPath: TestPaths.fixtures + "/specs/" + name))
}

@Test func validSpecHasNoErrors() {
    let all = diagnostics("ok.yaml")
    #expect(all.filter { $0.severity == .error }.isEmpty, "\(all)")
}

/// Each broken spec yields the expected located error (code, line, column when it matters).
@Test(arguments: [
    ("unknown-key.yaml", "unknown-key", 6, Diagnostic.Severity.error),
    ("unknown-section.yaml", "unknown-section", 8, .error),
    ("unknown-indicator.yaml", "unknown-indicator", 7, .error),
    ("unknown-entity.yaml", "template", 7, .error),
    ("missing-value.yaml", "template", 7, .error),
    ("bad-chart-kind.yaml", "bad-kind", 7, .error),
    ("missing-dataset.yaml", "file-not-found", 0, .error),
    ("malformed.yaml", "yaml-syntax", 3, .error),
    ("duplicate-key.yaml", "duplicate-key", 3, .error),
    ("empty.yaml", "empty-file", 0, .error),
    ("bom.yaml", "bom", 1, .warning),
    ("crlf.yaml", "crlf", 0, .warning),
    ("yaml-bomb.yaml", "yaml-too-large", 1, .error),
    ("tabs.yaml", "yaml-syntax", 7, .error),
    ("huge-size.yaml", "bad-size", 9, .error),
    ("bad-computed-column.yaml", "bad-period", 11, .error),
    ("bad-computed-column.yaml", "unknown-tag", 12, .error),
])
func brokenSpecIsReported(name: String, code: String, line: Int, severity: Diagnostic.Severity) {
    let all = diagnostics(name)
    let match = all.first { $0.code.rawValue == code && ($0.location?.line ?? 0) == line }
    #expect(match != nil, "expected \(code) at line \(line), got \(all.map(\.description))")
    #expect(match?.severity == severity)
    #expect(match?.description.contains(name) == true || code == "file-not-found")
}

@Test func unknownKeySuggestsTheRightOne() {
    let d = diagnostics("unknown-key.yaml").first { $0.code == .unknownKey }
    #expect(d?.hint == "did you mean 'title'?")
    #expect(d?.description.hasPrefix(TestPaths.fixtures + "/specs/unknown-key.yaml:6:1: error: unknown key 'titel'") == true)
}

@Test func unknownIndicatorAndEntityGetDidYouMean() {
    #expect(diagnostics("unknown-indicator.yaml").first { $0.code == .unknownIndicator }?.hint == "did you mean 'survey.rank'?")
    #expect(diagnostics("unknown-entity.yaml").first { $0.code == .template }?.hint == "did you mean 'US'?")
    #expect(diagnostics("bad-chart-kind.yaml").first { $0.code == .badKind }?.hint == "did you mean 'bump'?")
}

@Test func missingValueNamesThePeriodsThatExist() {
    let d = diagnostics("missing-value.yaml").first { $0.code == .template }
    #expect(d?.message == "no observation for US · survey.rank · 2009")
    #expect(d?.hint == "periods with data: 2001")
}

@Test func allErrorsAreReportedInOneRun() {
    let errors = diagnostics("many-errors.yaml").filter { $0.severity == .error }
    #expect(Set(errors.map(\.code)).isSuperset(of: [.badVersion, .badDate, .badLanguage]), "\(errors)")
}

@Test func specWithoutDateIsAnErrorUnlessSourceDateEpochIsSet() throws {
    let d = diagnostics("no-date.yaml").first { $0.code == .missingKey }
    #expect(d?.message == "the spec has no date")
    let out = TestPaths.temporaryFolder()
    let r = try CLI.run(["build", "Tests/Fixtures/specs/no-date.yaml", "--out", out, "-q"], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
    #expect(r.status == 0, "\(r.stderr)")
    let info = try CLI.tool("pdfinfo", [out + "/no-date.pdf"]).stdout
    #expect(info.contains("Nov 14 00:00:00 2023"), "\(info)")
}

@Test func styleErrorsAreLocated() {
    let (style, _, all) = StyleLoader.load(path: TestPaths.fixtures + "/styles/broken.yaml")
    #expect(style != nil)   // a style with bad keys still loads its good ones, but the errors stop the build
    let unknown = all.first { $0.code == .unknownKey }
    #expect(unknown?.location?.line == 4 && unknown?.hint == "did you mean 'title'?", "\(all)")
    #expect(all.contains { $0.code == .badColor && $0.location?.line == 6 })
    #expect(all.contains { $0.code == .badPage && $0.location?.line == 7 })
    let (_, _, cycle) = StyleLoader.load(path: TestPaths.fixtures + "/styles/cycle-a.yaml")
    #expect(cycle.contains { $0.code == .styleCycle })
}

@Test func unknownParameterInAPlaceholderIsNamedAsSuch() throws {
    let folder = TestPaths.temporaryFolder()
    let spec = try String(contentsOfFile: TestPaths.fixtures + "/specs/ok.yaml", encoding: .utf8)
        .replacingOccurrences(of: "dataset: ../datasets/base", with: "dataset: \(TestPaths.fixtures)/datasets/base")
        .replacingOccurrences(of: "{{rank US survey.rank 2001}}", with: "{{name $nope}}")
    try spec.write(toFile: folder + "/p.yaml", atomically: true, encoding: .utf8)
    let d = ReportEngine().validate(ReportJob(specPath: folder + "/p.yaml")).first { $0.code == .unknownParam }
    #expect(d?.message.contains("unknown parameter '$nope'") == true, "\(String(describing: d))")
}

/// Heading numbering is one of three schemes; a misspelt one is a located error with the closest name.
@Test func anUnknownHeadingNumberingIsALocatedStyleError() throws {
    let folder = TestPaths.temporaryFolder()
    try "heading_numbering: chinse\n".write(toFile: folder + "/s.yaml", atomically: true, encoding: .utf8)
    let (style, _, diagnostics) = StyleLoader.load(path: folder + "/s.yaml")
    #expect(style == nil || diagnostics.contains { $0.severity == .error })
    let error = try #require(diagnostics.first { $0.code == .badValue })
    #expect(error.location?.line == 1 && error.hint == "did you mean 'chinese'?")
}
