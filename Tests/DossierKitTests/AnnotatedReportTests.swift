import Foundation
import Testing
import TestSupport

// A small synthetic report with footnotes, a shaded band and a callout, built through the CLI and read back from
// the PDF: the markers and notes are extractable text, the notes are tagged Note, the chart's description names
// the band and the callout, and two builds are byte-identical.

private func writeReport(_ folder: String) throws -> String {
    let data = folder + "/data"
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    try "id,name_zh,name_en,kind,parent,tags\nAA,甲国,Aland,country,,\nBB,乙国,Borland,country,,\nCC,丙国,Cyland,country,,\n"
        .write(toFile: data + "/entities.csv", atomically: true, encoding: .utf8)
    try "entity,indicator,period,value,note,quote\nAA,survey.rank,2001,1,,\nBB,survey.rank,2001,2,,\nCC,survey.rank,2001,3,,\nAA,survey.rank,2002,3,,\nBB,survey.rank,2002,1,,\nCC,survey.rank,2002,2,,\n"
        .write(toFile: data + "/observations.csv", atomically: true, encoding: .utf8)
    try "indicators:\n  - id: survey.rank\n    label: {zh: 排名, en: Rank}\n    unit: rank\n    source: survey\n"
        .write(toFile: data + "/indicators.yaml", atomically: true, encoding: .utf8)
    try "sources:\n  - id: survey\n    publisher: {zh: 调查机构, en: Survey body}\n    title: {zh: 调查, en: Survey}\n    years: [2001, 2002]\n    citation: {zh: 调查机构（2001—2002）, en: \"Survey body (2001–2002)\"}\n"
        .write(toFile: data + "/sources.yaml", atomically: true, encoding: .utf8)
    let spec = folder + "/annotated.yaml"
    try """
    version: 1
    title: Annotated
    date: 2024-01-01
    language: en
    dataset: data
    footnotes:
      method: Ranks from the survey body's own tables.
    sections:
      - text: "Borland rose to first place[^method]."
      - chart:
          id: ranks
          kind: bump
          indicator: survey.rank
          title: Ranks
          bands: [{from: 1, to: 1, label: First place}]
          callouts: [{entity: BB, period: 2002, text: Up one place}]
    """.write(toFile: spec, atomically: true, encoding: .utf8)
    return spec
}

@Test func footnotesBandsAndCalloutsReachThePDFAsTextAndStructure() throws {
    let folder = TestPaths.temporaryFolder()
    let spec = try writeReport(folder)
    let result = try CLI.run(["build", spec, "--out", folder + "/out", "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    let pdf = folder + "/out/annotated.pdf"
    let text = try CLI.tool("pdftotext", [pdf, "-"]).stdout
    #expect(text.contains("Borland rose to first place¹."), "\(text)")
    #expect(text.contains("¹ Ranks from the survey body’s own tables.") || text.contains("¹ Ranks from the survey body's own tables."), "\(text)")
    #expect(text.contains("Up one place") && text.contains("First place"))
    let structure = try PDFStructureReader(path: pdf)
    #expect(structure.roles.contains("Note"))
    let figure = try #require(structure.elements.first { $0.role == "Figure" })
    #expect(figure.alternative?.contains("shaded band: First place (rank 1)") == true, "\(String(describing: figure.alternative))")
    #expect(figure.alternative?.contains("note at Borland, 2002: Up one place") == true)
    let content = try structure.paintedContent()
    #expect(content.unmarked.isEmpty, "\(content.unmarked.prefix(5))")
    // Identical input, identical bytes.
    let again = try CLI.run(["build", spec, "--out", folder + "/again", "--quiet"])
    #expect(again.status == 0)
    #expect(FileManager.default.contents(atPath: pdf) == FileManager.default.contents(atPath: folder + "/again/annotated.pdf"))
}
