import Geometry
import Model
import Testing
@testable import Layout

/// `count` one-line filler paragraphs.
private func fillers(_ count: Int) -> [Block] { (0..<count).map { Fixture.para("filler \($0)") } }

@Test func headingAtTheBottomMovesToTheNextPage() {
    // Slide the heading down the page one filler at a time; it must never be left without two lines after it.
    var moved = false
    for count in 20...36 {
        let heading = Block.heading(level: 2, text: "Moving heading", numbered: false, anchor: "moving")
        let follower = Fixture.para((0..<60).map { "w\($0)" }.joined(separator: " "))
        let (document, _) = Fixture.layout(fillers(count) + [heading, follower], metadata: Fixture.en())
        guard let page = document.page(ofText: "Moving heading") else { Issue.record("heading missing"); return }
        let linesAfter = document.pages[page].texts.filter { $0.text.hasPrefix("w") }.count
        #expect(linesAfter >= 2, "heading alone at the bottom with \(count) fillers")
        // Without a follower the heading would have stayed on the first page: it was moved by keep-with-next.
        let (alone, _) = Fixture.layout(fillers(count) + [heading], metadata: Fixture.en())
        if alone.page(ofText: "Moving heading") == 0 && page == 1 { moved = true }
    }
    #expect(moved)
}

@Test func paragraphsLeaveNoWidowsOrOrphans() {
    var splits = 0
    for count in 22...34 {
        let long = Fixture.para((0..<90).map { "w\($0)" }.joined(separator: " "))
        // Fillers after it, so that the paragraph does not end the document (a last page of a few lines
        // is carried over whole: see RuntPages).
        let (document, _) = Fixture.layout(fillers(count) + [long] + fillers(10), metadata: Fixture.en())
        let perPage = document.pages.map { page in page.texts.filter { $0.text.hasPrefix("w") }.count }.filter { $0 > 0 }
        #expect(perPage.allSatisfy { $0 >= 2 }, "a lone line with \(count) fillers: \(perPage)")
        if perPage.count > 1 { splits += 1 }
    }
    #expect(splits > 0)
}

@Test func shortParagraphsAreKeptWhole() {
    // A three-line paragraph cannot be split without a widow or an orphan, so it moves as a whole.
    for count in 24...34 {
        let three = Fixture.para((0..<30).map { "w\($0)" }.joined(separator: " "))
        let (document, _) = Fixture.layout(fillers(count) + [three], metadata: Fixture.en())
        let perPage = document.pages.map { page in page.texts.filter { $0.text.hasPrefix("w") }.count }.filter { $0 > 0 }
        #expect(perPage.count == 1)
    }
}

@Test func blockTallerThanAPageIsClippedWithAWarningAndTheLoopEnds() {
    let callout = Callout(value: "42", label: "tall", note: Fixture.chinese(9000))
    let (document, warnings) = Fixture.layout([Fixture.para("before"), .callouts([callout]), Fixture.para("after")])
    #expect(warnings.contains { $0.code == .clipped })
    #expect(document.pages.count == 3)
    #expect(document.page(ofText: "after") == 2)
}

@Test func pageBreaksStartNewPagesButNeverBlankOnes() {
    let (document, _) = Fixture.layout([.pageBreak, Fixture.para("one"), .pageBreak, .pageBreak, Fixture.para("two"), .pageBreak])
    #expect(document.pages.count == 2)
    #expect(document.page(ofText: "one") == 0)
    #expect(document.page(ofText: "two") == 1)
}

@Test func emptyInputGivesOneEmptyPage() {
    let (document, warnings) = Fixture.layout([])
    #expect(document.pages.count == 1)
    #expect(warnings.isEmpty)
}

@Test func spacerAtTheTopOfAPageIsDropped() {
    let (document, _) = Fixture.layout([.spacer(100), Fixture.para("first")])
    let first = document.pages[0].texts.first { $0.text == "first" }
    #expect(first.map { $0.bounds.minY < Fixture.content.minY + 20 } == true)
}

// MARK: Glue, driven with synthetic units so that every height is known exactly.

/// A content unit of the given height that marks where it lands with a destination named `u<index>`.
private func unit(_ index: Int, _ height: Double, hard: Bool = false, soft: Bool = false) -> FlowUnit {
    var frame = Frame(size: Size(100, height))
    frame.append(.destination(name: "u\(index)", at: .zero))
    var unit = FlowUnit(frame: frame, height: height, keepWithNext: hard)
    unit.softKeepWithNext = soft
    return unit
}

/// The page (0-based) each unit landed on.
private func pages(of units: [FlowUnit]) -> [Int] {
    let body = Paginator(content: Fixture.content, tables: []).paginate(units)
    var found: [String: Int] = [:]
    for (page, items) in body.pages.enumerated() {
        for case .destination(let name, _) in items { found[name] = page }
    }
    return units.indices.map { found["u\($0)"] ?? -1 }
}

@Test func softlyGluedRunMovesWholeWhenItFitsAPage() {
    let page = Fixture.content.height
    // 600 pt of filler leaves about 114 pt; the five 40 pt rows (200 pt) move together.
    let units = [unit(0, 600)] + (1...5).map { unit($0, 40, soft: $0 < 5) }
    #expect(pages(of: units) == [0, 1, 1, 1, 1, 1])
    #expect(page > 600 + 40)
}

@Test func softlyGluedRunTallerThanAPageSplitsWhereTheHardGlueAllows() {
    // A heading (hard) over twenty 40 pt rows glued softly, first two and last two also hard: 800 pt, more
    // than a page. It starts on the current page and is split, never leaving the heading alone.
    var units = [unit(0, 500), unit(1, 20, hard: true)]
    for row in 2...21 { units.append(unit(row, 40, hard: row == 2 || row == 20, soft: row < 21)) }
    let placed = pages(of: units)
    #expect(placed[1] == placed[2] && placed[2] == placed[3], "heading and the first two rows stay together")
    #expect(placed[1] == 0, "the run starts on the page it comes to instead of leaving it two-thirds empty")
    #expect(placed[20] == placed[21])
    // 500 + 20 + 800 pt: four rows fit under the heading, the other sixteen fill the second page.
    #expect(placed == [0, 0, 0, 0, 0, 0] + Array(repeating: 1, count: 16))
}

@Test func runThatNoPageCanHoldFillsPagesInsteadOfTakingOnePageEach() {
    // Thirty 40 pt units all glued hard (1,200 pt): the glue cannot be honoured, so the run starts on a
    // fresh page and fills it, rather than giving every unit a page of its own.
    let units = [unit(0, 300)] + (1...30).map { unit($0, 40, hard: $0 < 30) }
    let placed = pages(of: units)
    #expect(placed[1] == 1)
    #expect(Set(placed).count == 3, "\(placed)")
}

@Test func hardGlueKeepsAHeadingWithWhatFollows() {
    let units = [unit(0, 680), unit(1, 20, hard: true), unit(2, 20)]
    #expect(pages(of: units) == [0, 1, 1])
}
