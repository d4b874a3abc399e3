import DossierKit
import Foundation
import TestSupport
import Testing

/// One hostile case: files written into a fresh folder (beside a copy of the small fixture dataset `base/`),
/// then a command run on them. `located` cases must report `file:line` for their error.
private struct HostileCase: Sendable, CustomStringConvertible {
    var name: String
    var files: [String: [UInt8]] = [:]
    var arguments: [String]   // "@" is replaced by the case folder
    var located = false
    var description: String { name }
}

private let head = "version: 1\ntitle: T\ndate: 2024-01-01\nlanguage: en\ndataset: base\n"
private let goodBody = "sections:\n  - heading: H\n  - text: \"US is {{name US}}.\"\n"

private func spec(_ name: String, _ text: String, command: String = "validate", extra: [String] = [], located: Bool = true) -> HostileCase {
    HostileCase(name: name, files: ["s.yaml": Array(text.utf8)],
                arguments: command == "build" ? ["build", "@/s.yaml", "--out", "@/out", "-q", "--jobs", "1"] + extra : [command, "@/s.yaml"] + extra,
                located: located)
}

private func deep(_ kind: Int, _ n: Int) -> String {
    switch kind {
    case 0: return String(repeating: "[", count: n) + String(repeating: "]", count: n)
    case 1: return String(repeating: "{a: ", count: n) + "1" + String(repeating: "}", count: n)
    default: return "\n" + (1...min(n, 1_000)).map { String(repeating: " ", count: $0 * 2) + "- \n" }.joined()
    }
}

/// A deterministic pseudo-random generator, so the corpus is the same on every run.
private struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 11 }
}

