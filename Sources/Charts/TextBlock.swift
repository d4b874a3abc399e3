import Geometry

/// Wrapped lines of text laid out from a top edge; moved into place once the chart's regions are known.
struct TextBlock {
    var items: [TextItem] = []
    var height: Double = 0

    /// Appends wrapped spans as lines of the given pitch, starting below the current height.
    mutating func append(_ spans: [TextSpan], ctx: ChartContext, x: Double, width: Double, pitch: Double) {
        guard spans.contains(where: { !$0.text.isEmpty }) else { return }
        let lines = LineBreaker(measurer: ctx.measurer).lines(spans, maxWidth: max(width, 1))
        for line in lines {
            // The baseline sits where a line box of `pitch` would centre the line's glyphs.
            let baseline = height + (pitch - (line.ascent + line.descent)) / 2 + line.ascent
            for fragment in line.fragments where !fragment.text.isEmpty {
                items.append(TextItem(text: fragment.text, font: fragment.font, color: fragment.color,
                                      origin: Point(x + fragment.x, baseline), width: fragment.width))
            }
            height += pitch
        }
    }

    mutating func addSpace(_ space: Double) { if height > 0 { height += space } }

    /// The items moved down by `dy`.
    func placed(at dy: Double) -> [TextItem] {
        items.map { item in
            var moved = item
            moved.origin.y += dy
            return moved
        }
    }
}
