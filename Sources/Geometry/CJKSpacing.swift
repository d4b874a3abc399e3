/// One rule for the gap between Chinese (or Japanese, Korean) characters and Latin letters or digits next to
/// them (W3C clreq §3.2): a quarter em, or nothing — whatever the author typed.
///
/// Report texts mix "2003 年" (typed with a space), "第4阶段" (without) and generated text with its own
/// habits; set as typed, the gaps around numbers look random. Every such boundary is normalised: the spaces
/// typed there (one space; two or more are a deliberate separator and stay) are replaced by one U+2005 FOUR-PER-EM SPACE (a quarter em in any font, synthesised by
/// HarfBuzz where the font lacks it), or removed. The line breaker treats that space as a break opportunity
/// like any other, and punctuation (，（“ …) gets none.
public enum CJKSpacing {
    /// The quarter-em space put at CJK–Latin boundaries.
    public static let quarterEm: Character = "\u{2005}"

    /// Normalises the boundaries in a sequence of span texts as if they were one text. A space that joins
    /// two spans goes to the end of the earlier span, so a link or bold run starts with its own text.
    /// `spaced` false removes the spaces at boundaries instead.
    public static func normalised(_ texts: [String], spaced: Bool = true) -> [String] {
        var flat: [(ch: Character, span: Int)] = []
        for (index, text) in texts.enumerated() { for ch in text { flat.append((ch, index)) } }
        var out = texts.map { _ in "" }
        var i = 0
        var previous: Character?
        var previousSpan = 0
        while i < flat.count {
            let (ch, span) = flat[i]
            if isSpace(ch) {
                var j = i
                while j < flat.count && isSpace(flat[j].ch) { j += 1 }
                // Two or more spaces are a deliberate separator ("表 1  标题"), not a boundary gap.
                if let p = previous, j < flat.count, j - i == 1 || flat[i..<j].allSatisfy({ $0.ch == quarterEm }),
                   isBoundary(p, flat[j].ch) {
                    if spaced { out[previousSpan].append(quarterEm) }
                } else {
                    for k in i..<j { out[flat[k].span].append(flat[k].ch) }
                }
                i = j
                previous = nil
                continue
            }
            if let p = previous, isBoundary(p, ch), spaced { out[previousSpan].append(quarterEm) }
            out[span].append(ch)
            previous = ch
            previousSpan = span
            i += 1
        }
        return out
    }

    /// `normalised` for one text.
    public static func normalised(_ text: String, spaced: Bool = true) -> String {
        normalised([text], spaced: spaced)[0]
    }

    static func isSpace(_ c: Character) -> Bool { c == " " || c == quarterEm }

    /// An ideograph next to a Latin letter or digit, in either order.
    public static func isBoundary(_ a: Character, _ b: Character) -> Bool {
        (isIdeographic(a) && isLatinAlphanumeric(b)) || (isLatinAlphanumeric(a) && isIdeographic(b))
    }

    /// Han ideographs, kana and Hangul syllables; not CJK punctuation or full-width forms.
    public static func isIdeographic(_ c: Character) -> Bool {
        c.unicodeScalars.first.map(isIdeographic) ?? false
    }

    public static func isIdeographic(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0x20000...0x3FFFD: return true
        default: return false
        }
    }

    /// ASCII letters and digits, and a percent sign ending a number ("5%的").
    public static func isLatinAlphanumeric(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "%")
    }
}
