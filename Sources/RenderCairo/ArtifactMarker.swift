/// Marks page content that is outside every marked-content sequence as an artifact.
///
/// cairo 1.16 marks only the content of structure elements without children; what Dossier draws outside them
/// (page backgrounds, running headers, page numbers, rules, table fills, repeated table headers) is left
/// unmarked, which PDF/UA forbids. This wraps each such run in `/Artifact BMC … EMC`.
enum ArtifactMarker {
    /// Operators that start drawing something visible (a path, a text object, an XObject, a shading).
    static let drawing: Set<String> = ["m", "re", "BT", "Do", "sh"]

    /// The marked content, or nil when it holds something this simple scanner does not handle (inline images,
    /// a marked sequence that would cross a text object).
    static func mark(_ content: [UInt8]) -> [UInt8]? {
        let text = PDFText(content)
        var inserts: [(at: Int, text: String)] = []
        var depth = 0, inText = false, open = false, openedInText = false
        var operandStart: Int?
        var i = 0
        while true {
            i = text.skipSpace(i)
            guard i < content.count else { break }
            let start = i
            let b = content[i]
            if b == UInt8(ascii: "%") {
                while i < content.count, content[i] != 0x0A, content[i] != 0x0D { i += 1 }
                continue
            }
            var isOperator = false
            switch b {
            case UInt8(ascii: "("): i = text.stringEnd(at: i)
            case UInt8(ascii: "<"), UInt8(ascii: "["):
                if b == UInt8(ascii: "<"), i + 1 < content.count, content[i + 1] != UInt8(ascii: "<") {
                    while i < content.count, content[i] != UInt8(ascii: ">") { i += 1 }
                    i += 1
                } else {
                    guard let end = text.dictionaryEnd(at: i) else { return nil }
                    i = end
                }
            case UInt8(ascii: "/"): i = max(i + 1, text.tokenEnd(after: i + 1))
            default:
                let end = text.tokenEnd(after: i)
                if end == i { i += 1; continue }
                i = end
                let first = content[start]
                isOperator = !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) && first != UInt8(ascii: "-")
                    && first != UInt8(ascii: "+") && first != UInt8(ascii: ".")
                    && !["true", "false", "null"].contains(text.slice(start, end))
            }
            guard isOperator else {
                if operandStart == nil { operandStart = start }
                continue
            }
            let op = text.slice(start, i)
            let opStart = operandStart ?? start
            operandStart = nil
            switch op {
            case "BI", "ID": return nil
            case "BDC", "BMC":
                if depth == 0 && open {
                    guard openedInText == inText else { return nil }
                    inserts.append((opStart, "EMC\n"))
                    open = false
                }
                depth += 1
            case "EMC":
                depth = max(0, depth - 1)
            default:
                if op == "BT" { inText = true }
                if depth == 0 && !open && drawing.contains(op) {
                    inserts.append((opStart, "/Artifact BMC\n"))
                    open = true
                    openedInText = inText && op != "BT"
                }
                if op == "ET" {
                    inText = false
                    if open && openedInText { return nil }
                }
            }
        }
        guard !(open && openedInText) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(content.count + inserts.count * 16)
        var last = 0
        for insert in inserts {
            out += content[last..<insert.at]
            out += Array(insert.text.utf8)
            last = insert.at
        }
        out += content[last...]
        if open { out += Array("\nEMC\n".utf8) }
        return out
    }
}
