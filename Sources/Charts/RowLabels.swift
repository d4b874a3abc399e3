import Geometry

/// The entity names down the left of a row-based chart (bars, dots, dumbbells, heat maps, stage ladders).
///
/// The font shrinks when rows are tight. A name wider than `maxWidth` wraps to a second line when its row is tall
/// enough for two, and only what still does not fit is shortened with "…", so the plot keeps its room without
/// the reader losing the end of a long name.
struct RowLabels {
    let font: FontSpec
    let boldFont: FontSpec
    /// One or two lines per label.
    let lines: [[String]]
    /// Width of the widest (possibly wrapped or shortened) line.
    let width: Double
    /// Distance between the baselines of a two-line label.
    let pitch: Double

    init(_ labels: [String], ctx: ChartContext, rowStep: Double, maxWidth: Double, bold: Set<Int> = []) {
        let theme = ctx.theme, base = theme.labelFont
        // Shrink type down to 60 % so each label stays inside its row; below that rows are unreadable anyway.
        let oneLine = min(1, max(0.6, rowStep / (base.lineBoxHeight * 1.05)))
        // A name too long for the column goes on two lines when the row holds them with a quarter line of air
        // to the next row's label (two lines set closer than that run into their neighbours), at type down to
        // 80 %; with less room it is shortened on one line.
        let twoLines = min(1, rowStep / (base.lineBoxHeight * 2.35))
        let oneLineFont = base.with(size: base.size * oneLine)
        let long = labels.indices.contains { i in
            ctx.width(labels[i], bold.contains(i) ? oneLineFont.with(bold: true) : oneLineFont) > maxWidth
        }
        let wrap = long && twoLines >= 0.8
        font = wrap ? base.with(size: base.size * twoLines) : oneLineFont
        boldFont = font.with(bold: true)
        pitch = font.lineBoxHeight * 1.05
        var lines: [[String]] = []
        var widest = 0.0
        for (i, label) in labels.enumerated() {
            let f = bold.contains(i) ? boldFont : font
            let wrapped = wrap ? Self.wrap(label, font: f, maxWidth: maxWidth, ctx: ctx)
                               : [Truncation.fit(label, font: f, maxWidth: maxWidth, ctx: ctx)]
            lines.append(wrapped)
            widest = max(widest, wrapped.map { ctx.width($0, f) }.max() ?? 0)
        }
        self.lines = lines
        width = widest
    }

    /// The label on one line if it is short, else on two lines of similar length (a lone last word looks like a
    /// stray), with the second shortened if the name needs more than two.
    static func wrap(_ label: String, font: FontSpec, maxWidth: Double, ctx: ChartContext) -> [String] {
        let full = ctx.width(label, font)
        // Tall rows have room for two lines: a name taking most of the label column is better on two.
        if full <= maxWidth * 0.6 { return [label] }
        var broken = ctx.wrap(label, font: font, maxWidth: maxWidth)
        guard broken.count > 1, let first = broken.first else {
            return [Truncation.fit(label, font: font, maxWidth: maxWidth, ctx: ctx)]
        }
        if broken.count == 2 {
            // The narrowest width that still takes two lines balances them; a few halvings are enough.
            var lo = full / 2, hi = maxWidth
            for _ in 0..<8 {
                let mid = (lo + hi) / 2
                let trial = ctx.wrap(label, font: font, maxWidth: mid)
                if trial.count <= 2 { hi = mid; broken = trial } else { lo = mid }
            }
            return broken
        }
        // The rest of the name after the first line, so a third line's words end up (shortened) on the second.
        let rest = label.hasPrefix(first) ? String(label.dropFirst(first.count)) : broken.dropFirst().joined(separator: " ")
        let second = String(rest.drop { $0 == " " })
        return [Truncation.fit(first, font: font, maxWidth: maxWidth, ctx: ctx),
                Truncation.fit(second, font: font, maxWidth: maxWidth, ctx: ctx)]
    }

    /// Draws the labels right-aligned at `right`, centred on their rows. Draw them before the value labels: when
    /// rows are too tight even at the smallest type, the labels drawn first win and the rest are left out.
    func draw(centers: [Double], right: Double, bold: Set<Int> = [], ctx: ChartContext, into d: inout ChartDrawing) {
        for i in lines.indices {
            let f = bold.contains(i) ? boldFont : font
            let first = centers[i] - Double(lines[i].count - 1) * pitch / 2
            d.label(lines[i].enumerated().map { k, line in
                ctx.run(line, font: f, color: ctx.theme.text, x: right, y: first + Double(k) * pitch, anchor: .end)
            })
        }
    }
}
