import DossierKit
import Foundation
import Spec
import TestSupport
import Testing

@Test(arguments: [
    ("report.pdf", "report.pdf"), ("sub/./report.pdf", "sub/report.pdf"), ("sub/../report.pdf", "report.pdf"),
    ("a//b.pdf", "a/b.pdf"),
])
func outputNamesAreNormalised(name: String, expected: String) {
    #expect((try? OutputName.normalise(name).get()) == expected)
}

@Test(arguments: [
    ("sub/../../escaped.pdf", "outside"), ("../x.pdf", "outside"), ("/etc/x.pdf", "absolute"), ("", "empty"),
    (".pdf", "hidden"), ("a\0b.pdf", "NUL"), (String(repeating: "x", count: 300) + ".pdf", "255-byte"),
    (Array(repeating: String(repeating: "d", count: 200), count: 6).joined(separator: "/") + "/x.pdf", "1024-byte"),
])
func badOutputNamesAreRefused(name: String, reason: String) {
    switch OutputName.normalise(name) {
    case .success(let n): Issue.record("accepted \(n)")
    case .failure(let problem): #expect(problem.description.contains(reason), "\(problem)")
    }
}

/// Temporaries are swept only when their process is gone (and Foundation's `.dat.nosync` leftovers always).
@Test func sweepRemovesOnlyTemporariesOfExitedProcesses() throws {
    let folder = TestPaths.temporaryFolder()
    try FileManager.default.createDirectory(atPath: folder + "/.dossier/sub", withIntermediateDirectories: true)
    let live = ".x.pdf.\(getpid())-abc" + AtomicWriter.temporarySuffix
    // A pid that is not running: the highest pid the kernel hands out is far below Int32.max.
    let dead = ".x.pdf.2147483000-abc" + AtomicWriter.temporarySuffix
    let names = [live, dead, "old.pdf.2147483001" + AtomicWriter.temporarySuffix, ".dat.nosync1a2b", "keep.pdf"]
    for n in names { _ = FileManager.default.createFile(atPath: folder + "/" + n, contents: Data([1])) }
    _ = FileManager.default.createFile(atPath: folder + "/.dossier/sub/" + dead, contents: Data([1]))
    AtomicWriter.sweep(folder: folder)
    let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(left == [".dossier", live, "keep.pdf"].sorted())
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/.dossier/sub").isEmpty)
}

/// A failed write (here: the target folder is a file) leaves no temporary and nothing in place.
@Test func failedStageLeavesNothing() throws {
    let folder = TestPaths.temporaryFolder()
    var writer = AtomicWriter()
    try writer.stage([1, 2, 3], to: folder + "/a.bin")
    _ = FileManager.default.createFile(atPath: folder + "/blocker", contents: Data())
    #expect(throws: BuildError.self) { try writer.stage([4], to: folder + "/blocker/b.bin") }
    writer.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["blocker"])
    var second = AtomicWriter()
    try second.stage([7], to: folder + "/c.bin")
    try second.commit()
    #expect(FileManager.default.contents(atPath: folder + "/c.bin") == Data([7]))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["blocker", "c.bin"])
}

/// Writes through a symbolic link inside the output folder are refused, so nothing lands outside it.
@Test func symlinkedSubfolderIsNotFollowed() throws {
    let root = TestPaths.temporaryFolder()
    let outside = TestPaths.temporaryFolder()
    try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/datasets/base", toPath: root + "/base")
    try "version: 1\ntitle: T\ndate: 2024-01-01\nlanguage: en\ndataset: base\noutputs: {pdf: sub/r.pdf}\nsections:\n  - text: hi\n"
        .write(toFile: root + "/s.yaml", atomically: false, encoding: .utf8)
    try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: root + "/out/sub", withDestinationPath: outside)
    let r = try CLI.run(["build", root + "/s.yaml", "--out", root + "/out", "-q"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("symbolic link"), "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
}

/// A spec outside the repository names a shipped style by name: found beside the binary, not only next to the spec.
@Test func shippedStylesAreFoundFromASpecAnywhere() throws {
    let root = TestPaths.temporaryFolder()
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    let spec = """
        version: 1
        title: 测试
        date: 2024-01-01
        language: zh-cn
        style: slides
        dataset: \(TestPaths.fixtures)/datasets/base
        sections:
          - text: "美国排名第{{rank US survey.rank 2001}}。"

        """
    try spec.write(toFile: root + "/elsewhere.yaml", atomically: true, encoding: .utf8)
    let found = try CLI.run(["validate", root + "/elsewhere.yaml"])
    #expect(found.status == 0, "\(found.stderr)")
    try spec.replacingOccurrences(of: "style: slides", with: "style: slidez").write(toFile: root + "/typo.yaml", atomically: true, encoding: .utf8)
    let typo = try CLI.run(["validate", root + "/typo.yaml"])
    #expect(typo.status == 1)
    #expect(typo.stderr.contains("typo.yaml:5:8: error: style 'slidez' not found"), "\(typo.stderr)")
}
