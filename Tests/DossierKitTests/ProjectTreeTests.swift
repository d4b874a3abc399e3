import Foundation
import Geometry
import Spec
import Testing
import TestSupport

/// A project folder (with `.git`) holding a spec, a dataset beside it, and a dataset and style outside it.
private struct Project {
    let base = TestPaths.temporaryFolder()
    var project: String { base + "/project" }

    init() throws {
        let fm = FileManager.default
        for folder in ["/project/.git", "/project/Reports", "/project/data", "/elsewhere/data"] {
            try fm.createDirectory(atPath: base + folder, withIntermediateDirectories: true)
        }
        try "extends: briefing\n".write(toFile: base + "/elsewhere/style.yaml", atomically: true, encoding: .utf8)
    }

    func diagnostics(dataset: String, style: String? = nil) throws -> [Diagnostic] {
        var lines = ["version: 1", "title: T", "date: 2026-01-01", "dataset: \(dataset)"]
        if let style { lines.append("style: \(style)") }
        lines += ["sections:", "  - text: hi"]
        let spec = project + "/Reports/spec.yaml"
        try lines.joined(separator: "\n").write(toFile: spec, atomically: true, encoding: .utf8)
        return ReportSpecLoader.load(path: spec).diagnostics.filter { $0.code == .outsideProject }
    }
}

@Test func aDatasetOrStyleOutsideTheProjectIsReportedWhereItIsNamed() throws {
    let p = try Project()
    #expect(try p.diagnostics(dataset: "../data").isEmpty)
    #expect(try p.diagnostics(dataset: p.project + "/data").isEmpty, "an absolute path inside the project is fine")
    #expect(try p.diagnostics(dataset: "../data", style: "slides").isEmpty, "shipped styles are looked up by name")
    let relative = try p.diagnostics(dataset: "../../elsewhere/data")
    #expect(relative.count == 1 && relative.first?.severity == .warning)
    #expect(relative.first?.location?.line == 4 && relative.first?.location?.column == 10, "\(relative)")
    #expect(try p.diagnostics(dataset: p.base + "/elsewhere/data").count == 1)
    let style = try p.diagnostics(dataset: "../data", style: "../../elsewhere/style.yaml")
    #expect(style.count == 1 && style.first?.message.contains("style") == true, "\(style)")
}
