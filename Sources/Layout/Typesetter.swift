import Geometry
import Model

/// Horizontal placement of a line inside its box.
enum LineAlignment: Sendable { case start, center, end }

/// A broken line and whether it ends a paragraph or a hard line break (such lines are never justified).
struct SetLine: Sendable {
    var line: TextLine
    var isLast: Bool
}

/// Turns inline spans into broken lines and lines into display items; every block kind typesets through it,
/// so fonts, link styling and justification are the same everywhere.
struct Typesetter: Sendable {
    let style: Style
    let measurer: TextMeasurer
    let breaker: LineBreaker

    init(style: Style, measurer: TextMeasurer) {
        self.style = style
        self.measurer = measurer
        self.breaker = LineBreaker(measurer: measurer)
    }

    func width(_ text: String, _ font: FontSpec) -> Double { measurer.width(of: text, font: font) }

    /// The baseline offset from the top of a line box of the given pitch, with the leading split evenly
    /// above and below so consecutive lines never overlap.
    static func baseline(font: FontSpec, pitch: Double) -> Double {
        (pitch - font.lineBoxHeight) / 2 + font.ascent
    }

    /// Styled spans: bold and italic come from the span, links are drawn in the accent colour. Chinese and
    /// Latin text are spaced evenly when the style asks for it (see `autospaced`).
    func spans(_ inline: [InlineSpan], font: FontSpec, color: Color) -> [TextSpan] {
        autospaced(inline.map { span in
            var f = font
            if span.bold { f.bold = true }
            if span.italic { f.italic = true }
            let link = span.link.flatMap(Self.linkTarget)
            return TextSpan(text: span.text, font: f, color: link == nil ? color : style.colors.accent, link: link)
        })
    }

    /// The style's one CJK–Latin spacing rule (see `CJKSpacing`) applied across spans.
    static func autospaced(_ spans: [TextSpan], spaced: Bool = true) -> [TextSpan] {
        var out = spans
        for (index, text) in CJKSpacing.normalised(spans.map(\.text), spaced: spaced).enumerated() { out[index].text = text }
        return out
    }

    /// The boundaries normalised to the style's `cjk_latin_space`: a quarter em, or none.
    func autospaced(_ spans: [TextSpan]) -> [TextSpan] { Self.autospaced(spans, spaced: style.cjkLatinSpace) }
    func autospaced(_ text: String) -> String { CJKSpacing.normalised(text, spaced: style.cjkLatinSpace) }

    /// `autospaced` for plain text (headings, titles, running headers).
    static func autospaced(_ text: String) -> String { CJKSpacing.normalised(text) }

    /// `#name` is an internal destination, anything else a URI; empty links are ignored.
    static func linkTarget(_ link: String) -> LinkTarget? {
        let trimmed = link.trimmingSpaces
        guard !trimmed.isEmpty else { return nil }
        if trimmed.hasPrefix("#") { return .destination(String(trimmed.dropFirst())) }
        return .uri(trimmed)
    }

