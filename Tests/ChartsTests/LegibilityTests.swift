import Geometry
import Model
import Testing
@testable import Charts

/// A heat map of `rows` entities over `columns` periods.
private func heatmap(rows: Int, columns: Int) -> ChartSpec {
    ChartSpec(kind: .heatmap, title: "Ranks", sourceNote: "Source: test.", categories: (0..<columns).map { "\(1924 + $0)" },
              series: (0..<rows).map { i in
                  let values: [Double?] = (0..<columns).map { c in Double((c * 7 + i * 3) % 99 + 1) }
                  return ChartSeries(id: "E\(i)", label: "Entity \(i)", values: values)
              },
              valuesAreRanks: true, language: "en")
}

/// Texts inside the cell area that are values (numbers): plot labels, not the key's.
private func valueTexts(_ chart: RenderedChart, periods: Int) -> [TextItem] {
    let heads = Set((0..<periods).map { "\(1924 + $0)" })
    return chart.frame.flattenedTexts.filter { text in
        Int(text.text) != nil && !heads.contains(text.text) && chart.labelBoxes.contains { $0.contains(text.bounds, tolerance: 0.1) }
    }
}

@Test func heatmapPrintsEveryValueOrNoneAndSaysSo() {
    // Roomy cells: every value, no note.
    let roomy = renderer.render(heatmap(rows: 5, columns: 4), size: reportSize)
    #expect(valueTexts(roomy, periods: 4).count == 20)
    #expect(!roomy.frame.flattenedTexts.contains { $0.text.contains("too small") })
    // Cells too small for two-digit numbers: none rather than a scattered few, and a note.
    for (rows, columns, size) in [(30, 12, Size(300, 200)), (12, 40, reportSize), (5, 100, Size(1920, 1080))] {
        let chart = renderer.render(heatmap(rows: rows, columns: columns), size: size)
        let shown = valueTexts(chart, periods: columns).count
        #expect(shown == 0 || shown == rows * columns, "\(rows)x\(columns): \(shown) values shown")
        if shown == 0 {
            #expect(chart.frame.flattenedTexts.contains { $0.text.contains("too small to print their values") })
        }
    }
}

@Test func aHundredPeriodsThinTheColumnHeadsWithoutOverprinting() {
    for size in [reportSize, Size(1920, 1080)] {
        let chart = renderer.render(heatmap(rows: 8, columns: 100), size: size)
        let heads = chart.frame.flattenedTexts.filter { $0.text.count == 4 && Int($0.text).map { $0 >= 1924 && $0 < 2024 } == true }
        #expect(heads.count > 3 && heads.count < 100)
        #expect(intersections(heads.map(\.bounds)).isEmpty)
        #expect(heads.allSatisfy { $0.text.count == 4 }, "a year was broken over two lines")
    }
}

@Test func twoLineRowLabelsKeepAirBetweenRows() {
    let names = ["Developed countries (the \"three poles\")", "Sub-developed countries", "Developing countries", "China",
                 "Developed coastal cities (China)", "Large and medium inland cities (China)"]
    var spec = Sample.spec(.stageLadder)
    spec.language = "en"
    spec.stageNames = ["Information publishing", "One-way communication", "Two-way interaction", "Transaction services", "Network integration"]
    spec.placements = names.enumerated().map { i, name in
        StagePlacement(id: "P\(i)", label: name, group: i < 3 ? "international" : "domestic", low: 3, high: 4)
    }
    spec.placements += (0..<8).map { StagePlacement(id: "Q\($0)", label: "Country \($0)", group: "international", low: 4, high: 4) }
    var wrapped = 0
    for size in [Size(450, 260), Size(450, 330), Size(450, 380), Size(450, 420), Size(450, 460), Size(450, 560), Size(1920, 1080)] {
        let chart = renderer.render(spec, size: size)
        if chart.frame.flattenedTexts.contains(where: { $0.text.hasPrefix("inland") || $0.text.hasPrefix("medium inland") }) { wrapped += 1 }
        #expect(chart.warnings.allSatisfy { $0.code != .chartLabelsDropped }, "\(size.height): row labels dropped")
        // Label boxes down the left, in order: each ends a fifth of a line above the next.
        let rowLabels = chart.labelBoxes.sorted { $0.minY < $1.minY }
        #expect(rowLabels.count == spec.placements.count)
        for (a, b) in zip(rowLabels, rowLabels.dropFirst()) {
            #expect(b.minY - a.maxY >= a.height * 0.1, "\(size.height): row labels touch")
        }
    }
    // Some of these heights put the long names on two lines.
    #expect(wrapped >= 2)
}

/// The dark slide style (Styles/slides-dark.yaml).
let darkStyle: Style = {
    var style = slidesStyle
    func c(_ hex: String) -> Color { Color(hex: hex) ?? .black }
    style.colors.text = c("#f2f4f7")
    style.colors.muted = c("#aab3bf")
    style.colors.accent = c("#56B4E9")
    style.colors.background = c("#14181f")
    style.colors.grid = c("#2a313c")
    style.colors.axis = c("#7d8794")
    style.colors.context = c("#4a5361")
    style.colors.zebra = c("#1b2129")
    style.colors.scaleLow = c("#1e2a3a")
    style.colors.scaleHigh = c("#56B4E9")
    style.colors.palette = ["#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#0072B2", "#F0E442", "#ffffff"].map(c)
    style.colors.groups = ["international": c("#56B4E9"), "domestic": c("#E69F00")]
    return style
}()

/// The monochrome style (Styles/monochrome.yaml), whose palette runs to light greys.
let monochromeStyle: Style = {
    var style = Style.briefing
    style.monochrome = true
    style.colors.palette = ["#000000", "#555555", "#888888", "#aaaaaa", "#333333", "#777777"].compactMap { Color(hex: $0) }
    return style
}()

@Test(arguments: [ChartKind.bump, .line, .slope, .dumbbell, .bar, .dot, .groupedBar, .stageLadder])
func labelTextHasTextContrastInMonochromeAndDarkStyles(kind: ChartKind) {
    for style in [monochromeStyle, darkStyle] {
        let chart = ChartRenderer(style: style, measurer: FixedWidthMeasurer()).render(Sample.spec(kind), size: Size(1920, 1080))
        let background = style.monochrome ? style.colors.background.grayscale : style.colors.background
        for text in chart.frame.flattenedTexts {
            #expect(ChartTheme.contrast(text.color, background) >= 4.5, "\(kind) \(style.monochrome ? "mono" : "dark"): '\(text.text)' in \(text.color.hex)")
        }
    }
}

@Test(arguments: [ChartKind.bump, .slope])
func darkContextLinesStayVisible(kind: ChartKind) {
    var spec = Sample.spec(kind)
    for i in spec.series.indices where i > 0 { spec.series[i].focus = false }
    let chart = ChartRenderer(style: darkStyle, measurer: FixedWidthMeasurer()).render(spec, size: Size(1920, 1080))
    let background = darkStyle.colors.background
    let focusColor = darkStyle.colors.palette[0]
    // Lines and markers of the other entities: everything stroked or filled that is not the focus series,
    // the background, the grid or the axes.
    let structure: Set<String> = [background.hex, darkStyle.colors.grid.hex, darkStyle.colors.axis.hex, focusColor.hex]
    let marks = paths(chart.frame).flatMap { [$0.fill, $0.stroke?.color].compactMap { $0 } }.filter { !structure.contains($0.hex) }
    #expect(!marks.isEmpty)
    for color in marks { #expect(ChartTheme.contrast(color, background) >= 3, "\(kind): \(color.hex)") }
}
