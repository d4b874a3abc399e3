import Geometry
import Model

/// Lays out key-figure call-outs: rows of up to four rounded boxes, each with a big value, a label and a
/// note. More than four wrap into balanced rows (5 → 3 + 2, 6 → 3 + 3), one flow unit per row.
struct CalloutLayout: Sendable {
    let typesetter: Typesetter
    let width: Double

    var style: Style { typesetter.style }

    func layout(_ callouts: [Callout]) -> [FlowUnit] {
        guard !callouts.isEmpty else { return [] }
        let rowCount = (callouts.count + 3) / 4
        let perRow = (callouts.count + rowCount - 1) / rowCount
        let gap = style.sizes.body
        let boxWidth = (width - gap * Double(perRow - 1)) / Double(perRow)
        var units: [FlowUnit] = []
        for start in stride(from: 0, to: callouts.count, by: perRow) {
            let row = Array(callouts[start..<min(callouts.count, start + perRow)])
            // The values of a row share one size, so a long number does not make its neighbours look bigger.
            let shared = row.map { valueSize($0.value, boxWidth: boxWidth) }.min() ?? style.sizes.callout
            let boxes = row.map { box($0, width: boxWidth, valueSize: shared) }
            let height = boxes.map(\.size.height).max() ?? 0
            var frame = Frame(size: Size(width, height))
            for (index, box) in boxes.enumerated() {
                let x = Double(index) * (boxWidth + gap)
                // Boxes of a row share one height so their edges line up.
                frame.append(.path(PathItem(path: .roundedRect(Rect(x: x, y: 0, width: boxWidth, height: height), radius: 4),
                                            fill: style.colors.calloutFill)))
                frame.merge(box, at: Point(x, 0))
            }
            units.append(FlowUnit(frame: frame, height: height, spaceBefore: units.isEmpty ? 0 : gap, what: "callouts"))
        }
        return units
    }

    /// The inside width of a box.
    private func inner(_ boxWidth: Double) -> Double { max(1, boxWidth - 2 * style.sizes.body) }

    /// The size at which a value fits its box: the callout size when it does, else smaller so that the value
    /// stays on one line down to the body size; a longer value (several words) may then wrap, but only
    /// between words: the type goes on down until its longest number or word fits, which is never split.
    func valueSize(_ value: String, boxWidth: Double) -> Double {
        let full = style.sizes.callout
        let room = inner(boxWidth)
        func widths(_ size: Double) -> (min: Double, max: Double) {
            let spans = typesetter.spans([InlineSpan(value.trimmingSpaces)], font: style.headingFont(size: size), color: style.colors.accent)
            return typesetter.naturalWidths(spans)
        }
        /// The largest size up to `full` at which `part` of the value fits: glyph widths do not scale exactly
        /// with the size (hinting), so the result is measured again and nudged down a few times at most.
        func fitting(_ part: ((min: Double, max: Double)) -> Double) -> Double {
            var size = full
            for _ in 0..<4 {
                let w = part(widths(size))
                guard w > room, w > 0 else { return size }
                size = size * room / w * 0.995
            }
            return size
        }
        let oneLine = fitting { $0.max }
        if oneLine >= min(full, style.sizes.body) { return oneLine }
        return fitting { $0.min }
    }

    /// The content of one box (value, label, note) with its natural height, padding included.
    private func box(_ callout: Callout, width: Double, valueSize: Double) -> Frame {
        let pad = style.sizes.body
        let inner = inner(width)
        var frame = Frame(size: Size(width, 0))
        var y = pad * 0.9
        func add(_ text: String, font: FontSpec, color: Color, pitch: Double) {
            guard !text.trimmingSpaces.isEmpty else { return }
            for line in typesetter.lines(text, font: font, color: color, width: inner) {
                frame.append(contentsOf: typesetter.draw(line, x: pad, baseline: y + Typesetter.baseline(font: font, pitch: pitch), width: inner))
                y += pitch
            }
        }
        let valueFont = style.headingFont(size: valueSize)
        add(callout.value, font: valueFont, color: style.colors.accent, pitch: valueFont.size * 1.25)
        y += 2
        add(callout.label, font: style.bodyFont(bold: true), color: style.colors.text, pitch: style.sizes.body * 1.45)
        let small = style.bodyFont(size: style.sizes.small)
        add(callout.note, font: small, color: style.colors.muted, pitch: small.size * 1.45)
        frame.size.height = y + pad * 0.9
        return frame
    }
}
