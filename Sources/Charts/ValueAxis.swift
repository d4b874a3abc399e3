import Geometry

/// A value axis along the bottom of a row-based chart (bars, dots, dumbbells): a rank axis with rank 1 at the
/// left and integer ticks, or a linear axis with d3's nice ticks.
struct ValueAxis {
    let position: (Double) -> Double
    let ticks: [(value: Double, text: String)]

    /// - Parameters:
    ///   - includeZero: bars start at zero, so their domain must contain it; dots and dumbbells need not, but
    ///     their domain spans at least a tenth of the values' magnitude (see `domain`).
    ///   - percent: values are percentages, so a padded domain stays within 0…100.
    static func horizontal(ranks: Bool, values: [Double], maxRank: Int? = nil, includeZero: Bool, percent: Bool = false,
                           range: (Double, Double), ctx: ChartContext) -> ValueAxis {
        let font = ctx.theme.tickFont
        let length = abs(range.1 - range.0)
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        if ranks {
            let scale = RankScale(maxRank: max(maxRank ?? 0, Int(hi.rounded(.up))), range: range)
            let widest = ctx.width("\(scale.maxRank)", font) + font.size * 1.5
            let ticks = scale.ticks(maxCount: max(2, Int(length / max(widest, 1)) + 1))
            return ValueAxis(position: { scale($0) }, ticks: ticks.map { (Double($0), "\($0)") })
        }
        let domain = includeZero ? (min(0, lo), max(0, hi)) : Self.domain(lo, hi, percent: percent)
        let count = Axis.tickCount(length: length, spacing: font.size * 6)
        let scale = LinearScale(domain: domain, range: range).niced(count: count)
        let values = scale.ticks(count: count)
        let texts = ctx.format.ticks(values)
        return ValueAxis(position: { scale($0) }, ticks: Array(zip(values, texts)).map { (value: $0.0, text: $0.1) })
    }

    /// The domain for values that need not start at zero: the values' range, widened around its middle to at least
    /// a tenth of their magnitude. Without it 96.5 against 96.53 fills the whole width on an axis from 96.500 to
    /// 96.530, which makes a rounding difference look like a gulf. A widened domain does not cross zero when the
    /// values do not, and stays within 0…100 for percentages.
    static func domain(_ lo: Double, _ hi: Double, percent: Bool) -> (Double, Double) {
        let magnitude = max(abs(lo), abs(hi))
        let minSpan = magnitude > 0 ? magnitude * 0.1 : 2
        guard hi - lo < minSpan else { return (lo, hi) }
        let mid = (lo + hi) / 2
        var a = mid - minSpan / 2, b = mid + minSpan / 2
        if lo >= 0, a < 0 {
            b -= a
            a = 0
        } else if hi <= 0, b > 0 {
            a -= b
            b = 0
        }
        if percent, lo >= 0, hi <= 100, b > 100 { a = max(0, a - (b - 100)); b = 100 }
        return (a, b)
    }

    /// Whether a chart's values read as percentages: its axis title or value labels say so.
    static func isPercent(_ spec: ChartSpec) -> Bool {
        spec.valueAxisTitle.contains("%") || spec.series.contains { $0.valueLabels.contains { $0?.hasSuffix("%") == true } }
    }

    /// Height the tick labels need under the plot.
    static func height(_ ctx: ChartContext) -> Double { ctx.theme.tickFont.lineBoxHeight + 3 * ctx.theme.scale }

    /// Vertical grid lines over the rows and tick labels underneath; the axis title sits in the row-label column.
    func draw(top: Double, bottom: Double, title: String, titleRight: Double, ctx: ChartContext, into d: inout ChartDrawing) {
        let theme = ctx.theme
        d.stroke(Axis.verticalGrid(ticks.map { position($0.value) }, from: top, to: bottom), theme.grid, width: theme.gridWidth)
        let labelTop = bottom + 3 * theme.scale
        var boxes: [Rect] = []
        let runs = ticks.map { tick in
            ctx.run(tick.text, font: theme.tickFont, color: theme.muted, x: position(tick.value), y: labelTop, anchor: .middle, baseline: .top)
        }
        boxes = runs.map(\.bounds)
        // Rank 1 and the ends matter most; drop middle ticks whose labels would touch.
        let kept = LabelPlacer.nonOverlapping(boxes, margin: theme.tickFont.size * 0.3)
        for index in kept { d.text(runs[index]) }
        if !title.isEmpty {
            // A tick label centred near the left end reaches into the title's column: keep a space between them
            // so "%" and "0" do not read as "%0".
            let firstTick = kept.map { boxes[$0].minX }.min() ?? .infinity
            let right = min(titleRight, firstTick - theme.tickFont.size * 0.6)
            d.text(ctx.run(title, font: theme.tickFont, color: theme.muted, x: right, y: labelTop, anchor: .end, baseline: .top))
        }
    }
}
