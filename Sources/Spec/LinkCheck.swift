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
        var rest = Substring(text)
        while let open = rest.utf8.firstRange(of: "](".utf8) {
            var depth = 0
            var end: Substring.Index?
            for index in rest[open.upperBound...].prefix(2048).indices {   // bounded, as in the inline markup: linear overall
                let c = rest[index]
                if c == "(" { depth += 1 } else if c == ")" {
                    if depth == 0 { end = index; break }
                    depth -= 1
                } else if c == "\n" || c == " " { break }
            }
            guard let end else { rest = rest[open.upperBound...]; continue }
            let target = String(rest[open.upperBound..<end])
            if !isAllowed(target) { out.append(target) }
            rest = rest[rest.index(after: end)...]
        }
        return out
    }
}
