import Geometry

/// Collects the display items of a chart as it is drawn, with the label boxes and warnings to report.
///
/// Every plot label goes through `label(_:)`, which refuses one that would overlap a label already drawn. The
/// chart kinds place labels so this should rarely bite (end labels are dodged, value labels sized to their rows);
/// it is the backstop that makes "labels never overlap" hold for any data, with a warning when it acts.
struct ChartDrawing {
    var items: [DisplayItem] = []
    /// Boxes of plot labels, which must never intersect.
    var labelBoxes: [Rect] = []
    var warnings: [Diagnostic] = []
    /// Labels refused because they would have overlapped another.
    var droppedLabels = 0

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

    /// Draws a plot label unless it would overlap one already drawn.
    mutating func label(_ run: TextItem) {
        label([run])
    }

    /// Draws a label made of several runs on one line, recorded as one box, unless it would overlap another.
    mutating func label(_ runs: [TextItem]) {
        guard let first = runs.first else { return }
        let box = runs.dropFirst().reduce(first.bounds) { $0.union($1.bounds) }
        if labelBoxes.contains(where: { $0.intersects(box) }) {
            droppedLabels += 1
            return
        }
        items += runs.map { .text($0) }
        labelBoxes.append(box)
    }

    mutating func warn(_ message: String, code: String) {
        warnings.append(.warning(message, code: code))
    }
}
