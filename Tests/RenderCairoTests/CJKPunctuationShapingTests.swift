import Geometry
import Testing
@testable import RenderCairo

/// Chinese punctuation through Pango with the installed fonts (Noto Sans CJK SC flattened copies, DejaVu Sans
/// first in the list as in the briefing style).
private let body = FontSpec(families: ["DejaVu Sans", "Noto Sans CJK SC Flat", "Noto Sans CJK SC Flat Full", "Noto Sans CJK SC"], size: 10.5)
private let zh = PangoFontEngine(language: "zh-cn")
private let en = PangoFontEngine(language: "en")

private func em(_ points: Double) -> Double { points / body.size }

@Test func ideographsKeepTheirTrueAdvance() {
    // Rounded glyph positions would make each 10.5 pt ideograph 11 pt wide.
    #expect(abs(zh.width(of: "中国电子政务", font: body) - 6 * 10.5) < 0.01)
}

@Test func adjacentPunctuationPairsTakeOneAndAHalfEm() {
    for (text, index) in [("（中国）。", 3), ("见《报告》（2005", 4), ("好，“是”", 1)] {
        let widths = zh.characterWidths(of: text, font: body)
        let pair = widths[index] + widths[index + 1]
        #expect(abs(em(pair) - 1.5) < 0.02, "\(text): \(em(pair)) em")
        // Measuring the whole text and drawing it use the same shaping.
        #expect(abs(widths.reduce(0, +) - zh.width(of: text, font: body)) < 0.01)
    }
    // Opening then opening: the second gives up its left half.
    let open = zh.characterWidths(of: "见（《报告", font: body)
    #expect(abs(em(open[1] + open[2]) - 1.5) < 0.02)
    // A pair drawn alone, as a piece of a justified line, is as wide as it was measured in its sentence.
    #expect(abs(em(zh.width(of: "）。", font: body)) - 1.5) < 0.02)
    #expect(abs(em(zh.width(of: "“", font: body)) - 1) < 0.02)
    // A single mark keeps its full em.
    #expect(abs(em(zh.characterWidths(of: "中国，人民", font: body)[2]) - 1) < 0.01)
}

@Test func chineseQuotesDashesAndEllipsesAreFullWidth() {
    let quoted = zh.characterWidths(of: "他说“好”……——", font: body)
    for index in [2, 4, 5, 6, 7, 8] { #expect(abs(em(quoted[index]) - 1) < 0.02, "character \(index): \(em(quoted[index])) em") }
    // An apostrophe between Latin letters and English text stay in the Latin face.
    #expect(em(zh.characterWidths(of: "见People’s一文", font: body)[7]) < 0.5)
    #expect(em(en.characterWidths(of: "He said “yes”", font: body)[8]) < 0.6)
}

@Test func cjkLatinSpaceIsAQuarterEm() {
    let widths = zh.characterWidths(of: "年\u{2005}2003", font: body)
    #expect(abs(em(widths[1]) - 0.25) < 0.01)
}

@Test func lineBreakerWithPangoKeepsCompressedWidths() {
    // The breaker shapes spans once: its line widths include the compression.
    let breaker = LineBreaker(measurer: zh)
    let lines = breaker.lines([TextSpan(text: "（中国）。", font: body, color: .black)], maxWidth: 1000)
    #expect(abs(em(lines[0].width) - 4.5) < 0.03)
}
