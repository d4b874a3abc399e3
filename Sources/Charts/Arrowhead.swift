import Geometry

/// A filled triangle pointing right, for targets and "heading for" marks.
enum Arrowhead {
    static func path(tip: Point, size: Double) -> Path {
        Path([.move(tip), .line(Point(tip.x - size, tip.y - size * 0.6)), .line(Point(tip.x - size, tip.y + size * 0.6)), .close])
    }
}
