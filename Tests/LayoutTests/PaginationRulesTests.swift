import Charts
import Geometry
import Model
import Testing
@testable import Layout

// Issue 13, pagination rules, checked on synthetic documents over a range of fill levels so that every
// position of a break is met. Positions are read from the laid-out pages.

/// `count` one-line filler paragraphs ("filler 0" …).
private func fillers(_ count: Int, _ prefix: String = "filler") -> [Block] { (0..<count).map { Fixture.para("\(prefix) \($0)") } }

private let pitch = Fixture.style.sizes.body * Fixture.style.lineHeight

private func chart(_ title: String) -> ChartSpec {
    ChartSpec(kind: .bar, number: "Figure 1", title: title, sourceNote: "Source: test.", categories: ["2022"],
              series: [ChartSeries(id: "a", label: "A", values: [3]), ChartSeries(id: "b", label: "B", values: [5])], language: "en")
}

/// The lowest point of body text on a page (text between the header and footer rules).
private func bodyBottom(_ page: Page) -> Double {
    page.texts.filter { $0.bounds.minY >= Fixture.content.minY - 1 && $0.bounds.maxY <= Fixture.content.maxY + 1 }
        .map(\.bounds.maxY).max() ?? Fixture.content.minY
}

/// Text lines of the body on a page (distinct baselines).
private func bodyLines(_ page: Page) -> Int {
    Set(page.texts.filter { $0.bounds.minY >= Fixture.content.minY - 1 && $0.bounds.maxY <= Fixture.content.maxY + 1 }
        .map { ($0.origin.y * 10).rounded() }).count
}

@Test func lastPageHoldsAtLeastFiveLines() {
    var runtsAvoided = 0
    for count in 30...80 {
        let (document, _) = Fixture.layout(fillers(count), metadata: Fixture.en())
        guard document.pages.count > 1, let last = document.pages.last else { continue }
        #expect(bodyLines(last) >= 5, "\(count) fillers: the last page holds \(bodyLines(last)) lines")
        let (plain, _) = Fixture.layout(fillers(count) + [Fixture.para("x")], metadata: Fixture.en())
        if plain.pages.count == document.pages.count { runtsAvoided += 1 }
    }
    #expect(runtsAvoided > 0)
}

@Test func pageBeforeAForcedBreakHoldsAtLeastFiveLines() {
    for count in 36...50 {
        let (document, _) = Fixture.layout(fillers(count) + [.pageBreak] + fillers(20, "next"), metadata: Fixture.en())
        guard let next = document.page(ofText: "next 0"), next >= 2 else { continue }
        #expect(bodyLines(document.pages[next - 1]) >= 5, "\(count) fillers: \(bodyLines(document.pages[next - 1])) lines before the break")
        #expect(document.pages[next].texts.contains { $0.text == "next 0" && $0.bounds.minY < Fixture.content.minY + pitch })
    }
}

/// A 20 pt content unit marking where it lands with a destination `u<index>`.
private func line(_ index: Int, space: Double) -> FlowUnit {
    var frame = Frame(size: Size(100, 20))
    frame.append(.destination(name: "u\(index)", at: .zero))
    return FlowUnit(frame: frame, height: 20, spaceBefore: space)
}

/// The page each unit lands on after runt pages are repaired, with a 20 pt line pitch.
private func balancedPages(_ units: [FlowUnit]) -> [Int] {
    let paginator = Paginator(content: Fixture.content, tables: [])
    let body = RuntPages.balanced(paginator.paginate(units), units: units, paginator: paginator, pitch: 20, minimumLines: 5)
    var found: [String: Int] = [:]
    for (page, items) in body.pages.enumerated() {
        for case .destination(let name, _) in items { found[name] = page }
    }
    return units.indices.map { found["u\($0)"] ?? -1 }
}

@Test func runtIsPulledBackWhenTighterSpacingSavesThePage() {
    // 20 pt lines 10 pt apart: 24 fit a page (710 pt), so the 25th would be alone on a second page.
    // Half the space between them (5 pt) brings all 25 onto the first page.
    #expect(Fixture.content.height >= 710 && Fixture.content.height < 740)
    let units = (0..<25).map { line($0, space: 10) }
    #expect(balancedPages(units) == Array(repeating: 0, count: 25))
}

@Test func runtIsFilledByCarryingLinesOverWhenSpacingCannotSaveIt() {
    // Lines without space between them: 35 fit (700 pt), the 36th alone would end the document. Nothing
    // can be tightened, so four lines are carried over to give the last page five.
    let units = (0..<36).map { line($0, space: 0) }
    #expect(balancedPages(units) == Array(repeating: 0, count: 31) + Array(repeating: 1, count: 5))
}

