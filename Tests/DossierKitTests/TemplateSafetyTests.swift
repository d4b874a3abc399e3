import DossierKit
import Foundation
import Geometry
import Layout
import Spec
import TestSupport
import Testing

/// A spec beside a copy of the small fixture dataset; returns the spec path.
private func writeSpec(_ body: String) throws -> String {
    let root = TestPaths.temporaryFolder()
    try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/datasets/base", toPath: root + "/base")
    let spec = root + "/t.yaml"
    try ("version: 1\ntitle: T\ndate: 2024-01-01\nlanguage: en\ndataset: base\n" + body).write(toFile: spec, atomically: true, encoding: .utf8)
    return spec
}

private func paragraphs(_ spec: String, _ parameters: [String: String] = [:]) -> (text: [String], diagnostics: [Diagnostic]) {
    let engine = ReportEngine()
    let (loaded, diagnostics) = engine.load(ReportJob(specPath: spec, parameters: parameters))
    guard let loaded else { return ([], diagnostics) }
    let composed = engine.content(loaded)
    let text = composed.value.blocks.compactMap { block -> String? in
        if case .paragraph(let spans) = block { return spans.map(\.text).joined() }
        return nil
    }
    return (text, diagnostics + composed.diagnostics)
}

/// `--param` values are data: a value that looks like a placeholder is printed as written, not evaluated.
@Test func parameterValuesAreNeverExpanded() throws {
    let spec = try writeSpec("params: {p: default}\nsections:\n  - text: \"Say ${p} and {{name US}}.\"\n")
    let (text, diagnostics) = paragraphs(spec, ["p": "{{name CN}} {{source nope}} ${p}"])
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.description))")
    #expect(text == ["Say {{name CN}} {{source nope}} ${p} and United States."], "\(text)")
}

/// A spec's own placeholders after a parameter value still work, and an unknown `${name}` is located.
@Test func unknownParameterIsLocated() throws {
    let spec = try writeSpec("params: {p: x}\nsections:\n  - text: \"${q} {{name US}}\"\n")
    let (_, diagnostics) = paragraphs(spec)
    let error = diagnostics.first { $0.code == .unknownParam }
    #expect(error?.location?.line == 8, "\(diagnostics.map(\.description))")
}

/// 40,000 placeholders (two values; one may hold at most 256 KB) and 10,000 parameters resolve correctly. Speed is
/// not asserted here (timed unit tests are noise on a loaded machine); expansion was quadratic (20,000 placeholders
/// took 45 s) and is linear now, which keeps this test to a few seconds.
@Test func manyPlaceholdersAndParametersResolve() throws {
    let placeholders = String(repeating: "{{name US}} ", count: 20_000)
    let params = (0..<10_000).map { "p\($0): v\($0)" }.joined(separator: ", ")
    let uses = (0..<10_000).map { "${p\($0)}" }.joined(separator: " ")
    let spec = try writeSpec("params: {\(params)}\nsections:\n" + String(repeating: "  - text: \"\(placeholders)\"\n", count: 2) + "  - text: \"\(uses)\"\n")
    let (text, diagnostics) = paragraphs(spec)
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
    #expect(text.count == 3)
    #expect(text.first?.hasPrefix("United States United States") == true)
    #expect(text.last?.hasSuffix("v9998 v9999") == true)
}

/// Links: only http(s), mailto and #anchors; other schemes are a located error, also through a parameter.
@Test(arguments: ["javascript:app.alert(1)", "file:///etc/passwd", "JavaScript:x", "data:text/html,x", "relative/page.html", "ftp://x"])
func forbiddenLinkIsALocatedError(target: String) throws {
    let spec = try writeSpec("params: {p: x}\nsections:\n  - text: \"see [x](\(target))\"\n  - text: \"${p}\"\n")
    let (_, diagnostics) = paragraphs(spec)
    let error = diagnostics.first { $0.code == .badLink }
    #expect(error?.location?.line == 8, "\(target): \(diagnostics.map(\.description))")
    let (_, viaParameter) = paragraphs(spec, ["p": "[x](\(target))"])
    #expect(viaParameter.contains { $0.code == .badLink && $0.location?.line == 9 })
}

@Test func allowedLinksStayLinks() throws {
    let spec = try writeSpec("sections:\n  - heading: H\n    anchor: h\n  - text: \"[a](https://example.org/a_(b)) [m](mailto:x@example.org) [h](#h) [w](http://example.org)\"\n")
    let engine = ReportEngine()
    let (loaded, diagnostics) = engine.load(ReportJob(specPath: spec))
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.description))")
    let blocks = try #require(loaded.map { engine.content($0).value.blocks })
    let links = blocks.flatMap { block -> [String] in
        if case .paragraph(let spans) = block { return spans.compactMap(\.link) }
        return []
    }
    #expect(links == ["https://example.org/a_(b)", "mailto:x@example.org", "#h", "http://example.org"])
    #expect(LinkCheck.isAllowed("javascript:alert(1)") == false)
}
