import CPNG

/// What a tagged PDF needs beyond its structure tags, known only to the report: the title and language for
/// the catalogue and XMP, and the alternative text of each figure in reading order.
public struct PDFAccessibility: Hashable, Sendable {
    public var title: String
    public var author: String
    /// The document language as a BCP 47 tag (zh-CN, en).
    public var language: String
    /// ISO 8601 date of the document (XMP create and modify dates).
    public var date: String
    /// Alternative text of every `Figure` element, in the order the figures were tagged.
    public var figureAlternatives: [String]
    public var subject = ""
    public var keywords = ""
    /// What made the PDF (`/Producer`, `pdf:Producer`).
    public var producer = "Dossier"
    /// PDF/A-2b: the output intent; nil for a PDF that does not claim it.
    public var archive: PDFArchive? = nil
    public init(title: String, author: String = "", language: String, date: String, figureAlternatives: [String]) {
        self.title = title; self.author = author; self.language = language; self.date = date
        self.figureAlternatives = figureAlternatives
    }

    /// A report language code as a BCP 47 tag: "zh-cn" → "zh-CN".
    public static func languageTag(_ code: String) -> String {
        let parts = code.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first else { return "" }
        return ([first.lowercased()] + parts.dropFirst().map { $0.count == 2 ? $0.uppercased() : String($0) }).joined(separator: "-")
    }
}

/// Adds what cairo 1.16 cannot write to a tagged PDF, as one incremental update appended to cairo's bytes
/// (the original objects stay as they are; replaced and new objects follow with their own cross-reference
/// section): `/Lang`, `/ViewerPreferences /DisplayDocTitle`, XMP metadata with `pdfuaid:part 1`, `/Alt` on
/// figures, `/Scope` on table header cells, `/Contents` on links, `/Tabs /S` on pages, and page content outside
/// the structure tree marked as `/Artifact`. The document information is rewritten to agree with the XMP (with
/// valid PDF dates), the trailer gets an `/ID`, links get the print flag, and a PDF/A-2b document gets its sRGB
/// output intent and `pdfaid` part and conformance. Deterministic: the same input gives the same bytes.
enum PDFAccessibilityUpdate {
    static func apply(to pdf: [UInt8], _ info: PDFAccessibility) throws -> [UInt8] {
        let objects = try PDFObjects(pdf)
        var updated: [Int: [UInt8]] = [:]
        var next = objects.size

        let metadata = next
        next += 1
        updated[metadata] = streamObject(metadata, dictionary: "/Type /Metadata /Subtype /XML", data: Array(xmp(info).utf8))

        guard let catalog = objects.dictionary(objects.root) else { throw CairoError("pdf update", "no catalogue") }
        var additions = "/Lang \(PDFText.textString(info.language)) /ViewerPreferences << /DisplayDocTitle true >> /Metadata \(metadata) 0 R"
        if PDFText.valueStart(of: "/MarkInfo", in: catalog) == nil { additions += " /MarkInfo << /Marked true >>" }
        if let archive = info.archive {
            let profile = next, intent = next + 1
            next += 2
            updated[profile] = streamObject(profile, dictionary: "/N 3", data: archive.profile)
            let condition = PDFText.textString(PDFArchive.condition)
            updated[intent] = object(intent, "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier \(condition) /Info \(condition) /DestOutputProfile \(profile) 0 R >>")
            additions += " /OutputIntents [\(intent) 0 R]"
        }
        updated[objects.root] = object(objects.root, inserting(additions, into: catalog))

        // The document information, written to say exactly what the XMP says (PDF/A requires they agree).
        let information = objects.info ?? next
        if objects.info == nil { next += 1 }
        updated[information] = object(information, documentInformation(info))

        if let tree = PDFText.reference(of: "/StructTreeRoot", in: catalog) {
            var figures = 0
            let elements = structureElements(tree, objects)
            // Header cells in a THead head columns; any other header cell heads its row.
            let columnHeads = Set(elements.filter { objects.dictionary($0).map { PDFText.value(of: "/S", in: $0) == "THead" } ?? false }
                .flatMap { structureElements($0, objects) })
            for element in elements {
                guard let dictionary = objects.dictionary(element) else { continue }
                switch PDFText.value(of: "/S", in: dictionary) {
                case "Figure":
                    let alternative = figures < info.figureAlternatives.count ? info.figureAlternatives[figures] : ""
                    figures += 1
                    guard !alternative.isEmpty else { continue }
                    updated[element] = object(element, inserting("/Alt \(PDFText.textString(alternative))", into: dictionary))
                case "TH" where PDFText.valueStart(of: "/A", in: dictionary) == nil:
                    let scope = columnHeads.contains(element) ? "/Column" : "/Row"
                    updated[element] = object(element, inserting("/A << /O /Table /Scope \(scope) >>", into: dictionary))
                default: continue
                }
            }
        }

        if let pagesRoot = PDFText.reference(of: "/Pages", in: catalog) {
            for page in pages(pagesRoot, objects) {
                guard let dictionary = objects.dictionary(page) else { continue }
                if PDFText.valueStart(of: "/Tabs", in: dictionary) == nil {
                    updated[page] = object(page, inserting("/Tabs /S", into: dictionary))
                }
                if let contents = PDFText.reference(of: "/Contents", in: dictionary), let rewritten = artifactsMarked(contents, objects) {
                    updated[contents] = rewritten
                }
                if let annots = PDFText.array(of: "/Annots", in: dictionary) {
                    for annotation in PDFText.references(in: annots) {
                        guard let a = objects.dictionary(annotation), PDFText.value(of: "/Subtype", in: a) == "Link" else { continue }
                        var entries: [String] = []
                        if PDFText.valueStart(of: "/Contents", in: a) == nil {
                            entries.append("/Contents \(PDFText.textString(linkDescription(a, language: info.language)))")
                        }
                        // Printable, like the page it is on (PDF/A forbids annotations without the print flag).
                        if PDFText.valueStart(of: "/F", in: a) == nil { entries.append("/F 4") }
                        if !entries.isEmpty { updated[annotation] = object(annotation, inserting(entries.joined(separator: " "), into: a)) }
                    }
                }
            }
        }
        return append(updated, to: pdf, objects: objects, size: next, information: information, id: objects.id ?? PDFDocumentID.of(pdf))
    }

