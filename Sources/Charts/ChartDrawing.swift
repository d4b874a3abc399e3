import Geometry

/// Collects the display items of a chart as it is drawn, with the label boxes and warnings to report.
struct ChartDrawing {
    var items: [DisplayItem] = []
    /// Boxes of plot labels, which must never intersect.
    var labelBoxes: [Rect] = []
    var warnings: [Diagnostic] = []

    mutating func stroke(_ path: Path, _ color: Color, width: Double, dash: [Double] = [],
                         cap: StrokeStyle.Cap = .butt, join: StrokeStyle.Join = .miter) {
        guard !path.elements.isEmpty else { return }
        items.append(.path(PathItem(path: path, stroke: StrokeStyle(color: color, width: width, dash: dash, cap: cap, join: join))))
    }

    mutating func fill(_ path: Path, _ color: Color, stroke: StrokeStyle? = nil) {
        guard !path.elements.isEmpty else { return }
        items.append(.path(PathItem(path: path, fill: color, stroke: stroke)))
    }

    /// Draws a text run that is not a plot label (titles, ticks, legends).
    mutating func text(_ run: TextItem) {
        items.append(.text(run))
    }

    /// Draws a plot label and records its box for collision checks.
    mutating func label(_ run: TextItem) {
        items.append(.text(run))
        labelBoxes.append(run.bounds)
    }

    /// Draws a label made of several runs on one line and records their union as one box.
    mutating func label(_ runs: [TextItem]) {
        guard let first = runs.first else { return }
        var box = first.bounds
        for run in runs {
            items.append(.text(run))
            box = box.union(run.bounds)
        }
        labelBoxes.append(box)
    }

    mutating func warn(_ message: String, code: String) {
        warnings.append(.warning(message, code: code))
    }
}
