import Geometry

/// Wrapped lines of text laid out from a top edge; moved into place once the chart's regions are known.
struct TextBlock {
    var items: [TextItem] = []
    var height: Double = 0

    /// Appends wrapped spans as lines of the given pitch, starting below the current height.
    mutating func append(_ spans: [TextSpan], ctx: ChartContext, x: Double, width: Double, pitch: Double) {
        guard spans.contains(where: { !$0.text.isEmpty }) else { return }
        let texts = CJKSpacing.normalised(spans.map(\.text), spaced: ctx.theme.style.cjkLatinSpace)
        let spans = zip(spans, texts).map { span, text in var spaced = span; spaced.text = text; return spaced }
        let breaker = LineBreaker(measurer: ctx.measurer)
        var lines = breaker.lines(spans, maxWidth: max(width, 1))
        // A last line of a character or two (a widow) looks like a mistake under a title or source note; a
        // slightly narrower measure that keeps the line count carries a few more characters down to it.
        let short = width / 6
        if lines.count > 1, let last = lines.last, last.width < short {
            for factor in [0.95, 0.9, 0.85] {
                let trial = breaker.lines(spans, maxWidth: max(width * factor, 1))
                if trial.count == lines.count, let end = trial.last, end.width >= short {
                    lines = trial
                    break
                }
            }
        }
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
