import Geometry

/// The entity names down the left of a row-based chart (bars, dots, dumbbells, heat maps, stage ladders).
///
/// A name is never shortened while another step can still show it whole. In order: the type shrinks when rows are
/// tight (to 60 %); a name wider than its column wraps to two and then three lines where the row is tall enough
/// (type down to 70 %); then the column widens to `roomUpTo`, taking room from the plot. Only what still does not
/// fit is shortened with "…", and `draw` reports it, so the renderer fails the chart rather than mislead.
struct RowLabels {
    let font: FontSpec
    let boldFont: FontSpec
    /// One to three lines per label.
    let lines: [[String]]
    /// Width of the widest (possibly wrapped or shortened) line.
    let width: Double
    /// Distance between the baselines of a wrapped label.
    let pitch: Double
    /// How many labels are shortened with "…" even after wrapping and widening.
    let truncated: Int

    /// The most lines a name wraps to.
    static let maxLines = 3

    init(_ labels: [String], ctx: ChartContext, rowStep: Double, maxWidth: Double, roomUpTo: Double? = nil, bold: Set<Int> = []) {
        var laid = Self.layout(labels, ctx: ctx, rowStep: rowStep, maxWidth: maxWidth, bold: bold)
        if laid.truncated > 0, let wider = roomUpTo, wider > maxWidth {
            laid = Self.layout(labels, ctx: ctx, rowStep: rowStep, maxWidth: wider, bold: bold)
        }
        font = laid.font
        boldFont = laid.font.with(bold: true)
        lines = laid.lines
        width = laid.width
        pitch = laid.font.lineBoxHeight * 1.05
        truncated = laid.truncated
    }

    private static func layout(_ labels: [String], ctx: ChartContext, rowStep: Double, maxWidth: Double,
                               bold: Set<Int>) -> (font: FontSpec, lines: [[String]], width: Double, truncated: Int) {
        let base = ctx.theme.labelFont
        func fontFor(_ i: Int, _ f: FontSpec) -> FontSpec { bold.contains(i) ? f.with(bold: true) : f }
        // Shrink type down to 60 % so each label stays inside its row; below that rows are unreadable anyway.
        let oneLine = base.with(size: base.size * min(1, max(0.6, rowStep / (base.lineBoxHeight * 1.05))))
        let fitsOneLine = labels.indices.allSatisfy { ctx.width(labels[$0], fontFor($0, oneLine)) <= maxWidth }
        var choice: (font: FontSpec, lines: Int) = (oneLine, 1)
        if !fitsOneLine {
            // n lines need n line pitches and a quarter line of air to the next row's label, at type down to 70 %.
            for n in 2...maxLines {
                let factor = min(1, rowStep / (base.lineBoxHeight * (1.05 * Double(n) + 0.25)))
                guard factor >= 0.7 else { break }
                let f = base.with(size: base.size * factor)
                choice = (f, n)
                let fits = labels.indices.allSatisfy { i in
                    let wrapped = ctx.wrap(labels[i], font: fontFor(i, f), maxWidth: maxWidth)
                    return wrapped.count <= n && !breaksWord(wrapped, in: labels[i])
                        && wrapped.allSatisfy { ctx.width($0, fontFor(i, f)) <= maxWidth + 0.01 }
                }
                if fits { break }
            }
        }
        var lines: [[String]] = []
        var widest = 0.0, truncated = 0
        for (i, label) in labels.enumerated() {
            let f = fontFor(i, choice.font)
            let wrapped = choice.lines == 1 ? [Truncation.fit(label, font: f, maxWidth: maxWidth, ctx: ctx)]
                                            : wrap(label, font: f, maxWidth: maxWidth, maxLines: choice.lines, ctx: ctx)
            // A word broken over two lines ("Less-develop / ed") misreads as much as a shortened name.
            if wrapped.isEmpty != label.isEmpty || wrapped.contains(where: { $0.hasSuffix("…") && !label.contains("…") })
                || breaksWord(wrapped, in: label) {
                truncated += 1
            }
            lines.append(wrapped)
            widest = max(widest, wrapped.map { ctx.width($0, f) }.max() ?? 0)
        }
        return (choice.font, lines, widest, truncated)
    }

    /// The label on one line if it is short, else on two lines of similar length (a lone last word looks like a
    /// stray), with the second shortened if the name needs more than two.
    static func wrap(_ label: String, font: FontSpec, maxWidth: Double, maxLines: Int = 2, ctx: ChartContext) -> [String] {
        let full = ctx.width(label, font)
        // Tall rows have room for two lines: a name taking most of the label column is better on two.
        if full <= maxWidth * 0.6 { return [label] }
        var broken = ctx.wrap(label, font: font, maxWidth: maxWidth)
        guard broken.count > 1 else {
            return [Truncation.fit(label, font: font, maxWidth: maxWidth, ctx: ctx)]
        }
        if broken.count <= maxLines {
            // The narrowest width that still takes as many lines balances them; a few halvings are enough.
            let count = broken.count
            var lo = full / Double(count), hi = maxWidth
            for _ in 0..<8 {
                let mid = (lo + hi) / 2
                let trial = ctx.wrap(label, font: font, maxWidth: mid)
                if trial.count <= count { hi = mid; broken = trial } else { lo = mid }
            }
            return broken
        }
        // The lines that fit, then the rest of the name run together on the last line and shortened with "…".
        let kept = Array(broken.prefix(maxLines - 1))
        var rest = label
        for line in kept {
            guard rest.hasPrefix(line) else {
                rest = broken.dropFirst(kept.count).joined(separator: " ")
                break
            }
            rest = String(String(rest.dropFirst(line.count)).drop { $0 == " " })
        }
        return kept.map { Truncation.fit($0, font: font, maxWidth: maxWidth, ctx: ctx) }
            + [Truncation.fit(rest, font: font, maxWidth: maxWidth, ctx: ctx)]
    }

    /// Whether the line breaker had to cut a Latin word (no space or hyphen at a line end, letters on both sides).
    /// Chinese breaks between any two characters, so it never counts.
    static func breaksWord(_ lines: [String], in label: String) -> Bool {
        let chars = Array(label)
        var i = 0
        for (k, line) in lines.enumerated() {
            while i < chars.count, chars[i] == " " { i += 1 }
            let piece = Array(line.drop { $0 == " " })
            guard i + piece.count <= chars.count, Array(chars[i..<(i + piece.count)]) == piece else { return false }
            i += piece.count
            guard k < lines.count - 1, i > 0, i < chars.count else { continue }
            let a = chars[i - 1], b = chars[i]
            func latin(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
            if latin(a) && latin(b) { return true }
        }
        return false
    }

    /// Draws the labels right-aligned at `right`, centred on their rows. Draw them before the value labels: when
    /// rows are too tight even at the smallest type, the labels drawn first win and the rest are left out.
    func draw(centers: [Double], right: Double, bold: Set<Int> = [], ctx: ChartContext, into d: inout ChartDrawing) {
        d.truncatedLabels += truncated
        for i in lines.indices {
            let f = bold.contains(i) ? boldFont : font
            let first = centers[i] - Double(lines[i].count - 1) * pitch / 2
            d.label(lines[i].enumerated().map { k, line in
                ctx.run(line, font: f, color: ctx.theme.text, x: right, y: first + Double(k) * pitch, anchor: .end)
            })
        }
    }
}
