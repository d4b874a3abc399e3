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
            let boxes = row.map { box($0, width: boxWidth) }
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

    /// The content of one box (value, label, note) with its natural height, padding included.
    private func box(_ callout: Callout, width: Double) -> Frame {
        let pad = style.sizes.body
        let inner = max(1, width - 2 * pad)
        var frame = Frame(size: Size(width, 0))
        var y = pad * 0.9
        func add(_ text: String, font: FontSpec, color: Color, pitch: Double) {
            guard !text.trimmingSpaces.isEmpty else { return }
            for line in typesetter.lines(text, font: font, color: color, width: inner) {
                frame.append(contentsOf: typesetter.draw(line, x: pad, baseline: y + Typesetter.baseline(font: font, pitch: pitch), width: inner))
                y += pitch
            }
        }
        let valueFont = style.headingFont(size: style.sizes.callout)
        add(callout.value, font: valueFont, color: style.colors.accent, pitch: valueFont.size * 1.25)
        y += 2
        add(callout.label, font: style.bodyFont(bold: true), color: style.colors.text, pitch: style.sizes.body * 1.45)
        let small = style.bodyFont(size: style.sizes.small)
        add(callout.note, font: small, color: style.colors.muted, pitch: small.size * 1.45)
        frame.size.height = y + pad * 0.9
        return frame
    }
}
