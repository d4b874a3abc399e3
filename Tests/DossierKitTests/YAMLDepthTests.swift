import Foundation
import Geometry
import Spec
import Testing

/// Deep nesting is refused before the YAML parser recurses (it would overflow the stack and kill the process).
private func deepText(_ name: String) -> String {
    switch name {
    case "flow lists": return "version: 1\ntitle: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    case "flow maps": return "version: 1\ntitle: " + String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
    case "compact items": return "version: 1\nsections:\n" + String(repeating: "- ", count: 6_000) + "x"
    default: return "version: 1\nsections:\n" + (0..<300).map { String(repeating: " ", count: $0) + "a:\n" }.joined()
    }
}

@Test(arguments: ["flow lists", "flow maps", "compact items", "indented maps"])
func deepNestingIsALocatedError(name: String) {
    let text = deepText(name)
    let minimumLine = name.hasPrefix("flow") ? 2 : 3
    var diagnostics: [Diagnostic] = []
    let node = YAMLNode.parse(text, file: "deep.yaml", diagnostics: &diagnostics)
    #expect(node == nil, "\(name)")
    let error = diagnostics.first { $0.code == .yamlTooDeep }
    #expect(error != nil, "\(name): \(diagnostics.map(\.description))")
    #expect((error?.location?.line ?? 0) >= minimumLine)
    #expect(error?.description.hasPrefix("deep.yaml:") == true)
}

/// Nesting that looks deep but is text is accepted: brackets in quotes, comments and block scalars.
@Test func bracketsInTextAreNotNesting() {
    let brackets = String(repeating: "[", count: 200)
    let text = """
    version: 1
    title: "\(brackets)"
    subtitle: '\(brackets) it''s fine'
    note: x # \(brackets)
    body: |
      \(brackets)
      "unclosed quote \(brackets)
    after: [[1], [2, {a: [3]}]]
    """
    #expect(YAMLDepth.firstExcess(in: text) == nil)
    var diagnostics: [Diagnostic] = []
    #expect(YAMLNode.parse(text, file: "ok.yaml", diagnostics: &diagnostics) != nil, "\(diagnostics.map(\.description))")
}

@Test func nestingAtTheLimitIsAccepted() {
    let depth = YAMLDepth.maximum - 2
    let text = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    var diagnostics: [Diagnostic] = []
    #expect(YAMLNode.parse(text, file: "ok.yaml", diagnostics: &diagnostics) != nil, "\(diagnostics.map(\.description))")
}

/// One value over the size cap is a located error, not minutes of layout.
@Test func oversizedValueIsALocatedError() {
    let text = "version: 1\ntitle: x\nbody: " + String(repeating: "a", count: YAMLNode.maximumScalarBytes + 1) + "\n"
    var diagnostics: [Diagnostic] = []
    #expect(YAMLNode.parse(text, file: "big.yaml", diagnostics: &diagnostics) == nil)
    let error = diagnostics.first { $0.code == .valueTooLarge }
    #expect(error?.location?.line == 3, "\(diagnostics.map(\.description))")
}
