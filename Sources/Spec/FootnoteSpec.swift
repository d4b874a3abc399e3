import Geometry
import Model

/// A footnote of the report (`footnotes:` at the top of a spec, id → text). Text, list items, table titles and
/// chart titles cite it with `[^id]`; a matrix table attaches it to a cell with `notes:`. Each block that cites
/// notes numbers them from 1 and prints them in a note block under itself.
public struct FootnoteSpec: Hashable, Sendable {
    public var id: String
    public var text: SpecText
    /// Where the id is written, for the warning about a note nothing cites.
    public var location: SourceLocation
    public init(id: String, text: SpecText, location: SourceLocation) { self.id = id; self.text = text; self.location = location }

    /// Whether `id` uses only the characters a footnote id may: letters, digits, '-' and '_'.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

/// A footnote attached to one cell of a matrix table (`notes: [{entity: CN, column: 1, note: ID}]`): the cell of
/// the entity's row in the printed column (0 = the name column).
public struct CellNoteSpec: Hashable, Sendable {
    public var entity: String
    public var column: Int
    public var note: String
    public var location: SourceLocation
    public init(entity: String, column: Int, note: String, location: SourceLocation) {
        self.entity = entity; self.column = column; self.note = note; self.location = location
    }
}

extension SpecReader {
    /// `footnotes:` of a spec: a mapping from id to text, in the order written.
    func footnotes(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> [FootnoteSpec] {
        guard var m = node.mapping(&diagnostics, what: "'footnotes'") else { return [] }
        var out: [FootnoteSpec] = []
        for key in m.keys {
            let at = m.keyLocation(key)
            guard FootnoteSpec.isValidID(key) else {
                diagnostics.append(.error("footnote id '\(key)' may use only letters, digits, '-' and '_'", at: at,
                                          hint: "write e.g. footnotes: {un-stages: \"…\"} and cite it as [^un-stages]", code: .badId))
                _ = m.value(key)
                continue
            }
            guard let text = text(m.value(key), &diagnostics) else { continue }
            out.append(FootnoteSpec(id: key, text: text, location: at))
        }
        m.finish(&diagnostics)
        return out
    }

    /// `notes:` of a matrix table: footnotes attached to cells.
    func cellNotes(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> [CellNoteSpec] {
        let usage = "write notes: [{entity: CN, column: 1, note: ID}] (column 0 is the name column) with ID under footnotes:"
        return (node.sequence(&diagnostics, what: "'notes'") ?? []).compactMap { item in
            guard var m = item.mapping(&diagnostics, what: "a cell note") else { return nil }
            defer { m.finish(&diagnostics) }
            for key in ["entity", "column", "note"] where !m.has(key) {
                diagnostics.append(.error("a cell note needs '\(key)'", at: item.location, hint: usage, code: .missingKey))
                return nil
            }
            guard let entity = m.string("entity", &diagnostics).map(substitute), let column = m.int("column", &diagnostics),
                  let note = m.string("note", &diagnostics) else { return nil }
            guard column >= 0 else {
                diagnostics.append(.error("a cell note's column must be 0 or more, got \(column)", at: m.keyLocation("column"), hint: usage, code: .badValue))
                return nil
            }
            return CellNoteSpec(entity: entity, column: column, note: note, location: item.location)
        }
    }
}
