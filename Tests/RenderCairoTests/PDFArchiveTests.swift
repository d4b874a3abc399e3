import Foundation
import Geometry
import Testing
import TestSupport
@testable import RenderCairo

/// The trailer, document information and output intent of a PDF, as qpdf reads them.
private struct ArchiveView {
    let pdf: PDFStructureReader
    init(_ bytes: [UInt8]) throws { pdf = try PDFStructureReader(pdf: bytes) }
    var trailer: [String: Any] { (pdf.objects["trailer"] as? [String: Any])?["value"] as? [String: Any] ?? [:] }
    var information: [String: Any] { PDFStructureReader.dictionary(pdf.objects, trailer["/Info"]) ?? [:] }
    func info(_ key: String) -> String? { PDFStructureReader.text(information[key]) }
    var intents: [[String: Any]] {
        (pdf.catalog["/OutputIntents"] as? [Any] ?? []).compactMap { PDFStructureReader.dictionary(pdf.objects, $0) }
    }
}

@Test func anArchivalPDFCarriesTheSRGBIntentAndThePDFAIdentification() throws {
    let bytes = try CairoRenderer(language: "zh-cn").pdf(taggedDocument(), standards: [.a2b])
    let view = try ArchiveView(bytes)
    let intent = try #require(view.intents.first)
    #expect(view.intents.count == 1)
    #expect(intent["/S"] as? String == "/GTS_PDFA1")
    #expect(PDFStructureReader.text(intent["/OutputConditionIdentifier"]) == "sRGB IEC61966-2.1")
    let profile = try #require(PDFStructureReader.dictionary(view.pdf.objects, intent["/DestOutputProfile"]))
    #expect(profile["/N"] as? Int == 3, "an RGB profile")
    let xmp = try view.pdf.metadata()
    #expect(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), "\(xmp)")
    #expect(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "still PDF/UA")
    let check = try ToolRunner.run("qpdf", ["--check", view.pdf.path])
    #expect(check.status == 0, "\(check.output)")
    // Every font embedded.
    let fonts = try ToolRunner.run("pdffonts", [view.pdf.path]).output.split(separator: "\n").dropFirst(2)
    #expect(!fonts.isEmpty && fonts.allSatisfy { $0.split(separator: " ", omittingEmptySubsequences: true).reversed().dropFirst(4).first == "yes" },
            "\(fonts)")
}

@Test func documentInformationAgreesWithTheXMP() throws {
    var document = taggedDocument()
    document.metadata.subject = "主题 & 范围"
    document.metadata.keywords = "电子政务, rankings"
    let view = try ArchiveView(CairoRenderer(language: "zh-cn").pdf(document, standards: [.a2b]))
    let xmp = try view.pdf.metadata()
    #expect(view.info("/Title") == "简报" && xmp.contains("<rdf:li xml:lang=\"x-default\">简报</rdf:li>"))
    #expect(view.info("/Author") == "测试" && xmp.contains("<dc:creator><rdf:Seq><rdf:li>测试</rdf:li>"))
    #expect(view.info("/Subject") == "主题 & 范围" && xmp.contains("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">主题 &amp; 范围</rdf:li>"))
    #expect(view.info("/Keywords") == "电子政务, rankings" && xmp.contains("<pdf:Keywords>电子政务, rankings</pdf:Keywords>"))
    #expect(view.info("/Creator") == "Dossier" && xmp.contains("<xmp:CreatorTool>Dossier</xmp:CreatorTool>"))
    let producer = try #require(view.info("/Producer"))
    #expect(producer.hasPrefix("Dossier (cairo ") && xmp.contains("<pdf:Producer>\(producer)</pdf:Producer>"))
    #expect(view.info("/CreationDate") == "D:20240101000000Z" && view.info("/ModDate") == "D:20240101000000Z")
    #expect(xmp.contains("<xmp:CreateDate>2024-01-01T00:00:00Z</xmp:CreateDate>"))
}

@Test func everyPDFHasAnIDValidDatesAndPrintableLinksButOnlyAnArchiveClaimsPDFA() throws {
    let renderer = CairoRenderer(language: "zh-cn")
    let plain = try renderer.pdf(taggedDocument())
    let view = try ArchiveView(plain)
    let id = try #require(view.trailer["/ID"] as? [Any])
    #expect(id.count == 2)
    #expect(view.info("/CreationDate") == "D:20240101000000Z")
    #expect(view.intents.isEmpty)
    #expect(try !view.pdf.metadata().contains("pdfaid"))
    let links = view.pdf.objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }.filter { $0["/Subtype"] as? String == "/Link" }
    #expect(!links.isEmpty && links.allSatisfy { $0["/F"] as? Int == 4 }, "\(links)")
    // Deterministic: the ID comes from the content, not the clock.
    #expect(try renderer.pdf(taggedDocument()) == plain)
    #expect(try renderer.pdf(taggedDocument(), standards: [.a2b]) == renderer.pdf(taggedDocument(), standards: [.a2b]))
}

@Test(arguments: [("2026-11-29T00:00:00Z", "D:20261129000000Z"), ("2026-11-29T08:30:05+08:00", "D:20261129083005+08'00'"),
                  ("2026-01-02T03:04:05-05:30", "D:20260102030405-05'30'")])
func isoDatesBecomePDFDates(iso: String, pdf: String) {
    #expect(PDFDate.from(iso: iso) == pdf)
}

@Test func aMissingOrForeignProfileIsAClearError() throws {
    #expect(throws: CairoError.self) { try PDFArchive.load(from: "/nonexistent/sRGB.icc") }
    let notICC = try ToolRunner.temporaryFile(Array(repeating: 0x41, count: 400), suffix: ".icc")
    #expect(throws: CairoError.self) { try PDFArchive.load(from: notICC) }
}
