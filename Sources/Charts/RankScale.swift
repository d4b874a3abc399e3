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

    /// Every rank when they fit in `maxCount`, else round steps (5, 10, 20, 25, 50 × 10ⁿ) that always include rank 1,
    /// since "first" is the rank readers look for. A step of 2 is never used: 1, 2, 4, 6 reads as if rank 3 and 5
    /// were missing.
    public func ticks(maxCount: Int) -> [Int] {
        let limit = max(maxCount, 2)
        if maxRank - minRank + 1 <= limit { return Array(minRank...maxRank) }
        let step = Self.roundSteps.first { candidate in
            Self.multiples(of: candidate, after: minRank, upTo: maxRank).count + 1 <= limit
        } ?? maxRank
        return [minRank] + Self.multiples(of: step, after: minRank, upTo: maxRank)
    }

    /// 5, 10, 20, 25, 50, 100, 200, 250, 500, … up to a million ranks.
    static let roundSteps: [Int] = {
        var steps: [Int] = []
        var power = 1
        while power <= 100_000 {
            steps += [5 * power, 10 * power, 20 * power, 25 * power, 50 * power].filter { !steps.contains($0) }
            power *= 10
        }
        return steps.sorted()
    }()

    /// Multiples of the step after the first rank, skipping one so close to it that its label would crowd rank 1's.
    private static func multiples(of step: Int, after first: Int, upTo last: Int) -> [Int] {
        var out: [Int] = []
        var r = (first / step + 1) * step
        while r <= last {
            if Double(r - first) >= Double(step) * 0.5 { out.append(r) }
            r += step
        }
        return out
    }
}
