import Charts
import Geometry
import Layout
import Model
import Spec

/// The footnotes cited by one block (a paragraph's text section, a list, a table, a figure), numbered from 1 in
/// order of first citation.
struct FootnoteScope {
    var ids: [String] = []

    /// The number of a note in this block, citing it the first time.
    mutating func number(_ id: String) -> Int {
        if let k = ids.firstIndex(of: id) { return k + 1 }
        ids.append(id)
        return ids.count
    }
}

extension ReportBuilder {
    /// The marker of the n-th note of a block: ①②③ in Chinese (the usual footnote marks there), ¹²³ in English.
    func footnoteMarker(_ n: Int) -> String {
        if Language.isChinese(language), (1...20).contains(n), let circled = Unicode.Scalar(0x2460 + n - 1) { return String(Character(circled)) }
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { superscripts[$0] } })
    }

    /// `text` with each `[^id]` replaced by its marker in `scope`. An id not declared under `footnotes:` is an
    /// error at `location` and is left out of the text.
    mutating func markFootnotes(_ text: String, at location: SourceLocation?, scope: inout FootnoteScope) -> String {
        guard text.contains("[^") else { return text }
        var out = "", rest = Substring(text)
        while let open = rest.range(of: "[^") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: "]"), FootnoteSpec.isValidID(String(after[..<close])) else {
                out += "[^"
                rest = after
                continue
            }
            let id = String(after[..<close])
            if spec.footnotes.contains(where: { $0.id == id }) {
                usedFootnotes.insert(id)
                out += footnoteMarker(scope.number(id))
            } else {
                let declared = spec.footnotes.map(\.id)
                diagnostics.append(.error("footnote '[^\(id)]' is not declared", at: location,
                                          hint: Suggestion.hint(for: id, in: declared)
                                              ?? "declare it at the top of the spec: footnotes: {\(id): \"…\"}", code: .badValue))
            }
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }

    /// The lines of a block's note block: "① text" / "¹ text", in citation order.
    mutating func footnoteLines(_ scope: FootnoteScope) -> [String] {
        scope.ids.enumerated().compactMap { k, id in
            guard let note = spec.footnotes.first(where: { $0.id == id }) else { return nil }
            return footnoteMarker(k + 1) + " " + render(note.text)
        }
    }

    /// The note block under a text, list or figure: tagged Note in the PDF structure tree.
    mutating func addFootnoteBlock(_ scope: FootnoteScope) {
        guard !scope.ids.isEmpty else { return }
        blocks.append(.note(InlineMarkup.parse(footnoteLines(scope).joined(separator: "\n"))))
    }

    /// Marks the footnotes of a table: its title, then its cells in reading order, with the cell notes (`notes:`)
    /// attached first; the notes go under the table, above its source line.
    mutating func footnoteTable(_ table: inout TableBlock, _ t: TableSpec) {
        for n in t.cellNotes {
            guard spec.footnotes.contains(where: { $0.id == n.note }) else {
                diagnostics.append(.error("footnote '\(n.note)' is not declared", at: n.location,
                                          hint: Suggestion.hint(for: n.note, in: spec.footnotes.map(\.id)) ?? "declare it at the top of the spec: footnotes: {\(n.note): \"…\"}",
                                          code: .badValue))
                continue
            }
            let name = dataset.entity(n.entity)?.name(language)
            guard let row = table.rows.firstIndex(where: { $0.first?.text == name && name != nil }) else {
                diagnostics.append(.error("table '\(t.id)': '\(n.entity)' is not a row of the table", at: n.location,
                                          hint: "attach the note to an entity the table lists", code: .unknownEntity))
                continue
            }
            guard n.column < table.rows[row].count else {
                diagnostics.append(.error("table '\(t.id)': column \(n.column) is past the table's last column (\(table.rows[row].count - 1))", at: n.location,
                                          hint: "count printed columns from 0 at the name column", code: .badValue))
                continue
            }
            table.rows[row][n.column].spans.append(InlineSpan("[^\(n.note)]"))
        }
        var scope = FootnoteScope()
        table.title = markFootnotes(table.title, at: t.title.location, scope: &scope)
        for r in table.headerRows.indices { markCells(&table.headerRows[r], at: t.location, scope: &scope) }
        for r in table.rows.indices { markCells(&table.rows[r], at: t.location, scope: &scope) }
        table.notes += footnoteLines(scope)
    }

    private mutating func markCells(_ cells: inout [TableCell], at location: SourceLocation, scope: inout FootnoteScope) {
        for c in cells.indices where cells[c].spans.contains(where: { $0.text.contains("[^") }) {
            for s in cells[c].spans.indices { cells[c].spans[s].text = markFootnotes(cells[c].spans[s].text, at: location, scope: &scope) }
        }
    }

    /// A footnote declared but cited nowhere is a warning at its id.
    mutating func warnUnusedFootnotes() {
        for note in spec.footnotes where !usedFootnotes.contains(note.id) {
            diagnostics.append(.warning("footnote '\(note.id)' is cited nowhere", at: note.location,
                                        hint: "cite it as [^\(note.id)] in a text, list, table or chart title, or remove it", code: .unusedKey))
        }
    }
}
