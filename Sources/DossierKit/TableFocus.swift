import Geometry
import Layout
import Model
import Spec

/// Emphasis in matrix tables: the rows of the `focus:` entities are shaded with the style's `focus_row` colour
/// and set in bold (so the emphasis does not rest on colour alone).
extension ReportBuilder {
    /// The ids of the focus entities; every one must be a row of the table (an error otherwise).
    mutating func focusRows(_ t: TableSpec, rows: [Entity]) -> Set<String> {
        guard !t.focus.isEmpty else { return [] }
        let chosen = entities(t.focus)
        let shown = Set(rows.map(\.id))
        for e in chosen where !shown.contains(e.id) {
            diagnostics.append(.error("focus entity '\(e.id)' is not a row of table '\(t.id)'", at: t.focus.location ?? t.location,
                                      hint: "focus shades rows of the table; add \(e.id) to its entities or remove it from focus", code: .focusOutside))
        }
        if chosen.isEmpty {
            diagnostics.append(.warning("the focus of table '\(t.id)' selects no entity", at: t.focus.location ?? t.location, code: .emptyFocus))
        }
        return Set(chosen.map(\.id)).intersection(shown)
    }

    /// A focus row: cells without a fill of their own (rank shades keep theirs) take the focus colour; all text bold.
    func emphasized(_ row: [TableCell]) -> [TableCell] {
        let fill = style.monochrome ? style.colors.focusRow.grayscale : style.colors.focusRow
        return row.map { cell in
            var c = cell
            if c.fill == nil { c.fill = fill }
            c.bold = true
            return c
        }
    }
}

extension Indicator {
    /// The indicator with a column's `format: {decimals}` (itself when the column sets none).
    func withDecimals(_ decimals: Int?) -> Indicator {
        guard let decimals else { return self }
        var copy = self
        copy.format.decimals = decimals
        return copy
    }
}