private let corpus: [HostileCase] = {
    var cases: [HostileCase] = []
    // Deep nesting in specs, styles and indicators.yaml (the parser used to overflow its stack).
    for kind in 0..<3 {
        for n in [100, 5_000, 20_000] {   // indented nesting stops at 1,000 levels (2 MB of spaces)
            cases.append(spec("deep spec \(kind)/\(n)", head + "subtitle: " + deep(kind, n) + "\n" + goodBody))
            cases.append(HostileCase(name: "deep style \(kind)/\(n)", files: ["st.yaml": Array(("colors: " + deep(kind, n) + "\n").utf8),
                                                                             "s.yaml": Array((head + "style: st.yaml\n" + goodBody).utf8)],
                                     arguments: ["validate", "@/s.yaml"], located: true))
            cases.append(HostileCase(name: "deep indicators \(kind)/\(n)", files: ["base/indicators.yaml": Array(("indicators: " + deep(kind, n) + "\n").utf8),
                                                                                  "s.yaml": Array((head + goodBody).utf8)],
                                     arguments: ["data", "check", "@/base"], located: true))
        }
    }
    // A deep spec beside a good one in one batch: the good one is still built and the manifest written.
    cases.append(HostileCase(name: "deep spec in a batch", files: ["a.yaml": Array((head + "subtitle: " + deep(0, 10_000) + "\n" + goodBody).utf8),
                                                                  "b.yaml": Array((head + goodBody).utf8)],
                             arguments: ["build", "@/a.yaml", "@/b.yaml", "--out", "@/out", "-q"], located: true))
    // Random bytes and truncations of a valid spec.
    var random = Seeded(state: 17)
    for i in 0..<20 {
        let bytes = (0..<Int.random(in: 1...400, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        cases.append(HostileCase(name: "random bytes \(i)", files: ["s.yaml": bytes], arguments: ["validate", "@/s.yaml"]))
    }
    let full = head + goodBody + "  - chart: {id: c, kind: bump, indicator: survey.rank, title: R}\n"
    for cut in stride(from: 3, to: full.utf8.count, by: full.utf8.count / 20) {
        cases.append(HostileCase(name: "truncated at \(cut)", files: ["s.yaml": Array(full.utf8.prefix(cut))], arguments: ["validate", "@/s.yaml"]))
    }
    // YAML punctuation soup (unclosed brackets, quotes, anchors, tags).
    let soup = ["[", "{", "\"", "'", "&a", "*a", "!!binary", "? ", "- ", ": ", "|", ">", "#", "%YAML 1.2", "---", "...", "\t", "\\"]
    for i in 0..<12 {
        let text = head + "subtitle: " + (0..<30).map { _ in soup.randomElement(using: &random) ?? "" }.joined() + "\n" + goodBody
        cases.append(HostileCase(name: "punctuation soup \(i)", files: ["s.yaml": Array(text.utf8)], arguments: ["validate", "@/s.yaml"]))
    }
    // Alias bomb, encodings.
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + (1..<9).map { "\(Character(UnicodeScalar(97 + $0)!)): &\(Character(UnicodeScalar(97 + $0)!)) [" + String(repeating: "*\(Character(UnicodeScalar(96 + $0)!)), ", count: 10) + "]\n" }.joined()
    cases.append(spec("alias bomb", head + bomb + goodBody))
    cases.append(HostileCase(name: "utf-16", files: ["s.yaml": [0xFF, 0xFE, 0x76, 0x00]], arguments: ["validate", "@/s.yaml"]))   // a whole-file problem: no line
    cases.append(HostileCase(name: "nul byte", files: ["s.yaml": Array((head + "\0" + goodBody).utf8)], arguments: ["validate", "@/s.yaml"], located: true))
    cases.append(HostileCase(name: "invalid utf-8", files: ["s.yaml": Array(head.utf8) + [0xC3, 0x28] + Array(goodBody.utf8)], arguments: ["validate", "@/s.yaml"], located: true))
    // Large values: refused with a located error, or bounded.
    cases.append(spec("300 KB title", head.replacingOccurrences(of: "title: T", with: "title: " + String(repeating: "t", count: 300_000)) + goodBody))
    cases.append(spec("200 KB paragraph", head + "sections:\n  - text: \"" + String(repeating: "word ", count: 40_000) + "\"\n", command: "build", located: false))
    cases.append(spec("20k placeholders", head + "sections:\n  - text: \"" + String(repeating: "{{name US}} ", count: 20_000) + "\"\n", located: false))
    // Template injection and links.
    for value in ["{{name CN}}", "{{source nope}}", "${p}", "{{", "}}{{name", "[x](javascript:alert(1))", "[f](file:///etc/passwd)"] {
        cases.append(spec("param \(value)", head + "params: {p: x}\nsections:\n  - text: \"${p}\"\n", extra: ["--param", "p=\(value)"], located: value.contains("](")))
    }
    for target in ["javascript:app.alert(1)", "file:///etc/passwd", "JAVASCRIPT:x", "data:,x", "vbscript:x", "smb://h/s", "x", ""] {
        cases.append(spec("link \(target)", head + "sections:\n  - text: \"[x](\(target))\"\n", located: !target.isEmpty))
    }
    // Output names.
    for name in ["sub/../../escaped", "../up", "/tmp/abs", "", "\\0x", ".hidden", String(repeating: "n", count: 300), "a/./b/../ok"] {
        let quoted = name == "\\0x" ? "\"a\\0b\"" : "\"\(name)\""
        cases.append(spec("pdf name \(name.prefix(20))", head + "outputs: {pdf: \(quoted)}\n" + goodBody, command: "build", located: name != "a/./b/../ok"))
    }
    // Styles with nonsense values.
    for (key, value) in [("line_height", "0"), ("line_height", "-3"), ("paragraph_spacing", "-1"), ("line_width", "1e300"), ("marker_radius", "nan")] {
        cases.append(HostileCase(name: "style \(key)=\(value)", files: ["st.yaml": Array("\(key): \(value)\n".utf8), "s.yaml": Array((head + "style: st.yaml\n" + goodBody).utf8)],
                                 arguments: ["validate", "@/s.yaml"], located: true))
    }
    // Command lines.
    let argv: [[String]] = [
        ["build"], ["build", "@/s.yaml", "--jobs", "0"], ["build", "@/s.yaml", "--shard", "0/0"], ["build", "@/s.yaml", "--shard", "3/2"],
        ["build", "@/s.yaml", "--param", "=x"], ["build", "@/s.yaml", "--log-format", "xml"], ["watch", "@/s.yaml", "--max-builds=-1"],
        ["watch", "@/nope.yaml"], ["watch", "@/s.yaml", "--interval", "-1"], ["validate"], ["nonsense"], ["build", "@/s.yaml", "--jobs", "-5"],
        ["chart", "@/s.yaml", "--id", "c", "--size", "0x0", "-o", "@/out/x.png"], ["data", "check", "@/nope"], ["build", "@/nope.yaml", "--out", "@/out"],
        ["build", "@/s.yaml", "@/s.yaml", "@/./s.yaml", "--out", "@/out", "-q"],
    ]
    for (i, a) in argv.enumerated() {
        cases.append(HostileCase(name: "argv \(i) \(a.joined(separator: " "))", files: ["s.yaml": Array((head + goodBody).utf8)], arguments: a))
    }
    // Data: parent cycles.
    cases.append(HostileCase(name: "parent cycle", files: ["base/entities.csv": Array("id,name_zh,name_en,kind,parent,tags\nUS,美国,United States,country,US,\nCN,中国,China,country,CN-SH,\nCN-SH,上海,Shanghai,city,CN,\n".utf8)],
                             arguments: ["data", "check", "@/base"], located: true))
    return cases
}()

private func allFiles(_ root: String) -> [String] {
    (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
}

@Suite struct HostileCorpusTests {
    @Test func corpusHasAtLeastAHundredCases() { #expect(corpus.count >= 100, "\(corpus.count)") }

    /// Every case: exit 0, 1 or 64 (never a signal), a located error when the input has a location, nothing
    /// written outside --out, no temporary left, and bounded time.
    @Test(arguments: corpus)
    fileprivate func hostileInputIsHandled(_ c: HostileCase) throws {
        let root = TestPaths.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/datasets/base", toPath: root + "/base")
        for (name, bytes) in c.files {
            #expect(FileManager.default.createFile(atPath: root + "/" + name, contents: Data(bytes)))
        }
        let before = Set(allFiles(root))
        let start = Date()
        let r = try CLI.run(c.arguments.map { $0.replacingOccurrences(of: "@", with: root) })
        let seconds = Date().timeIntervalSince(start)
        #expect([0, 1, 64].contains(r.status), "\(c.name): exit \(r.status)\n\(r.stderr.prefix(500))")
        #expect(seconds < 30, "\(c.name): \(seconds) s")
        if c.located {
            #expect(r.stderr.range(of: #"[^ ]+:\d+(:\d+)?: error: "#, options: .regularExpression) != nil || r.stdout.range(of: #":\d+(:\d+)?: error: "#, options: .regularExpression) != nil,
                    "\(c.name): no located error in\n\(r.stderr.prefix(800))")
        }
        let after = Set(allFiles(root))
        let added = after.subtracting(before).filter { !$0.hasPrefix("out/") && $0 != "out" }
        #expect(added.isEmpty, "\(c.name): wrote outside --out: \(added.sorted())")
        let temporaries = after.filter { $0.hasSuffix(AtomicWriter.temporarySuffix) || $0.contains(".dat.nosync") }
        #expect(temporaries.isEmpty, "\(c.name): temporaries left: \(temporaries.sorted())")
        if c.name == "deep spec in a batch" {
            #expect(FileManager.default.fileExists(atPath: root + "/out/b.pdf") && FileManager.default.fileExists(atPath: root + "/out/manifest.json"))
        }
    }
}
