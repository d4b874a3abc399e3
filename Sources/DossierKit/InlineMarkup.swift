import Layout
import Spec

/// Parses the small inline markup of spec text: `**bold**`, `*italic*` and `[text](link)`.
enum InlineMarkup {
    /// `\*` is a literal asterisk. Emphasis left open at the end is not emphasis: the markers are kept as text.
    static func parse(_ text: String) -> [InlineSpan] {
        let (spans, balanced) = parse(text, markers: true)
        return balanced ? spans : parse(text, markers: false).spans
    }

    private static func parse(_ text: String, markers: Bool) -> (spans: [InlineSpan], balanced: Bool) {
        var spans: [InlineSpan] = []
        var current = ""
        var bold = false, italic = false
        var i = text.startIndex
        var links = LinkScanner(text)
        func flush() {
            if !current.isEmpty { spans.append(InlineSpan(current, bold: bold, italic: italic)) }
            current = ""
        }
        while i < text.endIndex {
            let c = text[i]
            // Plain characters are copied without the prefix tests below (most of any text).
            if c != "\\" && c != "*" && c != "[" {
                current.append(c)
                i = text.index(after: i)
                continue
            }
            let rest = text[i...]
            if rest.hasPrefix("\\*") {
                current.append("*"); i = text.index(i, offsetBy: 2); continue
            }
            if markers, rest.hasPrefix("**") {
                flush(); bold.toggle(); i = text.index(i, offsetBy: 2); continue
            }
            if markers, rest.hasPrefix("*"), !rest.hasPrefix("* ") || italic {
                flush(); italic.toggle(); i = text.index(after: i); continue
            }
            if c == "[", let close = links.middle(from: text.index(after: i), within: text.endIndex),
               let end = links.closingParenthesis(from: close.upperBound),
               !text.utf8[text.index(after: i)..<close.lowerBound].contains(0x0A) {
                flush()
                let label = String(rest[rest.index(after: rest.startIndex)..<close.lowerBound])
                let target = String(rest[close.upperBound..<end])
                // Spec text with other targets is refused on load; text from data never becomes such a link.
                spans.append(InlineSpan(label, bold: bold, italic: italic, link: LinkCheck.isAllowed(target) ? target : nil))
                i = text.index(after: end)
                continue
            }
            current.append(text[i])
            i = text.index(after: i)
        }
        flush()
        return (spans, !bold && !italic)
    }

    /// Splits text into paragraphs at blank lines and joins the lines inside one (no space between CJK lines).
    static func paragraphs(_ text: String) -> [String] {
        var out: [String] = []
        var lines: [String] = []
        func flush() {
            guard !lines.isEmpty else { return }
            var joined = ""
            for line in lines {
                if let last = joined.last, let first = line.first, !(last.isCJK || first.isCJK) { joined += " " }
                joined += line
            }
            out.append(joined)
            lines = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush() } else { lines.append(line) }
        }
        flush()
        return out
    }
}

extension Character {
    var isCJK: Bool { unicodeScalars.first.map { $0.value >= 0x2E80 } ?? false }
}
