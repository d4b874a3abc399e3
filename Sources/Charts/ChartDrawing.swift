import Geometry

/// Collects the display items of a chart as it is drawn, with the label boxes and warnings to report.
///
/// Every plot label goes through `label(_:)`, which refuses one that would overlap a label already drawn or leave
/// the chart's frame. The chart kinds place labels so this should rarely bite (end labels are dodged, value labels
/// sized to their rows); it is the backstop that makes "labels never overlap and never leave the image" hold for
/// any data and any size, with a warning when it acts.
struct ChartDrawing {
    var items: [DisplayItem] = []
    /// Boxes of plot labels, which must never intersect.
    var labelBoxes: [Rect] = []
    var warnings: [Diagnostic] = []
    /// Labels refused because they would have overlapped another or left the frame.
    var droppedLabels = 0
    /// Labels drawn shortened with "…" because even wrapped they did not fit their room.
    var truncatedLabels = 0
    /// Focus series drawn exactly like an earlier one (colour, dash and marker), which no label can make up for.
    var alikeSeries = 0
    /// The area every label must stay inside (the whole chart).
    var bounds: Rect
    /// Sentences for the note line that only drawing can tell (e.g. that cells were too small for their values);
    /// the renderer lays the chart out again with them.
    var lateNotes: [String] = []

    init(bounds: Rect) { self.bounds = bounds }

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
        guard !run.text.isEmpty else { return }
        items.append(.text(run))
    }

    /// Draws a plot label unless it would overlap one already drawn.
    mutating func label(_ run: TextItem) {
        label([run])
    }

    /// Draws a label made of several runs on one line, recorded as one box, unless it would overlap another or
    /// reach outside the frame. Returns whether it was drawn.
    @discardableResult
    mutating func label(_ runs: [TextItem]) -> Bool {
        let runs = runs.filter { !$0.text.isEmpty }
        guard let first = runs.first else { return false }
        let box = runs.dropFirst().reduce(first.bounds) { $0.union($1.bounds) }
        if !bounds.contains(box, tolerance: 0.5) || labelBoxes.contains(where: { $0.intersects(box) }) {
            droppedLabels += 1
            return false
        }
        items += runs.map { .text($0) }
        labelBoxes.append(box)
        return true
    }

    /// Adds a sentence to the notes under the chart (once).
    mutating func note(_ sentence: String) {
        if !lateNotes.contains(sentence) { lateNotes.append(sentence) }
    }

    /// Adds a key under the chart (names that labels in the plot stand for). A key that has no room under the
    /// plot leaves those labels without names, which counts as dropping them.
    mutating func key(_ sentence: String) {
        note(sentence)
        keys += 1
    }

    /// Keys added by `key(_:)` while drawing.
    var keys = 0

    mutating func warn(_ message: String, code: DiagnosticCode) {
        warnings.append(.warning(message, code: code))
    }
}
