/// Where horizontal bars start and how long they are, shared by the bar and grouped-bar charts: values run from
/// zero, so a bar's length is its value (ranks are never drawn as bars).
struct BarLengths {
    /// Left edge of the bar area (the row names end a gap before it).
    let start: Double
    let axis: ValueAxis
    /// The x of value zero.
    let zero: Double

    init(values: [Double], plotMinX: Double, plotMaxX: Double, namesWidth: Double, gap: Double,
         valueRoom: Double, ctx: ChartContext) {
        start = plotMinX + namesWidth + gap
        // Negative values need room for their labels on the left as well.
        let hasNegative = values.contains { $0 < 0 }
        let range = (start + (hasNegative ? valueRoom : 0), max(start + 1, plotMaxX - valueRoom))
        axis = ValueAxis.horizontal(ranks: false, values: values, includeZero: true, range: range, ctx: ctx)
        zero = axis.position(0)
    }

    /// The x where the bar of a value ends.
    func end(_ value: Double) -> Double { axis.position(value) }
}
