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
    /// The last block added was a heading: the first unit of the next block is glued on to the one after it
    /// when it is a single line, so a heading always keeps with two lines of what follows.
    private var afterHeading = false
    private var nextContainer = 0

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
                var unit = TitleLayout(typesetter: typesetter, width: width, pageHeight: content.height).layout(title)
                unit.closesFloats = true
                append(tagged([unit], as: .h1), before: 0, after: 0)
            case .heading(let level, let text, _, _):
                // HeadingCollector leaves blank headings out too, so `nextHeading` stays in step.
                guard !text.trimmingSpaces.isEmpty else {
                    warnings.append(.warning("a level-\(level) heading has no text; left out", hint: "give the heading a text or remove it",
                                             code: .emptyText))
                    continue
                }
                var unit = heading(level: min(max(level, 1), 3))
                // A figure waiting for the next page stays in its section: it is placed before the next level-1
                // heading. It may pass a lower heading (its number names it), as floats do in print, since
                // holding it before every subsection would leave the holes floating is meant to avoid.
                unit.closesFloats = level <= 1
                append(tagged([unit], as: .heading(unit.heading.map { headings.indices.contains($0) ? headings[$0].level : level } ?? level)),
                       before: headingSpace(level).before, after: headingSpace(level).after)
            case .paragraph(let spans):
                var lines = tagged(paragraphs.paragraph(spans), as: .paragraph)
                // A lead-in ("…as follows:") belongs with what it introduces: it never ends a page without it.
                if let last = spans.map(\.text).joined().trimmingSpaces.last, last == ":" || last == "：", !lines.isEmpty {
                    lines[lines.count - 1].keepWithNext = true
                }
                append(lines, before: 0, after: style.paragraphSpacing)
            case .list(let items, let ordered):
                let kept = items.filter { !Self.isBlank($0) }
                if kept.count < items.count {
                    let blank = items.count - kept.count
                    warnings.append(.warning(blank == 1 ? "a list item has no text; left out" : "\(blank) list items have no text; left out",
                                             hint: "give every item a text or remove the empty ones", code: .emptyText))
                }
                append(tagged(paragraphs.list(kept, ordered: ordered), as: .list), before: style.paragraphSpacing * 0.5, after: style.paragraphSpacing)
            case .callouts(let callouts):
                let kept = callouts.filter { !$0.value.trimmingSpaces.isEmpty }
                for callout in callouts where callout.value.trimmingSpaces.isEmpty {
                    let label = callout.label.trimmingSpaces
                    warnings.append(.warning(label.isEmpty ? "a callout has no value; left out" : "callout '\(label)' has no value; left out",
                                             hint: "give the callout a value or remove it", code: .emptyText))
                }
                append(tagged(CalloutLayout(typesetter: typesetter, width: width).layout(kept), as: .paragraph), before: body * 0.6, after: body * 1.2)
            case .table(let table):
                let result = TableLayout(typesetter: typesetter, width: width, pageHeight: content.height, language: language)
                    .layout(table, index: tables.count)
                tables.append(result.continuation)
                warnings += result.warnings
                append(tagged(result.units, as: .table), before: body * 0.8, after: body * 1.2)
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
                if !title.trimmingSpaces.isEmpty {
                    var unit = heading(level: 1)
                    unit.closesFloats = true
                    append(tagged([unit], as: .h1), before: headingSpace(1).before, after: headingSpace(1).after)
                }
                append(tagged(paragraphs.references(items), as: .list), before: 0, after: style.paragraphSpacing)
            case .note(let spans):
                guard !Self.isBlank(spans) else {
                    warnings.append(.warning("a note has no text; left out", hint: "give the note a text or remove it", code: .emptyText))
                    continue
                }
                append(tagged(paragraphs.note(spans), as: .note), before: body * 0.6, after: body * 1.2)
            }
        }
    }

    /// Inline text with nothing but white space in it.
    static func isBlank(_ spans: [InlineSpan]) -> Bool {
        spans.allSatisfy { $0.text.trimmingSpaces.isEmpty }
    }

    /// Puts every unit of a block in one new structure element, around the elements the units already name
    /// (renumbered so they are unique in the document). Text is wrapped in spans when the block holds a link.
    private mutating func tagged(_ blockUnits: [FlowUnit], as tag: StructureTag) -> [FlowUnit] {
        let outer = StructureContainer(id: nextContainer, tag: tag)
        nextContainer += 1
        let links = blockUnits.contains { StructureNesting.containsLink($0.frame.items) }
        var renumbered: [Int: Int] = [:]
        var out: [FlowUnit] = []
        for var unit in blockUnits {
            // A table holds only its caption and rows: the notes and source under it are a paragraph beside it.
            let beside = tag.role == .table && unit.structure.first?.tag.role == .paragraph
            var path = beside ? [] : [outer]
            for inner in unit.structure {
                let id = renumbered[inner.id] ?? nextContainer
                if renumbered[inner.id] == nil { renumbered[inner.id] = id; nextContainer += 1 }
                path.append(StructureContainer(id: id, tag: inner.tag))
            }
            unit.structure = path
            if links { unit.frame.items = StructureNesting.spanned(unit.frame.items) }
            out.append(unit)
        }
        return out
    }

    private mutating func tagged(_ blockUnits: [FlowUnit], as role: StructureRole) -> [FlowUnit] {
        tagged(blockUnits, as: StructureTag(role))
    }

    /// Adds a block's units with the collapsed space before its first unit.
    private mutating func append(_ blockUnits: [FlowUnit], before: Double, after: Double) {
        guard var first = blockUnits.first else { return }
        first.spaceBefore = max(first.spaceBefore, pendingSpace, before)
        // One line after a heading is not enough: glue it to the next line (a figure or a taller unit is).
        if afterHeading, !first.floats, first.height < 2 * style.sizes.body * style.lineHeight { first.keepWithNext = true }
        units.append(first)
        units.append(contentsOf: blockUnits.dropFirst())
        pendingSpace = after
        afterHeading = blockUnits.last?.heading != nil
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

    /// A chart at the column width, grown when its rows need more room (see `rowHeight`). A chart taller than
    /// the page is drawn at the page height instead.
    private mutating func figure(_ figure: FigureBlock) -> FlowUnit {
        var height = figure.height
        if height > content.height {
            warnings.append(.warning("figure '\(figure.chart.title)' is \(Int(height)) pt tall, more than the page (\(Int(content.height)) pt); drawn at the page height",
                                     hint: "lower the figure height", code: .figureTooTall))
            height = content.height
        }
        height = max(1, height)
        // Never past the page: a chart with more rows than a page holds shrinks or leaves out labels as before.
        height = max(height, min(content.height, Self.rowHeight(figure.chart, width: width, height: height, typesetter: typesetter)))
        // The number and title are set as a caption in the style tables use (same size, weight, left edge and
        // space under it), so captions read as one series; the chart draws the rest below it. An exported
        // chart still carries its own title.
        let caption = Caption(typesetter: typesetter, width: width).frame(Caption.text(number: figure.chart.number, title: figure.chart.title))
        let captionHeight = caption?.size.height ?? 0
        var chart = figure.chart
        chart.captionOutside = true
        let chartHeight = max(1, height - captionHeight)
        let rendered = ChartRenderer(style: style, measurer: typesetter.measurer).render(chart, size: Size(width, chartHeight))
        warnings.append(contentsOf: rendered.warnings)
        var frame = Frame(size: Size(width, height))
        let anchor = figure.anchor.trimmingSpaces
        if !anchor.isEmpty { frame.append(.destination(name: anchor, at: .zero)) }
        // The whole figure is one element: its caption, labels and source are in the alternative text.
        let alternative = figure.alternative ?? ChartDescription(figure.chart).text
        var items = caption?.items ?? []
        items += rendered.frame.items.map { $0.offsetBy(dx: 0, dy: captionHeight) }
        frame.append(GroupItem.tagged(StructureTag(.figure, alternative: alternative), items))
        var unit = FlowUnit(frame: frame, height: height, what: "figure '\(figure.chart.title)'")
        unit.floats = true
        unit.spaceAfter = body * 1.2
        return unit
    }

    /// The rows of a row-based chart: one per entity (bars, dots, dumbbells, heat-map rows, slope labels on
    /// each side) or per placement (stage ladder); 0 for kinds whose height does not depend on the entities.
    static func chartRows(_ chart: ChartSpec) -> Int {
        switch chart.kind {
        case .bar, .groupedBar, .dot, .dumbbell, .heatmap, .slope: return chart.series.count
        case .stageLadder: return chart.placements.count
        case .bump, .line: return 0
        // Two rows a lane (numbers and marks) and about a key line for every other event (the key wraps in columns).
        case .timeline: return chart.timeline.lanes.count * 2 + (chart.timeline.marks.count * 3 + 4) / 5
        }
    }

    /// The height a chart needs for each of its rows to get about 1.6 times the label size, so the row labels
    /// keep their full size: the rows plus an estimate of the rest (padding, title and subtitle, legend, axis
    /// or column heads, notes and source) from the style's chart sizes. The chart lays itself out inside
    /// whatever it is given, so the estimate errs on the generous side; 0 for charts without rows.
    static func rowHeight(_ chart: ChartSpec, width: Double, height: Double, typesetter: Typesetter) -> Double {
        let rows = chartRows(chart)
        guard rows > 1 else { return 0 }
        let sizes = typesetter.style.sizes
        let padding = max(4, 0.02 * min(width, height))
        let inner = max(1, width - 2 * padding)
        func lineCount(_ text: String, size: Double, bold: Bool = false) -> Double {
            guard !text.trimmingSpaces.isEmpty else { return 0 }
            let font = typesetter.style.bodyFont(size: size, bold: bold)
            return Double(typesetter.lines(text, font: font, color: typesetter.style.colors.text, width: inner).count)
        }
        let title = [chart.number, chart.title].filter { !$0.isEmpty }.joined(separator: "  ")
        let titleLines = lineCount(title, size: sizes.chartTitle, bold: true)
        var chrome = 2 * padding
        chrome += titleLines * sizes.chartTitle * 1.3 + (titleLines > 0 ? sizes.chartTitle * 0.6 : 0)
        chrome += lineCount(chart.subtitle, size: sizes.chartLabel + 1) * (sizes.chartLabel + 1) * 1.35
        // Legend or column heads and the value axis: a few lines of tick type whatever the kind.
        chrome += 5 * sizes.chartTick * 1.2
        // The source and a line of chart notes (how ties and gaps are drawn).
        let noteSize = min(sizes.small, sizes.chartTick)
        chrome += (lineCount(chart.sourceNote, size: noteSize) + 1) * noteSize * 1.4 + noteSize * 0.9
        return chrome + Double(rows) * sizes.chartLabel * 1.6
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
        // The title is a caption of the TOC; each entry a TOCI (its page number and link come after pagination).
        titleUnits = titleUnits.map { var unit = $0; unit.frame.items = [GroupItem.tagged(StructureTag(.caption), unit.frame.items)]; return unit }
        let entries = toc.units.map { var unit = $0; unit.frame.items = [GroupItem.tagged(StructureTag(.tocItem), unit.frame.items)]; return unit }
        append(tagged(titleUnits + entries, as: .toc), before: headingSpace(1).before, after: body * 1.5)
    }
}
