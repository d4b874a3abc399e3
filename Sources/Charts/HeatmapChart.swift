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
        // Heads whose words do not fit their column even at the smallest type (a hundred periods) are thinned:
        // every k-th on one line, with the last kept, as on a time axis.
        let thinned = heads.cut ? Axis.strideIndices(count: columns, step: cols.step,
                                                      widest: (0..<columns).map { ctx.width(SeriesData.category(spec, $0), heads.font) }.max() ?? 0,
                                                      gap: 4 * s) : Array(0..<columns)
        let pitch = heads.pitch
        let headLines = heads.cut ? 1 : max(1, heads.lineCount)
        let headHeight = Double(headLines) * pitch + 4 * s
        let rows = Rows.band(count: spec.series.count, top: plot.minY + headHeight, bottom: plot.maxY, paddingInner: 0)
        let names = RowLabels(spec.series.map(\.label), ctx: ctx, rowStep: rows.step, maxWidth: guessNames.width)
        names.draw(centers: spec.series.indices.map { rows.center($0) }, right: left - gap, ctx: ctx, into: &d)

        // Column heads sit at the bottom of the head area so short heads line up with the cells.
        var headRuns: [[TextItem]] = []
        for c in thinned {
            let lines = heads.cut ? [SeriesData.category(spec, c)] : heads.lines[c]
            headRuns.append(lines.enumerated().map { k, line in
                let baseTop = plot.minY + headHeight - 4 * s - Double(lines.count - k) * pitch
                var run = ctx.run(line, font: heads.font, color: theme.text, x: cols.center(c), y: baseTop + pitch / 2, anchor: .middle)
                // A thinned head wider than its column is kept over the cells at the ends of the row.
                run.origin.x = min(max(run.origin.x, left), plot.maxX - run.width)
                return run
            })
        }
        // Heads that would touch a neighbour give way, the last (latest period) first to stay.
        let headBoxes = headRuns.map { runs in runs.dropFirst().reduce(runs.first?.bounds ?? Rect(x: 0, y: 0, width: 0, height: 0)) { $0.union($1.bounds) } }
        let shownHeads = heads.cut ? LabelPlacer.nonOverlapping(headBoxes, priority: headBoxes.indices.map { headBoxes.count - 1 - $0 }, margin: 2 * s)
                                   : Array(headRuns.indices)
        for k in shownHeads { for run in headRuns[k] { d.text(run) } }

        // Values go in every cell or in none: a scattered subset would read as highlighting. The type shrinks to
        // fit the smallest cell, down to a floor; below it the cells are shaded only and the note says so.
        let cellGap = max(0.5, 1 * s)
        let cellWidth = cols.bandwidth - cellGap, cellHeight = rows.step - cellGap
        let texts = spec.series.map { series in
            (0..<columns).map { ctx.format.label(SeriesData.value(series, $0), preformatted: SeriesData.valueLabel(series, $0)) }
        }
        let widestText = texts.flatMap { $0 }.map { ctx.width($0, theme.labelFont) }.max() ?? 0
        let byWidth = widestText > 0 ? theme.labelFont.size * (cellWidth - 2 * s) / widestText : theme.labelFont.size
        let fontSize = min(theme.labelFont.size, cellHeight / 1.2, byWidth)
        let showValues = fontSize >= 4.5 * s
        let valueFont = theme.labelFont.with(size: fontSize)
        if !showValues {
            d.note(ctx.words("单元格过小，未标出数值。", "The cells are too small to print their values."))
        }
        let span = hi - lo
        var cells: [(Rect, Color)] = []
        var runs: [TextItem] = []
        for (i, series) in spec.series.enumerated() {
            for c in 0..<columns {
                let cell = Rect(x: cols.start(c) + cellGap / 2, y: rows.start(i) + cellGap / 2, width: cellWidth, height: cellHeight)
                let value = SeriesData.value(series, c)
                let fill: Color
                if let value {
                    var t = span > 0 ? (value - lo) / span : 1
                    if spec.valuesAreRanks { t = 1 - t }
                    fill = theme.scaleLow.mixed(with: theme.scaleHigh, t)
                } else {
                    fill = theme.missingFill
                }
                cells.append((cell, fill))
                if showValues {
                    let color = value == nil ? theme.muted : theme.textColor(on: fill)
                    runs.append(ctx.run(texts[i][c], font: valueFont, color: color, x: cell.midX, y: cell.midY, anchor: .middle))
                }
            }
        }
        for (cell, fill) in cells { d.fill(.rect(cell), fill) }
        for run in runs { d.label(run) }
        return rows.range.1
    }
}
