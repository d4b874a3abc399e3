import Geometry

/// Callouts: a short text (up to three lines) beside one mark, joined to it by a thin leader. Each is tried beside,
/// above and below the mark at growing offsets, nearest first, and goes to the first place where its text overlaps
/// no label, no mark and no line, and its leader crosses no label and no other mark. One that finds no place is a dropped label (the
/// chart fails with `chart-labels-dropped`); a callout is never drawn over anything.
struct CalloutPlacer {
    let ctx: ChartContext

    init(_ ctx: ChartContext) { self.ctx = ctx }

    static let maxLines = 3

    /// The mark a callout points to: where the leader starts, and the box the mark covers.
    struct Mark {
        var anchor: Point
        var box: Rect
    }

    var font: FontSpec { ctx.theme.tickFont }

    /// Places every callout of the spec. `mark(series, category)` finds a mark (nil: no value there, counted as
    /// dropped); `obstacles` are the boxes of the chart's marks and `segments` its lines; text stays in `region`.
    func draw(mark: (Int, Int) -> Mark?, obstacles: [Rect], segments: [(Point, Point)], region: Rect, into d: inout ChartDrawing) {
        for callout in ctx.spec.callouts {
            guard let series = ctx.spec.series.firstIndex(where: { $0.id == callout.series }), let target = mark(series, callout.category),
                  let lines = wrapped(callout.text, region: region) else {
                d.droppedLabels += 1
                continue
            }
            guard let (runs, leader) = place(lines, at: target, obstacles: obstacles, segments: segments, region: region, labels: d.labelBoxes) else {
                d.droppedLabels += 1
                continue
            }
            // The label refuses (and counts) a text that would touch another; only a drawn text gets its leader.
            if d.label(runs) {
                d.stroke(.line(from: leader.0, to: leader.1), ReferenceLines.lineColor(ctx.theme), width: 0.6 * ctx.theme.scale)
            }
        }
    }

    /// The text broken into at most three lines, each as wide as it needs, on the narrowest measure that allows it
    /// (a quarter of the region, then wider); nil when even the widest needs more lines.
    func wrapped(_ text: String, region: Rect) -> [String]? {
        for share in [0.25, 0.35, 0.5, 0.7] {
            let lines = ctx.wrap(text, font: font, maxWidth: region.width * share)
            let widest = lines.map { ctx.width($0, font) }.max() ?? 0
            if !lines.isEmpty, lines.count <= Self.maxLines, widest <= region.width { return lines }
        }
        return nil
    }

    /// The first free place for the lines around the mark: their runs and the leader.
    private func place(_ lines: [String], at mark: Mark, obstacles: [Rect], segments: [(Point, Point)], region: Rect,
                       labels: [Rect]) -> ([TextItem], (Point, Point))? {
        let s = ctx.theme.scale
        let lineHeight = font.lineBoxHeight
        let width = lines.map { ctx.width($0, font) }.max() ?? 0
        let height = Double(lines.count) * lineHeight
        let others = obstacles.filter { !$0.intersects(mark.box.insetBy(0.5)) }
        // Places beside, above and below the mark at growing offsets (a line apart at least, so the leader shows),
        // nearest first (ties: higher, then further left).
        var lefts = [mark.anchor.x - width / 2], tops = [mark.anchor.y - height / 2]
        for k in 0..<16 {
            let offset = (1 + 0.8 * Double(k)) * lineHeight
            lefts += [mark.box.maxX + offset, mark.box.minX - offset - width]
            tops += [mark.box.minY - offset - height, mark.box.maxY + offset]
        }
        var candidates: [(distance: Double, box: Rect)] = []
        for left in lefts {
            for top in tops {
                let box = Rect(x: left, y: top, width: width, height: height)
                guard region.contains(box, tolerance: 0.5) else { continue }
                let p = Self.nearest(in: box, to: mark.anchor)
                candidates.append(((p.x - mark.anchor.x) * (p.x - mark.anchor.x) + (p.y - mark.anchor.y) * (p.y - mark.anchor.y), box))
            }
        }
        candidates.sort { ($0.distance, $0.box.minY, $0.box.minX) < ($1.distance, $1.box.minY, $1.box.minX) }
        for (_, box) in candidates {
            let (left, top) = (box.minX, box.minY)
            let padded = box.insetBy(-1.5 * s)
            guard !labels.contains(where: { $0.intersects(padded) }),
                  !obstacles.contains(where: { $0.intersects(padded) }),
                  !segments.contains(where: { Self.crosses($0.0, $0.1, padded) }) else { continue }
            // The leader runs from the point of the mark nearest the text to the point of the text nearest the mark.
            let end = Self.nearest(in: box, to: mark.anchor)
            let start = Self.nearest(in: mark.box, to: end)
            guard !labels.contains(where: { Self.crosses(start, end, $0) }),
                  !others.contains(where: { Self.crosses(start, end, $0) }) else { continue }
            let runs = lines.enumerated().map { k, line in
                ctx.run(line, font: font, color: ctx.theme.text, x: left, y: top + Double(k) * lineHeight, baseline: .top)
            }
            return (runs, (start, end))
        }
        return nil
    }

    /// The point of `box` nearest to `p`.
    static func nearest(in box: Rect, to p: Point) -> Point {
        Point(min(max(p.x, box.minX), box.maxX), min(max(p.y, box.minY), box.maxY))
    }

    /// Whether the segment from `a` to `b` passes through the rectangle (Liang–Barsky clipping).
    static func crosses(_ a: Point, _ b: Point, _ r: Rect) -> Bool {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}

extension Rect {
    /// The rectangle shrunk by `d` on every side (grown when negative).
    func insetBy(_ d: Double) -> Rect { Rect(x: minX + d, y: minY + d, width: max(0, width - 2 * d), height: max(0, height - 2 * d)) }
}
