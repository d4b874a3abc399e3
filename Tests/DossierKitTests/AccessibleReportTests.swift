import Foundation
import Testing
import TestSupport

/// A small synthetic report, built through the CLI as a user would, read back through qpdf.
private struct AccessibleFixture {
    let folder = TestPaths.temporaryFolder()
    var spec: String { folder + "/report.yaml" }
    var out: String { folder + "/out" }

    init(language: String? = "zh-cn", alt: String? = nil, outputs: String = "") throws {
        let data = folder + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try """
        id,name_zh,name_en,kind,parent,tags
        AA,甲国,Aland,country,,focus
        BB,乙国,Borland,country,,focus
        CC,丙国,Cyland,country,,focus
        """.write(toFile: data + "/entities.csv", atomically: true, encoding: .utf8)
        try """
        entity,indicator,period,value,note,quote
        AA,survey.rank,2001,1,,
        BB,survey.rank,2001,2,,
        CC,survey.rank,2001,3,,
        AA,survey.rank,2002,2,,
        BB,survey.rank,2002,1,,
        CC,survey.rank,2002,3,,
        """.write(toFile: data + "/observations.csv", atomically: true, encoding: .utf8)
        try """
        indicators:
          - id: survey.rank
            label: {zh: 排名, en: Rank}
            unit: rank
            source: survey
        """.write(toFile: data + "/indicators.yaml", atomically: true, encoding: .utf8)
        try """
        sources:
          - id: survey
            publisher: {zh: 调查机构, en: Survey body}
            title: {zh: 调查, en: Survey}
            years: [2001, 2002]
            citation: {zh: 调查机构（2001—2002）, en: "Survey body (2001–2002)"}
        """.write(toFile: data + "/sources.yaml", atomically: true, encoding: .utf8)
        var lines = ["version: 1", "title: 可访问性测试", "date: 2024-01-01", "dataset: data"]
        if let language { lines.append("language: \(language)") }
        lines += [
            "sections:",
            "  - toc: 目录",
            "  - heading: 总体情况",
            "  - text: \"甲国2001年排名第{{rank AA survey.rank 2001}}。\"",
            "  - heading: 排名",
            "    level: 2",
            "  - table: {id: ranks, title: 排名, columns: [{indicator: survey.rank, periods: [2001, 2002]}], entities: [AA, BB, CC]}",
            "  - chart:",
            "      id: bump",
            "      kind: bump",
            "      title: 排名变化",
            "      indicator: survey.rank",
            "      periods: [2001, 2002]",
            "      entities: [AA, BB, CC]",
        ]
        if let alt { lines.append("      alt: \"\(alt)\"") }
        lines += ["  - list: [第一点, 第二点]", "  - note: 数据为虚构。", "  - references: 参考文献"]
        if !outputs.isEmpty { lines += ["outputs:", outputs] }
        try lines.joined(separator: "\n").appending("\n").write(toFile: spec, atomically: true, encoding: .utf8)
    }

    func build(_ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["build", spec, "--out", out, "--quiet"] + extra)
    }
}

@Test func builtReportHasHeadingsTablesAndFiguresAScreenReaderCanUse() throws {
    let fixture = try AccessibleFixture()
    let result = try fixture.build()
    #expect(result.status == 0, "\(result.stderr)")
    let pdf = try PDFStructureReader(path: fixture.out + "/report.pdf")
    #expect(pdf.language == "zh-CN")
    #expect(pdf.displaysTitle)
    // Heading levels never skip: each is at most one deeper than the one before.
    let levels = pdf.roles.compactMap { $0.count == 2 && $0.hasPrefix("H") ? Int($0.dropFirst()) : nil }
    #expect(levels.count >= 3)
    #expect(levels.first == 1)
    #expect(zip(levels, levels.dropFirst()).allSatisfy { $1 <= $0 + 1 }, "\(levels)")
    // Every table has header cells; rows hold cells.
    #expect(pdf.roles.contains("Table"))
    #expect(pdf.roles.filter { $0 == "TH" }.count >= 3)
    #expect(pdf.roles.filter { $0 == "TD" }.count >= 9)
    #expect(pdf.roles.contains("TOC") && pdf.roles.contains("TOCI"))
    #expect(pdf.roles.contains("L") && pdf.roles.contains("LBody") && pdf.roles.contains("Note"))
    // The figure is described from its data, in Chinese, rank-aware.
    let figure = try #require(pdf.elements.first { $0.role == "Figure" })
    let alt = try #require(figure.alternative)
    #expect(alt.hasPrefix("排名变化图"))
    #expect(alt.contains("乙国从2001年第2名升至2002年第1名"), "\(alt)")
    // Nothing painted is left out of both the structure tree and the artifacts.
    let content = try pdf.paintedContent()
    #expect(content.unmarked.isEmpty, "\(content.unmarked.prefix(5))")
    #expect(content.artifacts > 0 && content.tagged > 0)
    let check = try CLI.tool("qpdf", ["--check", pdf.path])
    #expect(check.status == 0, "\(check.stdout)")
}

