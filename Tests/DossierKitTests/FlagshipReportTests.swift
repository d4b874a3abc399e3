import TestSupport
import Foundation
import Testing

/// The flagship report, built once through the CLI and inspected with poppler and qpdf.
final class FlagshipBuild: @unchecked Sendable {
    static let shared = FlagshipBuild()
    let out = TestPaths.temporaryFolder()
    let result: CLI.Result?
    var pdf: String { out + "/egov-gap-briefing.pdf" }
    lazy var text: String = (try? CLI.tool("pdftotext", ["-layout", pdf, "-"]).stdout) ?? ""
    lazy var rawText: String = (try? CLI.tool("pdftotext", ["-raw", pdf, "-"]).stdout) ?? ""

    private init() {
        result = try? CLI.run(["build", "Reports/egov-gap-briefing.yaml", "--out", out, "--quiet"])
    }
}

@Suite(.serialized) struct FlagshipReportTests {
    let build = FlagshipBuild.shared

    @Test func buildSucceeds() {
        #expect(build.result?.status == 0, "\(build.result?.stderr ?? "did not run")")
        #expect(FileManager.default.fileExists(atPath: build.pdf))
    }

    @Test func theThreePolesTableGroupsItsCountriesUnderTheirRegions() throws {
        // in: G-DEVELOPED with group-by: parent — each region a subheading over its countries, best row first.
        let squashed = build.rawText.filter { !$0.isWhitespace }
        let order = ["北美", "美国", "加拿大", "西太平洋沿线", "澳大利亚", "新加坡", "西北欧", "英国"]
        let table = try #require(squashed.range(of: "“三极”中五个领先国家的排名"))
        var from = table.upperBound
        for name in order {
            let found = try #require(squashed.range(of: name, range: from..<squashed.endIndex), "\(name) not after the table title")
            from = found.upperBound
        }
        // The subheadings head their rows in the structure tree.
        let pdf = try PDFStructureReader(path: build.pdf)
        #expect(pdf.elements.filter { $0.role == "TH" && $0.scope == "Row" }.count == 3)
    }

    @Test func chineseTitleIsExtractableExactly() {
        #expect(build.rawText.contains("国际/国内电子政务发展水平对比简报"))
    }

    @Test func keyFactsAppear() {
        let squashed = build.rawText.filter { !$0.isWhitespace }
        // Callouts and sentences filled from the data.
        #expect(squashed.contains("美国成熟度第1、电子参与第2"))
        #expect(squashed.contains("2003年名列第5（排在纽约之后、罗马之前）"))
        #expect(squashed.contains("2005年升至第3"))
        #expect(squashed.contains("埃森哲2003年的调查中，排名第一的是加拿大"))
        // The gap table's generated sentence and the root causes from the data.
        #expect(squashed.contains("国内最好的是上海（第3名），国际最好的是首尔（第1名），落后2位"))
        #expect(squashed.contains("缺乏统一规划设计"))
        // Notes on the data state the chapter's inconsistencies.
        #expect(squashed.contains("美国和加拿大在埃森哲总体排名（2001）中同为第1名") || squashed.contains("加拿大和美国在埃森哲总体排名（2001）中同为第1名"))
        #expect(squashed.contains("计算为90.1"))
    }

    @Test func everyFigureAndTableHasANumberAndASourceNote() {
        let squashed = build.rawText.filter { !$0.isWhitespace }
        let figures = squashed.components(separatedBy: "图").count - 1
        let tables = Set(build.rawText.matches(of: /表 (\d+)/).map { String($0.1) }).count
        let sources = squashed.components(separatedBy: "资料来源：").count - 1
        #expect(squashed.contains("图7"))
        #expect(tables >= 4)
        #expect(sources >= 7 + tables, "figures \(figures), tables \(tables), source notes \(sources)")
    }

    @Test func outlineListsTheSections() throws {
        let dump = try CLI.tool("qpdf", ["--json", "--json-key=outlines", build.pdf]).stdout
        for title in ["主要发现", "国际电子政务发展", "国内电子政务发展", "差距分析", "关于数据的说明"] {
            #expect(dump.contains(title), "outline lacks \(title)")
        }
    }

    @Test func pdfIsValidAndUsesTheSimplifiedChineseFace() throws {
        let check = try CLI.tool("qpdf", ["--check", build.pdf])
        #expect(check.status == 0, "\(check.stdout)")
        let fonts = try CLI.tool("pdffonts", [build.pdf]).stdout
        #expect(fonts.contains("NotoSansCJKsc"))
        #expect(!fonts.contains("NotoSansCJKjp"))
    }

    @Test func chartImagesHaveTheRequestedSize() {
        let pngs = CLI.files(in: build.out).filter { $0.hasSuffix(".png") }
        #expect(pngs.count == 9)   // seven charts and the two development-path timelines
        for png in pngs {
            let size = CLI.pngSize(build.out + "/" + png)
            #expect(size?.0 == 1920 && size?.1 == 1080, "\(png): \(String(describing: size))")
        }
        #expect(CLI.files(in: build.out).filter { $0.hasSuffix(".svg") }.count == 9)
    }

    @Test func manifestDescribesEveryOutput() throws {
        let data = try #require(FileManager.default.contents(atPath: build.out + "/manifest.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let reports = try #require(json["reports"] as? [[String: Any]])
        #expect(reports.count == 1)
        let outputs = try #require(reports[0]["outputs"] as? [[String: Any]])
        #expect(outputs.count == 19)   // the PDF and nine charts as PNG and SVG
        for o in outputs {
            let path = build.out + "/" + (o["path"] as? String ?? "")
            let bytes = CLI.bytes(path)
            #expect(bytes.count == o["bytes"] as? Int)
        }
        let pdf = try #require(outputs.first { ($0["kind"] as? String) == "pdf" })
        #expect((pdf["pages"] as? Int ?? 0) >= 6)
        let inputs = try #require(reports[0]["inputs"] as? [String: String])
        #expect(inputs.keys.contains { $0.hasSuffix("observations.csv") })
        #expect(inputs.keys.contains { $0.hasSuffix("briefing.yaml") })
        #expect(inputs["fonts"] != nil && inputs["dossier"] != nil)
        // Every character has a glyph: no missing-glyph warnings (a space beside Chinese once fell to a face
        // without one).
        let warnings = reports[0]["warnings"] as? [String] ?? []
        #expect(!warnings.contains { $0.contains("no installed font has glyphs") }, "\(warnings.prefix(3))")
    }
}
