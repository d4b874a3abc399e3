import Charts
import Geometry
import Model
import Testing
@testable import Layout

private func barChart(_ title: String = "Bars") -> ChartSpec {
    ChartSpec(kind: .bar, number: "Figure 1", title: title, sourceNote: "Source: test.", categories: ["2022"],
              series: [ChartSeries(id: "a", label: "A", values: [3]), ChartSeries(id: "b", label: "B", values: [5])], language: "en")
}

/// Every point a frame touches, for checking where a placed chart ended up.
private func pathBounds(_ page: Page) -> [Rect] {
    page.flatItems.compactMap { if case .path(let p) = $0 { return p.path.bounds } else { return nil } }
}

@Test func figureIsPlacedWholeWithItsDestination() {
    let blocks: [Block] = [Fixture.para("before"), .figure(FigureBlock(chart: barChart(), height: 200, anchor: "fig-bars")),
                           .paragraph([InlineSpan("see "), InlineSpan("the chart", link: "#fig-bars")])]
    let (document, warnings) = Fixture.layout(blocks, metadata: Fixture.en())
    #expect(!warnings.contains { $0.code == "broken-link" || $0.code == "clipped" })
    #expect(document.page(ofDestination: "fig-bars") == 0)
    #expect(document.pages[0].strings.contains { $0.contains("Bars") })
    // The chart sits between the two paragraphs.
    let texts = document.pages[0].texts
    guard let before = texts.first(where: { $0.text == "before" }), let after = texts.first(where: { $0.text == "see " }),
          let title = texts.first(where: { $0.text.contains("Bars") }) else { Issue.record("texts missing"); return }
    #expect(before.origin.y < title.origin.y && title.origin.y < after.origin.y)
    #expect(after.origin.y - before.origin.y > 200)
}

@Test func figureThatDoesNotFitMovesToTheNextPageWithItsHeading() {
    for count in [24, 26, 28] {
        let fillers = (0..<count).map { Fixture.para("filler \($0)") }
        let blocks = fillers + [.heading(level: 2, text: "Chart heading", numbered: false, anchor: ""),
                                .figure(FigureBlock(chart: barChart(), height: 300, anchor: "f"))]
        let (document, _) = Fixture.layout(blocks, metadata: Fixture.en())
        #expect(document.page(ofText: "Chart heading") == document.page(ofDestination: "f"))
    }
}

@Test func figureTallerThanThePageIsShrunkWithAWarning() {
    let (document, warnings) = Fixture.layout([.figure(FigureBlock(chart: barChart(), height: 5000))], metadata: Fixture.en())
    #expect(warnings.contains { $0.code == "figure-too-tall" })
    #expect(document.pages.count == 1)
    for rect in pathBounds(document.pages[0]) where rect.minY >= Fixture.content.minY {
        #expect(rect.maxY <= Fixture.content.maxY + 1)
    }
}
