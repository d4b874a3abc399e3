/// Measures the advance width of single-line text. Layout and charts only ever ask this; the Pango
/// implementation lives in the backend, the fixed-width one makes layout tests deterministic.
public protocol TextMeasurer: Sendable {
    func width(of text: String, font: FontSpec) -> Double
    /// The advance of each Character of a text set as one run (a character inside a ligature or cluster
    /// gets 0 and the first one the whole cluster). Lets the line breaker shape a paragraph once instead of
    /// measuring every word and ideograph separately.
    func characterWidths(of text: String, font: FontSpec) -> [Double]
}

extension TextMeasurer {
    public func characterWidths(of text: String, font: FontSpec) -> [Double] {
        text.map { width(of: String($0), font: font) }
    }
}

/// A deterministic measurer: East Asian wide characters take 1 em, everything else 0.5 em (0.25 for spaces,
/// the word space and the quarter-em space alike).
public struct FixedWidthMeasurer: TextMeasurer {
    public init() {}
    public func width(of text: String, font: FontSpec) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\u{2005}" { em += 0.25 } else { em += CharacterClass.isWide(scalar) ? 1 : 0.5 }
        }
        return em * font.size
    }
}

/// Unicode facts the line breaker and the measurers need.
public enum CharacterClass {
    /// CJK ideographs, kana, Hangul and full-width forms: each one is a break opportunity and 1 em wide.
    public static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Characters that must not start a line (closing punctuation, CJK and Latin).
    public static let noLineStart: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "」", "』", "）", "】", "》", "〉", "”", "’", "…", "—",
        "・", "·", "％", "‰", "〕", "］", "｝",
        ",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "/", "／",
    ]
    /// Characters that must not end a line (opening punctuation).
    public static let noLineEnd: Set<Character> = [
        "「", "『", "（", "【", "《", "〈", "“", "‘", "〔", "［", "｛", "(", "[", "{",
    ]
}
