import TestSupport
import Foundation
import Geometry
import Model
import Testing
@testable import Layout

/// A small document touching every block kind except figures (whose drawing belongs to Charts).
func goldenDocument() -> [Block] {
    [
        .title(TitleBlock(title: "Digital Government Briefing", subtitle: "Ranks 2018–2022", author: "Research team", date: "May 2024")),
        .tableOfContents(title: "Contents"),
        .heading(level: 1, text: "Key findings", numbered: true, anchor: "key"),
        .callouts([Callout(value: "12", label: "Rank", note: "up 3"), Callout(value: "0.91", label: "Index", note: "2022"),
                   Callout(value: "193", label: "Countries")]),
        .paragraph([InlineSpan("The index rose "), InlineSpan("sharply", bold: true), InlineSpan(" in "),
                    InlineSpan("2022", italic: true), InlineSpan("; see "), InlineSpan("the table", link: "#ranks"),
                    InlineSpan(" and "), InlineSpan("the source", link: "https://example.org/egov"), InlineSpan(".")]),
        .heading(level: 2, text: "Ranks", numbered: true, anchor: "ranks"),
        .table(TableBlock(number: "Table 1", title: "Ranks by survey", sourceNote: "Source: UN.",
                          headerRows: [[TableCell("Country"), TableCell("UN EGDI", alignment: .center, columnSpan: 2)],
                                       [TableCell(""), TableCell("2020", alignment: .center), TableCell("2022", alignment: .center)]],
                          rows: [[TableCell("Denmark"), TableCell("1", alignment: .end, fill: Color(hex: "#2b5c9e")),
                                  TableCell("0.97", alignment: .decimal)],
                                 [TableCell("Korea"), TableCell("2", alignment: .end), TableCell("0.9", alignment: .decimal)],
                                 [TableCell("Estonia"), TableCell("3", alignment: .end), TableCell("12.5", alignment: .decimal)]],
                          notes: ["— no data"])),
        .list(items: [[InlineSpan("first point")], [InlineSpan("second point that is long enough to wrap onto a second line of the list item text")]],
              ordered: true),
        .note([InlineSpan("Data for 2022 are provisional.")]),
        .spacer(12),
        .heading(level: 1, text: "Notes", numbered: false, anchor: ""),
        .list(items: [[InlineSpan("bullet")]], ordered: false),
        .references(title: "References", items: ["UN E-Government Survey 2022.", "OECD Digital Government Index."]),
    ]
}

/// A small Chinese document: numbered headings, prose with punctuation, a table with a spanning header.
func goldenChineseDocument() -> [Block] {
    [
        .heading(level: 1, text: "总体情况", numbered: true, anchor: ""),
        .paragraph([InlineSpan("我国电子政务发展指数排名由2018年的第65位上升至2022年的第43位，其中在线服务指数排名提升至第15位，"),
                    InlineSpan("进入“非常高”水平组", bold: true), InlineSpan("。")]),
        .heading(level: 2, text: "排名", numbered: true, anchor: ""),
        .table(TableBlock(number: "表 1", title: "排名", sourceNote: "资料来源：联合国。",
                          headerRows: [[TableCell("国家"), TableCell("排名", alignment: .center, columnSpan: 2)],
                                       [TableCell(""), TableCell("2020", alignment: .center), TableCell("2022", alignment: .center)]],
                          rows: [[TableCell("丹麦"), TableCell("1", alignment: .end), TableCell("1", alignment: .end)],
                                 [TableCell("中国"), TableCell("45", alignment: .end), TableCell("43", alignment: .end)]])),
        .list(items: [[InlineSpan("在线服务")], [InlineSpan("数据共享")]], ordered: true),
        .heading(level: 3, text: "说明", numbered: true, anchor: ""),
        .note([InlineSpan("部分指标口径有调整。")]),
    ]
}

/// Compares a dump with `Goldens/<name>.txt` (see `GoldenFile` for how a changed golden is accepted).
private func checkGolden(_ name: String, _ document: Document) throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    if let problem = GoldenFile.check(FrameDumper.dump(document), name: name, directory: directory) { Issue.record("\(problem)") }
}

@Test func goldenDumpOfASmallEnglishDocument() throws {
    var style = Style.briefing
    style.headingNumbering = .decimal
    let (document, warnings) = Fixture.layout(goldenDocument(), metadata: Fixture.en(), style: style)
    #expect(warnings.isEmpty)
    try checkGolden("small-document-en", document)
}

@Test func goldenDumpOfASmallChineseDocument() throws {
    let (document, warnings) = Fixture.layout(goldenChineseDocument())
    #expect(warnings.isEmpty)
    try checkGolden("small-document-zh", document)
}

@Test func dumpIsDeterministic() {
    let a = FrameDumper.dump(Fixture.layout(goldenDocument(), metadata: Fixture.en()).document)
    let b = FrameDumper.dump(Fixture.layout(goldenDocument(), metadata: Fixture.en()).document)
    #expect(a == b)
}
