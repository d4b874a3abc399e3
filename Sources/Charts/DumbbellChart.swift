import Geometry

/// Two values per entity (categories 0 and 1) as two dots joined by a bar. Ranks run with rank 1 at the left.
///
/// Value labels sit on the outer sides of the pair (the lower value's label to the left of the left dot, the
/// higher one's to the right of the right dot), so close values never put their labels on top of each other.
/// Values that read the same get one label; dots that would cover each other are moved apart just enough to
/// touch, or, when the values read the same, drawn as a ring around a dot so both colours show.
struct DumbbellChart: ChartBody {
    let ctx: ChartContext
    init(_ ctx: ChartContext) { self.ctx = ctx }

    var ranks: Bool { ctx.spec.valuesAreRanks }

    /// The two categories' colours: their groups' when the spec gives them, else the palette.
    func colors() -> [Color] { SeriesColors.categoryColors(ctx.spec, count: 2, theme: ctx.theme) }

    func legend() -> Legend {
        Legend(entries: (0..<2).map {
            Legend.Entry(label: SeriesData.category(ctx.spec, $0), color: colors()[$0], swatch: .marker(ctx.theme.categoryShape($0)))
        })
    }

    func draw(in plot: Rect, into d: inout ChartDrawing) -> Double {
        let spec = ctx.spec, theme = ctx.theme, s = theme.scale
        let pairs = spec.series.map { (SeriesData.value($0, 0), SeriesData.value($0, 1)) }
        let values = pairs.flatMap { [$0.0, $0.1].compactMap { $0 } }
        guard !values.isEmpty else { return NoData.draw(ctx, in: plot, into: &d) }
        if SeriesData.categoryCount(spec) > 2 {
            d.warn("a dumbbell chart compares only the first two categories", code: .chartCategories)
        }

        let axisHeight = ValueAxis.height(ctx)
        let rows = Rows.band(count: spec.series.count, top: plot.minY, bottom: plot.maxY - axisHeight, paddingInner: 0)
        let names = RowLabels(spec.series.map(\.label), ctx: ctx, rowStep: rows.step, maxWidth: plot.width * 0.3, roomUpTo: plot.width * 0.45)
        let font = names.font
        let r = min(theme.markerRadius * 1.15, rows.step * 0.3)
        let labelGap = 2 * s
        let outer = r * (1 + TieRings.step)
        let gap = 6 * s
        let x0 = plot.minX + names.width + gap
        // The axis keeps at least 40 % of the room right of the names; value labels (which may carry an entity's
        // name, "上海 3") share the rest on both sides and are shortened to fit, keeping their number.
        let free = max(0, plot.maxX - x0)
        let labelRoom = max(0, free * 0.3 - outer - r - labelGap)
        let texts = spec.series.map { series in
            (0..<2).map { c in
                Truncation.fitKeepingLastWord(ctx.format.label(SeriesData.value(series, c), preformatted: SeriesData.valueLabel(series, c)),
                                              font: font, maxWidth: labelRoom, ctx: ctx)
            }
        }
        // Room beside the axis for the outer labels, the widest marker (a tie ring) and a dot moved off its value.
        let room = (texts.flatMap { $0 }.map { ctx.width($0, font) }.max() ?? 0) + outer + r + labelGap
        let axis = ValueAxis.horizontal(ranks: ranks, values: values, includeZero: false, percent: ValueAxis.isPercent(spec),
                                        range: (x0 + room, max(x0 + room + 1, plot.maxX - room)), ctx: ctx)
        axis.draw(top: rows.start(0), bottom: rows.range.1, title: spec.valueAxisTitle, titleRight: x0 - gap, ctx: ctx, into: &d)
        names.draw(centers: spec.series.indices.map { rows.center($0) }, right: x0 - gap, ctx: ctx, into: &d)

        // Values label every row or none: rows too tight for their type would keep a scattered few.
        let showValues = rows.step >= font.lineBoxHeight * 0.95
        if !showValues {
            // The values stay readable on the axis; the chart says why they are not printed (never silently).
            d.note(ctx.words("行距过小，未标出数值，请以坐标轴读数。", "The rows are too tight to print the values; read them from the axis."))
        }
        func label(_ run: TextItem) { if showValues { d.label(run) } }
        let palette = colors()
        let shapes = [theme.categoryShape(0), theme.categoryShape(1)]
        let outline = StrokeStyle(color: theme.background, width: 0.8 * s)
        for (i, pair) in pairs.enumerated() {
            let cy = rows.center(i)
            switch (pair.0.map(axis.position), pair.1.map(axis.position)) {
            case let (a?, b?):
                let lo = a <= b ? 0 : 1, hi = 1 - lo
                let same = pair.0 == pair.1 || texts[i][0] == texts[i][1]
                var x = [a, b]
                let touching = 2 * r + 0.5 * s
                if !same, abs(b - a) < touching {
                    // Close but different values: part the dots until they touch, keeping their order and midpoint.
                    let mid = (a + b) / 2
                    x[lo] = mid - touching / 2
                    x[hi] = mid + touching / 2
                }
                d.stroke(.line(from: Point(x[lo], cy), to: Point(x[hi], cy)), theme.contextLine, width: 2.2 * s, cap: .butt)
                let ring = same && abs(x[1] - x[0]) < touching
                // A ring (the first category, drawn larger underneath) shows both colours on one point.
                d.fill(shapes[0].path(center: Point(x[0], cy), radius: ring ? outer : r), palette[0], stroke: outline)
                d.fill(shapes[1].path(center: Point(x[1], cy), radius: r), palette[1], stroke: outline)
                let reach = ring ? outer : r
                if same {
                    label(ctx.run(texts[i][0], font: font, color: theme.text, x: max(x[0], x[1]) + reach + labelGap, y: cy))
                } else {
                    label(ctx.run(texts[i][lo], font: font, color: theme.ink(palette[lo]), x: x[lo] - r - labelGap, y: cy, anchor: .end))
                    label(ctx.run(texts[i][hi], font: font, color: theme.ink(palette[hi]), x: x[hi] + r + labelGap, y: cy))
                }
            case (let a?, nil), (nil, let a?):
                let c = pair.0 != nil ? 0 : 1
                d.fill(shapes[c].path(center: Point(a, cy), radius: r), palette[c], stroke: outline)
                label(ctx.run(texts[i][c], font: font, color: theme.ink(palette[c]), x: a + r + labelGap, y: cy))
            case (nil, nil):
                label(ctx.run(ChartNumberFormat.missing, font: font, color: theme.muted, x: axis.position(axis.ticks.first?.value ?? 0), y: cy))
            }
        }
        return rows.range.1 + axisHeight
    }
}
