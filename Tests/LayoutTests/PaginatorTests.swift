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
        let (document, _) = Fixture.layout(fillers(count) + [long], metadata: Fixture.en())
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
    #expect(warnings.contains { $0.code == "clipped" })
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