@Test func altInTheSpecOverridesTheDescriptionInThePDFAndTheImages() throws {
    let fixture = try AccessibleFixture(alt: "三国排名，乙国升至第一", outputs: "  charts: {formats: [png, svg], sizes: [800x450]}")
    let result = try fixture.build()
    #expect(result.status == 0, "\(result.stderr)")
    let pdf = try PDFStructureReader(path: fixture.out + "/report.pdf")
    #expect(pdf.elements.first { $0.role == "Figure" }?.alternative == "三国排名，乙国升至第一")
    let svg = String(decoding: CLI.bytes(fixture.out + "/report-bump.svg"), as: UTF8.self)
    #expect(svg.contains("role=\"img\""))
    #expect(svg.contains("<title>图 1 排名变化</title>"), "\(svg.prefix(400))")
    #expect(svg.contains("<desc>三国排名，乙国升至第一</desc>"))
    // PNG: iTXt chunks after IHDR, keyword then the UTF-8 text.
    let png = CLI.bytes(fixture.out + "/report-bump.png")
    let text = String(decoding: png.prefix(600), as: UTF8.self)
    #expect(text.contains("iTXtTitle"))
    #expect(text.contains("Description\u{0}\u{0}\u{0}zh-CN\u{0}\u{0}三国排名，乙国升至第一"))
}

@Test func pdfUAStandardMakesAMissingLanguageAndAnEmptyAltLocatedErrors() throws {
    let fixture = try AccessibleFixture(language: nil, alt: " ", outputs: "  pdf-standard: ua-1")
    let result = try fixture.build()
    #expect(result.status == 1)
    let errors = result.stdout + result.stderr
    #expect(errors.contains("report.yaml:24:17: error: PDF/UA-1 (outputs: pdf-standard) needs the document language stated"), "\(errors)")
    #expect(errors.contains("hint: add 'language: zh-cn' or 'language: en' to the spec"))
    #expect(errors.contains("report.yaml:19:12: error: PDF/UA-1 (outputs: pdf-standard) needs alternative text for chart 'bump'"), "\(errors)")
    #expect(!FileManager.default.fileExists(atPath: fixture.out + "/report.pdf"))
}

@Test func pdfStandardOnTheCommandLineChecksASpecThatDoesNotAsk() throws {
    let ok = try AccessibleFixture()
    #expect(try ok.build(["--pdf-standard", "ua-1"]).status == 0)
    let noLanguage = try AccessibleFixture(language: nil)
    #expect(try noLanguage.build().status == 0)   // without the standard the default language is fine
    let strict = try noLanguage.build(["--pdf-standard", "ua-1", "--force"])
    #expect(strict.status == 1)
    #expect((strict.stdout + strict.stderr).contains("report.yaml:1:1: error: PDF/UA-1 (--pdf-standard ua-1) needs the document language stated"))
    #expect(try noLanguage.build(["--pdf-standard", "a-9"]).status == 64)
}

@Test func pdfA2bFromTheSpecOrTheCommandLineWritesAnArchivalPDF() throws {
    let archived = try AccessibleFixture(outputs: "  pdf-standard: [ua-1, a-2b]")
    #expect(try archived.build().status == 0)
    var xmp = try PDFStructureReader(path: archived.out + "/report.pdf").metadata()
    #expect(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfuaid:part>1</pdfuaid:part>"))

    // Asking on the command line changes the PDF, so the report is rebuilt, not skipped as unchanged.
    let plain = try AccessibleFixture()
    #expect(try plain.build().status == 0)
    #expect(try !PDFStructureReader(path: plain.out + "/report.pdf").metadata().contains("pdfaid"))
    let again = try plain.build(["--pdf-standard", "a-2b"])
    #expect(again.status == 0 && !(again.stdout + again.stderr).contains("skipped 1"), "\(again.stdout)")
    xmp = try PDFStructureReader(path: plain.out + "/report.pdf").metadata()
    #expect(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"))

    let unknown = try AccessibleFixture(outputs: "  pdf-standard: a-3u")
    let result = try unknown.build()
    #expect(result.status == 1)
    #expect((result.stdout + result.stderr).contains("hint: use one of: ua-1, a-2b"), "\(result.stderr)")
}
