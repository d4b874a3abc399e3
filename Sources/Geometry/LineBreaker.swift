/// A piece of styled text in a paragraph.
public struct TextSpan: Hashable, Sendable {
    public var text: String
    public var font: FontSpec
    public var color: Color
    public var link: LinkTarget?
    public init(text: String, font: FontSpec, color: Color, link: LinkTarget? = nil) {
        self.text = text; self.font = font; self.color = color; self.link = link
    }
}

/// A run of one span's text on one line, at an x offset from the line start.
public struct LineFragment: Hashable, Sendable {
    public var text: String
    public var font: FontSpec
    public var color: Color
    public var link: LinkTarget?
    public var x: Double
    public var width: Double
}

/// One broken line.
public struct TextLine: Hashable, Sendable {
    public var fragments: [LineFragment]
    public var width: Double
    /// Largest ascent and descent of the fonts on the line.
    public var ascent: Double
    public var descent: Double
    public var text: String { fragments.map(\.text).joined() }
}

/// Breaks styled text into lines no wider than a width. Break opportunities: spaces, and around every CJK
/// character; closing punctuation never starts a line and opening punctuation never ends one (kinsoku).
/// A word wider than the line is split between characters so that the loop always progresses.
public struct LineBreaker: Sendable {
    public let measurer: TextMeasurer
    public init(measurer: TextMeasurer) { self.measurer = measurer }

    struct Unit {
        var text: String
        var span: Int
        var isSpace: Bool
        var isNewline: Bool
        /// False when a break between the previous unit and this one is forbidden.
        var breakBefore: Bool
        var width: Double = 0
    }

    public func lines(_ spans: [TextSpan], maxWidth: Double) -> [TextLine] {
        var units = tokenize(spans)
        var cache: [String: Double] = [:]
        // Each span is shaped once; a unit's width is the sum of its characters' advances. Units come in
        // character order, and each newline, space or tab unit stands for exactly one character.
        let spanWidths: [[Double]] = spans.map { measurer.characterWidths(of: $0.text, font: $0.font) }
        var cursor = [Int](repeating: 0, count: spans.count)
        for i in units.indices {
            let span = units[i].span
            let consumed = units[i].isNewline || units[i].isSpace ? 1 : units[i].text.count
            let start = cursor[span], end = min(start + consumed, spanWidths[span].count)
            cursor[span] = start + consumed
            if !units[i].isNewline, start < end { units[i].width = spanWidths[span][start..<end].reduce(0, +) }
        }

        // Group units into clusters that cannot be broken internally.
        var clusters: [[Unit]] = []
        for unit in units {
            if unit.breakBefore || clusters.isEmpty || unit.isNewline || clusters.last?.last?.isNewline == true {
                clusters.append([unit])
            } else {
                clusters[clusters.count - 1].append(unit)
            }
        }

        var lines: [TextLine] = []
        var current: [Unit] = []
        var currentWidth = 0.0
        func flush() {
            while let last = current.last, last.isSpace { current.removeLast() }
            lines.append(makeLine(current, spans: spans))
            current = []
            currentWidth = 0
        }
        for cluster in clusters {
            if cluster.first?.isNewline == true { flush(); continue }
            let width = cluster.reduce(0) { $0 + $1.width }
            if current.isEmpty && cluster.allSatisfy(\.isSpace) { continue }
            if currentWidth + width <= maxWidth + 0.001 || cluster.allSatisfy(\.isSpace) {
                current += cluster
                currentWidth += width
                continue
            }
            if !current.isEmpty { flush() }
            if width <= maxWidth + 0.001 {
                current = cluster
                currentWidth = width
                continue
            }
            // Emergency: the cluster alone is wider than a line; split it between characters.
            for piece in splitByCharacters(cluster, spans: spans, cache: &cache) {
                if currentWidth + piece.width > maxWidth + 0.001 && !current.isEmpty { flush() }
                current.append(piece)
                currentWidth += piece.width
            }
        }
        if !current.isEmpty || lines.isEmpty { flush() }
        return lines
    }

    func splitByCharacters(_ cluster: [Unit], spans: [TextSpan], cache: inout [String: Double]) -> [Unit] {
        var out: [Unit] = []
        for unit in cluster {
            for ch in unit.text {
                let text = String(ch)
                let key = text + "\u{0}" + String(unit.span)
                let w = cache[key] ?? measurer.width(of: text, font: spans[unit.span].font)
                cache[key] = w
                out.append(Unit(text: text, span: unit.span, isSpace: ch == " " || ch == CJKSpacing.quarterEm, isNewline: false,
                                breakBefore: true, width: w))
            }
        }
        return out
    }

    func makeLine(_ units: [Unit], spans: [TextSpan]) -> TextLine {
        var fragments: [LineFragment] = []
        var fragmentSpans: [Int] = []
        var x = 0.0
        for unit in units {
            if fragmentSpans.last == unit.span {
                fragments[fragments.count - 1].text += unit.text
                fragments[fragments.count - 1].width += unit.width
            } else {
                let span = spans[unit.span]
                fragments.append(LineFragment(text: unit.text, font: span.font, color: span.color, link: span.link,
                                              x: x, width: unit.width))
                fragmentSpans.append(unit.span)
            }
            x += unit.width
        }
        let fonts = units.isEmpty ? spans.prefix(1).map(\.font) : units.map { spans[$0.span].font }
        return TextLine(fragments: fragments, width: x, ascent: fonts.map(\.ascent).max() ?? 0,
                        descent: fonts.map(\.descent).max() ?? 0)
    }

