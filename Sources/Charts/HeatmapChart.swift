import Geometry

/// Entities × categories as shaded, labelled cells, with a colour key above. Shading runs from the low end to
/// `scaleHigh` over the values observed in the chart (for ranks, the best rank is strongest). A missing cell is
/// not the lightest shade, which would read as the worst: it is left in the background colour, outlined and
/// hatched, and marked "—", and the key says so.
struct HeatmapChart: ChartBody {
    let ctx: ChartContext
    init(_ ctx: ChartContext) { self.ctx = ctx }

    /// The values drawn, over every cell.
    private var values: [Double] {
        let columns = SeriesData.categoryCount(ctx.spec)
        return ctx.spec.series.flatMap { series in (0..<columns).compactMap { SeriesData.value(series, $0) } }
    }

    private var hasMissing: Bool {
        let columns = SeriesData.categoryCount(ctx.spec)
        return ctx.spec.series.contains { series in (0..<columns).contains { SeriesData.value(series, $0) == nil } }
    }

    /// The low end of the scale, strengthened toward the high end until it contrasts 3:1 with the background, so
    /// the weakest data cell still stands out from the page (and from a missing cell).
    static func lowEnd(_ theme: ChartTheme) -> Color {
        var c = theme.scaleLow, t = 0.0
        while ChartTheme.contrast(c, theme.background) < 3, t < 1 {
            t = min(1, t + 0.02)
            c = theme.scaleLow.mixed(with: theme.scaleHigh, t)
        }
        return c
    }

    /// The fill of a value between `lo` and `hi`.
    static func fill(_ value: Double, lo: Double, hi: Double, ranks: Bool, theme: ChartTheme) -> Color {
        var t = hi > lo ? (value - lo) / (hi - lo) : 1
        if ranks { t = 1 - t }
        return lowEnd(theme).mixed(with: theme.scaleHigh, t)
    }

    /// The key: the weakest, middle and strongest shades with their values, and the missing-cell pattern.
    func legend() -> Legend {
        let theme = ctx.theme, ranks = ctx.spec.valuesAreRanks
        guard let lo = values.min(), let hi = values.max() else { return Legend(entries: []) }
        // Best first for ranks (1, …, worst), lowest first for values.
        var stops = [lo, (lo + hi) / 2, hi]
        if lo == hi { stops = [lo] }
        if ranks { stops = stops.map { $0.rounded() } }
        var entries = stops.enumerated().map { k, v in
            var text = ctx.format.label(v, preformatted: nil)
            if ranks, k == 0 { text += ctx.words("（最好）", " (best)") }
            return Legend.Entry(label: text, color: Self.fill(v, lo: lo, hi: hi, ranks: ranks, theme: theme), swatch: .square)
        }
        if hasMissing {
            entries.append(Legend.Entry(label: ctx.words("无数据", "no data"), color: theme.muted, swatch: .hatched))
        }
        return Legend(entries: entries)
    }

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
                                   maxWidth: plot.width * 0.3, roomUpTo: plot.width * 0.45)
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
        // Thinned heads are a time axis (every k-th period, full text); heads drawn for every column must be whole.
        if !heads.cut { d.truncatedLabels += heads.truncated }

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
        var cells: [(Rect, Color)] = []
        var missing: [Rect] = []
        var runs: [TextItem] = []
        for (i, series) in spec.series.enumerated() {
            for c in 0..<columns {
                let cell = Rect(x: cols.start(c) + cellGap / 2, y: rows.start(i) + cellGap / 2, width: cellWidth, height: cellHeight)
                let value = SeriesData.value(series, c)
                let fill: Color
                if let value {
                    fill = Self.fill(value, lo: lo, hi: hi, ranks: spec.valuesAreRanks, theme: theme)
                    cells.append((cell, fill))
                } else {
                    fill = theme.background
                    missing.append(cell)
                }
                if showValues {
                    let color = value == nil ? theme.muted : theme.textColor(on: fill)
                    runs.append(ctx.run(texts[i][c], font: valueFont, color: color, x: cell.midX, y: cell.midY, anchor: .middle))
                }
            }
        }
        for (cell, fill) in cells { d.fill(.rect(cell), fill) }
        for cell in missing {
            let inner = cell.inset(by: Insets(all: 0.5 * s))
            d.stroke(Hatch.path(in: inner, spacing: 4 * s), theme.grid, width: 0.6 * s)
            d.stroke(.rect(inner), theme.muted, width: 0.6 * s)
        }
        for run in runs { d.label(run) }
        return rows.range.1
    }
}
