import Geometry

/// Diagonal hatching inside a rectangle, the mark of "no data" in a heat map and its key: a pattern, so a missing
/// cell cannot be mistaken for the lightest shade of the scale.
enum Hatch {
    /// Lines rising to the right (x + y = k), `spacing` apart measured along x, clipped to `rect`.
    static func path(in rect: Rect, spacing: Double) -> Path {
        var path = Path()
        guard rect.width > 0, rect.height > 0, spacing > 0 else { return path }
        var k = rect.minX + rect.minY + spacing / 2
        while k < rect.maxX + rect.maxY {
            let x0 = max(rect.minX, k - rect.maxY), x1 = min(rect.maxX, k - rect.minY)
            if x1 > x0 {
                path.move(to: Point(x0, k - x0))
                path.line(to: Point(x1, k - x1))
            }
            k += spacing
        }
        return path
    }
}
