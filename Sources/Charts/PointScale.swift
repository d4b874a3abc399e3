/// Places `count` evenly spaced points across a range, with `padding` steps left at each end (d3's `scalePoint`).
public struct PointScale: Sendable {
    public let count: Int
    public let range: (Double, Double)
    /// Steps of empty space before the first and after the last point.
    public let padding: Double
    /// Distance between neighbouring points (0 with a single point).
    public let step: Double

    public init(count: Int, range: (Double, Double), padding: Double = 0) {
        self.count = count
        self.range = range
        self.padding = max(padding, 0)
        step = count > 1 ? (range.1 - range.0) / (Double(count - 1) + 2 * self.padding) : 0
    }

    /// Position of point `index`; a single point sits in the middle.
    public func callAsFunction(_ index: Int) -> Double {
        guard count > 1 else { return (range.0 + range.1) / 2 }
        return range.0 + step * (padding + Double(index))
    }
}
