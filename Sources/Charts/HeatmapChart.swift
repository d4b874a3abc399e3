import Geometry

/// Entities × categories as shaded, labelled cells. Shading runs from `scaleLow` to `scaleHigh` over the values
/// observed in the chart (for ranks, the best rank is darkest); a missing cell is left light and marked "—".
struct HeatmapChart: ChartBody {
    let ctx: ChartContext
    init(_ ctx: ChartContext) { self.ctx = ctx }

    func notes() -> [String] { [ChartNotes.shading(ranks: ctx.spec.valuesAreRanks, ctx)] }

    func draw(in plot: Rect, into d: inout ChartDrawing) -> Double {
        let spec = ctx.spec, theme = ctx.theme, s = theme.scale
        let columns = SeriesData.categoryCount(spec)
        let values = spec.series.flatMap { series in (0..<columns).compactMap { SeriesData.value(series, $0) } }
        guard columns > 0, !spec.series.isEmpty, let lo = values.min(), let hi = values.max() else {
            return NoData.draw(ctx, in: plot, into: &d)
        }

        // Row labels need the row height, which needs the header height, which needs the column width: start
        // from a first guess of the label column and settle the header once.
        let gap = 6 * s
        // The head takes about one row.
        let guessNames = RowLabels(spec.series.map(\.label), ctx: ctx, rowStep: plot.height / Double(spec.series.count + 1),
                                   maxWidth: plot.width * 0.3)
        let left = plot.minX + guessNames.width + gap
        let cols = BandScale(count: columns, range: (left, plot.maxX), paddingInner: 0)
        let heads = ColumnHeads((0..<columns).map { SeriesData.category(spec, $0) }, font: theme.tickFont,
                                width: cols.bandwidth - 4 * s, maxLines: 3, ctx: ctx)
        let pitch = heads.pitch
        let headHeight = Double(max(1, heads.lineCount)) * pitch + 4 * s
        let rows = Rows.band(count: spec.series.count, top: plot.minY + headHeight, bottom: plot.maxY, paddingInner: 0)
        let names = RowLabels(spec.series.map(\.label), ctx: ctx, rowStep: rows.step, maxWidth: guessNames.width)
        names.draw(centers: spec.series.indices.map { rows.center($0) }, right: left - gap, ctx: ctx, into: &d)

        // Column heads sit at the bottom of the head area so short heads line up with the cells.
        for c in 0..<columns {
            let lines = heads.lines[c]
            for (k, line) in lines.enumerated() {
                let baseTop = plot.minY + headHeight - 4 * s - Double(lines.count - k) * pitch
                d.text(ctx.run(line, font: heads.font, color: theme.text, x: cols.center(c), y: baseTop + pitch / 2, anchor: .middle))
            }
        }

        let cellGap = max(0.5, 1 * s)
        let fontSize = min(theme.labelFont.size, (rows.step - cellGap) / 1.2)
        let valueFont = theme.labelFont.with(size: fontSize)
        let span = hi - lo
        var dropped = 0
        for (i, series) in spec.series.enumerated() {
            for c in 0..<columns {
                let cell = Rect(x: cols.start(c) + cellGap / 2, y: rows.start(i) + cellGap / 2,
                                width: cols.bandwidth - cellGap, height: rows.step - cellGap)
                let value = SeriesData.value(series, c)
                let fill: Color
                if let value {
                    var t = span > 0 ? (value - lo) / span : 1
                    if spec.valuesAreRanks { t = 1 - t }
                    fill = theme.scaleLow.mixed(with: theme.scaleHigh, t)
                } else {
                    fill = theme.missingFill
                }
                d.fill(.rect(cell), fill)
                let text = ctx.format.label(value, preformatted: SeriesData.valueLabel(series, c))
                let color = value == nil ? theme.muted : theme.textColor(on: fill)
                let run = ctx.run(text, font: valueFont, color: color, x: cell.midX, y: cell.midY, anchor: .middle)
                if run.width <= cell.width - 2 * s, fontSize >= 4 * s { d.label(run) } else { dropped += 1 }
            }
        }
        if dropped > 0 {
            d.warn("chart '\(spec.title)' has cells too small for \(dropped) value labels",
                   code: "chart-labels-dropped")
        }
        return rows.range.1
    }
}
