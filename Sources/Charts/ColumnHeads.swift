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

    init(_ names: [String], font base: FontSpec, width: Double, maxLines: Int, ctx: ChartContext) {
        let room = max(width, 1)
        let widestWord = names.flatMap { $0.split(separator: " ") }.map { ctx.width(String($0), base) }.max() ?? 0
        let factor = widestWord > room ? max(0.75, room / widestWord) : 1
        font = base.with(size: base.size * factor)
        pitch = font.lineBoxHeight * 1.05
        let font = self.font
        lines = names.map { name in
            let wrapped = ctx.wrap(name, font: font, maxWidth: room)
            guard wrapped.count > maxLines, maxLines > 0 else { return wrapped }
            // The last kept line runs on into the next, so shortening it shows the "…".
            let last = wrapped[maxLines - 1] + (ctx.isChinese ? "" : " ") + wrapped[maxLines]
            return Array(wrapped.prefix(maxLines - 1)) + [Truncation.fit(last, font: font, maxWidth: room, ctx: ctx)]
        }
    }

    /// The most lines any head takes.
    var lineCount: Int { lines.map(\.count).max() ?? 0 }
}
