import Geometry

/// One row per entity with a bar of its value from zero per category (indicator), keyed by a legend. Ranks never
/// come here: a rank is not a length (`DotChart` draws them on a rank axis).
struct GroupedBarChart: ChartBody {
    let ctx: ChartContext
    var categoryCount: Int { SeriesData.categoryCount(ctx.spec) }

    init(_ ctx: ChartContext) { self.ctx = ctx }

    func legend() -> Legend {
        Legend(entries: (0..<categoryCount).map { c in
            Legend.Entry(label: SeriesData.category(ctx.spec, c), color: ctx.theme.color(group: nil, index: c), swatch: .square)
        })
    }

    func draw(in plot: Rect, into d: inout ChartDrawing) -> Double {
        let spec = ctx.spec, theme = ctx.theme, s = theme.scale
        let categories = categoryCount
        let values = spec.series.flatMap { series in (0..<categories).compactMap { SeriesData.value(series, $0) } }
        guard categories > 0, !values.isEmpty else { return NoData.draw(ctx, in: plot, into: &d) }

        let axisHeight = ValueAxis.height(ctx)
        let references = ReferenceLines(ctx), shaded = ShadedBands(ctx)
        // Each bar of a group grows up to about one and a half lines of tick type; beyond that the gaps grow.
        let rows = Rows.band(count: spec.series.count, top: plot.minY + references.headroom, bottom: plot.maxY - axisHeight,
                             maxBand: theme.tickFont.lineBoxHeight * 1.6 * Double(categories), paddingInner: 0.25)
        let names = RowLabels(spec.series.map(\.label), ctx: ctx, rowStep: rows.step, maxWidth: plot.width * 0.3, roomUpTo: plot.width * 0.45)
        let sub = BandScale(count: categories, range: (0, rows.bandwidth), paddingInner: 0.1)
        // Value labels take the bar's thickness; below about 4.5 pt at report scale they are unreadable.
        let fontSize = min(theme.tickFont.size, sub.bandwidth / 1.12)
        let showValues = fontSize >= 4.5 * s
        let valueFont = theme.tickFont.with(size: fontSize)
        if !showValues {
            // The values stay readable on the axis; the chart says why they are not printed (never silently).
            d.note(ctx.words("行距过小，未标出数值，请以坐标轴读数。", "The rows are too tight to print the values; read them from the axis."))
        }
        let labelTexts = spec.series.map { series in
            (0..<categories).map { ctx.format.label(SeriesData.value(series, $0), preformatted: SeriesData.valueLabel(series, $0)) }
        }
        let valueRoom = showValues ? (labelTexts.flatMap { $0 }.map { ctx.width($0, valueFont) }.max() ?? 0) + 3 * s : 0
        let gap = 6 * s
        let lengths = BarLengths(values: values + references.values + shaded.values, plotMinX: plot.minX, plotMaxX: plot.maxX, namesWidth: names.width,
                                 gap: gap, valueRoom: valueRoom, ctx: ctx)
        let x0 = lengths.start, axis = lengths.axis, zero = lengths.zero
        let top = rows.start(0) - rows.step * 0.1
        let bottom = rows.start(spec.series.count - 1) + rows.bandwidth + rows.step * 0.1
        names.draw(centers: spec.series.indices.map { rows.center($0) }, right: x0 - gap, ctx: ctx, into: &d)
        shaded.drawAcrossRows(x: lengths.end, ranks: false, top: top, bottom: rows.range.1, limits: x0...max(x0, plot.maxX), plot: plot, into: &d)
        axis.draw(top: top, bottom: rows.range.1, title: spec.valueAxisTitle, titleRight: x0 - gap, ctx: ctx, into: &d)

        var boxes: [[Int: Rect]] = Array(repeating: [:], count: spec.series.count)
        for (i, series) in spec.series.enumerated() {
            var bars: [Path] = Array(repeating: Path(), count: categories)
            for c in 0..<categories {
                let y = rows.start(i) + sub.start(c), center = y + sub.bandwidth / 2
                guard let value = SeriesData.value(series, c) else {
                    if showValues {
                        d.label(ctx.run(labelTexts[i][c], font: valueFont, color: theme.muted, x: zero + 2 * s, y: center))
                    }
                    continue
                }
                let end = lengths.end(value)
                let box = Rect(x: min(zero, end), y: y, width: abs(end - zero), height: sub.bandwidth)
                boxes[i][c] = box
                bars[c] = .rect(box)
                if showValues {
                    let ahead = end >= zero
                    d.label(ctx.run(labelTexts[i][c], font: valueFont, color: theme.text, x: end + (ahead ? 2 : -2) * s,
                                    y: center, anchor: ahead ? .start : .end))
                }
            }
            for c in 0..<categories { d.fill(bars[c], theme.color(group: nil, index: c)) }
        }
        d.stroke(.line(from: Point(zero, top), to: Point(zero, bottom)), theme.axis, width: theme.axisWidth)
        references.drawVertical(x: lengths.end, top: top, bottom: rows.range.1, plot: plot, into: &d)
        if !spec.callouts.isEmpty {
            CalloutPlacer(ctx).draw(mark: { i, c in
                guard let box = boxes[i][c], let value = SeriesData.value(spec.series[i], c) else { return nil }
                return CalloutPlacer.Mark(anchor: Point(lengths.end(value), box.midY), box: box)
            }, obstacles: boxes.flatMap { Array($0.values) }, segments: [],
               region: Rect(x: x0, y: plot.minY, width: max(0, plot.maxX - x0), height: rows.range.1 - plot.minY), into: &d)
        }
        return rows.range.1 + axisHeight
    }
}
