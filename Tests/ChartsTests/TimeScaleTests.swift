import Geometry
import Model
import Testing
@testable import Charts

private func editions(_ periods: [String], kind: ChartKind = .bump, language: String = "en") -> ChartSpec {
    let parsed = periods.compactMap(Period.init)
    return ChartSpec(kind: kind, title: "Editions", sourceNote: "Source: test.", categories: parsed.map { $0.display(language) },
                     series: [ChartSeries(id: "A", label: "Alpha", values: parsed.indices.map { Double($0 % 3 + 1) }),
                              ChartSeries(id: "B", label: "Beta", values: parsed.indices.map { Double(($0 + 1) % 3 + 1) })],
                     valuesAreRanks: kind == .bump, language: language, periods: parsed)
}

/// X of each series marker of the first series (one per period), left to right.
private func markerXs(_ chart: RenderedChart) -> [Double] {
    let color = paletteColor(0)
    return paths(chart.frame).filter { $0.fill == color }.flatMap { item in
        // One circle per period in the marker path: take each sub-path's box centre.
        var centers: [Double] = [], current: [Point] = []
        for e in item.path.elements {
            switch e {
            case .move(let p): if !current.isEmpty { centers.append(current.map(\.x).reduce(0, +) / Double(current.count)) }; current = [p]
            case .line(let p): current.append(p)
            case .curve(_, _, let p): current.append(p)
            case .close: break
            }
        }
        if !current.isEmpty { centers.append(current.map(\.x).reduce(0, +) / Double(current.count)) }
        return centers
    }.sorted()
}

@Test(arguments: [ChartKind.bump, .line])
func unevenEditionsArePlacedByDate(kind: ChartKind) {
    let chart = renderer.render(editions(["2003", "2004", "2005", "2008"], kind: kind), size: Size(800, 450))
    let xs = markerXs(chart)
    #expect(xs.count == 4)
    guard xs.count == 4 else { return }
    // Three years between 2005 and 2008 take three times the room of one.
    let oneYear = xs[1] - xs[0], threeYears = xs[3] - xs[2]
    #expect(abs(threeYears / oneYear - 3) < 0.1, "\(xs)")
    // Every edition is labelled, each over its own point.
    let texts = chart.frame.flattenedTexts
    for (year, x) in zip(["2003", "2004", "2005", "2008"], xs) {
        #expect(texts.contains { $0.text == year && abs($0.bounds.midX - x) < 1 }, "\(year)")
    }
}

@Test func datesOfMixedPrecisionShareOneLabelFormat() {
    let chart = renderer.render(editions(["2002-05", "2003", "2004-01-29", "2005-01"]), size: Size(800, 450))
    let texts = chart.frame.flattenedTexts.map(\.text)
    for year in ["2002", "2003", "2004", "2005"] { #expect(texts.contains(year), "\(texts)") }
    #expect(!texts.contains { $0.contains("May") || $0.contains("Jan") })
    let xs = markerXs(chart)
    guard xs.count == 4 else { Issue.record("\(xs)"); return }
    // May 2002 → Jan 2003 is two thirds of a year; Jan 2003 → 29 Jan 2004 a little over one.
    #expect((xs[1] - xs[0]) < (xs[2] - xs[1]) * 0.75)
}

@Test func timelineLabelsAtMonthPrecisionWhenYearsRepeat() {
    let labels = PeriodTimeline.labels(["2002-10", "2003", "2003-06-15"].compactMap(Period.init), language: "en")
    #expect(labels == ["Oct 2002", "2003", "Jun 2003"])
    #expect(PeriodTimeline(["2003", "2003"].compactMap(Period.init), language: "en") == nil)
}

@Test func crowdedDatedLabelsNeverSitOverAnotherTick() {
    // Forty monthly editions at a small size: labels are thinned, but each shown one is centred on its own point.
    let months = (0..<40).map { k in String(format: "%04d-%02d", 2001 + k / 12, k % 12 + 1) }
    let chart = renderer.render(editions(months), size: Size(320, 180))
    let xs = markerXs(chart)
    let heads = chart.frame.flattenedTexts.filter { $0.text.contains("20") && $0.text.count <= 9 }
    #expect(!heads.isEmpty)
    #expect(intersections(heads.map(\.bounds)).isEmpty)
    for head in heads { #expect(xs.contains { abs($0 - head.bounds.midX) < 1 } || head.bounds.minX < 1, "\(head.text)") }
}
