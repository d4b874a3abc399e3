/// `${name}` parameter substitution in one pass over the text (linear in the text plus the values inserted).
///
/// Values are data: they are inserted once and never scanned again, so a value containing `${other}` or
/// `{{ name CN }}` is printed as written. The inserted ranges are kept so the template stage can skip them.
struct Substitution {
    private(set) var text = ""
    /// UTF-8 offset ranges of `text` that hold parameter values.
    private(set) var literals: [Range<Int>] = []
    /// Names in `${…}` that are not parameters, in order (left in the text as written).
    private(set) var unknown: [String] = []

    init(_ source: String, params: [String: String]) {
        guard source.utf8.contains(0x24) else { text = source; return }   // no '$': nothing to do
        var rest = Substring(source)
        var length = 0
        while let open = rest.utf8.firstRange(of: "${".utf8) {   // not Foundation's range(of:), which copies the rest
            let before = rest[rest.startIndex..<open.lowerBound]
            text += before
            length += before.utf8.count
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                unknown.append(String(rest[open.upperBound...].prefix(40)))
                rest = rest[open.lowerBound...]
                break
            }
            let name = String(rest[open.upperBound..<close])
            let replacement: Substring
            if let value = params[name] {
                replacement = Substring(value)
                literals.append(length..<(length + value.utf8.count))
            } else {
                unknown.append(name)
                replacement = rest[open.lowerBound...close]
            }
            text += replacement
            length += replacement.utf8.count
            rest = rest[rest.index(after: close)...]
        }
        text += rest
    }
}
