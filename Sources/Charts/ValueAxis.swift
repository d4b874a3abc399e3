import Geometry

/// A value axis along the bottom of a row-based chart (bars, dots, dumbbells): a rank axis with rank 1 at the
/// left and integer ticks, or a linear axis with d3's nice ticks.
struct ValueAxis {
    let position: (Double) -> Double
    let ticks: [(value: Double, text: String)]

    /// - Parameters:
    ///   - includeZero: bars start at zero, so their domain must contain it; dots and dumbbells need not.
    static func horizontal(ranks: Bool, values: [Double], maxRank: Int? = nil, includeZero: Bool,
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
        var domain = includeZero ? (min(0, lo), max(0, hi)) : (lo, hi)
        if domain.0 == domain.1 { domain = (domain.0 - 1, domain.1 + 1) }
        let count = Axis.tickCount(length: length, spacing: font.size * 6)
        let scale = LinearScale(domain: domain, range: range).niced(count: count)
        let values = scale.ticks(count: count)
        let texts = ctx.format.ticks(values)
        return ValueAxis(position: { scale($0) }, ticks: Array(zip(values, texts)).map { (value: $0.0, text: $0.1) })
    }

    /// Bar lengths for ranks, which draw no axis: zero at the start and the best rank's bar reaching the end of
    /// the range (a niced domain would stop it short of the room kept for it).
    static func lengths(upTo maximum: Double, range: (Double, Double)) -> ValueAxis {
        let scale = LinearScale(domain: (0, max(maximum, 1)), range: range)
        return ValueAxis(position: { scale($0) }, ticks: [])
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