    /// Breaks spans into lines no wider than `width`. Hard breaks are split off first so the line before
    /// each one is known to end a paragraph line (and is left ragged when justifying).
    func lines(_ spans: [TextSpan], width: Double) -> [SetLine] {
        var segments: [[TextSpan]] = [[]]
        for span in spans {
            let parts = span.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index > 0 { segments.append([]) }
                if !part.isEmpty {
                    var piece = span
                    piece.text = String(part)
                    segments[segments.count - 1].append(piece)
                }
            }
        }
        var out: [SetLine] = []
        for segment in segments {
            // An empty segment (blank line) still takes a line, in the font of the surrounding text.
            let source = segment.isEmpty ? [TextSpan(text: "", font: spans.first?.font ?? style.bodyFont(), color: style.colors.text)] : segment
            let broken = withoutRunt(breaker.lines(source, maxWidth: max(1, width)))
            for (index, line) in broken.enumerated() {
                out.append(SetLine(line: line, isLast: index == broken.count - 1))
            }
        }
        return out
    }

    /// A last line of a character or two ("项", "个。") reads like an accident. The last two lines are broken
    /// again a little narrower so that a few characters keep it company; the rest of the text is left alone,
    /// and only such texts pay for one more break of two lines.
    func withoutRunt(_ lines: [TextLine]) -> [TextLine] {
        guard lines.count >= 2, let last = lines.last else { return lines }
        let previous = lines[lines.count - 2]
        let em = last.fragments.first?.font.size ?? style.sizes.body
        guard last.width < 2.5 * em, previous.width > 6 * em else { return lines }
        var spans = (previous.fragments + last.fragments).map { TextSpan(text: $0.text, font: $0.font, color: $0.color, link: $0.link) }
        // The break dropped the space between two Latin words; put it back (CJK needs none, and a space
        // between CJK and Latin comes back through autospacing).
        let wide = { (c: Character?) in c?.unicodeScalars.first.map(CharacterClass.isWide) ?? true }
        if !wide(previous.text.last) && !wide(last.text.first) { spans[previous.fragments.count - 1].text.append(" ") }
        spans = autospaced(spans)
        let again = breaker.lines(spans, maxWidth: max(1, previous.width - 2 * em))
        guard again.count == 2, again[1].width > last.width else { return lines }
        // Accept only a real break opportunity (a space, or next to a CJK character), never a word split
        // because the narrower line could not hold it.
        let joined = spans.reduce(0) { $0 + $1.text.count }
        let atSpace = again[0].text.count + again[1].text.count < joined
        guard atSpace || wide(again[0].text.last) || wide(again[1].text.first) else { return lines }
        return Array(lines.dropLast(2)) + again
    }

    /// Convenience for plain one-style text (spaced like `spans`).
    func lines(_ text: String, font: FontSpec, color: Color, width: Double) -> [SetLine] {
        lines([TextSpan(text: autospaced(text), font: font, color: color)], width: width)
    }

    /// Display items for one line: a text run per fragment (or per justification piece) and a link over
    /// every linked fragment.
    func draw(_ set: SetLine, x: Double, baseline: Double, width: Double, alignment: LineAlignment = .start,
              justify: Bool = false) -> [DisplayItem] {
        let line = set.line
        if justify && !set.isLast, let justified = drawJustified(line, x: x, baseline: baseline, width: width) {
            return justified
        }
        let shift: Double
        switch alignment {
        case .start: shift = 0
        case .center: shift = max(0, (width - line.width) / 2)
        case .end: shift = max(0, width - line.width)
        }
        var items: [DisplayItem] = []
        for fragment in line.fragments where !fragment.text.isEmpty {
            let origin = Point(x + shift + fragment.x, baseline)
            items.append(.text(TextItem(text: fragment.text, font: fragment.font, color: fragment.color, origin: origin,
                                        width: fragment.width)))
            if let link = fragment.link {
                items.append(.link(LinkItem(rect: Self.linkRect(x0: origin.x, x1: origin.x + fragment.width, baseline: baseline,
                                                                font: fragment.font), target: link)))
            }
        }
        return items
    }

    static func linkRect(x0: Double, x1: Double, baseline: Double, font: FontSpec) -> Rect {
        Rect(x: x0, y: baseline - font.ascent, width: max(0, x1 - x0), height: font.lineBoxHeight)
    }

    /// Spreads the free space of a line over its gaps: Latin word spaces and the boundaries around CJK
    /// characters (Chinese text is justified between every character). Returns nil when the line has no
    /// gap or would look too loose, so the caller leaves it ragged instead.
    ///
    /// Pieces are placed by the advances of their characters set in context, as the line breaker measured
    /// them, so compressed punctuation and CJK–Latin spacing keep their widths when the line is spread.
    private func drawJustified(_ line: TextLine, x: Double, baseline: Double, width: Double) -> [DisplayItem]? {
        let extra = width - line.width
        guard extra > 0.01 else { return nil }
        struct Piece { var text: String; var fragment: Int; var width: Double; var gapAfter: Bool }
        var pieces: [Piece] = []
        var previous: Character?
        for (index, fragment) in line.fragments.enumerated() {
            let advances = measurer.characterWidths(of: fragment.text, font: fragment.font)
            for (offset, ch) in fragment.text.enumerated() {
                let advance = offset < advances.count ? advances[offset] : 0
                let gap = previous.map { Self.isJustificationGap($0, ch) } ?? false
                if gap, !pieces.isEmpty { pieces[pieces.count - 1].gapAfter = true }
                if let last = pieces.last, last.fragment == index, !gap {
                    pieces[pieces.count - 1].text.append(ch)
                    pieces[pieces.count - 1].width += advance
                } else {
                    pieces.append(Piece(text: String(ch), fragment: index, width: advance, gapAfter: false))
                }
                previous = ch
            }
        }
        // The line's own width is the sum of its units; keep what the pieces add up to so the last piece ends
        // exactly at the measure.
        let natural = pieces.reduce(0) { $0 + $1.width }
        let free = width - natural
        let gaps = pieces.filter(\.gapAfter).count
        guard gaps > 0, free > 0.01 else { return nil }
        let perGap = free / Double(gaps)
        let size = line.fragments.first?.font.size ?? style.sizes.body
        // Beyond about three quarters of an em per gap the spacing is more distracting than one ragged line in a
        // justified paragraph (a long word after a short line, without dictionary hyphenation, needs up to that).
        guard perGap <= size * 0.75 else { return nil }

        var items: [DisplayItem] = []
        var linkSpans: [Int: (Double, Double)] = [:]
        var cursor = x
        for piece in pieces {
            let fragment = line.fragments[piece.fragment]
            let w = piece.width
            if !piece.text.allSatisfy({ $0 == " " || $0 == CJKSpacing.quarterEm }) {
                items.append(.text(TextItem(text: piece.text, font: fragment.font, color: fragment.color,
                                            origin: Point(cursor, baseline), width: w)))
            }
            if fragment.link != nil {
                let span = linkSpans[piece.fragment] ?? (cursor, cursor + w)
                linkSpans[piece.fragment] = (min(span.0, cursor), max(span.1, cursor + w))
            }
            cursor += w + (piece.gapAfter ? perGap : 0)
        }
        for (index, span) in linkSpans.sorted(by: { $0.key < $1.key }) {
            let fragment = line.fragments[index]
            if let link = fragment.link {
                items.append(.link(LinkItem(rect: Self.linkRect(x0: span.0, x1: span.1, baseline: baseline, font: fragment.font),
                                            target: link)))
            }
        }
        return items
    }

    /// A gap follows a run of spaces (Latin word space, or the quarter em at a CJK–Latin boundary) and sits
    /// between any two non-space characters when either is a wide (CJK) character — except between two
    /// punctuation marks, which stay set (and compressed) as a pair.
    static func isJustificationGap(_ a: Character, _ b: Character) -> Bool {
        let space = { (c: Character) in c == " " || c == CJKSpacing.quarterEm }
        if space(b) { return false }
        if space(a) { return true }
        let punctuation = { (c: Character) in CharacterClass.noLineStart.contains(c) || CharacterClass.noLineEnd.contains(c) }
        if punctuation(a) && punctuation(b) { return false }
        let wide = { (c: Character) in c.unicodeScalars.first.map(CharacterClass.isWide) ?? false }
        return wide(a) || wide(b)
    }

    /// The longest unbreakable unit (a number, a date, a Latin word, a CJK character with its attached
    /// punctuation) and the widest hard line of some styled text, as the line breaker would see them.
    func naturalWidths(_ spans: [TextSpan]) -> (min: Double, max: Double) {
        var longestLine = 0.0, line = 0.0
        var longestWord = 0.0, word = 0.0
        var previous: Character?
        for span in spans {
            var chunk = ""
            func flushChunk() {
                if !chunk.isEmpty { word += width(chunk, span.font); chunk = "" }
            }
            for ch in span.text {
                if ch == "\n" {
                    flushChunk()
                    longestWord = max(longestWord, word); word = 0
                    previous = nil
                    continue
                }
                if let p = previous, Self.canBreak(between: p, and: ch) {
                    flushChunk()
                    longestWord = max(longestWord, word); word = 0
                }
                if ch != " " && ch != CJKSpacing.quarterEm { chunk.append(ch) }
                previous = ch
            }
            flushChunk()
            for (index, part) in span.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { longestLine = max(longestLine, line); line = 0 }
                line += width(String(part), span.font)
            }
        }
        longestWord = max(longestWord, word)
        longestLine = max(longestLine, line)
        return (min(longestWord, longestLine), longestLine)
    }

    /// Break opportunities as the line breaker sees them: at spaces and around CJK characters, except before
    /// closing and after opening punctuation.
    static func canBreak(between a: Character, and b: Character) -> Bool {
        if a == " " || b == " " || a == CJKSpacing.quarterEm || b == CJKSpacing.quarterEm { return true }
        if CharacterClass.noLineStart.contains(b) || CharacterClass.noLineEnd.contains(a) { return false }
        let wide = { (c: Character) in c.unicodeScalars.first.map(CharacterClass.isWide) ?? false }
        return wide(a) || wide(b)
    }

    /// Text shortened with "…" so that it fits `width`.
    func truncated(_ text: String, font: FontSpec, width: Double) -> String {
        if measurer.width(of: text, font: font) <= width { return text }
        let characters = Array(text)
        var low = 0, high = characters.count
        // Binary search for the longest prefix that fits with the ellipsis.
        while low < high {
            let mid = (low + high + 1) / 2
            if measurer.width(of: String(characters[0..<mid]) + "…", font: font) <= width { low = mid } else { high = mid - 1 }
        }
        return low == 0 ? "" : String(characters[0..<low]) + "…"
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
