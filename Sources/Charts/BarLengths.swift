/// Where horizontal bars start and how long they are, shared by the bar and grouped-bar charts:
/// values run from zero; ranks are turned around so the best rank is the longest bar.
struct BarLengths {
    /// Left edge of the bar area (the row names end a gap before it).
    let start: Double
    let axis: ValueAxis
    /// The x of value zero.
    let zero: Double
    private let ranks: Bool
    private let worst: Double

    init(values: [Double], ranks: Bool, plotMinX: Double, plotMaxX: Double, namesWidth: Double, gap: Double,
         valueRoom: Double, ctx: ChartContext) {
        start = plotMinX + namesWidth + gap
        // Negative values need room for their labels on the left as well.
        let hasNegative = values.contains { $0 < 0 }
        let range = (start + (hasNegative ? valueRoom : 0), max(start + 1, plotMaxX - valueRoom))
        worst = Double(Int((values.max() ?? 1).rounded(.up)))
        self.ranks = ranks
        axis = ranks ? ValueAxis.lengths(upTo: worst, range: range)
                     : ValueAxis.horizontal(ranks: false, values: values, includeZero: true, range: range, ctx: ctx)
        zero = axis.position(0)
    }

    /// The x where the bar of a value ends.
    func end(_ value: Double) -> Double { axis.position(ranks ? worst + 1 - value : value) }
}
