import Geometry

/// Names over the columns of a heat map or stage ladder, wrapped to the column width.
///
/// A word wider than its column would be cut mid-word by the line breaker ("communicatio"), so the type shrinks
/// (to 75 % at most) until every word fits; a name still longer than `maxLines` ends in "…" rather than losing its
/// last line without a trace.
struct ColumnHeads {
    let font: FontSpec
    let lines: [[String]]
    let pitch: Double
    /// Some word is wider than the column even at the smallest type, so the line breaker cut it: the heads
    /// cannot all be shown (a heat map with a hundred periods thins them instead).
    let cut: Bool
    /// How many heads end in "…" (more lines than `maxLines`, or a cut word).
    let truncated: Int

    init(_ names: [String], font base: FontSpec, width: Double, maxLines: Int, ctx: ChartContext) {
        let room = max(width, 1)
        let widestWord = names.flatMap { $0.split(separator: " ") }.map { ctx.width(String($0), base) }.max() ?? 0
        // A little under the exact fit: glyph widths do not scale quite linearly with the size (hinting), and a
        // word a hair too wide would still be broken.
        let factor = widestWord > room ? max(0.75, room * 0.95 / widestWord) : 1
        font = base.with(size: base.size * factor)
        cut = widestWord * factor > room * 0.95 + 0.01
        pitch = font.lineBoxHeight * 1.05
        let font = self.font
        let cut = self.cut
        lines = names.map { name in
            // A word cut by the line breaker ("Interactiv / e") reads as two words: shorten the name instead.
            if cut { return [Truncation.fit(name, font: font, maxWidth: room, ctx: ctx)] }
            let wrapped = ctx.wrap(name, font: font, maxWidth: room)
            guard wrapped.count > maxLines, maxLines > 0 else { return wrapped }
            // The last kept line runs on into the next, so shortening it shows the "…".
            let last = wrapped[maxLines - 1] + (ctx.isChinese ? "" : " ") + wrapped[maxLines]
            return Array(wrapped.prefix(maxLines - 1)) + [Truncation.fit(last, font: font, maxWidth: room, ctx: ctx)]
        }
        truncated = zip(names, lines).filter { name, lines in lines.contains { $0.hasSuffix("…") } && !name.contains("…") }.count
    }

    /// The most lines any head takes.
    var lineCount: Int { lines.map(\.count).max() ?? 0 }
}
