import Geometry

/// What a chart shows when there is nothing to draw.
enum NoData {
    static func draw(_ ctx: ChartContext, in plot: Rect, into drawing: inout ChartDrawing) -> Double {
        let theme = ctx.theme
        drawing.text(ctx.run(ctx.words("无数据", "No data"), font: theme.labelFont, color: theme.muted,
                             x: plot.midX, y: plot.midY, anchor: .middle))
        drawing.warn("chart '\(ctx.spec.title)' has no data to draw", code: .chartEmpty)
        return plot.maxY
    }
}
