import Geometry

/// Shaded bands (a stage, the top five ranks, a programme phase): light fills behind the marks, each labelled.
/// The fill is the muted ink mixed far toward the background, so it reads as a region and never as data, in every
/// style (a dark slide gets a lighter region, monochrome a pale grey). Labels go through the chart's label boxes
/// like every other plot label; one that finds no room counts as dropped.
struct ShadedBands {
    let ctx: ChartContext

    init(_ ctx: ChartContext) { self.ctx = ctx }

    /// Bands across the value or rank axis.
    var valueBands: [ChartBand] { ctx.spec.bands.filter { $0.valueRange != nil } }
    /// Bands over a span of periods (line and bump charts).
    var periodBands: [ChartBand] { ctx.spec.bands.filter { $0.periodRange != nil } }
    /// The ends of the value bands, for the axis to include.
    var values: [Double] { valueBands.compactMap(\.valueRange).flatMap { [$0.lowerBound, $0.upperBound] } }

    /// The fill: a region, far lighter (or, on a dark slide, far less bright) than any mark.
    static func fillColor(_ theme: ChartTheme) -> Color { theme.tint(theme.muted, theme.isDark ? 0.78 : 0.84) }
    /// The label colour: readable as text (4.5:1), as reference labels are.
    static func labelColor(_ theme: ChartTheme) -> Color { ReferenceLines.labelColor(theme) }

    var font: FontSpec { ctx.theme.tickFont }

    /// Where a value band starts and ends along an axis. On a rank axis a band of ranks 1–5 reaches half a rank
    /// beyond each end, so the marks at ranks 1 and 5 lie inside it whole. Clamped to `limits`.
    func extent(_ range: ClosedRange<Double>, position: (Double) -> Double, ranks: Bool, limits: ClosedRange<Double>) -> ClosedRange<Double> {
        let pad = ranks ? 0.5 : 0
        let a = position(range.lowerBound - pad), b = position(range.upperBound + pad)
        let clamp = { (v: Double) in min(max(v, limits.lowerBound), limits.upperBound) }
        return clamp(min(a, b))...clamp(max(a, b))
    }

    /// Row charts: fills each value band from `x(low)` to `x(high)` between `top` and `bottom`, and labels it in
    /// the first free row of the headroom above `top` (see `ReferenceLines.headroom`), centred on the band where
    /// the plot allows. Call before the marks are drawn.
    func drawAcrossRows(x: (Double) -> Double, ranks: Bool, top: Double, bottom: Double, limits: ClosedRange<Double>, plot: Rect,
                        into d: inout ChartDrawing) {
        let bands = valueBands
        guard !bands.isEmpty else { return }
        let theme = ctx.theme, s = theme.scale
        let reserved = ReferenceLines(ctx)
        let row = reserved.font.lineBoxHeight + s
        for band in bands {
            guard let range = band.valueRange else { continue }
            let span = extent(range, position: x, ranks: ranks, limits: limits)
            d.fill(.rect(Rect(x: span.lowerBound, y: top - 2 * s, width: span.upperBound - span.lowerBound, height: bottom - top + 2 * s)),
                   Self.fillColor(theme))
            guard !band.label.isEmpty else { continue }
            let mid = (span.lowerBound + span.upperBound) / 2
            let w = ctx.width(band.label, font)
            let left = max(plot.minX, min(mid - w / 2, plot.maxX - w))
            let candidates = (0..<reserved.labelRows).map { k in
                ctx.run(band.label, font: font, color: Self.labelColor(theme), x: left, y: top - 2 * s - Double(k) * row, baseline: .bottom)
            }
            reserved.place(candidates, into: &d)
        }
    }

    /// Line and bump charts: fills each value band across the plot, from `from` to `to`, between `y(low)` and
    /// `y(high)`. Its label is placed with the end labels (see `LinePlot`).
    func drawAcrossPeriods(y: (Double) -> Double, ranks: Bool, from: Double, to: Double, limits: ClosedRange<Double>, into d: inout ChartDrawing) {
        for band in valueBands {
            guard let range = band.valueRange else { continue }
            let span = extent(range, position: y, ranks: ranks, limits: limits)
            d.fill(.rect(Rect(x: from, y: span.lowerBound, width: to - from, height: span.upperBound - span.lowerBound)), Self.fillColor(ctx.theme))
        }
    }

    /// Height of the row above a line chart's period labels that holds the labels of bands over periods.
    var periodLabelRow: Double { periodBands.isEmpty ? 0 : font.lineBoxHeight + 2 * ctx.theme.scale }

    /// Line and bump charts: fills each band over periods from the first period's x to the last's (widened by
    /// `pad`, clamped to `limits`) down the plot body, and labels it above the period labels, centred on it.
    func drawOverPeriods(x: (Int) -> Double, pad: Double, limits: ClosedRange<Double>, top: Double, bottom: Double, labelTop: Double, plot: Rect,
                         into d: inout ChartDrawing) {
        let theme = ctx.theme
        for band in periodBands {
            guard let range = band.periodRange else { continue }
            let a = max(limits.lowerBound, x(range.lowerBound) - pad), b = min(limits.upperBound, x(range.upperBound) + pad)
            d.fill(.rect(Rect(x: a, y: top, width: max(0, b - a), height: bottom - top)), Self.fillColor(theme))
            guard !band.label.isEmpty else { continue }
            let w = ctx.width(band.label, font)
            let left = max(plot.minX, min((a + b) / 2 - w / 2, plot.maxX - w))
            d.label(ctx.run(band.label, font: font, color: Self.labelColor(theme), x: left, y: labelTop, baseline: .top))
        }
    }
}
