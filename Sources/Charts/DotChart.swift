import Geometry

/// One row per entity with a dot per category on a shared axis, keyed by a legend. Dots that would cover each
/// other (equal or close values) move to lanes just above and below the row line, so none is hidden.
struct DotChart: ChartBody {
    let ctx: ChartContext
    init(_ ctx: ChartContext) { self.ctx = ctx }

    var categoryCount: Int { SeriesData.categoryCount(ctx.spec) }

    /// Category colours: their groups' when the spec gives them, else the palette.
    func colors() -> [Color] { SeriesColors.categoryColors(ctx.spec, count: categoryCount, theme: ctx.theme) }

    func notes() -> [String] { ctx.spec.valuesAreRanks ? [ChartNotes.rankAxis(ctx)] : [] }

    func legend() -> Legend {
        let palette = colors()
        return Legend(entries: (0..<categoryCount).map { c in
            Legend.Entry(label: SeriesData.category(ctx.spec, c), color: palette[c],
                         swatch: .marker(ctx.theme.categoryShape(c)))
        })
    }

    func draw(in plot: Rect, into d: inout ChartDrawing) -> Double {
        let spec = ctx.spec, theme = ctx.theme, s = theme.scale
        let categories = categoryCount
        let values = spec.series.flatMap { series in (0..<categories).compactMap { SeriesData.value(series, $0) } }
        guard categories > 0, !values.isEmpty else { return NoData.draw(ctx, in: plot, into: &d) }

        let axisHeight = ValueAxis.height(ctx)
        let references = ReferenceLines(ctx), shaded = ShadedBands(ctx)
        let rows = Rows.band(count: spec.series.count, top: plot.minY + references.headroom, bottom: plot.maxY - axisHeight, paddingInner: 0)
        let names = RowLabels(spec.series.map(\.label), ctx: ctx, rowStep: rows.step, maxWidth: plot.width * 0.3, roomUpTo: plot.width * 0.45)
        let gap = 6 * s
        let x0 = plot.minX + names.width + gap
        let r = min(theme.markerRadius * 1.1, rows.step * 0.3)
        let axis = ValueAxis.horizontal(ranks: spec.valuesAreRanks, values: values + references.values + shaded.values, includeZero: false, percent: ValueAxis.isPercent(spec),
                                        range: (x0 + r + 2 * s, max(x0 + r + 3 * s, plot.maxX - r - 2 * s)), ctx: ctx)
        shaded.drawAcrossRows(x: axis.position, ranks: spec.valuesAreRanks, top: rows.start(0), bottom: rows.range.1,
                              limits: x0...max(x0, plot.maxX), plot: plot, into: &d)
        axis.draw(top: rows.start(0), bottom: rows.range.1, title: spec.valueAxisTitle, titleRight: x0 - gap, ctx: ctx, into: &d)
        names.draw(centers: spec.series.indices.map { rows.center($0) }, right: x0 - gap, ctx: ctx, into: &d)

        // Faint guides from each row's smallest to largest value help the eye along the row.
        var guides = Path()
        var dots = Array(repeating: Path(), count: categories)
        // Where each dot is drawn, by (series, category), for callouts.
        var centers: [[Int: Point]] = Array(repeating: [:], count: spec.series.count)
        var segments: [(Point, Point)] = []
        let laneStep = min(2 * r + 0.5 * s, rows.step * 0.3)
        for (i, series) in spec.series.enumerated() {
            let cy = rows.center(i)
            let xs = (0..<categories).compactMap { SeriesData.value(series, $0).map(axis.position) }
            if let lo = xs.min(), let hi = xs.max(), hi > lo {
                guides.move(to: Point(lo, cy))
                guides.line(to: Point(hi, cy))
                segments.append((Point(lo, cy), Point(hi, cy)))
            }
            for (c, lane) in Self.lanes(series, categories: categories, x: axis.position, clearance: 2 * r + 0.5 * s) {
                guard let v = SeriesData.value(series, c) else { continue }
                let center = Point(axis.position(v), cy + Double(lane) * laneStep)
                centers[i][c] = center
                dots[c].elements += theme.categoryShape(c).path(center: center, radius: r).elements
            }
        }
        d.stroke(guides, theme.context, width: 1.2 * s)
        references.drawVertical(x: axis.position, top: rows.start(0), bottom: rows.range.1, plot: plot, into: &d)
        let palette = colors()
        for c in 0..<categories {
            d.fill(dots[c], palette[c], stroke: StrokeStyle(color: theme.background, width: 0.6 * s))
        }
        if !spec.callouts.isEmpty {
            let box = { (p: Point) in Rect(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r) }
            CalloutPlacer(ctx).draw(mark: { i, c in centers[i][c].map { CalloutPlacer.Mark(anchor: $0, box: box($0)) } },
                                    obstacles: centers.flatMap { $0.values.map(box) }, segments: segments,
                                    region: Rect(x: x0, y: plot.minY, width: max(0, plot.maxX - x0), height: rows.range.1 - plot.minY), into: &d)
        }
        return rows.range.1 + axisHeight
    }

    /// Assigns each dot of a row a lane (0 on the line, then -1, 1, -2, 2 …): the first lane whose last dot is
    /// at least `clearance` to the left. Dots are visited left to right, so this is one pass per row.
    static func lanes(_ series: ChartSeries, categories: Int, x: (Double) -> Double, clearance: Double) -> [(Int, Int)] {
        let dots = (0..<categories).compactMap { c in SeriesData.value(series, c).map { (c, x($0)) } }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        var lastX: [Int: Double] = [:]
        var out: [(Int, Int)] = []
        for (c, px) in dots {
            var lane = 0, k = 0
            while let previous = lastX[lane], px - previous < clearance {
                k += 1
                lane = k % 2 == 1 ? -(k + 1) / 2 : k / 2
            }
            lastX[lane] = px
            out.append((c, lane))
        }
        return out
    }
}
