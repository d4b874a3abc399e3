import Geometry

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

    /// One mark per series. In monochrome focus series are numbered in order (as their colours are) and each gets
    /// a dash pattern and a shape. In colour a focus series that shares its colour with an earlier one (a group's
    /// colour, or a grey beyond the palette) gets a marker shape of its own, and a grey beyond the palette also a
    /// dash pattern, so two lines are never drawn alike.
    static func forLines(_ series: [ChartSeries], colors: [Color], monochrome: Bool) -> [SeriesMark] {
        if monochrome {
            var focusIndex = 0
            return series.map { s in
                guard s.focus else { return SeriesMark() }
                defer { focusIndex += 1 }
                return SeriesMark(shape: MarkerShape.at(focusIndex), dashUnits: patterns[focusIndex % patterns.count])
            }
        }
        let positional = SeriesColors.byPosition(series)
        var seen: [String: Int] = [:]
        return zip(series, colors).map { s, color in
            guard s.focus else { return SeriesMark() }
            let k = seen[color.hex, default: 0]
            seen[color.hex] = k + 1
            guard k > 0 else { return SeriesMark() }
            return SeriesMark(shape: MarkerShape.at(k), dashUnits: positional ? patterns[k % patterns.count] : [])
        }
    }

    /// How many focus series are drawn exactly like an earlier one (colour, dash and marker): lines a reader
    /// cannot tell apart, which a chart must not draw. Series coloured by group share their group's colour by
    /// design (the legend says what it means, the labels say which line is which), so only series coloured by
    /// position, where the colour is the series' identity, count.
    static func alike(_ series: [ChartSeries], colors: [Color], marks: [SeriesMark], monochrome: Bool) -> Int {
        guard monochrome || SeriesColors.byPosition(series) else { return 0 }
        var seen: Set<String> = []
        var count = 0
        for i in series.indices where series[i].focus && i < colors.count && i < marks.count {
            let key = "\(colors[i].hex) \(marks[i].shape) \(marks[i].dashUnits)"
            if !seen.insert(key).inserted { count += 1 }
        }
        return count
    }
}
