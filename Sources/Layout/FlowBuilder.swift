import Charts
import Geometry
import Model

/// Measures and splits every block into flow units, in reading order (the first layout phase).
///
/// Vertical space between blocks collapses like CSS margins: the gap is the larger of the space after the
/// previous block and the space before the next, and it disappears at the top of a page.
struct FlowBuilder {
    let typesetter: Typesetter
    let headings: [HeadingInfo]
    let language: String
    let content: Rect

    private(set) var units: [FlowUnit] = []
    private(set) var tables: [TableContinuation] = []
    private(set) var tocEntries: [TOCEntry] = []
    private(set) var warnings: [Diagnostic] = []
    private var nextHeading = 0
    private var pendingSpace = 0.0

    init(typesetter: Typesetter, headings: [HeadingInfo], language: String, content: Rect) {
        self.typesetter = typesetter; self.headings = headings; self.language = language; self.content = content
    }

    var style: Style { typesetter.style }
    var width: Double { content.width }
    var body: Double { style.sizes.body }
    var paragraphs: ParagraphLayout { ParagraphLayout(typesetter: typesetter, width: width, language: language) }

    mutating func build(_ blocks: [Block]) {
        for block in blocks {
            switch block {
            case .title(let title):
                append([TitleLayout(typesetter: typesetter, width: width, pageHeight: content.height).layout(title)], before: 0, after: 0)
            case .heading(let level, _, _, _):
                append([heading(level: min(max(level, 1), 3))], before: headingSpace(level).before, after: headingSpace(level).after)
            case .paragraph(let spans):
                append(paragraphs.paragraph(spans), before: 0, after: style.paragraphSpacing)
            case .list(let items, let ordered):
                append(paragraphs.list(items, ordered: ordered), before: style.paragraphSpacing * 0.5, after: style.paragraphSpacing)
            case .callouts(let callouts):
                append(CalloutLayout(typesetter: typesetter, width: width).layout(callouts), before: body * 0.6, after: body * 1.2)
            case .table(let table):
                let result = TableLayout(typesetter: typesetter, width: width, pageHeight: content.height, language: language)
                    .layout(table, index: tables.count)
                tables.append(result.continuation)
                append(result.units, before: body * 0.8, after: body * 1.2)
            case .figure(let figure):
                append([self.figure(figure)], before: body * 0.8, after: body * 1.2)
            case .spacer(let height):
                if height > 0 { units.append(.spacer(height)) }
            case .pageBreak:
                units.append(.pageBreak)
                pendingSpace = 0
            case .tableOfContents(let title):
                tableOfContents(title)
            case .references(let title, let items):
                if !title.isEmpty { append([heading(level: 1)], before: headingSpace(1).before, after: headingSpace(1).after) }
                append(paragraphs.references(items), before: 0, after: style.paragraphSpacing)
            case .note(let spans):
                append(paragraphs.note(spans), before: body * 0.6, after: body * 1.2)
            }
        }
    }

    /// Adds a block's units with the collapsed space before its first unit.
    private mutating func append(_ blockUnits: [FlowUnit], before: Double, after: Double) {
        guard var first = blockUnits.first else { return }
        first.spaceBefore = max(first.spaceBefore, pendingSpace, before)
        units.append(first)
        units.append(contentsOf: blockUnits.dropFirst())
        pendingSpace = after
    }

    private func headingSpace(_ level: Int) -> (before: Double, after: Double) {
        switch level {
        case ...1: return (body * 2.0, body * 0.7)
        case 2: return (body * 1.4, body * 0.5)
        default: return (body * 1.0, body * 0.4)
        }
    }

    /// Heading sizes and colours: level 1 in the accent colour, deeper levels in the text colour.
    static func headingFont(_ style: Style, level: Int) -> (font: FontSpec, color: Color) {
        switch level {
        case ...1: return (style.headingFont(size: style.sizes.h1), style.colors.accent)
        case 2: return (style.headingFont(size: style.sizes.h2), style.colors.text)
        default: return (style.headingFont(size: style.sizes.h3), style.colors.text)
        }
    }

    /// The next heading in reading order (as resolved by `HeadingCollector`): a destination at its top,
    /// its lines, and glue to what follows so it never ends a page.
    private mutating func heading(level: Int) -> FlowUnit {
        let info = nextHeading < headings.count ? headings[nextHeading] : HeadingInfo(level: level, label: "", destination: "", inTableOfContents: false)
        let index = nextHeading
        nextHeading += 1
        let (font, color) = Self.headingFont(style, level: info.level)
        let pitch = font.size * 1.35
        let lines = typesetter.lines(info.label, font: font, color: color, width: width)
        var frame = Frame(size: Size(width, Double(lines.count) * pitch))
        if !info.destination.isEmpty { frame.append(.destination(name: info.destination, at: .zero)) }
        for (lineIndex, line) in lines.enumerated() {
            frame.append(contentsOf: typesetter.draw(line, x: 0, baseline: Double(lineIndex) * pitch + Typesetter.baseline(font: font, pitch: pitch),
                                                     width: width))
        }
        var unit = FlowUnit(frame: frame, height: frame.size.height, keepWithNext: true, what: "heading '\(info.label)'")
        unit.heading = index
        return unit
    }

    /// A chart at the column width. A chart taller than the page is drawn at the page height instead.
    private mutating func figure(_ figure: FigureBlock) -> FlowUnit {
        var height = figure.height
        if height > content.height {
            warnings.append(.warning("figure '\(figure.chart.title)' is \(Int(height)) pt tall, more than the page (\(Int(content.height)) pt); drawn at the page height",
                                     hint: "lower the figure height", code: "figure-too-tall"))
            height = content.height
        }
        height = max(1, height)
        let rendered = ChartRenderer(style: style, measurer: typesetter.measurer).render(figure.chart, size: Size(width, height))
        warnings.append(contentsOf: rendered.warnings)
        var frame = Frame(size: Size(width, height))
        let anchor = figure.anchor.trimmingSpaces
        if !anchor.isEmpty { frame.append(.destination(name: anchor, at: .zero)) }
        frame.place(rendered.frame, at: .zero)
        return FlowUnit(frame: frame, height: height, what: "figure '\(figure.chart.title)'")
    }

    /// A title styled like a level-1 heading (but not numbered or listed), then one unit per entry.
    private mutating func tableOfContents(_ title: String) {
        var titleUnits: [FlowUnit] = []
        if !title.isEmpty {
            let (font, color) = Self.headingFont(style, level: 1)
            let pitch = font.size * 1.35
            let lines = typesetter.lines(title, font: font, color: color, width: width)
            var frame = Frame(size: Size(width, Double(lines.count) * pitch + body * 0.6))
            for (index, line) in lines.enumerated() {
                frame.append(contentsOf: typesetter.draw(line, x: 0, baseline: Double(index) * pitch + Typesetter.baseline(font: font, pitch: pitch),
                                                         width: width))
            }
            titleUnits.append(FlowUnit(frame: frame, height: frame.size.height, keepWithNext: true, what: "table of contents"))
        }
        let toc = TableOfContents(typesetter: typesetter, width: width).units(headings, firstEntry: tocEntries.count)
        tocEntries += toc.entries
        if toc.units.isEmpty, let last = titleUnits.indices.last { titleUnits[last].keepWithNext = false }
        append(titleUnits + toc.units, before: headingSpace(1).before, after: body * 1.5)
    }
}
