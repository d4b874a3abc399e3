import Geometry
import Model

/// Lays out running text — paragraphs, list items, references, notes — as one flow unit per line, so a
/// paragraph can break across pages between any two lines that widow/orphan control allows.
struct ParagraphLayout: Sendable {
    let typesetter: Typesetter
    /// Width of the content column.
    let width: Double
    let language: String

    var style: Style { typesetter.style }
    var bodyFont: FontSpec { style.bodyFont() }
    var bodyPitch: Double { style.sizes.body * style.lineHeight }

    /// A body paragraph.
    func paragraph(_ inline: [InlineSpan]) -> [FlowUnit] {
        let spans = typesetter.spans(inline, font: bodyFont, color: style.colors.text)
        let lines = typesetter.lines(spans, width: width)
        var units = lines.map { line in
            lineUnit(line, font: bodyFont, pitch: bodyPitch, x: 0, lineWidth: width, justify: style.justify, what: "paragraph")
        }
        Self.keepLinesTogether(&units)
        return units
    }

    /// A bulleted or numbered list with a hanging indent: wrapped lines align with the item text, not the marker.
    func list(_ items: [[InlineSpan]], ordered: Bool) -> [FlowUnit] {
        // Chinese text uses "1）" so list numbers do not read like third-level heading numbers ("1.").
        let markers = items.indices.map { index in
            ordered ? (Language.isChinese(language) ? "\(index + 1)）" : "\(index + 1).") : "•"
        }
        return hangingList(items, markers: markers, font: bodyFont, pitch: bodyPitch, indent: style.sizes.body * 0.8,
                           itemGap: style.sizes.body * 0.3, what: "list")
    }

    /// A numbered reference list ("[1] …") in the caption size.
    func references(_ items: [String]) -> [FlowUnit] {
        let font = style.bodyFont(size: style.sizes.caption)
        let markers = items.indices.map { "[\($0 + 1)]" }
        return hangingList(items.map { [InlineSpan($0)] }, markers: markers, font: font, pitch: font.size * 1.5, indent: 0,
                           itemGap: font.size * 0.35, what: "references")
    }

    private func hangingList(_ items: [[InlineSpan]], markers: [String], font: FontSpec, pitch: Double, indent: Double,
                             itemGap: Double, what: String) -> [FlowUnit] {
        let markerWidth = markers.map { typesetter.width($0, font) }.max() ?? 0
        let textX = indent + markerWidth + font.size * 0.5
        let textWidth = max(font.size, width - textX)
        var units: [FlowUnit] = []
        for (index, item) in items.enumerated() {
            let spans = typesetter.spans(item, font: font, color: style.colors.text)
            let lines = typesetter.lines(spans, width: textWidth)
            // Each item is an LI (numbered by its index here; the flow builder makes the ids unique), its
            // marker the Lbl and its lines one LBody.
            var itemUnits = lines.map { line in
                var unit = lineUnit(line, font: font, pitch: pitch, x: textX, lineWidth: textWidth, justify: style.justify, what: what)
                unit.frame.items = [GroupItem.tagged(StructureTag(.listBody), unit.frame.items)]
                unit.structure = [StructureContainer(id: index, tag: StructureTag(.listItem))]
                return unit
            }
            if !itemUnits.isEmpty {
                // Markers are right-aligned in their column so "9." and "10." line up on the dot.
                let marker = markers[index]
                let w = typesetter.width(marker, font)
                let color = marker == "•" ? style.colors.accent : style.colors.text
                let label = DisplayItem.text(TextItem(text: marker, font: font, color: color,
                                                      origin: Point(indent + markerWidth - w, Typesetter.baseline(font: font, pitch: pitch)),
                                                      width: w))
                itemUnits[0].frame.items.insert(GroupItem.tagged(StructureTag(.label), [label]), at: 0)
                if index > 0 { itemUnits[0].spaceBefore = itemGap }
            }
            Self.keepLinesTogether(&itemUnits)
            units += itemUnits
        }
        return units
    }

    /// A boxed paragraph on a light fill (data caveats). Each line is its own slice of the box, so a long
    /// note can still break across pages; the first and last slices carry the box padding.
    func note(_ inline: [InlineSpan]) -> [FlowUnit] {
        let font = style.bodyFont(size: style.sizes.caption)
        let pitch = font.size * style.lineHeight
        let padX = font.size * 1.2, padY = font.size * 0.8, bar = 2.5
        let spans = typesetter.spans(inline, font: font, color: style.colors.text)
        let lines = typesetter.lines(spans, width: width - 2 * padX)
        var units: [FlowUnit] = []
        for (index, line) in lines.enumerated() {
            let top = index == 0 ? padY : 0
            let bottom = index == lines.count - 1 ? padY : 0
            let height = top + pitch + bottom
            var frame = Frame(size: Size(width, height))
            frame.fill(Rect(x: 0, y: 0, width: width, height: height), style.colors.zebra)
            frame.fill(Rect(x: 0, y: 0, width: bar, height: height), style.colors.axis)
            frame.append(contentsOf: typesetter.draw(line, x: padX, baseline: top + Typesetter.baseline(font: font, pitch: pitch),
                                                     width: width - 2 * padX, justify: style.justify))
            units.append(FlowUnit(frame: frame, height: height, what: "note"))
        }
        Self.keepLinesTogether(&units)
        return units
    }

    /// One line as a unit of height `pitch`.
    func lineUnit(_ line: SetLine, font: FontSpec, pitch: Double, x: Double, lineWidth: Double, justify: Bool,
                  alignment: LineAlignment = .start, color: Color? = nil, what: String) -> FlowUnit {
        var frame = Frame(size: Size(width, pitch))
        frame.append(contentsOf: typesetter.draw(line, x: x, baseline: Typesetter.baseline(font: font, pitch: pitch),
                                                 width: lineWidth, alignment: alignment, justify: justify))
        return FlowUnit(frame: frame, height: pitch, what: what)
    }

    /// Widow and orphan control: the first two lines stay together and so do the last two, so no single
    /// line of a paragraph is left alone at the bottom or the top of a page. (A two-line paragraph is kept
    /// whole, and the glue on the first line also keeps a heading with two lines of what follows it.)
    static func keepLinesTogether(_ units: inout [FlowUnit]) {
        guard units.count >= 2 else { return }
        units[0].keepWithNext = true
        units[units.count - 2].keepWithNext = true
    }
}
