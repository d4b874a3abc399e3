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
    #expect(!warnings.contains { $0.code == .brokenLink || $0.code == .clipped })
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
    #expect(warnings.contains { $0.code == .figureTooTall })
    #expect(document.pages.count == 1)
    for rect in pathBounds(document.pages[0]) where rect.minY >= Fixture.content.minY {
        #expect(rect.maxY <= Fixture.content.maxY + 1)
    }
}

// MARK: Figures that grow with their rows

private func stageLadder(_ count: Int) -> ChartSpec {
    ChartSpec(kind: .stageLadder, number: "Figure 2", title: "Stages", sourceNote: "Source: test.",
              stageNames: ["Emerging", "Developing", "Advanced", "Leading"],
              placements: (1...count).map { StagePlacement(id: "e\($0)", label: "Entity \($0)", group: nil, low: Double($0 % 4 + 1), high: Double($0 % 4 + 1)) },
              language: "en")
}

private func rows(_ kind: ChartKind, _ count: Int) -> ChartSpec {
    ChartSpec(kind: kind, number: "Figure 3", title: "Rows", sourceNote: "Source: test.", categories: ["2020", "2022"],
              series: (1...count).map { ChartSeries(id: "e\($0)", label: "Entity \($0)", values: [Double($0), Double($0 + 1)]) },
              language: "en")
}

/// The flow unit a figure block becomes, and the document it lays out into.
private func figureUnit(_ chart: ChartSpec, height: Double) -> FlowUnit? {
    let typesetter = Typesetter(style: Fixture.style, measurer: FixedWidthMeasurer())
    var builder = FlowBuilder(typesetter: typesetter, headings: [], language: "en", content: Fixture.content)
    builder.build([.figure(FigureBlock(chart: chart, height: height))])
    return builder.units.first
}

@Test func figureWithManyRowsGrowsSoItsLabelsKeepTheirSize() {
    let chart = stageLadder(30)
    guard let unit = figureUnit(chart, height: 200) else { Issue.record("no unit"); return }
    #expect(unit.height > 30 * Fixture.style.sizes.chartLabel * 1.6)
    #expect(unit.height <= Fixture.content.height)
    let labels = Frame(size: unit.frame.size, items: unit.frame.items).flattenedTexts.filter { $0.text.hasPrefix("Entity ") }
    #expect(labels.count == 30)
    // Full-size labels (the chart scales its type a hair with the figure width), not the 60 % a cramped row gets.
    #expect(labels.allSatisfy { $0.font.size >= Fixture.style.sizes.chartLabel * 0.95 }, "\(Set(labels.map(\.font.size)))")
    // At the height asked for, the same chart squeezes its labels.
    let cramped = ChartRenderer(style: Fixture.style, measurer: FixedWidthMeasurer()).render(chart, size: Size(Fixture.content.width, 200))
    #expect(cramped.frame.flattenedTexts.filter { $0.text.hasPrefix("Entity ") }.allSatisfy { $0.font.size < Fixture.style.sizes.chartLabel * 0.8 })
}

@Test func rowChartsGrowButNeverPastThePageAndOtherChartsKeepTheirHeight() {
    for kind in [ChartKind.bar, .groupedBar, .dot, .dumbbell, .heatmap, .slope] {
        #expect((figureUnit(rows(kind, 25), height: 200)?.height ?? 0) > 25 * Fixture.style.sizes.chartLabel * 1.6, "\(kind)")
        // A few rows fit the height asked for.
        #expect(figureUnit(rows(kind, 3), height: 200)?.height == 200, "\(kind)")
        // Many rows stop at the page.
        #expect(figureUnit(rows(kind, 200), height: 200)?.height == Fixture.content.height, "\(kind)")
    }
    #expect(figureUnit(rows(.bump, 60), height: 200)?.height == 200)
    #expect(figureUnit(rows(.line, 60), height: 250)?.height == 250)
    // A taller height asked for is kept.
    #expect(figureUnit(stageLadder(5), height: 500)?.height == 500)
}