    /// Splits spans into measurable units and marks where breaks are forbidden.
    func tokenize(_ spans: [TextSpan]) -> [Unit] {
        var units: [Unit] = []
        for (index, span) in spans.enumerated() {
            var word = ""
            func endWord() {
                if !word.isEmpty { units.append(Unit(text: word, span: index, isSpace: false, isNewline: false, breakBefore: true)) }
                word = ""
            }
            for ch in span.text {
                if ch == "\n" {
                    endWord()
                    units.append(Unit(text: "", span: index, isSpace: false, isNewline: true, breakBefore: true))
                } else if ch == " " || ch == "\t" || ch == CJKSpacing.quarterEm {
                    endWord()
                    units.append(Unit(text: ch == CJKSpacing.quarterEm ? String(ch) : " ", span: index, isSpace: true,
                                      isNewline: false, breakBefore: true))
                } else if ch.unicodeScalars.first.map(CharacterClass.isWide) == true
                            || CharacterClass.noLineStart.contains(ch) || CharacterClass.noLineEnd.contains(ch) {
                    endWord()
                    units.append(Unit(text: String(ch), span: index, isSpace: false, isNewline: false, breakBefore: true))
                } else {
                    // A hyphenated word may break after its hyphen ("two-|way"), when at least two letters precede it.
                    if ch.isLetter, Self.endsInBreakableHyphen(word) { endWord() }
                    word.append(ch)
                }
            }
            endWord()
        }
        // Kinsoku and word continuity: no break before closing punctuation, none after opening punctuation,
        // and none between two adjacent non-space units of narrow text (a word split across spans).
        for i in units.indices.dropFirst() {
            let previous = units[i - 1], unit = units[i]
            if unit.isNewline || previous.isNewline || unit.isSpace || previous.isSpace { continue }
            if let first = unit.text.first, CharacterClass.noLineStart.contains(first) { units[i].breakBefore = false }
            if let last = previous.text.last, CharacterClass.noLineEnd.contains(last) { units[i].breakBefore = false }
            let previousWide = previous.text.unicodeScalars.last.map(CharacterClass.isWide) ?? false
            let currentWide = unit.text.unicodeScalars.first.map(CharacterClass.isWide) ?? false
            let previousIsPunct = previous.text.first.map { CharacterClass.noLineStart.contains($0) || CharacterClass.noLineEnd.contains($0) } ?? false
            let currentIsPunct = unit.text.first.map { CharacterClass.noLineStart.contains($0) || CharacterClass.noLineEnd.contains($0) } ?? false
            let afterHyphen = Self.endsInBreakableHyphen(previous.text) && unit.text.first?.isLetter == true
            if !previousWide && !currentWide && !previousIsPunct && !currentIsPunct && !afterHyphen { units[i].breakBefore = false }
            // Narrow punctuation such as "(" or ")" stays attached to the word it touches.
            if !currentWide && currentIsPunct && !previousWide { units[i].breakBefore = false }
            // A point, comma or colon between two digits belongs to the number: "91.3", "5,793", "12:30".
            if i >= 2, ["." , ",", ":"].contains(previous.text), unit.text.first?.isNumber == true,
               !units[i - 2].isSpace, !units[i - 2].isNewline, units[i - 2].text.last?.isNumber == true {
                units[i].breakBefore = false
            }
        }
        keepTogether(&units)
        return units
    }

    /// Numbers keep their units and measure words ("130 个", "第 1 名"), dates and ranges stay whole
    /// ("2003 年 5 月", "2001—2003"). Looks through the quarter-em space put at CJK–Latin boundaries.
    func keepTogether(_ units: inout [Unit]) {
        for i in units.indices.dropFirst() {
            guard !units[i].isSpace, !units[i].isNewline, let first = units[i].text.first else { continue }
            var p = i - 1
            var spaces: [Int] = []
            while p >= 0, units[p].isSpace, units[p].text == String(CJKSpacing.quarterEm) { spaces.append(p); p -= 1 }
            guard p >= 0, !units[p].isNewline, !units[p].isSpace, let last = units[p].text.last else { continue }
            let beforeLast: Character? = units[p].text.count > 1 ? units[p].text.dropLast().last
                : (p > 0 ? units[p - 1].text.last : nil)
            if Self.keepsTogether(last, first, after: beforeLast) {
                units[i].breakBefore = false
                for s in spaces { units[s].breakBefore = false }
            }
        }
    }

    static let rangeDashes: Set<Character> = ["—", "–", "～", "~", "-"]

    /// "two-", "less-": a word ending in a hyphen after two letters, after which a line may break.
    static func endsInBreakableHyphen(_ word: String) -> Bool {
        guard word.hasSuffix("-") else { return false }
        let letters = word.dropLast().suffix(2)
        return letters.count == 2 && letters.allSatisfy { $0.isLetter && !($0.unicodeScalars.first.map(CharacterClass.isWide) ?? false) }
    }

    /// Whether a line may not break between `a` and `b`; `before` is the character before `a`.
    static func keepsTogether(_ a: Character, _ b: Character, after before: Character?) -> Bool {
        let digit = { (c: Character?) in c.map { $0.isASCII && $0.isNumber } ?? false }
        if (digit(a) || a == "%") && CJKSpacing.isIdeographic(b) { return true }      // 130 个, 5% 的
        if a == "第" && digit(b) { return true }                                      // 第 1 名
        if digit(a) && rangeDashes.contains(b) { return true }                         // 2001—
        if rangeDashes.contains(a) && digit(b) && digit(before) { return true }        // —2003
        if (a == "年" || a == "月") && digit(b) && digit(before) { return true }       // 2003 年 5 月
        if (a == "/" || a == "／") && !(b.unicodeScalars.first.map(CharacterClass.isWide) ?? false) { return true }  // km/h
        return false
    }
}
