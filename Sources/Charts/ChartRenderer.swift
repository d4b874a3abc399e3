import Geometry
import Model

/// Draws chart specs as display lists: a header (number, title, subtitle), an optional legend, the plot, and
/// notes with the source underneath, so an exported image stands alone. Pure: no Cairo, no shared state.
///
/// Any size from 16×16 up is safe. When the plot would get less room than its kind needs, the subtitle, the
/// legend, the notes and then the source line are left out in that order; when even that is not enough the plot
/// is not drawn. Each step is reported as a warning, and no text is ever drawn outside the frame.
public struct ChartRenderer: Sendable {
    public let style: Style
    public let measurer: TextMeasurer

    /// - Parameter measurer: the backend's measurer (Pango) so labels are placed where they will be drawn;
    ///   `FixedWidthMeasurer` in tests.
    public init(style: Style, measurer: TextMeasurer) {
        self.style = style
        self.measurer = measurer
    }

    /// Draws the chart at `size` (points; for slides 1920x1080 is passed as a point size and rasterised 1:1).
    public func render(_ spec: ChartSpec, size: Size) -> RenderedChart {
        let theme = ChartTheme(style: style, size: size)
        let ctx = ChartContext(spec: spec, theme: theme, measurer: measurer)
        let body = Self.body(for: ctx)
        var d = draw(body, ctx: ctx, size: size, lateNotes: [])
        // A note only the drawing could tell (values left out of small cells) needs room under the plot: lay out again.
        if !d.lateNotes.isEmpty { d = draw(body, ctx: ctx, size: size, lateNotes: d.lateNotes) }
        if let problem = Self.unlabelled(dropped: d.droppedLabels, truncated: d.truncatedLabels) {
            let size = "\(Int(size.width.rounded()))×\(Int(size.height.rounded()))"
            if spec.allowUnlabelled {
                d.warn("chart '\(spec.title)' at \(size): \(problem) (allowed by `unlabelled: allow`)", code: .chartLabelsDropped)
            } else {
                // Wrapping, making room and a numbered key were tried while drawing: what is left is a chart that
                // would mislead by omission, so it is not drawn quietly.
                d.warnings.append(.error("chart '\(spec.title)' cannot label every mark at \(size): \(problem)",
                                         at: spec.location,
                                         hint: "make the chart larger (a taller `height:` or a bigger export size), show fewer entities, "
                                             + "or add `unlabelled: allow` to the chart to accept it",
                                         code: .chartLabelsDropped))
            }
        }
        if d.alikeSeries > 0 {
            let size = "\(Int(size.width.rounded()))×\(Int(size.height.rounded()))"
            // Past the palette, its greys and their dash patterns, two lines would be drawn alike: a reader could
            // follow the wrong one through a crossing, so the chart is refused rather than drawn misleadingly.
            d.warnings.append(.error("chart '\(spec.title)' would draw \(d.alikeSeries) highlighted line\(d.alikeSeries == 1 ? "" : "s") exactly like another at \(size)",
                                     at: spec.location,
                                     hint: "highlight fewer entities with `focus:` (the style's palette and its greys tell about \(Self.distinctLines(style)) apart), "
                                         + "narrow the chart with a rank window (`ranks:`) or `top:`, or split it into several charts",
                                     code: .chartSeriesAlike))
        }
        return RenderedChart(frame: Frame(size: size, items: d.items), labelBoxes: d.labelBoxes, warnings: d.warnings)
    }

    /// About how many focus lines a style draws distinctly: its palette, then two greys with a marker and dash each.
    static func distinctLines(_ style: Style) -> Int {
        style.monochrome ? 30 : style.colors.palette.count + 2 * MarkerShape.allCases.count
    }

