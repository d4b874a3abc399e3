/// Read access to the objects of a PDF as cairo 1.16 writes it: one classic cross-reference table, no object
/// streams, ASCII dictionaries. Just enough for `PDFAccessibilityUpdate`; not a general PDF parser.
struct PDFObjects {
    let bytes: [UInt8]
    /// Byte offset of each object (generation 0) from the cross-reference table.
    private(set) var offsets: [Int: Int] = [:]
    /// The trailer's values.
    let size: Int
    let root: Int
    let info: Int?
    /// The trailer's `/ID` array as written, or nil.
    let id: String?
    /// Where the cross-reference table starts (the new section's `/Prev`).
    let startXref: Int

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        let text = PDFText(bytes)
        guard let startxref = text.lastIndex(of: "startxref"),
              let offset = Int(text.token(after: startxref + 9) ?? "") else { throw CairoError("pdf update", "no startxref") }
        startXref = offset
        guard let trailerAt = text.lastIndex(of: "trailer"), let open = text.index(of: "<<", from: trailerAt),
              let trailer = text.dictionary(at: open) else { throw CairoError("pdf update", "no trailer") }
        guard let size = Int(PDFText.value(of: "/Size", in: trailer) ?? ""),
              let root = PDFText.reference(of: "/Root", in: trailer) else { throw CairoError("pdf update", "the trailer has no /Size or /Root") }
        self.size = size
        self.root = root
        info = PDFText.reference(of: "/Info", in: trailer)
        id = PDFText.array(of: "/ID", in: trailer)
        // The table: "xref", then sections of "first count" and 20-byte entries.
        var i = offset
        guard text.starts(with: "xref", at: i) else { throw CairoError("pdf update", "startxref does not point at a table") }
        i += 4
        while let first = text.token(after: i), let firstNumber = Int(first) {
            let firstEnd = text.tokenEnd(after: i)
            guard let count = text.token(after: firstEnd).flatMap(Int.init) else { break }
            var entry = text.skipSpace(text.tokenEnd(after: firstEnd))
            for number in firstNumber..<(firstNumber + count) {
                guard entry + 18 <= bytes.count else { break }
                let line = text.slice(entry, entry + 18)
                if line.hasSuffix("n"), let at = Int(line.prefix(10)) { offsets[number] = at }
                entry = text.skipSpace(entry + 18)
            }
            i = entry
        }
    }

    /// The text of an object's top-level dictionary, `<< … >>`.
    func dictionary(_ object: Int) -> String? {
        guard let at = offsets[object] else { return nil }
        let text = PDFText(bytes)
        guard let open = text.index(of: "<<", from: at), open < at + 32 else { return nil }
        return text.dictionary(at: open)
    }

    /// A stream object's dictionary and raw (still encoded) data.
    func stream(_ object: Int) -> (dictionary: String, data: ArraySlice<UInt8>)? {
        guard let at = offsets[object], let dictionary = dictionary(object) else { return nil }
        let text = PDFText(bytes)
        guard let open = text.index(of: "<<", from: at), let end = text.dictionaryEnd(at: open),
              let keyword = text.index(of: "stream", from: end), keyword < end + 16 else { return nil }
        var start = keyword + 6
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        if start < bytes.count, bytes[start] == 0x0A { start += 1 }
        let length: Int?
        if let ref = PDFText.reference(of: "/Length", in: dictionary) {
            length = self.dictionaryOrValue(ref).flatMap { Int($0) }
        } else {
            length = Int(PDFText.value(of: "/Length", in: dictionary) ?? "")
        }
        guard let length, start + length <= bytes.count else { return nil }
        return (dictionary, bytes[start..<(start + length)])
    }

    /// A direct number object's value ("264" in `10 0 obj 264 endobj`).
    private func dictionaryOrValue(_ object: Int) -> String? {
        guard let at = offsets[object] else { return nil }
        let text = PDFText(bytes)
        var i = at
        for _ in 0..<3 { i = text.tokenEnd(after: i) }
        return text.token(after: i)
    }
}