    /// `/Title`, `/Author`, … with the values the XMP carries; empty ones are left out of both.
    static func documentInformation(_ info: PDFAccessibility) -> String {
        let date = PDFDate.from(iso: xmpDate(info.date))
        var entries: [String] = []
        for (key, value) in [("/Title", info.title), ("/Author", info.author), ("/Subject", info.subject), ("/Keywords", info.keywords),
                             ("/Creator", "Dossier"), ("/Producer", info.producer)] where !value.isEmpty {
            entries.append("\(key) \(PDFText.textString(value))")
        }
        entries.append("/CreationDate (\(date)) /ModDate (\(date))")
        return "<< " + entries.joined(separator: " ") + " >>"
    }

    static func xmpDate(_ date: String) -> String { date.count == 10 ? date + "T00:00:00Z" : date }

    // MARK: Reading

    /// Structure elements below `root` in document order (depth first, children in `/K` order).
    static func structureElements(_ root: Int, _ objects: PDFObjects) -> [Int] {
        var out: [Int] = []
        var seen: Set<Int> = [root]
        func visit(_ object: Int) {
            guard let dictionary = objects.dictionary(object), let k = kValue(dictionary) else { return }
            for child in PDFText.references(in: k) where !seen.contains(child) {
                guard let d = objects.dictionary(child), PDFText.value(of: "/Type", in: d) == "StructElem" || PDFText.valueStart(of: "/S", in: d) != nil,
                      PDFText.value(of: "/Type", in: d) != "MCR", PDFText.value(of: "/Type", in: d) != "OBJR" else { continue }
                seen.insert(child)
                out.append(child)
                visit(child)
            }
        }
        visit(root)
        return out
    }

    /// The text of a dictionary's `/K` value (a reference, an integer, an array or a dictionary).
    static func kValue(_ dictionary: String) -> String? {
        guard let start = PDFText.valueStart(of: "/K", in: dictionary) else { return nil }
        let text = PDFText(PDFText.bytes(dictionary))
        if start < text.bytes.count, text.bytes[start] == UInt8(ascii: "[") || text.bytes[start] == UInt8(ascii: "<") {
            return text.dictionary(at: start)
        }
        // "N 0 R" or an integer: three tokens at most are enough.
        var end = start
        for _ in 0..<3 { end = text.tokenEnd(after: end) }
        return text.slice(start, end)
    }

    /// Page objects in page order.
    static func pages(_ node: Int, _ objects: PDFObjects, depth: Int = 0) -> [Int] {
        guard depth < 32, let dictionary = objects.dictionary(node) else { return [] }
        if PDFText.value(of: "/Type", in: dictionary) == "Page" { return [node] }
        guard let kids = PDFText.array(of: "/Kids", in: dictionary) else { return [] }
        return PDFText.references(in: kids).flatMap { pages($0, objects, depth: depth + 1) }
    }

    static func linkDescription(_ annotation: String, language: String) -> String {
        // "/S /URI /URI (…)": the key is the occurrence followed by a string.
        let text = PDFText(PDFText.bytes(annotation))
        if let key = text.index(of: "/URI (", from: 0) {
            let start = key + 5
            let uri = text.slice(start + 1, text.stringEnd(at: start) - 1).replacingOccurrences(of: "\\", with: "")
            if !uri.isEmpty { return uri }
        }
        return language.lowercased().hasPrefix("zh") ? "转到文档内的位置" : "Go to a place in this document"
    }

    // MARK: Artifacts

