import Geometry

/// The notes ("注：…" / "Note: …") and source line under a chart, small and muted.
enum SourceNote {
    static func layout(_ ctx: ChartContext, notes: [String], source: Bool = true, x: Double, width: Double) -> TextBlock {
        let theme = ctx.theme
        var block = TextBlock()
        let pitch = theme.noteFont.size * 1.35
        if !notes.isEmpty {
            let prefix = ctx.words("注：", "Note: ")
            let joined = notes.joined(separator: ctx.isChinese ? "" : " ")
            block.append([TextSpan(text: prefix + joined, font: theme.noteFont, color: theme.muted)],
                         ctx: ctx, x: x, width: width, pitch: pitch)
        }
        if source, !ctx.spec.sourceNote.isEmpty {
            block.append([TextSpan(text: ctx.spec.sourceNote, font: theme.noteFont, color: theme.muted)],
                         ctx: ctx, x: x, width: width, pitch: pitch)
        }
        return block
    }
}