/// Byte-level scanning of PDF syntax, read as Latin-1 so every byte round-trips.
struct PDFText {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00 }
    static func isDelimiter(_ b: UInt8) -> Bool { "()<>[]{}/%".utf8.contains(b) }

    static func latin1(_ bytes: some Sequence<UInt8>) -> String { String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })) }
    static func bytes(_ latin1: String) -> [UInt8] { latin1.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } }

    func slice(_ from: Int, _ to: Int) -> String { Self.latin1(bytes[max(0, from)..<min(bytes.count, to)]) }

    func starts(with word: String, at i: Int) -> Bool {
        let w = Array(word.utf8)
        return i >= 0 && i + w.count <= bytes.count && Array(bytes[i..<(i + w.count)]) == w
    }

    func index(of word: String, from start: Int) -> Int? {
        let w = Array(word.utf8)
        guard let first = w.first, start >= 0 else { return nil }
        var i = start
        while i + w.count <= bytes.count {
            if bytes[i] == first && starts(with: word, at: i) { return i }
            i += 1
        }
        return nil
    }

    func lastIndex(of word: String) -> Int? {
        let w = Array(word.utf8)
        var i = bytes.count - w.count
        while i >= 0 {
            if starts(with: word, at: i) { return i }
            i -= 1
        }
        return nil
    }

    func skipSpace(_ i: Int) -> Int {
        var i = i
        while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
        return i
    }

    /// The regular token (number, keyword) starting at the first non-space byte after `i`.
    func token(after i: Int) -> String? {
        let start = skipSpace(i)
        let end = tokenEnd(after: i)
        return end > start ? slice(start, end) : nil
    }

    func tokenEnd(after i: Int) -> Int {
        var j = skipSpace(i)
        while j < bytes.count, !Self.isSpace(bytes[j]), !Self.isDelimiter(bytes[j]) { j += 1 }
        return j
    }

    /// The index just past the dictionary (or array, string) starting at `open`, skipping strings.
    func dictionaryEnd(at open: Int) -> Int? {
        var depth = 0, i = open
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "(") {
                i = stringEnd(at: i)
                continue
            }
            if b == UInt8(ascii: "<") {
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<") { depth += 1; i += 2; continue }
                while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
                continue
            }
            if b == UInt8(ascii: ">"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") {
                depth -= 1
                i += 2
                if depth == 0 { return i }
                continue
            }
            if b == UInt8(ascii: "[") { depth += 1 } else if b == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return nil
    }

    /// Past the literal string starting at `open` (balanced parentheses, backslash escapes).
    func stringEnd(at open: Int) -> Int {
        var depth = 0, i = open
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2; continue
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return i
    }

    func dictionary(at open: Int) -> String? {
        dictionaryEnd(at: open).map { slice(open, $0) }
    }

    /// Where a key's value starts in a dictionary's text ("/K" does not match "/Kids").
    static func valueStart(of key: String, in dictionary: String) -> Int? {
        let d = bytes(dictionary), k = Array(key.utf8)
        var i = 0
        while i + k.count <= d.count {
            if Array(d[i..<(i + k.count)]) == k, i + k.count == d.count || isSpace(d[i + k.count]) || isDelimiter(d[i + k.count]) {
                return PDFText(d).skipSpace(i + k.count)
            }
            i += 1
        }
        return nil
    }

    /// A key's simple value (a number or a name without its slash).
    static func value(of key: String, in dictionary: String) -> String? {
        guard let start = valueStart(of: key, in: dictionary) else { return nil }
        let text = PDFText(bytes(dictionary))
        var i = start
        if i < text.bytes.count, text.bytes[i] == UInt8(ascii: "/") { i += 1 }
        let end = text.tokenEnd(after: i)
        return end > i ? text.slice(i, end) : nil
    }

    /// The object number of a key's `N 0 R` value.
    static func reference(of key: String, in dictionary: String) -> Int? {
        guard let start = valueStart(of: key, in: dictionary) else { return nil }
        let text = PDFText(bytes(dictionary))
        guard let number = text.token(after: start).flatMap(Int.init) else { return nil }
        let afterNumber = text.tokenEnd(after: start)
        guard text.token(after: afterNumber) == "0", text.token(after: text.tokenEnd(after: afterNumber)) == "R" else { return nil }
        return number
    }

    /// A key's array value as written (`[ … ]`).
    static func array(of key: String, in dictionary: String) -> String? {
        guard let start = valueStart(of: key, in: dictionary) else { return nil }
        let text = PDFText(bytes(dictionary))
        guard start < text.bytes.count, text.bytes[start] == UInt8(ascii: "[") else { return nil }
        return text.dictionary(at: start)
    }

    /// Every `N 0 R` reference in a piece of PDF text, in order.
    static func references(in text: String) -> [Int] {
        let t = PDFText(bytes(text))
        var out: [Int] = [], i = 0
        var previous: [String] = []
        while i < t.bytes.count {
            i = t.skipSpace(i)
            guard i < t.bytes.count else { break }
            let b = t.bytes[i]
            if isDelimiter(b) && b != UInt8(ascii: "/") { previous = []; i += 1; continue }
            let end = max(i + 1, t.tokenEnd(after: i))
            let token = t.slice(i, end)
            if token == "R", previous.count >= 2, previous[previous.count - 1] == "0", let n = Int(previous[previous.count - 2]) { out.append(n) }
            previous.append(token)
            i = end
        }
        return out
    }

    /// A PDF text string: UTF-16BE with a byte order mark, in hex.
    static func textString(_ s: String) -> String {
        "<FEFF" + s.utf16.map { hex4($0) }.joined() + ">"
    }

    private static func hex4(_ v: UInt16) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(v >> 12) & 15], digits[Int(v >> 8) & 15], digits[Int(v >> 4) & 15], digits[Int(v) & 15]])
    }
}