    /// The page content with every run drawn outside a marked-content sequence wrapped in `/Artifact BMC … EMC`;
    /// nil when the stream is not one this pass understands (left as cairo wrote it).
    static func artifactsMarked(_ contents: Int, _ objects: PDFObjects) -> [UInt8]? {
        guard let (dictionary, data) = objects.stream(contents), PDFText.value(of: "/Filter", in: dictionary) == "FlateDecode",
              PDFText.valueStart(of: "/DecodeParms", in: dictionary) == nil,
              let plain = inflate(Array(data)), let marked = ArtifactMarker.mark(plain), let packed = deflate(marked) else { return nil }
        return streamObject(contents, dictionary: "/Filter /FlateDecode", data: packed)
    }

    static func inflate(_ data: [UInt8]) -> [UInt8]? {
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard dossier_inflate(data, data.count, &out, &length) == 0, let out else { return nil }
        defer { dossier_zlib_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: length))
    }

    static func deflate(_ data: [UInt8]) -> [UInt8]? {
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard dossier_deflate(data, data.count, 6, &out, &length) == 0, let out else { return nil }
        defer { dossier_zlib_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: length))
    }

    // MARK: Writing

    static func inserting(_ entries: String, into dictionary: String) -> String {
        guard dictionary.hasSuffix(">>") else { return dictionary }
        return String(dictionary.dropLast(2)) + " " + entries + " >>"
    }

    static func object(_ number: Int, _ dictionary: String) -> [UInt8] {
        PDFText.bytes("\(number) 0 obj\n\(dictionary)\nendobj\n")
    }

    static func streamObject(_ number: Int, dictionary: String, data: [UInt8]) -> [UInt8] {
        PDFText.bytes("\(number) 0 obj\n<< \(dictionary) /Length \(data.count) >>\nstream\n") + data + PDFText.bytes("\nendstream\nendobj\n")
    }

    /// The original bytes, the updated objects in number order, their cross-reference section and trailer.
    static func append(_ updated: [Int: [UInt8]], to pdf: [UInt8], objects: PDFObjects, size: Int, information: Int, id: String) -> [UInt8] {
        var out = pdf
        if out.last != 0x0A { out.append(0x0A) }
        var offsets: [(Int, Int)] = []
        for number in updated.keys.sorted() {
            guard let bytes = updated[number] else { continue }
            offsets.append((number, out.count))
            out += bytes
        }
        let xref = out.count
        var table = "xref\n"
        var i = 0
        while i < offsets.count {
            var j = i
            while j + 1 < offsets.count, offsets[j + 1].0 == offsets[j].0 + 1 { j += 1 }
            table += "\(offsets[i].0) \(j - i + 1)\n"
            for k in i...j { table += pad10(offsets[k].1) + " 00000 n \n" }
            i = j + 1
        }
        var trailer = "trailer\n<< /Size \(size) /Root \(objects.root) 0 R"
        trailer += " /Info \(information) 0 R /ID \(id)"
        trailer += " /Prev \(objects.startXref) >>\nstartxref\n\(xref)\n%%EOF\n"
        out += PDFText.bytes(table + trailer)
        return out
    }

    static func pad10(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 10 - s.count)) + s
    }

    // MARK: XMP

    static func xmp(_ info: PDFAccessibility) -> String {
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        let date = xmpDate(info.date)
        var lines = [
            "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">",
            " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
            "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"",
            "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"" +
                (info.archive == nil ? ">" : " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">"),
            "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escaped(info.title))</rdf:li></rdf:Alt></dc:title>",
            "   <dc:language><rdf:Bag><rdf:li>\(escaped(info.language))</rdf:li></rdf:Bag></dc:language>",
        ]
        if !info.author.isEmpty { lines.append("   <dc:creator><rdf:Seq><rdf:li>\(escaped(info.author))</rdf:li></rdf:Seq></dc:creator>") }
        if !info.subject.isEmpty {
            lines.append("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escaped(info.subject))</rdf:li></rdf:Alt></dc:description>")
        }
        if !info.keywords.isEmpty { lines.append("   <pdf:Keywords>\(escaped(info.keywords))</pdf:Keywords>") }
        lines += [
            "   <pdf:Producer>\(escaped(info.producer))</pdf:Producer>",
            "   <xmp:CreateDate>\(escaped(date))</xmp:CreateDate>",
            "   <xmp:ModifyDate>\(escaped(date))</xmp:ModifyDate>",
            "   <xmp:CreatorTool>Dossier</xmp:CreatorTool>",
            "   <pdfuaid:part>1</pdfuaid:part>",
        ]
        if info.archive != nil { lines += ["   <pdfaid:part>2</pdfaid:part>", "   <pdfaid:conformance>B</pdfaid:conformance>"] }
        lines += [
            "  </rdf:Description>",
            " </rdf:RDF>",
            "</x:xmpmeta>",
            "<?xpacket end=\"r\"?>",
        ]
        return lines.joined(separator: "\n")
    }
}
