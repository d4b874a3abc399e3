import Geometry

/// A one-period ranking drawn honestly: a dot per entity on a rank axis that runs from rank 1 (best, at the left,
/// marked so) to the survey size or the worst rank shown, best first, each dot labelled with its rank.
///
/// A rank is a position, not a quantity: as a bar length (`worst + 1 − rank`) the 13th of 13 gets no bar and the
/// 2nd looks half as good as the 1st. Dots keep ranks positions; the bar and grouped-bar kinds use this form (or
/// `DotChart` for several categories) whenever their values are ranks.
struct RankDotChart: ChartBody {
    let ctx: ChartContext
    /// Rows in drawing order: (series index, rank), best first, missing last in their given order.
    let rows: [(series: Int, value: Double?)]

    init(_ ctx: ChartContext) {
        self.ctx = ctx
        let unsorted = ctx.spec.series.indices.map { ($0, SeriesData.value(ctx.spec.series[$0], 0)) }
        guard !ctx.spec.rowsInGivenOrder else {
            rows = unsorted.map { (series: $0.0, value: $0.1) }
            return
        }
        rows = unsorted.enumerated().sorted { a, b in
            switch (a.element.1, b.element.1) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map { (series: $0.element.0, value: $0.element.1) }
    }

    func notes() -> [String] { [ChartNotes.rankAxis(ctx)] }

    func legend() -> Legend {
        let groups = ctx.spec.series.map(\.group)
        let entries = SeriesColors.groupLegend(groups, labels: ctx.spec.groupLabels, theme: ctx.theme, swatch: .marker(.circle))
        return Legend(entries: entries.count >= 2 ? entries : [])
    }

    func draw(in plot: Rect, into d: inout ChartDrawing) -> Double {
        let spec = ctx.spec, theme = ctx.theme, s = theme.scale
        let values = rows.compactMap(\.value)
        guard !rows.isEmpty, !values.isEmpty else { return NoData.draw(ctx, in: plot, into: &d) }

        let axisHeight = ValueAxis.height(ctx) + theme.tickFont.lineBoxHeight
        let references = ReferenceLines(ctx), shaded = ShadedBands(ctx)
        let band = Rows.band(count: rows.count, top: plot.minY + references.headroom, bottom: plot.maxY - axisHeight, paddingInner: 0)
        let highlighted = Set(rows.indices.filter { spec.series[rows[$0].series].id == spec.highlight })
        let names = RowLabels(rows.map { spec.series[$0.series].label }, ctx: ctx, rowStep: band.step,
                              maxWidth: plot.width * 0.3, roomUpTo: plot.width * 0.45, bold: highlighted)
        let texts = rows.map { row in
            ctx.format.label(row.value, preformatted: SeriesData.valueLabel(spec.series[row.series], 0))
        }
        let valueFont = names.font, valueBold = names.boldFont
        let valueRoom = (texts.map { ctx.width($0, valueBold) }.max() ?? 0) + 4 * s
        let gap = 6 * s
        let x0 = plot.minX + names.width + gap
        let r = min(theme.markerRadius * 1.1, band.step * 0.3)
        // The axis runs to the survey size when known ("13th of 22" sits in the first two thirds, not at the end).
        let outOf = SeriesData.outOf(spec, 0)
        let axis = ValueAxis.horizontal(ranks: true, values: values + references.values + shaded.values, maxRank: outOf, includeZero: false,
                                        range: (x0 + r + 2 * s, max(x0 + r + 3 * s, plot.maxX - r - valueRoom)), ctx: ctx)
        let rowsBottom = band.range.1
        shaded.drawAcrossRows(x: axis.position, ranks: true, top: band.start(0), bottom: rowsBottom, limits: x0...max(x0, plot.maxX),
                              plot: plot, into: &d)
        axis.draw(top: band.start(0), bottom: rowsBottom, title: spec.valueAxisTitle, titleRight: x0 - gap, ctx: ctx, into: &d)
        // Rank 1 is where a reader looks first: say under it that it is the best.
        let best = ctx.run(ctx.words("最好", "best"), font: theme.tickFont, color: theme.muted, x: axis.position(1),
                           y: rowsBottom + ValueAxis.height(ctx), anchor: .start, baseline: .top)
        d.text(best)
        names.draw(centers: rows.indices.map { band.center($0) }, right: x0 - gap, bold: highlighted, ctx: ctx, into: &d)

        let colors = SeriesColors.groupColors(spec.series.map(\.group), theme: theme)
        var guides = Path()
        for k in rows.indices {
            guard let value = rows[k].value else { continue }
            guides.move(to: Point(axis.position(1), band.center(k)))
            guides.line(to: Point(axis.position(value), band.center(k)))
        }
        // A faint guide from rank 1 leads the eye along the row without reading as a length.
        d.stroke(guides, theme.grid, width: theme.gridWidth, dash: [2 * s, 2 * s])
        references.drawVertical(x: axis.position, top: band.start(0), bottom: rowsBottom, plot: plot, into: &d)
        let dotBox = { (k: Int, value: Double) in Rect(x: axis.position(value) - r, y: band.center(k) - r, width: 2 * r, height: 2 * r) }
        for (k, row) in rows.enumerated() {
            let center = band.center(k)
            let isHighlight = highlighted.contains(k)
            var color = colors[row.series]
            if spec.highlight != nil { color = isHighlight ? theme.accent : theme.tint(color, 0.45) }
            guard let value = row.value else {
                d.label(ctx.run(texts[k], font: valueFont, color: theme.muted, x: axis.position(1), y: center))
                continue
            }
            let x = axis.position(value)
            d.fill(MarkerShape.circle.path(center: Point(x, center), radius: r), color,
                   stroke: StrokeStyle(color: theme.background, width: 0.6 * s))
            d.label(ctx.run(texts[k], font: isHighlight ? valueBold : valueFont, color: theme.text, x: x + r + 3 * s, y: center))
        }
        if !spec.callouts.isEmpty {
            let boxes = rows.indices.compactMap { k in rows[k].value.map { dotBox(k, $0) } }
            CalloutPlacer(ctx).draw(mark: { i, c in
                guard c == 0, let k = rows.firstIndex(where: { $0.series == i }), let value = rows[k].value else { return nil }
                return CalloutPlacer.Mark(anchor: Point(axis.position(value), band.center(k)), box: dotBox(k, value))
            }, obstacles: boxes, segments: [], region: Rect(x: x0, y: plot.minY, width: max(0, plot.maxX - x0), height: rowsBottom - plot.minY), into: &d)
        }
        return rowsBottom + axisHeight
    }
}
