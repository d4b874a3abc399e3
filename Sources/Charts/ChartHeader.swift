import Geometry

/// The number, title and subtitle above a chart ("图 1  埃森哲总体排名"), so an exported image stands alone.
enum ChartHeader {
    static func layout(_ ctx: ChartContext, x: Double, width: Double, subtitle: Bool = true) -> TextBlock {
        let spec = ctx.spec, theme = ctx.theme
        var block = TextBlock()
        if !spec.captionOutside {
            var spans: [TextSpan] = []
            if !spec.number.isEmpty {
                // Two spaces separate number and title, as in printed Chinese reports.
                spans.append(TextSpan(text: spec.number + "  ", font: theme.titleFont, color: theme.accent))
            }
            spans.append(TextSpan(text: spec.title, font: theme.titleFont, color: theme.text))
            block.append(spans, ctx: ctx, x: x, width: width, pitch: theme.titleFont.size * 1.3)
        }
        if subtitle, !spec.subtitle.isEmpty {
            block.addSpace(theme.subtitleFont.size * 0.1)
            block.append([TextSpan(text: spec.subtitle, font: theme.subtitleFont, color: theme.muted)],
                         ctx: ctx, x: x, width: width, pitch: theme.subtitleFont.size * 1.35)
        }
        return block
    }
}
