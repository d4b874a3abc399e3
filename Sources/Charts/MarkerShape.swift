import Geometry

/// Marker shapes that tell series apart without colour (monochrome print, where greys alone blur together).
/// Each shape covers about the area of a circle of the given radius, so no series looks heavier than another.
enum MarkerShape: CaseIterable, Sendable {
    case circle, square, diamond, triangle, invertedTriangle

    /// The shape for the i-th series or category, cycling through all shapes.
    static func at(_ index: Int) -> MarkerShape {
        allCases[((index % allCases.count) + allCases.count) % allCases.count]
    }

    func path(center c: Point, radius r: Double) -> Path {
        switch self {
        case .circle:
            return .circle(center: c, radius: r)
        case .square:
            let h = r * 0.886
            return .rect(Rect(x: c.x - h, y: c.y - h, width: 2 * h, height: 2 * h))
        case .diamond:
            let h = r * 1.25
            return Path([.move(Point(c.x, c.y - h)), .line(Point(c.x + h, c.y)), .line(Point(c.x, c.y + h)), .line(Point(c.x - h, c.y)), .close])
        case .triangle, .invertedTriangle:
            // Equilateral, centred on its centroid; circumradius chosen for the circle's area.
            let R = r * 1.555, sign: Double = self == .triangle ? 1 : -1
            let apex = Point(c.x, c.y - sign * R)
            let left = Point(c.x - R * 0.866, c.y + sign * R / 2), right = Point(c.x + R * 0.866, c.y + sign * R / 2)
            return Path([.move(apex), .line(right), .line(left), .close])
        }
    }
}
