/// Maps ranks onto a range with rank 1 at the range's start (the top of a bump chart), and picks integer ticks.
public struct RankScale: Sendable {
    /// The worst rank shown (at least 2, so a lone rank 1 still has a direction).
    public let maxRank: Int
    public let range: (Double, Double)
    private let linear: LinearScale

    public init(maxRank: Int, range: (Double, Double)) {
        self.maxRank = max(maxRank, 2)
        self.range = range
        linear = LinearScale(domain: (1, Double(self.maxRank)), range: range)
    }

    /// Position of a rank (fractional ranks, e.g. tie offsets, are interpolated).
    public func callAsFunction(_ rank: Double) -> Double { linear(rank) }

    /// Distance between neighbouring ranks.
    public var step: Double { abs(linear(2) - linear(1)) }

    /// Every rank when they fit in `maxCount`, else nice integer steps (1/2/5 × 10ⁿ) that always include rank 1,
    /// since "first" is the rank readers look for.
    public func ticks(maxCount: Int) -> [Int] {
        let limit = max(maxCount, 2)
        if maxRank <= limit { return Array(1...maxRank) }
        var step = max(1, Int(Ticks.step(0, Double(maxRank), count: limit).rounded(.up)))
        // d3 may still give slightly more than `limit` ticks; widen the step until they fit.
        while maxRank / step + 1 > limit { step = nextNiceStep(after: step) }
        var ticks = [1]
        var r = step
        while r <= maxRank {
            // A multiple too close to 1 would crowd its label; skip it.
            if Double(r - 1) >= Double(step) * 0.5 { ticks.append(r) }
            r += step
        }
        return ticks
    }

    private func nextNiceStep(after step: Int) -> Int {
        var power = 1
        while power * 10 <= step { power *= 10 }
        for factor in [1, 2, 5, 10] where factor * power > step { return factor * power }
        return step * 2
    }
}
