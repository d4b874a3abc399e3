/// Cairo numbers SVG ids (`surface12`, `glyph3-1`, `clip5`) from process-wide counters, so the same frame
/// written after other work gets different ids. Renumbering them in order of first appearance makes SVG
/// output depend on the frame alone.
enum SVGNormalizer {
    static let prefixes = ["surface", "glyph", "clip", "mask", "pattern", "image", "linear-pattern", "radial-pattern", "source-surface"]

    static func renumberIDs(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var mapping: [String: String] = [:]
        var counters: [String: Int] = [:]
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            // An id token starts after '"' or '#' and is prefix + digits (+ optional "-digits").
            if i > 0, scalars[i - 1] == "\"" || scalars[i - 1] == "#", let (prefix, end) = matchID(scalars, at: i) {
                let token = String(String.UnicodeScalarView(scalars[i..<end]))
                let tail = token.dropFirst(prefix.count)
                let mainNumber = tail.split(separator: "-", maxSplits: 1).first.map(String.init) ?? ""
                let key = prefix + mainNumber
                let renamed: String
                if let known = mapping[key] {
                    renamed = known
                } else {
                    let n = counters[prefix, default: 0]
                    counters[prefix] = n + 1
                    renamed = prefix + String(n)
                    mapping[key] = renamed
                }
                let rest = tail.dropFirst(mainNumber.count)
                out += renamed + rest
                i = end
                continue
            }
            out.unicodeScalars.append(scalars[i])
            i += 1
        }
        return Array(out.utf8)
    }

    private static func matchID(_ s: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        for prefix in prefixes.sorted(by: { $0.count > $1.count }) {
            let p = Array(prefix.unicodeScalars)
            guard start + p.count < s.count, Array(s[start..<start + p.count]) == p else { continue }
            var j = start + p.count
            guard j < s.count, ("0"..."9").contains(s[j]) else { continue }
            while j < s.count, ("0"..."9").contains(s[j]) { j += 1 }
            if j + 1 < s.count, s[j] == "-", ("0"..."9").contains(s[j + 1]) {
                j += 1
                while j < s.count, ("0"..."9").contains(s[j]) { j += 1 }
            }
            guard j < s.count, s[j] == "\"" || s[j] == ")" else { continue }
            return (prefix, j)
        }
        return nil
    }
}
