/// Maps ranks onto a range with the best rank (usually 1) at the range's start (the top of a bump chart),
/// and picks integer ticks.
public struct RankScale: Sendable {
    /// The best rank shown: 1, or higher for a zoomed axis.
    public let minRank: Int
    /// The worst rank shown (at least one more than `minRank`, so a lone rank still has a direction).
    public let maxRank: Int
    public let range: (Double, Double)
    private let linear: LinearScale

    public init(minRank: Int = 1, maxRank: Int, range: (Double, Double)) {
        self.minRank = max(1, minRank)
        self.maxRank = max(maxRank, self.minRank + 1)
        self.range = range
        linear = LinearScale(domain: (Double(self.minRank), Double(self.maxRank)), range: range)
    }

    /// Position of a rank (fractional ranks, e.g. tie offsets, are interpolated).
    public func callAsFunction(_ rank: Double) -> Double { linear(rank) }

    /// Distance between neighbouring ranks.
    public var step: Double { abs(linear(2) - linear(1)) }

    /// Every rank when they fit in `maxCount`, else nice integer steps (1/2/5 × 10ⁿ) that always include rank 1,
    /// since "first" is the rank readers look for.
    public func ticks(maxCount: Int) -> [Int] {
        let limit = max(maxCount, 2)
        if maxRank - minRank + 1 <= limit { return Array(minRank...maxRank) }
        let span = maxRank - (minRank - 1)   // equals maxRank for an axis from 1
        var step = max(1, Int(Ticks.step(0, Double(span), count: limit).rounded(.up)))
        // d3 may still give slightly more than `limit` ticks; widen the step until they fit.
        while span / step + 1 > limit { step = nextNiceStep(after: step) }
        var ticks = [minRank]
        // Multiples of the step after the first rank (for minRank 1: step, 2·step, …).
        var r = (minRank / step + 1) * step
        while r <= maxRank {
            // A multiple too close to the first rank would crowd its label; skip it.
            if Double(r - minRank) >= Double(step) * 0.5 { ticks.append(r) }
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
