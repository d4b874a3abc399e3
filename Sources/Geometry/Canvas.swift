/// What a backend must do to draw a display list. Coordinates are points, origin top-left, y down.
public protocol Canvas {
    /// Starts a group: saves state, applies the transform, then clips (in the transformed space).
    mutating func beginGroup(transform: Transform, clip: Rect?)
    /// Ends the innermost group, restoring the state saved by `beginGroup`.
    mutating func endGroup()
    mutating func drawPath(_ item: PathItem)
    mutating func drawText(_ item: TextItem)
    mutating func drawImage(_ item: ImageItem)
    mutating func addLink(_ item: LinkItem)
    mutating func addDestination(name: String, at point: Point)
    /// Starts a structure element (tagged PDF); backends without a structure tree ignore it.
    mutating func beginStructure(_ tag: StructureTag)
    /// Ends the structure element started by the matching `beginStructure`.
    mutating func endStructure(_ tag: StructureTag)
}

extension Canvas {
    public mutating func beginStructure(_ tag: StructureTag) {}
    public mutating func endStructure(_ tag: StructureTag) {}
}

/// Walks a display list in order and sends each item to a canvas; the only traversal every backend shares.
public enum DisplayListWalker {
    public static func walk<C: Canvas>(_ items: [DisplayItem], on canvas: inout C) {
        for item in items {
            switch item {
            case .group(let group):
                if let tag = group.tag { canvas.beginStructure(tag) }
                canvas.beginGroup(transform: group.transform, clip: group.clip)
                walk(group.items, on: &canvas)
                canvas.endGroup()
                if let tag = group.tag { canvas.endStructure(tag) }
            case .path(let path): canvas.drawPath(path)
            case .text(let text): canvas.drawText(text)
            case .image(let image): canvas.drawImage(image)
            case .link(let link): canvas.addLink(link)
            case .destination(let name, let point): canvas.addDestination(name: name, at: point)
            }
        }
    }
}
