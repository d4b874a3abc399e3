import Geometry
import Model

/// Draws chart specs as display lists: a header (number, title, subtitle), an optional legend, the plot, and
/// notes with the source underneath, so an exported image stands alone. Pure: no Cairo, no shared state.
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
        let content = Rect(origin: .zero, size: size).inset(by: Insets(all: theme.padding))
        var d = ChartDrawing()
        // A white page needs no background (and a transparent export must stay transparent); a dark slide does.
        if theme.background != .white {
            d.fill(.rect(Rect(origin: .zero, size: size)), theme.background)
        }

        let header = ChartHeader.layout(ctx, x: content.minX, width: content.width)
        d.items += header.placed(at: content.minY).map { .text($0) }
        var top = content.minY + header.height + (header.height > 0 ? theme.titleFont.size * 0.6 : 0)

        let legend = body.legend()
        if !legend.isEmpty {
            let laid = legend.layout(ctx, x: content.minX, y: top, width: content.width)
            d.items += laid.items
            top += laid.height + theme.tickFont.size * 0.6
        }

        let footer = SourceNote.layout(ctx, notes: body.notes(), x: content.minX, width: content.width)
        let footerTop = content.maxY - footer.height
        let bottom = footerTop - (footer.height > 0 ? theme.noteFont.size * 0.9 : 0)
        let plot = Rect(x: content.minX, y: top, width: content.width, height: max(0, bottom - top))
        if plot.height < theme.labelFont.lineBoxHeight * 2 {
            d.warn("chart '\(spec.title)' leaves too little room for the plot",
                   code: "chart-too-small")
        }
        let used = body.draw(in: plot, into: &d)
        // Notes follow the plot; a plot that needs less than its room leaves the space below the notes.
        let footerY = min(footerTop, max(top, used) + (footer.height > 0 ? theme.noteFont.size * 0.9 : 0))
        d.items += footer.placed(at: footerY).map { .text($0) }
        if d.droppedLabels > 0 {
            d.warn("chart '\(spec.title)' has no room for \(d.droppedLabels) labels; they were left out", code: "chart-labels-dropped")
        }
        return RenderedChart(frame: Frame(size: size, items: d.items), labelBoxes: d.labelBoxes, warnings: d.warnings)
    }

    static func body(for ctx: ChartContext) -> any ChartBody {
        switch ctx.spec.kind {
        case .bump, .line: return LinePlot(ctx)
        case .bar: return BarChart(ctx)
        case .groupedBar: return GroupedBarChart(ctx)
        case .slope: return SlopeChart(ctx)
        case .dumbbell: return DumbbellChart(ctx)
        case .dot: return DotChart(ctx)
        case .heatmap: return HeatmapChart(ctx)
        case .stageLadder: return StageLadderChart(ctx)
        }
    }
}

/// The part of a chart kind between header and source note.
protocol ChartBody {
    /// Sentences for the note line (how ties and gaps are drawn); computed before layout so the plot knows its room.
    func notes() -> [String]
    /// A key, for kinds whose marks are not labelled directly.
    func legend() -> Legend
    /// Draws into `plot` and returns the bottom of what was drawn, so the notes can follow the plot directly.
    func draw(in plot: Rect, into drawing: inout ChartDrawing) -> Double
}

extension ChartBody {
    func notes() -> [String] { [] }
    func legend() -> Legend { Legend(entries: []) }
}
