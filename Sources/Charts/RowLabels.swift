import Geometry

/// The entity names down the left of a row-based chart (bars, dots, dumbbells, heat maps, stage ladders):
/// the font shrinks when rows are tight and over-long names are shortened with "…" so the plot keeps its room.
struct RowLabels {
    let font: FontSpec
    let boldFont: FontSpec
    let texts: [String]
    /// Width of the widest (possibly shortened) label.
    let width: Double

    init(_ labels: [String], ctx: ChartContext, rowStep: Double, maxWidth: Double, bold: Set<Int> = []) {
        let theme = ctx.theme
        // Shrink type down to 60 % so each label stays inside its row; below that rows are unreadable anyway.
        let fitting = rowStep / (theme.labelFont.lineBoxHeight * 1.05)
        let factor = min(1, max(0.6, fitting))
        font = theme.labelFont.with(size: theme.labelFont.size * factor)
        boldFont = font.with(bold: true)
        var texts: [String] = []
        var widest = 0.0
        for (i, label) in labels.enumerated() {
            let f = bold.contains(i) ? boldFont : font
            let text = Truncation.fit(label, font: f, maxWidth: maxWidth, ctx: ctx)
            texts.append(text)
            widest = max(widest, ctx.width(text, f))
        }
        self.texts = texts
        width = widest
    }

    /// Draws the labels right-aligned at `right`, centred on their rows. Draw them before the value labels: when
    /// rows are too tight even at the smallest type, the labels drawn first win and the rest are left out.
    func draw(centers: [Double], right: Double, bold: Set<Int> = [], ctx: ChartContext, into d: inout ChartDrawing) {
        for i in texts.indices {
            d.label(ctx.run(texts[i], font: bold.contains(i) ? boldFont : font, color: ctx.theme.text,
                            x: right, y: centers[i], anchor: .end))
        }
    }
}