@Test func headingKeepsWithTwoLinesOfWhatFollows() {
    // A heading followed by one-line paragraphs: the first alone is not enough company at a page bottom.
    for count in 30...46 {
        let blocks = fillers(count) + [.heading(level: 2, text: "Moving heading", numbered: false, anchor: "")] + fillers(20, "after")
        let (document, _) = Fixture.layout(blocks, metadata: Fixture.en())
        guard let page = document.page(ofText: "Moving heading") else { Issue.record("heading missing"); continue }
        let after = document.pages[page].texts.filter { $0.text.hasPrefix("after") }.count
        #expect(after >= 2, "\(count) fillers: the heading has \(after) lines after it on its page")
    }
}

@Test func headingMovesWithItsTable() {
    let rows = (0..<40).map { [TableCell("row \($0)"), TableCell("\($0)", alignment: .end)] }
    let table = TableBlock(number: "Table 1", title: "Tall", sourceNote: "", headerRows: [[TableCell("Name"), TableCell("Value")]], rows: rows)
    for count in 30...44 {
        let blocks = fillers(count) + [.heading(level: 2, text: "Table heading", numbered: false, anchor: ""), .table(table)]
        let (document, _) = Fixture.layout(blocks, metadata: Fixture.en())
        guard let page = document.page(ofText: "Table heading") else { Issue.record("heading missing"); continue }
        let rowsThere = document.pages[page].texts.filter { $0.text.hasPrefix("row ") }.count
        #expect(rowsThere >= 3, "\(count) fillers: \(rowsThere) rows under the heading")
        #expect(document.page(ofText: "Table 1  Tall") == page)
    }
}

@Test func figureThatDoesNotFitFloatsWhileTheTextFillsThePage() {
    var floated = 0
    for count in 24...34 {
        let blocks = fillers(count) + [.figure(FigureBlock(chart: chart("Floating"), height: 300, anchor: "fig"))] + fillers(60, "after")
        let (document, _) = Fixture.layout(blocks, metadata: Fixture.en())
        guard let figurePage = document.page(ofDestination: "fig") else { Issue.record("figure missing"); continue }
        let fillerPage = document.page(ofText: "filler \(count - 1)") ?? -1
        // Within one page of its place in the text.
        #expect(figurePage - fillerPage <= 1)
        guard figurePage > fillerPage else { continue }
        floated += 1
        // The text after the figure goes on filling the page the figure did not fit on (unless not even
        // a line was left there) ...
        let full = bodyBottom(document.pages[fillerPage]) > Fixture.content.maxY - 2 * pitch
        #expect(document.page(ofText: "after 0") == fillerPage || full, "\(count) fillers")
        #expect(bodyBottom(document.pages[fillerPage]) > Fixture.content.maxY - 0.15 * Fixture.content.height)
        // ... and the figure opens the next page.
        let destination = document.pages[figurePage].flatItems.compactMap { item -> Point? in
            if case .destination("fig", let at) = item { return at } else { return nil }
        }.first
        #expect(destination.map { abs($0.y - Fixture.content.minY) < 0.5 } == true)
    }
    #expect(floated > 0)
}

@Test func floatingFigureStaysInItsSection() {
    // A level-1 heading right after the figure: the figure goes before it, even when that leaves space.
    for count in 24...34 {
        let blocks = fillers(count) + [.figure(FigureBlock(chart: chart("Stays"), height: 300, anchor: "fig")), Fixture.para("tail"),
                                       .heading(level: 1, text: "Next section", numbered: false, anchor: "next")] + fillers(5, "after")
        let (document, _) = Fixture.layout(blocks, metadata: Fixture.en())
        guard let figure = document.page(ofDestination: "fig"), let next = document.page(ofDestination: "next") else {
            Issue.record("missing"); continue
        }
        #expect(figure < next || (figure == next && y(of: "fig", in: document.pages[figure]) < y(of: "next", in: document.pages[next])))
    }
}

private func y(of destination: String, in page: Page) -> Double {
    page.flatItems.compactMap { item -> Double? in
        if case .destination(let name, let at) = item, name == destination { return at.y } else { return nil }
    }.first ?? .infinity
}

@Test func tableBreaksLeaveAtLeastThreeRowsOnEachSide() {
    let rows = (0..<30).map { [TableCell("row \($0)"), TableCell("\($0)", alignment: .end)] }
    let table = TableBlock(number: "Table 1", title: "Rows", sourceNote: "Source: test.", headerRows: [[TableCell("Name"), TableCell("Value")]],
                           rows: rows)
    var split = 0
    for count in 20...44 {
        let (document, _) = Fixture.layout(fillers(count) + [.table(table)], metadata: Fixture.en())
        let perPage = document.pages.map { $0.texts.filter { $0.text.hasPrefix("row ") }.count }.filter { $0 > 0 }
        #expect(perPage.allSatisfy { $0 >= 3 }, "\(count) fillers: rows per page \(perPage)")
        if perPage.count > 1 {
            split += 1
            // The header is repeated over the continuation.
            let continued = document.pages.filter { $0.strings.contains("Table 1  Rows (continued)") }
            #expect(continued.allSatisfy { $0.strings.contains("Name") })
        }
    }
    #expect(split > 0)
}

