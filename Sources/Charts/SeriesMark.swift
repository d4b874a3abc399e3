/// What tells a line series apart besides its colour. In colour every series is solid with round markers; in
/// monochrome each focus series also gets its own dash pattern and marker shape, since five greys cannot be told
/// apart where lines cross.
struct SeriesMark: Sendable {
    var shape: MarkerShape = .circle
    /// Dash pattern in units of the line width; empty is solid.
    var dashUnits: [Double] = []

    /// Solid, dashed, dotted, dash-dot, long dash: distinct at a glance and in print.
    static let patterns: [[Double]] = [[], [3, 3], [0.01, 2.2], [5, 2.5, 0.01, 2.5], [8, 3]]

    /// The dash pattern for a line of `width` (round caps lengthen each dash by one width, hence the gaps).
    func dash(width: Double) -> [Double] { dashUnits.map { $0 * width } }

    /// One mark per series: focus series numbered in order (as their colours are), the rest plain.
    static func forLines(_ series: [ChartSeries], monochrome: Bool) -> [SeriesMark] {
        guard monochrome else { return series.map { _ in SeriesMark() } }
        var focusIndex = 0
        return series.map { s in
            guard s.focus else { return SeriesMark() }
            defer { focusIndex += 1 }
            return SeriesMark(shape: MarkerShape.at(focusIndex), dashUnits: patterns[focusIndex % patterns.count])
        }
    }
}
