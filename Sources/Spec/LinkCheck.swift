/// Which link targets spec text may use: `[text](target)` becomes a live link in the PDF, so only web,
/// mail and internal (`#anchor`) targets are allowed — never `javascript:`, `file:` or other schemes a PDF
/// viewer might act on.
public enum LinkCheck {
    public static let allowedSchemes = ["http", "https", "mailto"]

    /// Whether a link target is allowed: `#anchor`, or an http(s)/mailto URL.
    public static func isAllowed(_ target: String) -> Bool {
        if target.hasPrefix("#") { return true }
        guard let colon = target.firstIndex(of: ":") else { return false }
        let scheme = target[..<colon].lowercased()
        return allowedSchemes.contains(scheme) && target.count > scheme.count + 1
    }

    /// The targets of `[text](target)` links in a text that are not allowed, in order. Uses the same rules as
    /// the inline markup: the label has no newline; the target ends at the `)` that balances, before a space.
    public static func forbidden(in text: String) -> [String] {
        guard text.utf8.contains(0x5D) else { return [] }
        var out: [String] = []
        var scanner = LinkScanner(text)
        var from = text.startIndex
        while let open = scanner.middle(from: from, within: text.endIndex) {
            guard let end = scanner.closingParenthesis(from: open.upperBound) else { from = open.upperBound; continue }
            let target = String(text[open.upperBound..<end])
            if !isAllowed(target) { out.append(target) }
            from = text.utf8.index(after: end)
        }
        return out
    }
}

/// Finds the parts of `[label](target)` links in a text with bounded look-ahead, and remembers stretches already
/// known to hold no `](` (or no `)`, space or newline), so text with thousands of brackets and no links stays
/// linear instead of rescanning the same bytes from every bracket. Works on UTF-8 indices of the text (O(1) for
/// native strings); the indices returned are character boundaries because the bytes matched are ASCII.
public struct LinkScanner {
    /// The longest link label or target looked at.
    public static let maximumPart = 2048
    private let utf8: String.UTF8View
    /// `[middleQuietStart, middleQuietEnd)` holds no "](" starting in it.
    private var middleQuietStart: String.Index, middleQuietEnd: String.Index
    /// `[stopQuietStart, stopQuietEnd)` holds no ")", space or newline.
    private var stopQuietStart: String.Index, stopQuietEnd: String.Index

    public init(_ text: String) {
        utf8 = text.utf8
        middleQuietStart = utf8.startIndex; middleQuietEnd = utf8.startIndex
        stopQuietStart = utf8.startIndex; stopQuietEnd = utf8.startIndex
    }

    private func limit(from start: String.Index, within end: String.Index) -> String.Index {
        utf8.index(start, offsetBy: Self.maximumPart, limitedBy: end) ?? end
    }

    /// The first "](" at or after `start`, at most `maximumPart` bytes on and before `end`.
    public mutating func middle(from start: String.Index, within end: String.Index) -> Range<String.Index>? {
        let limit = limit(from: start, within: end)
        var i = (start >= middleQuietStart && start <= middleQuietEnd) ? middleQuietEnd : start
        while i < limit {
            if utf8[i] == 0x5D {
                let next = utf8.index(after: i)
                if next < utf8.endIndex, utf8[next] == 0x28 {
                    middleQuietStart = start; middleQuietEnd = i
                    return i..<utf8.index(after: next)
                }
            }
            i = utf8.index(after: i)
        }
        middleQuietStart = start; middleQuietEnd = max(i, start)
        return nil
    }

    /// The ")" that closes a link target starting at `start`, allowing balanced parentheses inside it
    /// (…/Bonn_(city)); nil at a space or newline, or beyond `maximumPart` bytes.
    public mutating func closingParenthesis(from start: String.Index) -> String.Index? {
        let limit = limit(from: start, within: utf8.endIndex)
        // Where the first ")", space or newline is: with none before the limit there is no target.
        var i = (start >= stopQuietStart && start <= stopQuietEnd) ? stopQuietEnd : start
        while i < limit, utf8[i] != 0x29, utf8[i] != 0x20, utf8[i] != 0x0A { i = utf8.index(after: i) }
        stopQuietStart = start; stopQuietEnd = max(i, start)
        guard i < limit, utf8[i] == 0x29 else { return nil }
        var depth = 0
        var j = start
        while j < limit {
            switch utf8[j] {
            case 0x28: depth += 1
            case 0x29:
                if depth == 0 { return j }
                depth -= 1
            case 0x20, 0x0A: return nil
            default: break
            }
            j = utf8.index(after: j)
        }
        return nil
    }
}