    /// What was lost, in words ("3 labels shortened, 2 left out"); nil when every label is drawn in full.
    static func unlabelled(dropped: Int, truncated: Int) -> String? {
        var parts: [String] = []
        if truncated > 0 { parts.append("\(truncated) label\(truncated == 1 ? "" : "s") would be shortened") }
        if dropped > 0 { parts.append("\(dropped) label\(dropped == 1 ? "" : "s") would be left out") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The optional parts around the plot, in the order they give way to it.
    private enum Part: CaseIterable { case subtitle, legend, notes, source }

    private func draw(_ body: any ChartBody, ctx: ChartContext, size: Size, lateNotes: [String]) -> ChartDrawing {
        let spec = ctx.spec, theme = ctx.theme
        let bounds = Rect(origin: .zero, size: size)
        let content = bounds.inset(by: Insets(all: theme.padding))
        let early = body.notes()
        let notes = early + lateNotes.filter { !early.contains($0) }
        let legend = body.legend()
        let minimum = body.minimumPlotSize()

        // The regions for a set of parts left out.
        func regions(_ omitted: Set<Part>) -> (header: TextBlock, legendTop: Double, footer: TextBlock, footerTop: Double, plot: Rect) {
            let header = ChartHeader.layout(ctx, x: content.minX, width: content.width, subtitle: !omitted.contains(.subtitle))
            var top = content.minY + header.height + (header.height > 0 ? theme.titleFont.size * 0.6 : 0)
            let legendTop = top
            if !legend.isEmpty, !omitted.contains(.legend) {
                top += legend.layout(ctx, x: content.minX, y: top, width: content.width).height + theme.tickFont.size * 0.6
            }
            let footer = SourceNote.layout(ctx, notes: omitted.contains(.notes) ? [] : notes, source: !omitted.contains(.source),
                                           x: content.minX, width: content.width)
            let footerTop = content.maxY - footer.height
            let bottom = footerTop - (footer.height > 0 ? theme.noteFont.size * 0.9 : 0)
            return (header, legendTop, footer, footerTop, Rect(x: content.minX, y: top, width: content.width, height: max(0, bottom - top)))
        }

        let present = Part.allCases.filter { part in
            switch part {
            case .subtitle: return !spec.subtitle.isEmpty
            case .legend: return !legend.isEmpty
            case .notes: return !notes.isEmpty
            case .source: return !spec.sourceNote.isEmpty
            }
        }
        var omitted: Set<Part> = []
        var laid = regions(omitted)
        for part in present where laid.plot.height < minimum.height {
            omitted.insert(part)
            laid = regions(omitted)
        }

        var d = ChartDrawing(bounds: bounds)
        // A white page needs no background (and a transparent export must stay transparent); a dark slide does.
        if theme.background != .white {
            d.fill(.rect(bounds), theme.background)
        }
        d.items += laid.header.placed(at: content.minY).map { .text($0) }
        if !legend.isEmpty, !omitted.contains(.legend) {
            d.items += legend.layout(ctx, x: content.minX, y: laid.legendTop, width: content.width).items
        }
        let plot = laid.plot
        var used = plot.minY
        if plot.height >= minimum.height, plot.width >= minimum.width {
            used = body.draw(in: plot, into: &d)
        } else {
            d.warn("chart '\(spec.title)' is too small (\(Int(size.width))×\(Int(size.height))) to draw its plot", code: .chartTooSmall)
        }
        // A key (letters or numbers standing for names) with no room under the plot leaves its labels unnamed.
        if omitted.contains(.notes) { d.droppedLabels += d.keys }
        if !omitted.isEmpty {
            let names = Part.allCases.filter(omitted.contains).map { part -> String in
                switch part {
                case .subtitle: return "subtitle"
                case .legend: return "legend"
                case .notes: return "notes"
                case .source: return "source line"
                }
            }
            d.warn("chart '\(spec.title)' is too small for its \(names.joined(separator: ", ")); left out to make room for the plot",
                   code: .chartTooSmall)
        }
        // Notes follow the plot; a plot that needs less than its room leaves the space below the notes.
        let footerY = min(laid.footerTop, max(plot.minY, used) + (laid.footer.height > 0 ? theme.noteFont.size * 0.9 : 0))
        d.items += laid.footer.placed(at: footerY).map { .text($0) }

        // The backstop: text that would be cut by the frame's edge is left out (titles of a thumbnail-sized chart).
        var clipped = 0
        d.items = d.items.filter { item in
            guard case .text(let run) = item, !bounds.contains(run.bounds, tolerance: 0.5) else { return true }
            clipped += 1
            return false
        }
        if clipped > 0 {
            d.warn("chart '\(spec.title)' is too small for \(clipped) pieces of text; they were left out", code: .chartTextClipped)
        }
        return d
    }

    static func body(for ctx: ChartContext) -> any ChartBody {
        switch ctx.spec.kind {
        case .bump, .line: return LinePlot(ctx)
        // Ranks are positions, never bar lengths: ranked bars are drawn as dots on a rank axis.
        case .bar where ctx.spec.valuesAreRanks:
            return SeriesData.categoryCount(ctx.spec) > 1 ? DotChart(ctx) : RankDotChart(ctx)
        case .groupedBar where ctx.spec.valuesAreRanks: return DotChart(ctx)
        case .bar: return BarChart(ctx)
        case .groupedBar: return GroupedBarChart(ctx)
        case .slope: return SlopeChart(ctx)
        case .dumbbell: return DumbbellChart(ctx)
        case .dot: return DotChart(ctx)
        case .heatmap: return HeatmapChart(ctx)
        case .stageLadder: return StageLadderChart(ctx)
        case .timeline: return TimelineChart(ctx)
        }
    }
}

/// The part of a chart kind between header and source note.
protocol ChartBody {
    var ctx: ChartContext { get }
    /// Sentences for the note line (how ties and gaps are drawn); computed before layout so the plot knows its room.
    func notes() -> [String]
    /// A key, for kinds whose marks are not labelled directly.
    func legend() -> Legend
    /// The smallest plot worth drawing; below it the renderer leaves the plot out rather than draw a mess.
    func minimumPlotSize() -> Size
    /// Draws into `plot` and returns the bottom of what was drawn, so the notes can follow the plot directly.
    func draw(in plot: Rect, into drawing: inout ChartDrawing) -> Double
}

extension ChartBody {
    func notes() -> [String] { [] }
    func legend() -> Legend { Legend(entries: []) }
    /// Two lines of label type high (an axis and a row), a few characters wide.
    func minimumPlotSize() -> Size {
        Size(ctx.theme.labelFont.size * 4, ctx.theme.labelFont.lineBoxHeight * 2)
    }
}
