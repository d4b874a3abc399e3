import Geometry

/// Grid lines and tick-label helpers shared by the chart kinds. Grids are drawn as one path per direction so a
/// chart with many ticks stays a handful of display items.
enum Axis {
    /// Horizontal lines at `ys` from `x0` to `x1`.
    static func horizontalGrid(_ ys: [Double], from x0: Double, to x1: Double) -> Path {
        var path = Path()
        for y in ys {
            path.move(to: Point(x0, y))
            path.line(to: Point(x1, y))
        }
        return path
    }

    /// Vertical lines at `xs` from `y0` to `y1`.
    static func verticalGrid(_ xs: [Double], from y0: Double, to y1: Double) -> Path {
        var path = Path()
        for x in xs {
            path.move(to: Point(x, y0))
            path.line(to: Point(x, y1))
        }
        return path
    }

    /// Indices of evenly spaced labels to show so neighbours do not touch: every k-th, always keeping the last
    /// (the latest period is the one readers look for).
    static func strideIndices(count: Int, step: Double, widest: Double, gap: Double) -> [Int] {
        guard count > 0 else { return [] }
        guard step > 0 else { return [count - 1] }
        let k = max(1, Int(((widest + gap) / step).rounded(.up)))
        return (0..<count).filter { ($0 - (count - 1)) % k == 0 }
    }

    /// How many ticks suit an axis of `length` when labels need about `spacing` each.
    static func tickCount(length: Double, spacing: Double) -> Int {
        guard spacing > 0 else { return 5 }
        return max(2, min(10, Int(length / spacing)))
    }
}
