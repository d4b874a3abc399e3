import Geometry
import Model
import Testing
@testable import Layout

/// Body lines of a page grouped by baseline, left to right, as strings.
private func lines(_ page: Page) -> [String] {
    let body = page.texts.filter { Fixture.content.contains($0.bounds, tolerance: 0.01) }
    return Dictionary(grouping: body) { ($0.origin.y * 100).rounded() }
        .sorted { $0.key < $1.key }
        .map { $0.value.sorted { $0.origin.x < $1.origin.x }.map(\.text).joined() }
}

private let q = String(CJKSpacing.quarterEm)

@Test func chineseAndLatinAreSpacedEvenly() {
    #expect(Typesetter.autospaced("第4阶段") == "第\(q)4\(q)阶段")
    #expect(Typesetter.autospaced("2003 年的第5名") == "2003\(q)年的第\(q)5\(q)名")
    #expect(Typesetter.autospaced("北欧以CRM领先，约100个。") == "北欧以\(q)CRM\(q)领先，约\(q)100\(q)个。")
    // Punctuation is left alone; text without Chinese is untouched.
    #expect(Typesetter.autospaced("（2001）、“三极”") == "（2001）、“三极”")
    #expect(Typesetter.autospaced("Page 4 of 9") == "Page 4 of 9")
    // Across spans the space goes to the earlier span, so a bold number starts with the number.
    let font = Style.briefing.bodyFont()
    let spans = Typesetter.autospaced([TextSpan(text: "第", font: font, color: .black),
                                       TextSpan(text: "1", font: font.with(bold: true), color: .black),
                                       TextSpan(text: "名", font: font, color: .black)])
    #expect(spans.map(\.text) == ["第\(q)", "1\(q)", "名"])
}

@Test func spacingBetweenChineseAndLatinIsTheStylesChoice() {
    // A quarter em by default, whatever the author typed; none when the style says so.
    let spaced = Typesetter(style: .briefing, measurer: FixedWidthMeasurer())
    #expect(spaced.autospaced("第4阶段与第 5 阶段") == "第\(q)4\(q)阶段与第\(q)5\(q)阶段")
    var plain = Style.briefing
    plain.cjkLatinSpace = false
    #expect(Typesetter(style: plain, measurer: FixedWidthMeasurer()).autospaced("第4阶段与第 5 阶段") == "第4阶段与第5阶段")
}

@Test func tableCellsAndParagraphsKeepChineseLineBreakingRules() {
    // Narrow cells force many breaks next to punctuation.
    let text = "据统计，“首都之窗”网站（2005年）共有146个分网站；其中：区县网站、部门网站！" + Fixture.chinese(120)
    let table = TableBlock(number: "", title: "", sourceNote: "", headerRows: [],
                           rows: [[TableCell(text), TableCell(text), TableCell(text), TableCell(text)]])
    let (document, _) = Fixture.layout([.table(table), Fixture.para(text + text)])
    let body = document.pages[0].texts.filter { Fixture.content.contains($0.bounds, tolerance: 0.01) }
    // A line is a run of items on one baseline that touch; cells and the paragraph give many of them.
    func touching(_ a: TextItem, _ b: TextItem) -> Bool { abs(a.origin.y - b.origin.y) < 0.01 && abs(a.bounds.maxX - b.origin.x) < 0.5 }
    let starts = body.filter { item in !body.contains { touching($0, item) } }
    let ends = body.filter { item in !body.contains { touching(item, $0) } }
    #expect(starts.count > 30)
    for item in starts {
        #expect(!(item.text.first.map(CharacterClass.noLineStart.contains) ?? false), "line starts with closing punctuation: \(item.text)")
    }
    for item in ends {
        #expect(!(item.text.last.map(CharacterClass.noLineEnd.contains) ?? false), "line ends with opening punctuation: \(item.text)")
    }
}

@Test func numbersAndWordsStayWholeAtLineEnds() {
    let numbers = (0..<60).map { "第\($0 * 37 + 1000)号" }.joined(separator: "、")
    let (document, _) = Fixture.layout([Fixture.para(numbers), Fixture.para((0..<80).map { "word\($0)" }.joined(separator: " "))])
    let all = lines(document.pages[0])
    for n in 0..<60 { #expect(all.contains { $0.contains("\(n * 37 + 1000)") }, "number \(n * 37 + 1000) was broken") }
    for n in 0..<80 { #expect(all.contains { $0.contains("word\(n)") }, "word\(n) was broken") }
}

@Test func decimalNumbersStayWholeAtLineEnds() {
    let text = (0..<40).map { "计算为\($0 + 10).\($0 % 9 + 1)，" }.joined()
    let (document, _) = Fixture.layout([Fixture.para(text)])
    let all = lines(document.pages[0])
    for n in 0..<40 { #expect(all.contains { $0.contains("\(n + 10).\(n % 9 + 1)") }, "\(n + 10).\(n % 9 + 1) was broken") }
}

@Test func lastLinesAreNeverRunts() {
    // Lengths chosen so that greedy breaking leaves one or two characters on the last line.
    let font = Style.briefing.bodyFont()
    let perLine = Int(Fixture.content.width / font.size)
    for extra in 1...2 {
        let text = Fixture.chinese(perLine * 2 + extra - 1)
        let (document, _) = Fixture.layout([Fixture.para(text)])
        let all = lines(document.pages[0])
        #expect(all.count == 3)
        #expect((all.last?.count ?? 0) >= 3, "last line '\(all.last ?? "")'")
        #expect(all.joined() == text)
    }
}

@Test func datesAndNumbersInTablesDoNotWrapNextToALongTextColumn() {
    let table = TableBlock(number: "表 1", title: "北京的全部数据", sourceNote: "",
                           headerRows: [[TableCell("城市"), TableCell("指标"), TableCell("时间", alignment: .center),
                                         TableCell("数值", alignment: .end), TableCell("原文")]],
                           rows: (1...6).map { i in
                               [TableCell("北京"), TableCell("门户网站月均访问量"), TableCell("2004年1月29日", alignment: .center),
                                TableCell("5,793.95万人次", alignment: .end), TableCell(Fixture.chinese(90, seed: i))]
                           })
    let (document, _) = Fixture.layout([.table(table)])
    let strings = document.pages[0].strings
    #expect(strings.filter { $0 == "2004 年 1 月 29 日" }.count == 6)
    #expect(strings.filter { $0 == "5,793.95 万人次" }.count == 6)
}

@Test func wrappedHeaderCellsBreakIntoBalancedLines() {
    // Many narrow number columns under long headers: the headers wrap, evenly, instead of leaving one
    // character on a line of its own.
    let headers = ["国家"] + (1...9).map { _ in "联合国电子参与" }
    let table = TableBlock(number: "", title: "", sourceNote: "", headerRows: [headers.map { TableCell($0, alignment: .center) }],
                           rows: [[TableCell("澳大利亚")] + (1...9).map { TableCell("\($0)", alignment: .center) }])
    let (document, _) = Fixture.layout([.table(table)])
    let pieces = document.pages[0].texts.filter { $0.font.bold && "联合国电子参与".contains($0.text) && $0.text != "国家" }
    #expect(!pieces.isEmpty)
    #expect(pieces.allSatisfy { $0.text.count >= 3 }, "\(pieces.map(\.text))")
    #expect(document.pages[0].strings.contains("澳大利亚"))
}
