import Geometry

/// Two values per entity (categories 0 and 1) as two dots joined by a bar, values labelled outside the dots.
/// Ranks run with rank 1 at the left.
struct DumbbellChart: ChartBody {
    let ctx: ChartContext
    init(_ ctx: ChartContext) { self.ctx = ctx }

    var ranks: Bool { ctx.spec.valuesAreRanks }

    func colors() -> [Color] { [ctx.theme.color(group: nil, index: 0), ctx.theme.color(group: nil, index: 1)] }

    func legend() -> Legend {
        Legend(entries: (0..<2).map { Legend.Entry(label: SeriesData.category(ctx.spec, $0), color: colors()[$0], swatch: .dot) })
    }

    func draw(in plot: Rect, into d: inout ChartDrawing) -> Double {
        let spec = ctx.spec, theme = ctx.theme, s = theme.scale
        let pairs = spec.series.map { (SeriesData.value($0, 0), SeriesData.value($0, 1)) }
        let values = pairs.flatMap { [$0.0, $0.1].compactMap { $0 } }
        guard !values.isEmpty else { return NoData.draw(ctx, in: plot, into: &d) }
        if SeriesData.categoryCount(spec) > 2 {
            d.warn("a dumbbell chart compares only the first two categories", code: "chart-categories")
        }

        let axisHeight = ValueAxis.height(ctx)
        let rows = Rows.band(count: spec.series.count, top: plot.minY, bottom: plot.maxY - axisHeight,
                             maxStep: theme.labelFont.lineBoxHeight * 4, paddingInner: 0)
        let names = RowLabels(spec.series.map(\.label), ctx: ctx, rowStep: rows.step, maxWidth: plot.width * 0.3)
        let font = names.font
        let texts = spec.series.map { series in
            (0..<2).map { ctx.format.label(SeriesData.value(series, $0), preformatted: SeriesData.valueLabel(series, $0)) }
        }
        let room = (texts.flatMap { $0 }.map { ctx.width($0, font) }.max() ?? 0) + theme.markerRadius + 4 * s
        let gap = 6 * s
        let x0 = plot.minX + names.width + gap
        let axis = ValueAxis.horizontal(ranks: ranks, values: values, includeZero: false,
                                        range: (x0 + room, max(x0 + room + 1, plot.maxX - room)), ctx: ctx)
        axis.draw(top: rows.start(0), bottom: rows.range.1, title: spec.valueAxisTitle, titleRight: x0 - gap, ctx: ctx, into: &d)
        names.draw(centers: spec.series.indices.map { rows.center($0) }, right: x0 - gap, ctx: ctx, into: &d)

        let palette = colors()
        let r = theme.markerRadius * 1.15
        for (i, pair) in pairs.enumerated() {
            let cy = rows.center(i)
            let xs = [pair.0.map(axis.position), pair.1.map(axis.position)]
            if let a = xs[0], let b = xs[1] {
                d.stroke(.line(from: Point(a, cy), to: Point(b, cy)), theme.context, width: 2.2 * s, cap: .butt)
            }
            for c in 0..<2 {
                guard let x = xs[c] else { continue }
                d.fill(.circle(center: Point(x, cy), radius: r), palette[c], stroke: StrokeStyle(color: theme.background, width: 0.8 * s))
            }
            // The label of the left dot goes left, the right one goes right; equal values share one label.
            let present = (0..<2).filter { xs[$0] != nil }
            if present.count == 2, let a = xs[0], let b = xs[1], a != b || texts[i][0] != texts[i][1] {
                let leftIndex = a <= b ? 0 : 1, rightIndex = 1 - leftIndex
                d.label(ctx.run(texts[i][leftIndex], font: font, color: theme.ink(palette[leftIndex]), x: min(a, b) - r - 2 * s, y: cy, anchor: .end))
                d.label(ctx.run(texts[i][rightIndex], font: font, color: theme.ink(palette[rightIndex]), x: max(a, b) + r + 2 * s, y: cy))
            } else if let c = present.first, let x = xs[c] {
                d.label(ctx.run(texts[i][c], font: font, color: theme.ink(palette[c]), x: x + r + 2 * s, y: cy))
            } else {
                d.label(ctx.run(ChartNumberFormat.missing, font: font, color: theme.muted, x: axis.position(axis.ticks.first?.value ?? 0), y: cy))
            }
        }
        return rows.range.1 + axisHeight
    }
}
