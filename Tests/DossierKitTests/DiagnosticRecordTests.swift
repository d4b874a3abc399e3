import TestSupport
import DossierKit
import Foundation
import Testing

// Diagnostics reach machines as structured records (severity, code, location, hint), with stable codes.

@Test func diagnosticCodesAreStableKebabCaseAndUnique() {
    let raw = DiagnosticCode.allCases.map(\.rawValue)
    #expect(Set(raw).count == raw.count)
    #expect(raw.allSatisfy { $0.range(of: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", options: .regularExpression) != nil }, "\(raw)")
    // Scripts match on these; they never change meaning or spelling.
    #expect(DiagnosticCode.unknownKey.rawValue == "unknown-key")
    #expect(DiagnosticCode.rankTie.rawValue == "rank-tie")
    #expect(DiagnosticCode.wrongType.rawValue == "type")
}

@Test func aDiagnosticRoundTripsThroughJSONWithItsCodeAsText() throws {
    let d = Diagnostic.warning("x", at: SourceLocation(file: "a.yaml", line: 3, column: 5), hint: "h", code: .focusOutside)
    let data = try JSONEncoder().encode(d)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["code"] as? String == "focus-outside")
    #expect(try JSONDecoder().decode(Diagnostic.self, from: data) == d)
}

/// A spec whose references section comes before any citation: a located warning (empty-references), and a build.
private func specWithAWarning() throws -> (spec: String, out: String) {
    let root = TestPaths.temporaryFolder()
    try FileManager.default.createDirectory(atPath: root + "/specs", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/datasets/base", toPath: root + "/datasets/base")
    let spec = """
        version: 1
        title: 测试
        date: 2024-01-01
        language: zh-cn
        dataset: ../datasets/base
        sections:
          - references: 参考资料
          - text: "美国排名第{{rank US survey.rank 2001}}。"

        """
    try spec.write(toFile: root + "/specs/warned.yaml", atomically: true, encoding: .utf8)
    return (root + "/specs/warned.yaml", root + "/out")
}

@Test func manifestAndJSONLogCarryStructuredDiagnostics() throws {
    let (spec, out) = try specWithAWarning()
    let result = try CLI.run(["build", spec, "--out", out, "--log-format", "json"])
    #expect(result.status == 0, "\(result.stderr)")

    let data = try #require(FileManager.default.contents(atPath: out + "/manifest.json"))
    let manifest = try JSONDecoder().decode(Manifest.self, from: data)
    let record = try #require(manifest.reports.first)
    let warning = try #require(record.diagnostics?.first { $0.code == .emptyReferences }, "\(String(describing: record.diagnostics))")
    #expect(warning.severity == .warning)
    #expect(warning.location?.file.hasSuffix("warned.yaml") == true)
    #expect(warning.location?.line == 7)
    #expect(record.warnings.contains { $0.contains("warned.yaml:7") })

    // One JSON object per report on the log stream, with the same diagnostic.
    let lines = (result.stdout + "\n" + result.stderr).split(separator: "\n").compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    let logged = lines.compactMap { $0["diagnostics"] as? [[String: Any]] }.flatMap { $0 }
    let entry = try #require(logged.first { $0["code"] as? String == "empty-references" }, "\(lines)")
    #expect(entry["severity"] as? String == "warning")
    #expect(entry["message"] as? String != nil)
}

@Test func validateJSONGivesCodesAsText() throws {
    let result = try CLI.run(["validate", TestPaths.fixtures + "/specs/unknown-key.yaml", "--json"])
    #expect(result.status != 0)
    #expect(result.stdout.contains("\"unknown-key\""), "\(result.stdout)")
}
