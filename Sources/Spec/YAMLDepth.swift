/// A conservative estimate of how deeply a YAML text nests, computed in one pass before parsing.
///
/// The YAML parser recurses once per nesting level, so a few thousand `[` (or indented `- ` items) overflow the
/// stack and kill the whole process (a batch loses every report, not only the bad one). Real specs, styles and
/// indicator files nest fewer than ten levels; anything deeper than `YAMLDepth.maximum` is refused before the
/// parser sees it. The estimate counts flow brackets outside quoted scalars and comments, plus block levels
/// (indentation steps and compact `- - ` items); block scalar bodies (`|`, `>`) are skipped. It may
/// overestimate on odd but valid text (unbalanced brackets inside plain scalars); it never underestimates by
/// more than the bound needs.
public enum YAMLDepth {
    /// The deepest nesting accepted in a spec, style or dataset YAML file.
    public static let maximum = 64

    /// The 1-based line and column where nesting first exceeds `limit`, or nil when it never does.
    public static func firstExcess(in text: String, limit: Int = maximum) -> (line: Int, column: Int)? {
        var flow = 0
        var indents: [Int] = []            // block indentation stack (columns)
        var quote: UInt8 = 0               // the open quote character, or 0
        var blockScalarIndent: Int?        // inside a `|`/`>` body: the indent of the line that opened it
        var line = 1
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            // Start of a line.
            var indent = 0
            while i + indent < bytes.count, bytes[i + indent] == 0x20 { indent += 1 }
            let lineStart = i
            var end = lineStart
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let blank = lineStart + indent >= end || bytes[lineStart + indent] == 0x23   // empty or comment only
            if let opener = blockScalarIndent {
                if blank || indent > opener { i = end + 1; line += 1; continue }
                blockScalarIndent = nil
            }
            var column = indent
            if quote == 0 && flow == 0 && !blank {
                while let top = indents.last, top >= indent { indents.removeLast() }
                indents.append(indent)
                // Compact nested items on one line: `- - - x` (and `? ` keys) nest one level per indicator.
                while column + 1 < end - lineStart, bytes[lineStart + column] == 0x2D || bytes[lineStart + column] == 0x3F,
                      bytes[lineStart + column + 1] == 0x20 {
                    column += 2
                    while column < end - lineStart, bytes[lineStart + column] == 0x20 { column += 1 }
                    indents.append(column)
                    if indents.count + flow > limit { return (line, column + 1) }
                }
                if indents.count + flow > limit { return (line, column + 1) }
            }
            // The rest of the line, character by character.
            var previous: UInt8 = 0x20
            var lastSignificant: UInt8 = 0
            var p = lineStart + column
            while p < end {
                let c = bytes[p]
                if quote != 0 {
                    if quote == 0x22 && c == 0x5C { p += 2; continue }                 // \" inside double quotes
                    if c == quote {
                        if quote == 0x27 && p + 1 < end && bytes[p + 1] == 0x27 { p += 2; continue }   // '' inside single quotes
                        quote = 0
                    }
                    p += 1; continue
                }
                switch c {
                case 0x23 where previous == 0x20 || previous == 0x09:                   // # comment
                    p = end; continue
                case 0x22, 0x27:
                    // A quote opens a quoted scalar only where a scalar starts (not in "don't").
                    if [0, 0x3A, 0x2D, 0x2C, 0x5B, 0x7B, 0x3F].contains(lastSignificant) { quote = c }
                case 0x5B, 0x7B:
                    flow += 1
                    if indents.count + flow > limit { return (line, p - lineStart + 1) }
                case 0x5D, 0x7D:
                    flow = max(0, flow - 1)
                default: break
                }
                if c != 0x20 && c != 0x09 { lastSignificant = c }
                previous = c
                p += 1
            }
            // `key: |`, `key: >-`, `- |2`: the following more-indented lines are literal text.
            if quote == 0 && flow == 0 && !blank {
                var q = end - 1
                // Ignore a trailing comment after the indicator.
                if let hash = (lineStart + column..<end).first(where: { bytes[$0] == 0x23 && $0 > lineStart && bytes[$0 - 1] == 0x20 }) {
                    q = hash - 1
                }
                while q >= lineStart, bytes[q] == 0x20 { q -= 1 }
                var r = q
                while r >= lineStart, [0x2B, 0x2D].contains(bytes[r]) || (0x30...0x39).contains(bytes[r]) { r -= 1 }
                if r >= lineStart, bytes[r] == 0x7C || bytes[r] == 0x3E, r == lineStart || bytes[r - 1] == 0x20 {
                    blockScalarIndent = indent
                }
            }
            i = end + 1
            line += 1
        }
        return nil
    }
}
