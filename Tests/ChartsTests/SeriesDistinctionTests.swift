import Geometry
import Model
import Testing
@testable import Charts

/// `n` series of one kind of line chart, none in a group, all highlighted: colours go by position.
private func lines(_ kind: ChartKind, count n: Int, names: (Int) -> String = { "S\($0)" }) -> ChartSpec {
    let periods = kind == .slope ? 2 : 4
    let series = (0..<n).map { i in
        ChartSeries(id: "E\(i)", label: names(i), values: (0..<periods).map { Double(((i + $0) % n) + 1) })
    }
    var spec = ChartSpec(kind: kind, title: "Lines", sourceNote: "Source: test.", categories: (0..<periods).map { "\(2000 + $0)" },
                         series: series, valuesAreRanks: kind != .line, language: "en")
    spec.location = SourceLocation(file: "Reports/lines.yaml", line: 7, column: 5)
    return spec
}

@Test func seriesBeyondThePaletteAreGreysWithTheirOwnDashAndMarker() {
    let theme = ChartTheme(style: .briefing, size: Size(1920, 1080))
    let series = lines(.bump, count: 14).series
    let colors = SeriesColors.lineColors(series, theme: theme)
    let marks = SeriesMark.forLines(series, colors: colors, monochrome: false)
    let palette = Style.briefing.colors.palette.count
    // The palette first, each colour once; then greys, never a palette colour again.
    #expect(Set(colors.prefix(palette).map(\.hex)).count == palette)
    for c in colors.dropFirst(palette) {
        #expect(c.red == c.green && c.green == c.blue, "a grey: \(c.hex)")
        #expect(!colors.prefix(palette).contains(c))
        #expect(ChartTheme.contrast(c, theme.background) >= 3)
    }
    // No two lines drawn alike: colour, dash pattern and marker together are unique.
    let keys = zip(colors, marks).map { "\($0.hex) \($1.shape) \($1.dashUnits)" }
    #expect(Set(keys).count == keys.count, "\(keys)")
    #expect(SeriesMark.alike(series, colors: colors, marks: marks, monochrome: false) == 0)
}

@Test func fourteenHighlightedLinesAreDrawnWithoutErrorAndEachLineIsDistinct() {
    for kind in [ChartKind.bump, .line, .slope] {
        let chart = renderer.render(lines(kind, count: 12), size: Size(1920, 1080))
        #expect(!chart.warnings.contains { $0.severity == .error }, "\(kind): \(chart.warnings.map(\.message))")
        // The focus lines as drawn: their strokes differ in colour or dash.
        let width = ChartTheme(style: .briefing, size: Size(1920, 1080)).focusLineWidth
        let strokes = chart.frame.items.compactMap { item -> String? in
            guard case .path(let p) = item, let s = p.stroke, p.fill == nil, abs(s.width - width) < 0.01 else { return nil }
            return "\(s.color.hex) \(s.dash)"
        }
        #expect(Set(strokes).count == strokes.count && strokes.count == 12, "\(kind): \(strokes)")
    }
}

@Test func moreHighlightedLinesThanTheStyleCanTellApartFailAtTheChart() {
    let spec = lines(.bump, count: 24)
    let chart = renderer.render(spec, size: Size(1920, 1080))
    let error = chart.warnings.first { $0.code == .chartSeriesAlike }
    #expect(error?.severity == .error)
    #expect(error?.location == spec.location)
    #expect(error?.message.contains("1920×1080") == true)
    #expect(error?.hint?.contains("focus:") == true)
    // Highlighting a few of them is the fix.
    var focused = spec
    for i in focused.series.indices { focused.series[i].focus = i < 5 }
    #expect(!renderer.render(focused, size: Size(1920, 1080)).warnings.contains { $0.code == .chartSeriesAlike })
}

@Test func seriesOfOneGroupShareItsColourButNotTheirMarker() {
    let theme = ChartTheme(style: .briefing, size: reportSize)
    let series = (0..<4).map { i in ChartSeries(id: "E\(i)", label: "E\(i)", group: i < 3 ? "international" : "domestic", values: [1, 2]) }
    let colors = SeriesColors.lineColors(series, theme: theme)
    let marks = SeriesMark.forLines(series, colors: colors, monochrome: false)
    #expect(colors[0] == colors[1] && colors[1] == colors[2] && colors[2] != colors[3])
    #expect(Set(marks.prefix(3).map { "\($0.shape)" }).count == 3)
    // The group colour is the encoding: no dashes, which would read as a bridge over missing data.
    #expect(marks.allSatisfy { $0.dashUnits.isEmpty })
}

private let longNames = ["Lao People's Democratic Republic (Ministry of Posts and Telecommunications)",
                         "Saint Vincent and the Grenadines (Information Technology Services Division)",
                         "Democratic Republic of the Congo (Ministry of Digital Affairs and Innovation)",
                         "United Kingdom of Great Britain and Northern Ireland (Office of the e-Envoy)",
                         "Bosnia and Herzegovina (Council of Ministers Information Society Agency)"]

@Test(arguments: [ChartKind.bump, .line, .slope])
func namesTooLongForTheirRoomGoToALetteredKeyInFull(kind: ChartKind) {
    let spec = lines(kind, count: 5, names: { longNames[$0] })
    let chart = renderer.render(spec, size: Size(300, 320))
    #expect(!chart.warnings.contains { $0.severity == .error }, "\(chart.warnings.map(\.message))")
    let texts = chart.frame.flattenedTexts.map(\.text)
    #expect(!texts.contains { $0.contains("…") }, "nothing shortened: \(texts)")
    // The lines carry letters A–E; the key under the chart gives every name in full.
    for letter in ["A", "B", "C", "D", "E"] { #expect(texts.contains(letter), "\(letter) in \(texts)") }
    let joined = texts.joined().filter { !$0.isWhitespace }
    #expect(joined.contains("Key:"))
    for name in longNames { #expect(joined.contains("A\(name)".filter { !$0.isWhitespace }) || joined.contains(name.filter { !$0.isWhitespace }), "\(name)") }
    // The letters are placed as labels that do not overlap.
    #expect(intersections(chart.labelBoxes).isEmpty)
}

@Test func namesThatFitAreNotKeyed() {
    let chart = renderer.render(lines(.bump, count: 5, names: { ["US", "Canada", "Singapore", "UK", "Australia"][$0] }), size: Size(480, 300))
    let texts = chart.frame.flattenedTexts.map(\.text)
    #expect(texts.contains("Canada") && !texts.joined().contains("Key:"))
}

@Test func lettersRunPastZ() {
    #expect(SeriesKey.letter(0) == "A" && SeriesKey.letter(25) == "Z" && SeriesKey.letter(26) == "AA" && SeriesKey.letter(27) == "AB")
    #expect(SeriesKey.letter(701) == "ZZ" && SeriesKey.letter(702) == "AAA")
}
