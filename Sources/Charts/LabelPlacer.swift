import Geometry

/// Collision avoidance for labels.
///
/// `dodge` is the one-dimensional placer used for end labels: labels sorted by wanted position are merged into
/// clusters whenever they overlap, and each cluster sits at the mean of its members' wishes, clamped to the
/// allowed span. One pass with a stack, so the work is linear after sorting (400 labels cost nothing).
public enum LabelPlacer {
    /// One label on a line: where its centre wants to be and how tall it is.
    public struct Item: Hashable, Sendable {
        public var desired: Double
        public var height: Double
        public init(desired: Double, height: Double) { self.desired = desired; self.height = height }
    }

    /// Whether labels of these heights fit in a span with `gap` between neighbours.
    public static func fits(_ heights: [Double], span: ClosedRange<Double>, gap: Double) -> Bool {
        totalHeight(heights, gap: gap) <= span.upperBound - span.lowerBound + 1e-9
    }

    static func totalHeight(_ heights: [Double], gap: Double) -> Double {
        heights.reduce(0, +) + gap * Double(max(0, heights.count - 1))
    }

    /// Top edges of the labels (in input order) so that no two overlap and all stay in `span` when they fit.
    /// Equal wishes keep input order (top to bottom), which is how tied entities are stacked.
    public static func dodge(_ items: [Item], span: ClosedRange<Double>, gap: Double) -> [Double] {
        guard !items.isEmpty else { return [] }
        let order = items.indices.sorted { a, b in
            items[a].desired != items[b].desired ? items[a].desired < items[b].desired : a < b
        }
        struct Cluster {
            var members: [Int]
            var height: Double
            /// Sum over members of (wanted top of the cluster if that member alone decided).
            var wishSum: Double
            var top: Double
        }
        let lo = span.lowerBound, hi = span.upperBound
        func settle(_ c: inout Cluster) {
            let wanted = c.wishSum / Double(c.members.count)
            // Clamp to the bottom first and then to the top, so a cluster taller than the span starts at the top.
            c.top = max(lo, min(wanted, hi - c.height))
        }
        var stack: [Cluster] = []
        for index in order {
            let item = items[index]
            var cluster = Cluster(members: [index], height: item.height, wishSum: item.desired - item.height / 2, top: 0)
            settle(&cluster)
            while let previous = stack.last, previous.top + previous.height + gap > cluster.top {
                stack.removeLast()
                // The later cluster's members sit below the earlier ones, so their wished cluster top shifts up.
                let offset = previous.height + gap
                cluster = Cluster(members: previous.members + cluster.members,
                                  height: previous.height + gap + cluster.height,
                                  wishSum: previous.wishSum + cluster.wishSum - offset * Double(cluster.members.count),
                                  top: 0)
                settle(&cluster)
            }
            stack.append(cluster)
        }
        var tops = [Double](repeating: 0, count: items.count)
        for cluster in stack {
            var y = cluster.top
            for member in cluster.members {
                tops[member] = y
                y += items[member].height + gap
            }
        }
        return tops
    }

    /// Greedy 2-D selection: keeps boxes in priority order (lower `priority` first) that do not intersect a kept
    /// box; returns the kept indices in input order. Used for tick labels and value labels that may collide.
    public static func nonOverlapping(_ boxes: [Rect], priority: [Int]? = nil, margin: Double = 0) -> [Int] {
        let order = boxes.indices.sorted { a, b in
            let pa = priority?[a] ?? a, pb = priority?[b] ?? b
            return pa != pb ? pa < pb : a < b
        }
        var kept: [Int] = []
        for index in order {
            let box = boxes[index]
            let padded = Rect(x: box.minX - margin, y: box.minY - margin, width: box.width + 2 * margin, height: box.height + 2 * margin)
            if kept.allSatisfy({ !boxes[$0].intersects(padded) }) { kept.append(index) }
        }
        return kept.sorted()
    }
}
