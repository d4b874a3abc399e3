import Geometry

/// Horizontal bars of values from zero, largest first, labelled with their values; the highlighted entity in the
/// accent colour. Ranks never come here: a rank is not a length (`RankDotChart` draws them).
struct BarChart: ChartBody {
    let ctx: ChartContext
    /// Rows in drawing order: (series index, value).
    let rows: [(series: Int, value: Double?)]

    init(_ ctx: ChartContext) {
        self.ctx = ctx
        let unsorted = ctx.spec.series.indices.map { ($0, SeriesData.value(ctx.spec.series[$0], 0)) }
        // Stable sort, best first; missing values go last in their given order.
        guard !ctx.spec.rowsInGivenOrder else {
            rows = unsorted.map { (series: $0.0, value: $0.1) }
            return
        }
        rows = unsorted.enumerated().sorted { a, b in
            switch (a.element.1, b.element.1) {
            case let (x?, y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map { (series: $0.element.0, value: $0.element.1) }
    }

    func legend() -> Legend {
        let groups = ctx.spec.series.map(\.group)
        var entries = SeriesColors.groupLegend(groups, labels: ctx.spec.groupLabels, theme: ctx.theme, swatch: .square)
        // With a highlight the other bars are tinted; the key must show the colours as drawn.
        if ctx.spec.highlight != nil { entries = entries.map { Legend.Entry(label: $0.label, color: ctx.theme.tint($0.color, 0.55), swatch: $0.swatch) } }
        return Legend(entries: entries.count >= 2 ? entries : [])
    }

    func draw(in plot: Rect, into d: inout ChartDrawing) -> Double {
        let spec = ctx.spec, theme = ctx.theme, s = theme.scale
        let values = rows.compactMap(\.value)
        guard !rows.isEmpty, !values.isEmpty else { return NoData.draw(ctx, in: plot, into: &d) }

        let axisHeight = ValueAxis.height(ctx)
        let references = ReferenceLines(ctx), shaded = ShadedBands(ctx)
        // Bars grow with the room up to about two and a half lines of type; beyond that the gaps grow instead.
        let band = Rows.band(count: rows.count, top: plot.minY + references.headroom, bottom: plot.maxY - axisHeight,
                             maxBand: theme.labelFont.lineBoxHeight * 2.5, paddingInner: 0.3)
        let rowsBottom = band.range.1
        let highlighted = Set(rows.indices.filter { spec.series[rows[$0].series].id == spec.highlight })
        let names = RowLabels(rows.map { spec.series[$0.series].label }, ctx: ctx, rowStep: band.step,
                              maxWidth: plot.width * 0.3, roomUpTo: plot.width * 0.45, bold: highlighted)
        let valueFont = names.font, valueBold = names.boldFont
        let texts = rows.map { row in
            ctx.format.label(row.value, preformatted: SeriesData.valueLabel(spec.series[row.series], 0))
        }
        let valueRoom = (texts.map { ctx.width($0, valueBold) }.max() ?? 0) + 4 * s
        let gap = 6 * s
        let bars = BarLengths(values: values + references.values + shaded.values, plotMinX: plot.minX, plotMaxX: plot.maxX, namesWidth: names.width,
                              gap: gap, valueRoom: valueRoom, ctx: ctx)
        let x0 = bars.start, axis = bars.axis, zero = bars.zero
        names.draw(centers: rows.indices.map { band.center($0) }, right: x0 - gap, bold: highlighted, ctx: ctx, into: &d)
        shaded.drawAcrossRows(x: bars.end, ranks: false, top: band.start(0) - band.step * 0.15, bottom: rowsBottom,
                              limits: x0...max(x0, plot.maxX), plot: plot, into: &d)
        axis.draw(top: band.start(0) - band.step * 0.15, bottom: rowsBottom, title: spec.valueAxisTitle,
                  titleRight: x0 - gap, ctx: ctx, into: &d)

        // Values label every bar or none: rows too tight for their type would keep a scattered few.
        let showValues = band.step >= valueFont.lineBoxHeight * 0.95
        if !showValues {
            // The values stay readable on the axis; the chart says why they are not printed (never silently).
            d.note(ctx.words("行距过小，未标出数值，请以坐标轴读数。", "The rows are too tight to print the values; read them from the axis."))
        }
        let colors = SeriesColors.groupColors(spec.series.map(\.group), theme: theme)
        func barBox(_ k: Int, _ value: Double) -> Rect {
            let end = bars.end(value)
            return Rect(x: min(zero, end), y: band.start(k), width: abs(end - zero), height: band.bandwidth)
        }
        for (k, row) in rows.enumerated() {
            let center = band.center(k)
            let isHighlight = highlighted.contains(k)
            var color = colors[row.series]
            if spec.highlight != nil { color = isHighlight ? theme.accent : theme.tint(color, 0.55) }
            guard let value = row.value else {
                if showValues { d.label(ctx.run(texts[k], font: valueFont, color: theme.muted, x: zero + 3 * s, y: center)) }
                continue
            }
            let end = bars.end(value)
            d.fill(.rect(barBox(k, value)), color)
            guard showValues else { continue }
            let font = isHighlight ? valueBold : valueFont
            let ahead = end >= zero
            d.label(ctx.run(texts[k], font: font, color: theme.text, x: end + (ahead ? 3 : -3) * s, y: center,
                            anchor: ahead ? .start : .end))
        }
        // A baseline at zero anchors the bars.
        d.stroke(.line(from: Point(zero, band.start(0) - band.step * 0.15), to: Point(zero, band.start(rows.count - 1) + band.bandwidth + band.step * 0.15)),
                 theme.axis, width: theme.axisWidth)
        references.drawVertical(x: bars.end, top: band.start(0) - band.step * 0.15, bottom: rowsBottom, plot: plot, into: &d)
        if !spec.callouts.isEmpty {
            let boxes = rows.indices.compactMap { k in rows[k].value.map { barBox(k, $0) } }
            CalloutPlacer(ctx).draw(mark: { i, c in
                guard c == 0, let k = rows.firstIndex(where: { $0.series == i }), let value = rows[k].value else { return nil }
                return CalloutPlacer.Mark(anchor: Point(bars.end(value), band.center(k)), box: barBox(k, value))
            }, obstacles: boxes, segments: [], region: Rect(x: x0, y: plot.minY, width: max(0, plot.maxX - x0), height: rowsBottom - plot.minY), into: &d)
        }
        return rowsBottom + axisHeight
    }
}
