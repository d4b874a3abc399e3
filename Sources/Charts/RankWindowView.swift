/// A bump chart's series seen through a rank window (`ranks: 1-20`): the observations inside it, and each
/// observation outside it that neighbours one inside (an exit or an entry) or is the series' first or last, which
/// is drawn at the window's edge with its rank ("↓ 34"). Observations further outside are not drawn (the chart's
/// note says so), so an outlier at rank 105 does not squeeze ranks 1–20 and a long stay outside does not crowd
/// the edge; series never inside the window are not drawn at all.
struct RankWindowView {
    enum Edge: Hashable { case above, below }

    let window: ClosedRange<Int>
    /// The observations drawn, per series, in period order.
    let observations: [[(index: Int, value: Double)]]
    /// Per series and drawn observation: nil inside the window, else the edge it is drawn at.
    let edges: [[Edge?]]

    init(window: ClosedRange<Int>, observations all: [[(index: Int, value: Double)]]) {
        self.window = window
        let best = Double(window.lowerBound), worst = Double(window.upperBound)
        func edge(_ v: Double) -> Edge? { v < best ? .above : (v > worst ? .below : nil) }
        var kept: [[(index: Int, value: Double)]] = []
        var edges: [[Edge?]] = []
        for obs in all {
            let outside = obs.map { edge($0.value) }
            var series: [(index: Int, value: Double)] = []
            var marks: [Edge?] = []
            if outside.contains(where: { $0 == nil }) {
                for k in obs.indices {
                    // The first and last observations stay too: where a series starts outside, and its end label ("↓ 7").
                    let neighbourInside = (k > 0 && outside[k - 1] == nil) || (k + 1 < obs.count && outside[k + 1] == nil)
                    guard outside[k] == nil || neighbourInside || k == 0 || k == obs.count - 1 else { continue }
                    series.append(obs[k])
                    marks.append(outside[k])
                }
            }
            kept.append(series)
            edges.append(marks)
        }
        observations = kept
        self.edges = edges
    }

    var hasAbove: Bool { edges.contains { $0.contains(.above) } }
    var hasBelow: Bool { edges.contains { $0.contains(.below) } }

    /// "↓ 34" below the window, "↑ 3" above it.
    static func text(_ edge: Edge, _ value: String) -> String {
        (edge == .below ? "↓ " : "↑ ") + value
    }
}
