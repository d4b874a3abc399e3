import Geometry

/// A small key for the cases where direct labels do not serve (categories of grouped bars, dots, groups).
struct Legend {
    /// `marker` is a dot in colour, or the category's shape in monochrome.
    /// `hatched` is an outlined, hatched square: a heat-map cell without data.
    enum Swatch { case square, marker(MarkerShape), line, dashedArrow, hatched }

    struct Entry {
        var label: String
        var color: Color
        var swatch: Swatch
    }

    var entries: [Entry]
    var isEmpty: Bool { entries.isEmpty }

    /// Lays the entries out left to right, wrapping to new rows; returns the items and the height used.
    func layout(_ ctx: ChartContext, x: Double, y: Double, width: Double) -> (items: [DisplayItem], height: Double) {
        guard !entries.isEmpty else { return ([], 0) }
        let theme = ctx.theme, font = theme.tickFont
        let rowHeight = font.lineBoxHeight * 1.25
        let entryGap = font.size * 1.4, swatchGap = font.size * 0.4
        var items: [DisplayItem] = []
        var cx = x, cy = y
        for entry in entries {
            let swatchWidth: Double
            switch entry.swatch {
            case .line, .dashedArrow: swatchWidth = font.size * 1.8
            case .square, .marker, .hatched: swatchWidth = font.size * 0.8
            }
            let textWidth = ctx.width(entry.label, font)
            let entryWidth = swatchWidth + swatchGap + textWidth
            if cx > x, cx + entryWidth > x + width {
                cx = x
                cy += rowHeight
            }
            let mid = cy + rowHeight / 2
            let s = font.size * 0.8
            switch entry.swatch {
            case .square:
                items.append(.path(PathItem(path: .rect(Rect(x: cx, y: mid - s / 2, width: s, height: s)), fill: entry.color)))
            case .marker(let shape):
                // A circle fills the swatch; triangles and diamonds reach further from their centre, so all shapes
                // are drawn a little smaller to stay clear of the label.
                let radius = shape == .circle ? s / 2 : s * 0.4
                items.append(.path(PathItem(path: shape.path(center: Point(cx + s / 2, mid), radius: radius), fill: entry.color)))
            case .hatched:
                let square = Rect(x: cx, y: mid - s / 2, width: s, height: s)
                let w = 0.6 * theme.scale
                items.append(.path(PathItem(path: Hatch.path(in: square, spacing: s / 3), stroke: StrokeStyle(color: theme.grid, width: w))))
                items.append(.path(PathItem(path: .rect(square), stroke: StrokeStyle(color: entry.color, width: w))))
            case .line:
                items.append(.path(PathItem(path: .line(from: Point(cx, mid), to: Point(cx + swatchWidth, mid)),
                                            stroke: StrokeStyle(color: entry.color, width: theme.focusLineWidth))))
            case .dashedArrow:
                let w = theme.lineWidth * 1.2
                items.append(.path(PathItem(path: .line(from: Point(cx, mid), to: Point(cx + swatchWidth - s * 0.5, mid)),
                                            stroke: StrokeStyle(color: entry.color, width: w, dash: [w * 3, w * 2]))))
                items.append(.path(PathItem(path: Arrowhead.path(tip: Point(cx + swatchWidth, mid), size: s * 0.7),
                                            fill: entry.color)))
            }
            items.append(.text(ctx.run(entry.label, font: font, color: theme.text, x: cx + swatchWidth + swatchGap, y: mid)))
            cx += entryWidth + entryGap
        }
        return (items, cy + rowHeight - y)
    }
}
