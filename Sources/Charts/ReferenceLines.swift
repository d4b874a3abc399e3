import Geometry

/// Reference lines (a target, a group median): thin dashed lines across the plot in a muted ink that keeps 3:1
/// contrast with the background in every style, each labelled at its end. Labels go through the chart's label
/// boxes like every other plot label, so they never overlap one; one that finds no room counts as dropped.
struct ReferenceLines {
    let ctx: ChartContext

    init(_ ctx: ChartContext) { self.ctx = ctx }

    var references: [ChartReference] { ctx.spec.references }
    var values: [Double] { references.map(\.value) }

    /// The line colour: the muted ink raised to the 3:1 WCAG asks of meaningful graphics.
    static func lineColor(_ theme: ChartTheme) -> Color { theme.raised(theme.muted, to: 3) }
    /// The label colour: readable as text (4.5:1).
    static func labelColor(_ theme: ChartTheme) -> Color { theme.ink(theme.muted) }

    var font: FontSpec { ctx.theme.tickFont }

    /// The dash pattern of a reference line, long enough not to read as a dotted grid line.
    var dash: [Double] { [4 * ctx.theme.scale, 3 * ctx.theme.scale] }
    var width: Double { 1.1 * ctx.theme.scale }

    /// Rows of labels a row chart keeps above its rows: one per reference line and per shaded band of values.
    var labelRows: Int { references.count + ctx.spec.bands.filter { $0.valueRange != nil }.count }

    /// Height a row chart keeps above its rows for the labels of its vertical lines and bands: a row per label at most.
    var headroom: Double {
        labelRows == 0 ? 0 : Double(labelRows) * (font.lineBoxHeight + ctx.theme.scale) + 2 * ctx.theme.scale
    }

    /// Draws vertical lines at `x(value)` from `top` to `bottom` (row charts), with each label above the line's
    /// top end, centred on it where the plot allows, in the first free row of the headroom above `top`.
    func drawVertical(x: (Double) -> Double, top: Double, bottom: Double, plot: Rect, into d: inout ChartDrawing) {
        guard !references.isEmpty else { return }
        let theme = ctx.theme, s = theme.scale
        let row = font.lineBoxHeight + s
        for reference in references {
            let px = x(reference.value)
            d.stroke(.line(from: Point(px, top - 2 * s), to: Point(px, bottom)), Self.lineColor(theme), width: width, dash: dash)
        }
        for reference in references {
            let px = x(reference.value)
            let w = ctx.width(reference.label, font)
            let left = max(plot.minX, min(px - w / 2, plot.maxX - w))
            let candidates = (0..<labelRows).map { k in
                ctx.run(reference.label, font: font, color: Self.labelColor(theme), x: left, y: top - 2 * s - Double(k) * row, baseline: .bottom)
            }
            place(candidates, into: &d)
        }
    }

    /// Draws a horizontal line at `y` from `from` to `to` (line and bump charts); its label is placed with the
    /// end labels (see `LinePlot`).
    func drawHorizontal(y: Double, from: Double, to: Double, into d: inout ChartDrawing) {
        d.stroke(.line(from: Point(from, y), to: Point(to, y)), Self.lineColor(ctx.theme), width: width, dash: dash)
    }

    /// Draws the first candidate that overlaps no label and stays in the frame; none: a dropped label.
    func place(_ candidates: [TextItem], into d: inout ChartDrawing) {
        let free = candidates.first { run in
            d.bounds.contains(run.bounds, tolerance: 0.5) && !d.labelBoxes.contains { $0.intersects(run.bounds) }
        }
        if let free { d.label(free) } else { d.droppedLabels += 1 }
    }
}
