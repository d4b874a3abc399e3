import Geometry
import Model
import Testing
@testable import Charts

private func heatmapWithGaps(ranks: Bool) -> ChartSpec {
    ChartSpec(kind: .heatmap, title: "Scores", sourceNote: "Source: test.", categories: ["A", "B", "C"],
              series: [
                  ChartSeries(id: "X", label: "X", values: [1, 2, nil]),
                  ChartSeries(id: "Y", label: "Y", values: [9, nil, 5]),
                  ChartSeries(id: "Z", label: "Z", values: [3, 4, 7]),
              ],
              valuesAreRanks: ranks, language: "en")
}

private let styles: [(String, Style)] = [("briefing", .briefing), ("slides", slidesStyle), ("dark", darkStyle), ("mono", monochromeStyle)]

@Test(arguments: [false, true])
func missingCellsAreHatchedNotTheLightestShade(ranks: Bool) {
    for (name, style) in styles {
        let chart = ChartRenderer(style: style, measurer: FixedWidthMeasurer()).render(heatmapWithGaps(ranks: ranks), size: reportSize)
        let cells = paths(chart.frame).filter { $0.fill != nil && $0.path.elements.count == 5 && box($0.path).width > 20 && box($0.path).width < 400 }
        // Seven data cells are filled; the two missing ones are not filled with any shade.
        #expect(cells.count == 7, "\(name): \(cells.count) filled cells")
        // Each missing cell is outlined and hatched (diagonal strokes inside it).
        let outlines = paths(chart.frame).filter { $0.fill == nil && $0.path.elements.count == 5 && box($0.path).width > 20 }
        #expect(outlines.count == 2, "\(name)")
        for outline in outlines {
            let b = box(outline.path)
            let hatch = paths(chart.frame).filter { item in
                item.fill == nil && item.path.elements.count > 5 && b.contains(box(item.path), tolerance: 0.5)
            }
            #expect(!hatch.isEmpty, "\(name): a missing cell without hatching")
        }
        // The key shows the pattern, and every data shade keeps 3:1 against the background.
        let texts = chart.frame.flattenedTexts.map(\.text)
        #expect(texts.contains("no data"), "\(name)")
        let background = style.monochrome ? style.colors.background.grayscale : style.colors.background
        for cell in cells {
            guard let fill = cell.fill else { continue }
            #expect(ChartTheme.contrast(fill, background) >= 2.95, "\(name): \(fill.hex) on \(background.hex)")
        }
    }
}

@Test func everyHeatmapHasAColourKeyWithItsEnds() {
    let values = renderer.render(heatmapWithGaps(ranks: false), size: reportSize).frame.flattenedTexts.map(\.text)
    #expect(values.contains("1") && values.contains("9") && values.contains("5"))
    var full = heatmapWithGaps(ranks: true)
    full.series = full.series.map { var s = $0; s.values = s.values.map { $0 ?? 6 }; return s }
    let chart = renderer.render(full, size: reportSize)
    let texts = chart.frame.flattenedTexts.map(\.text)
    #expect(texts.contains("1 (best)"))
    #expect(!texts.contains("no data"), "no missing pattern in the key when nothing is missing")
    // The key's swatches sit above the cells.
    let swatches = paths(chart.frame).filter { $0.fill != nil && box($0.path).width < 12 }
    let cells = paths(chart.frame).filter { $0.fill != nil && box($0.path).width > 20 }
    #expect(swatches.count == 3)
    #expect(swatches.allSatisfy { s in cells.allSatisfy { box(s.path).maxY < box($0.path).minY } })
}
