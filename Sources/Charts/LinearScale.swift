/// Maps a continuous domain onto a range linearly (either may be reversed, e.g. y pointing down).
public struct LinearScale: Sendable {
    /// Values at the two ends, in the order they map to `range`.
    public var domain: (Double, Double)
    /// Positions of the two ends (points).
    public var range: (Double, Double)

    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain; self.range = range
    }

    /// The position of a value; a degenerate domain maps everything to the middle of the range.
    public func callAsFunction(_ value: Double) -> Double {
        let (d0, d1) = domain, (r0, r1) = range
        guard d1 != d0 else { return (r0 + r1) / 2 }
        return r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The value at a position.
    public func invert(_ position: Double) -> Double {
        let (d0, d1) = domain, (r0, r1) = range
        guard r1 != r0 else { return (d0 + d1) / 2 }
        return d0 + (position - r0) / (r1 - r0) * (d1 - d0)
    }

    /// The same scale with its domain extended to nice tick boundaries.
    public func niced(count: Int = 10) -> LinearScale {
        let (a, b) = Ticks.nice(domain.0, domain.1, count: count)
        return LinearScale(domain: (a, b), range: range)
    }

    /// About `count` nice tick values inside the domain.
    public func ticks(count: Int = 10) -> [Double] { Ticks.ticks(domain.0, domain.1, count: count) }
}
