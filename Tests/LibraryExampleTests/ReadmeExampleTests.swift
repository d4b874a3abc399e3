import Foundation
import Testing

/// The README's library example is this target's code, compiled against `DossierKit` alone, and it works.
@Test func theReadmeExampleBuildsAPDF() throws {
    let bytes = try briefingFromCode()
    #expect(bytes.starts(with: Array("%PDF-".utf8)))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("/Type /Page"))
}

@Test func theReadmeShowsTheCompiledExample() throws {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let root = here.deletingLastPathComponent().deletingLastPathComponent()
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let source = try String(contentsOf: here.appendingPathComponent("ReadmeExample.swift"), encoding: .utf8)
    let example = try #require(source.components(separatedBy: "// README example: begin\n").last?
        .components(separatedBy: "// README example: end").first)
    #expect(readme.contains("```swift\n" + example + "```"), "README.md must show Tests/LibraryExampleTests/ReadmeExample.swift verbatim")
}
