import Geometry
import Model

/// One line (or a few wrapped lines) of a table of contents, laid out before pagination.
struct TOCEntry: Sendable {
    /// Index into the heading list.
    var heading: Int
    /// Where the heading text of the last line ends and that line's baseline, in unit coordinates.
    var textEnd: Double
    var baseline: Double
    var height: Double
    var font: FontSpec
}

/// Lays out tables of contents in two steps: the entries first (one per level-1 and level-2 heading, so
/// their height is known before pagination), then the page numbers, dot leaders and links once the
/// headings have landed on their pages.
struct TableOfContents: Sendable {
    let typesetter: Typesetter
    let width: Double

    var style: Style { typesetter.style }
    var pitch: Double { style.sizes.body * 1.9 }
    /// Room kept on the right for page numbers; wide enough for four digits.
    var numberColumn: Double { typesetter.width("0000", style.bodyFont()) + style.sizes.body }

    /// The entry units (text only) and their layout records, numbered from `firstEntry`.
    func units(_ headings: [HeadingInfo], firstEntry: Int) -> (units: [FlowUnit], entries: [TOCEntry]) {
        var units: [FlowUnit] = []
        var entries: [TOCEntry] = []
        for (index, heading) in headings.enumerated() where heading.inTableOfContents {
            let font = style.bodyFont(bold: heading.level == 1)
            let indent = heading.level == 1 ? 0 : style.sizes.body * 2
            let textWidth = max(1, width - indent - numberColumn)
            let lines = typesetter.lines(heading.label, font: font, color: style.colors.text, width: textWidth)
            var frame = Frame(size: Size(width, Double(lines.count) * pitch))
            let baseline = Typesetter.baseline(font: font, pitch: pitch)
            for (lineIndex, line) in lines.enumerated() {
                frame.append(contentsOf: typesetter.draw(line, x: indent, baseline: Double(lineIndex) * pitch + baseline, width: textWidth))
            }
            let entry = TOCEntry(heading: index, textEnd: indent + (lines.last?.line.width ?? 0),
                                 baseline: Double(max(0, lines.count - 1)) * pitch + baseline, height: frame.size.height, font: font)
            var unit = FlowUnit(frame: frame, height: frame.size.height, what: "table of contents")
            unit.tocEntry = firstEntry + entries.count
            // A level-1 entry stays with the first of its level-2 entries.
            unit.keepWithNext = heading.level == 1 && headings.dropFirst(index + 1).first(where: \.inTableOfContents)?.level == 2
            if heading.level == 1 && !units.isEmpty { unit.spaceBefore = style.sizes.body * 0.3 }
            units.append(unit)
            entries.append(entry)
        }
        return (units, entries)
    }

    /// The page number, dot leader and link of an entry, in unit coordinates.
    func finish(_ entry: TOCEntry, destination: String, page: String) -> [DisplayItem] {
        let numberWidth = typesetter.width(page, entry.font)
        var items: [DisplayItem] = []
        items.append(.text(TextItem(text: page, font: entry.font, color: style.colors.text,
                                    origin: Point(width - numberWidth, entry.baseline), width: numberWidth)))
        // Dots drawn as a dashed path with round caps: evenly spaced whatever the font.
        let start = entry.textEnd + style.sizes.body * 0.6, end = width - numberWidth - style.sizes.body * 0.6
        if end - start > style.sizes.body {
            let y = entry.baseline - style.sizes.body * 0.12
            items.append(.path(PathItem(path: .line(from: Point(start, y), to: Point(end, y)),
                                        stroke: StrokeStyle(color: style.colors.axis, width: 0.9, dash: [0, 3.5], cap: .round))))
        }
        items.append(.link(LinkItem(rect: Rect(x: 0, y: 0, width: width, height: entry.height), target: .destination(destination))))
        return items
    }
}