@Test func listContinuationLinesHangUnderTheItemText() {
    let long = (0..<40).map { "w\($0)" }.joined(separator: " ")
    for ordered in [true, false] {
        let items: [[InlineSpan]] = (0..<10).map { [InlineSpan("item\($0) " + long)] }
        let (document, _) = Fixture.layout([.list(items: items, ordered: ordered)], metadata: Fixture.en())
        let texts = document.pages[0].texts.filter { Fixture.content.contains($0.bounds, tolerance: 0.01) }
        let markers = texts.filter { $0.text == "•" || $0.text.hasSuffix(".") && Int($0.text.dropLast()) != nil }
        let words = texts.filter { !markers.contains($0) }
        let starts = Dictionary(grouping: words, by: { ($0.origin.y * 10).rounded() }).values.compactMap { $0.map(\.origin.x).min() }
        #expect(markers.count == 10)
        #expect(starts.count > 10, "items wrap")
        // Every line, first or continued, starts at one x, right of the markers.
        #expect(Set(starts.map { ($0 * 100).rounded() }).count == 1)
        #expect(markers.allSatisfy { marker in starts.allSatisfy { $0 > marker.bounds.maxX } })
    }
}

@Test func tableAndFigureCaptionsShareOneStyle() {
    let table = TableBlock(number: "Table 1", title: "Ranks", sourceNote: "", headerRows: [[TableCell("Name"), TableCell("Value")]],
                           rows: [[TableCell("a"), TableCell("1", alignment: .end)]])
    let (document, _) = Fixture.layout([.table(table), .figure(FigureBlock(chart: chart("Bars"), height: 200, anchor: "fig"))],
                                       metadata: Fixture.en())
    let texts = document.pages[0].texts
    guard let tableCaption = texts.first(where: { $0.text.hasPrefix("Table 1") }),
          let figureCaption = texts.first(where: { $0.text.hasPrefix("Figure 1") }) else { Issue.record("captions missing"); return }
    #expect(tableCaption.font == figureCaption.font)
    #expect(tableCaption.color == figureCaption.color)
    #expect(tableCaption.origin.x == Fixture.content.minX && figureCaption.origin.x == Fixture.content.minX)
    // The same distance from the top of the table (the first block: the top of the page) or the figure to
    // the caption's baseline.
    let figureTop = y(of: "fig", in: document.pages[0])
    #expect(abs((figureCaption.origin.y - figureTop) - (tableCaption.origin.y - Fixture.content.minY)) < 0.01)
    // And one caption text: number and title two spaces apart.
    #expect(figureCaption.text.hasPrefix("Figure 1  Bars") || texts.contains { $0.text == "Figure 1  Bars" })
}

@Test func shortTableThatDoesNotFitFloatsWhileTheTextFillsThePage() {
    // Ten rows kept whole (a short table): where it does not fit, the text after it goes first.
    let rows = (0..<10).map { [TableCell("row \($0)"), TableCell("\($0)", alignment: .end)] }
    let table = TableBlock(number: "Table 1", title: "Short", sourceNote: "", headerRows: [[TableCell("Name"), TableCell("Value")]], rows: rows)
    var floated = 0
    for count in 26...40 {
        let (document, _) = Fixture.layout(fillers(count) + [.table(table)] + fillers(40, "after"), metadata: Fixture.en())
        guard let tablePage = document.page(ofText: "Table 1  Short"), let fillerPage = document.page(ofText: "filler \(count - 1)") else {
            Issue.record("missing"); continue
        }
        // Whole, and on the page of its place or the next.
        #expect(Set((0..<10).compactMap { document.page(ofText: "row \($0)") }) == [tablePage])
        #expect(tablePage - fillerPage <= 1)
        guard tablePage > fillerPage else { continue }
        floated += 1
        let full = bodyBottom(document.pages[fillerPage]) > Fixture.content.maxY - 2 * pitch
        #expect(document.page(ofText: "after 0") == fillerPage || full, "\(count) fillers")
        #expect(bodyBottom(document.pages[fillerPage]) > Fixture.content.maxY - 0.15 * Fixture.content.height)
        // At the top of the next page.
        let caption = document.pages[tablePage].texts.first { $0.text == "Table 1  Short" }
        #expect(caption.map { $0.bounds.minY < Fixture.content.minY + pitch } == true)
    }
    #expect(floated > 0)
}
