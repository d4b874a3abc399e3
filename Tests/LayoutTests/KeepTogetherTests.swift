import Charts
import Geometry
import Model
import Testing
@testable import Layout

/// A report where headings, tables and figures meet the page end at many different heights: the opening
/// paragraph grows with `shift`.
private func slidingReport(shift: Int) -> [Block] {
    var blocks: [Block] = [.heading(level: 1, text: "总体情况", numbered: true, anchor: ""), Fixture.para(Fixture.chinese(40 + shift * 37))]
    for n in 1...4 {
        blocks.append(.heading(level: 2, text: "分析\(n)", numbered: true, anchor: "h\(n)"))
        blocks.append(.table(TableBlock(number: "表 \(n)", title: "排名\(n)", sourceNote: "资料来源：联合国。",
                                        headerRows: [[TableCell("国家"), TableCell("排名", alignment: .end)]],
                                        rows: (1...(3 + n * 4)).map { [TableCell("国家 \(n)-\($0)"), TableCell("\($0)", alignment: .end)] })))
        blocks.append(.heading(level: 2, text: "图示\(n)", numbered: true, anchor: "g\(n)"))
        blocks.append(.figure(FigureBlock(chart: ChartSpec(kind: .bar, number: "图 \(n)", title: "柱图\(n)", sourceNote: "资料来源：测试。",
                                                          categories: ["2022"], series: [ChartSeries(id: "a", label: "甲", values: [3])],
                                                          language: "zh-cn"),
                                          height: 180, anchor: "f\(n)")))
        blocks.append(Fixture.para(Fixture.chinese(120, seed: n)))
    }
    return blocks
}

@Test func captionsHeadingsAndBodiesStayTogetherWhereverThePageEnds() {
    for shift in 0..<24 {
        let (document, warnings) = Fixture.layout(slidingReport(shift: shift))
        #expect(warnings.isEmpty)
        for n in 1...4 {
            // Heading, table title, header and the first rows share a page; so do a heading and its figure.
            let title = document.page(ofText: "表 \(n)  排名 \(n)")
            #expect(title != nil)
            #expect(document.page(ofDestination: "h\(n)") == title, "shift \(shift): heading of table \(n) apart from it")
            #expect(document.page(ofText: "国家 \(n)-1") == title && document.page(ofText: "国家 \(n)-2") == title)
            #expect(document.page(ofDestination: "g\(n)") == document.page(ofDestination: "f\(n)"),
                    "shift \(shift): heading of figure \(n) apart from it")
            // The source note stays with the last two rows.
            let last = 3 + n * 4
            let source = document.pages.indices.filter { document.pages[$0].strings.contains("资料来源：联合国。") }
            let lastRow = document.page(ofText: "国家 \(n)-\(last)")
            #expect(lastRow.map(source.contains) == true)
            #expect(document.page(ofText: "国家 \(n)-\(last - 1)") == lastRow)
        }
    }
}

@Test func noPageEndsWithAHeading() {
    for shift in 0..<24 {
        let (document, _) = Fixture.layout(slidingReport(shift: shift))
        let headings = Set(document.outline.flatMap { [$0.title] + $0.children.map(\.title) })
        for (index, page) in document.pages.enumerated() {
            let body = page.texts.filter { Fixture.content.contains($0.bounds, tolerance: 0.01) }
            guard let lowest = body.max(by: { $0.origin.y < $1.origin.y }) else { continue }
            #expect(!headings.contains(lowest.text), "shift \(shift): page \(index + 1) ends with heading '\(lowest.text)'")
        }
    }
}

@Test func shortDocumentWithAFewLinesOverGivesUpTheAirAboveTheTitle() {
    // Title, heading, a one-row table and a reference list that overflows by a few lines: a second page
    // holding two lines would look like an accident, so the title block moves up instead.
    func profile(references: Int) -> [Block] {
        [.title(TitleBlock(title: "首尔电子政务概况", subtitle: "资料中的全部数字与出处", date: "2026年11月29日")),
         .heading(level: 1, text: "首尔：主要数字", numbered: true, anchor: ""),
         Fixture.para("本概况列出资料中首尔的全部数字。"),
         .table(TableBlock(number: "表 1", title: "首尔的全部数据", sourceNote: "资料来源：测试。",
                           headerRows: [[TableCell("指标"), TableCell("数值", alignment: .end)]],
                           rows: [[TableCell("全球城市数字政务评价排名"), TableCell("1", alignment: .end)]])),
         .references(title: "资料来源", items: (1...references).map { "文献\($0)：" + Fixture.chinese(30, seed: $0) })]
    }
    var pulledBack = false
    for references in 12...26 {
        let (document, _) = Fixture.layout(profile(references: references))
        let last = document.pages[document.pages.count - 1].texts.filter { Fixture.content.contains($0.bounds, tolerance: 0.01) }
        let used = (last.map(\.bounds.maxY).max() ?? Fixture.content.minY) - Fixture.content.minY
        #expect(document.pages.count == 1 || used > Fixture.content.height * 0.1,
                "\(references) references: a last page with only \(Int(used)) pt of text")
        let title = document.pages[0].texts.first { $0.text == "首尔电子政务概况" }
        if document.pages.count == 1, let title, title.bounds.minY < Fixture.content.minY + 60 { pulledBack = true }
    }
    #expect(pulledBack)
}

@Test func longerDocumentsKeepTheirTitleBlockAsDesigned() {
    // The air above the title is only given up to save a short document's last page.
    let blocks: [Block] = [.title(TitleBlock(title: "标题")), Fixture.para(Fixture.chinese(3000))]
    let (document, _) = Fixture.layout(blocks)
    let title = document.pages[0].texts.first { $0.text == "标题" }
    #expect(title.map { $0.bounds.minY > Fixture.content.minY + 60 } == true)
}

@Test func calloutBoxesInARowShareOneHeight() {
    let callouts = [Callout(value: "第1名", label: "美国", note: ""),
                    Callout(value: "第3名", label: "上海：2005 年全球城市数字政务评价", note: Fixture.chinese(60))]
    let (document, _) = Fixture.layout([.callouts(callouts)])
    let boxes = document.pages[0].flatItems.compactMap { item -> Rect? in
        if case .path(let p) = item, p.fill == Style.briefing.colors.calloutFill { return p.path.bounds } else { return nil }
    }
    #expect(boxes.count == 2)
    #expect(Set(boxes.map { ($0.height * 100).rounded() }).count == 1)
    #expect(Set(boxes.map { ($0.minY * 100).rounded() }).count == 1)
}
