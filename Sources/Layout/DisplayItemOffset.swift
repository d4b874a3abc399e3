import Geometry

extension DisplayItem {
    /// The item moved by (dx, dy). Leaf items get their coordinates shifted directly, so pages stay flat
    /// display lists (easy to dump and test); groups keep their own transform and get the shift appended.
    func offsetBy(dx: Double, dy: Double) -> DisplayItem {
        if dx == 0 && dy == 0 { return self }
        switch self {
        case .group(var group) where group.tag != nil && group.transform.isIdentity && group.clip == nil:
            // A structure tag is no geometry: its items move as if they were not grouped.
            group.items = group.items.map { $0.offsetBy(dx: dx, dy: dy) }
            return .group(group)
        case .group(var group):
            group.transform = group.transform.then(.translation(dx, dy))
            return .group(group)
        case .path(var item):
            item.path = item.path.offsetBy(dx: dx, dy: dy)
            return .path(item)
        case .text(var item):
            item.origin = Point(item.origin.x + dx, item.origin.y + dy)
            return .text(item)
        case .image(var item):
            item.rect = item.rect.offsetBy(dx: dx, dy: dy)
            return .image(item)
        case .link(var item):
            item.rect = item.rect.offsetBy(dx: dx, dy: dy)
            return .link(item)
        case .destination(let name, let point):
            return .destination(name: name, at: Point(point.x + dx, point.y + dy))
        }
    }
}

extension Path {
    func offsetBy(dx: Double, dy: Double) -> Path {
        func move(_ p: Point) -> Point { Point(p.x + dx, p.y + dy) }
        return Path(elements.map { element in
            switch element {
            case .move(let p): return .move(move(p))
            case .line(let p): return .line(move(p))
            case .curve(let a, let b, let p): return .curve(move(a), move(b), move(p))
            case .close: return .close
            }
        })
    }
}

extension Frame {
    /// Appends another frame's items shifted by an offset, without wrapping them in a group.
    mutating func merge(_ other: Frame, at point: Point) {
        items.append(contentsOf: other.items.map { $0.offsetBy(dx: point.x, dy: point.y) })
    }

    /// Appends a filled rectangle.
    mutating func fill(_ rect: Rect, _ color: Color) {
        items.append(.path(PathItem(path: .rect(rect), fill: color)))
    }

    /// Appends a horizontal rule from x0 to x1 at y.
    mutating func rule(from x0: Double, to x1: Double, at y: Double, color: Color, width: Double) {
        items.append(.path(PathItem(path: .line(from: Point(x0, y), to: Point(x1, y)), stroke: StrokeStyle(color: color, width: width))))
    }
}
