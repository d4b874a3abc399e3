import Geometry

/// Bump and line charts: one line per series across periods, labelled at its right end instead of a legend.
///
/// Work is linear in the number of series: one solid path, at most one dashed path and one marker path per
/// series, and end labels placed by `LabelPlacer.dodge`. With more than `crowdedAbove` series only focus series
/// are labelled and the rest are drawn as thin grey context lines without markers.
struct LinePlot: ChartBody {
    static let crowdedAbove = 12

    let ctx: ChartContext
    /// Rank axis (rank 1 on top, integer ticks) rather than a linear value axis.
    let ranks: Bool
    let periods: Int
    /// The observations drawn (inside the rank window and its edge marks, when there is one).
    let observations: [[(index: Int, value: Double)]]
    /// Every observation, for what the notes say about missing periods.
    let allObservations: [[(index: Int, value: Double)]]
    /// The rank window (`ranks: 1-20`) applied to the series, if the chart has one.
    let window: RankWindowView?

    init(_ ctx: ChartContext) {
        self.ctx = ctx
        ranks = ctx.spec.kind == .bump || ctx.spec.valuesAreRanks
        let periods = SeriesData.categoryCount(ctx.spec)
        self.periods = periods
        let all = ctx.spec.series.map { SeriesData.observations($0, count: periods) }
        allObservations = all
        if ranks, let range = ctx.spec.rankWindow {
            let view = RankWindowView(window: range, observations: all)
            window = view
            observations = view.observations
        } else {
            window = nil
            observations = all
        }
    }

    /// The edge an observation is drawn at (nil: inside the window, or no window).
    func edge(_ series: Int, _ k: Int) -> RankWindowView.Edge? {
        guard let window, k < window.edges[series].count else { return nil }
        return window.edges[series][k]
    }

    /// Whether two drawn series share a value in some period (inside the window).
    var hasTies: Bool {
        var seen: Set<Pair> = []
        for (i, obs) in observations.enumerated() {
            for (k, o) in obs.enumerated() where edge(i, k) == nil && !seen.insert(Pair(index: o.index, value: o.value)).inserted { return true }
        }
        return false
    }

    /// Whether some drawn series misses a period between two observed ones.
    var hasInnerGaps: Bool {
        allObservations.indices.contains { i in
            !observations[i].isEmpty && zip(allObservations[i], allObservations[i].dropFirst()).contains { $1.index - $0.index > 1 }
        }
    }

    private struct Pair: Hashable { var index: Int; var value: Double }

    /// The best rank on the axis: 1, unless every rank shown is far from the top (an entity ranked 50–60),
    /// where an axis from 1 would squeeze the lines into a corner. The chart then says where the axis starts.
    /// A single distinct rank gains nothing from zooming (the axis would run from 16 to 17), so it keeps rank 1.
    var firstRank: Int {
        if let window { return window.window.lowerBound }
        let values = observations.flatMap { $0.map(\.value) } + ctx.spec.references.map(\.value) + ShadedBands(ctx).values
        guard ranks, Set(values).count > 1, let best = values.min(), let worst = values.max(), best > 5, best > worst * 0.2 else { return 1 }
        return max(1, Int(best.rounded(.down)) - 1)
    }

    func notes() -> [String] {
        var notes: [String] = []
        if let window {
            let (a, b) = (window.window.lowerBound, window.window.upperBound)
            notes.append(ctx.words("仅显示第\(a)—\(b)名；线条离开或进入此范围处及首末期的范围外名次标在边缘（↓ 名次）。",
                                   "Only ranks \(a)–\(b) are shown; where a line leaves or enters them, and at its first and last period, a rank outside is marked at the edge (↓ rank)."))
        } else if firstRank > 1 {
            notes.append(ctx.words("纵轴从第\(firstRank)名开始。", "The rank axis starts at \(firstRank)."))
        }
        if hasTies { notes.append(ChartNotes.ties(ctx.spec.tieRule, ctx)) }
        if hasInnerGaps { notes.append(ChartNotes.missing(ctx.spec.missingRule, ctx)) }
        if let ended = endedEarlyNote { notes.append(ended) }
        return notes
    }

    /// Labelled series with no value in the last period. Their lines stop at their last observation and they get
    /// no label among the last period's: "New York 4 (2003)" stacked with the 2005 ranks reads as 4th in 2005.
    var endedEarly: [Int] {
        let crowded = ctx.spec.series.count > Self.crowdedAbove
        return ctx.spec.series.indices.filter { i in
            guard let last = observations[i].last else { return false }
            return last.index < periods - 1 && (!crowded || ctx.spec.series[i].focus)
        }
    }

    /// "2005: not ranked — New York (4 in 2003)": the series that ended early, listed under the chart with their
    /// last value and its period, so none is lost even when there is no room to label its line's end.
    var endedEarlyNote: String? {
        let ended = endedEarly
        guard !ended.isEmpty else { return nil }
        let lastPeriod = SeriesData.category(ctx.spec, periods - 1)
        let items = ended.compactMap { i -> String? in
            guard let last = observations[i].last else { return nil }
            let series = ctx.spec.series[i]
            let value = ctx.format.label(last.value, preformatted: SeriesData.valueLabel(series, last.index))
            let period = SeriesData.category(ctx.spec, last.index)
            return ctx.words("\(series.label)（\(period)：\(value)）", "\(series.label) (\(value) in \(period))")
        }
        let missing = ranks ? ctx.words("未列入排名", "not ranked") : ctx.words("无数据", "no data")
        return ctx.words("\(lastPeriod)\(missing)：\(items.joined(separator: "、"))。",
                         "\(lastPeriod), \(missing): \(items.joined(separator: "; ")).")
    }

    var hasOutOf: Bool { (0..<periods).contains { SeriesData.outOf(ctx.spec, $0) != nil } }

    /// Period labels (and "of N") above the plot body.
    var headHeight: Double {
        let theme = ctx.theme
        return ShadedBands(ctx).periodLabelRow + theme.tickFont.lineBoxHeight + (hasOutOf ? theme.noteFont.lineBoxHeight : 0) + 4 * theme.scale
    }

    /// Room for the value axis and a marker's width per period, counting a dozen periods at most (a line over a
    /// hundred periods reads well at a point per period): narrower, the periods would fall on one another.
    func minimumPlotSize() -> Size {
        let theme = ctx.theme
        return Size(theme.labelFont.size * 4 + Double(min(max(0, periods - 1), 12)) * theme.markerRadius * 2,
                    headHeight + theme.labelFont.lineBoxHeight * 2)
    }

    private struct EndLabel {
        /// The series labelled, or -1 for a reference line (see `reference`).
        var series: Int
        var name: String
        var value: String
        var desired: Double
        /// The reference line labelled (an index into the spec's references), placed with the end labels.
        var reference: Int? = nil
        /// The shaded band labelled (an index into the spec's bands), placed with the end labels.
        var band: Int? = nil

        /// A reference line's or band's label rather than a series'.
        var isAnnotation: Bool { reference != nil || band != nil }
    }

    /// Rows of edge labels ("↓ 34") above and below a rank window.
    struct EdgeRows: Equatable {
        var above = 0
        var below = 0
    }

    func draw(in plot: Rect, into d: inout ChartDrawing) -> Double {
        guard let window else { return drawBody(in: plot, into: &d, edgeRows: EdgeRows()).bottom }
        // The edge labels need rows that depend on where the periods fall: lay out with a guess, and again with
        // the rows the labels turned out to need. Every label in a row of its own always fits, so that ends it.
        var rows = EdgeRows()
        for _ in 0..<3 {
            var trial = d
            let result = drawBody(in: plot, into: &trial, edgeRows: rows)
            if result.needed.above <= rows.above && result.needed.below <= rows.below {
                d = trial
                return result.bottom
            }
            rows = EdgeRows(above: max(rows.above, result.needed.above), below: max(rows.below, result.needed.below))
        }
        let labelled = labelledSeries
        let count = { (e: RankWindowView.Edge) in labelled.reduce(0) { $0 + window.edges[$1].filter { $0 == e }.count } }
        return drawBody(in: plot, into: &d, edgeRows: EdgeRows(above: count(.above), below: count(.below))).bottom
    }

    /// Series whose lines are labelled: all of them, or the focus series in a crowded chart.
    var labelledSeries: [Int] {
        let crowded = ctx.spec.series.count > Self.crowdedAbove
        return ctx.spec.series.indices.filter { !crowded || ctx.spec.series[$0].focus }
    }

    private func drawBody(in plot: Rect, into d: inout ChartDrawing, edgeRows: EdgeRows) -> (bottom: Double, needed: EdgeRows) {
        let spec = ctx.spec, theme = ctx.theme
        let shaded = ShadedBands(ctx)
        let allValues = observations.flatMap { $0.map(\.value) } + spec.references.map(\.value) + shaded.values
        guard periods > 0, !observations.allSatisfy(\.isEmpty), let minValue = allValues.min(), let maxValue = allValues.max() else {
            return (NoData.draw(ctx, in: plot, into: &d), EdgeRows())
        }
        let s = theme.scale
        let tickFont = theme.tickFont, noteFont = theme.noteFont
        let baseLabelFont = theme.labelFont

        // Vertical layout: period labels (and "of N") on top, then the plot body. The renderer gives at least the
        // minimum height; the guard only keeps the ranges below well formed.
        let bodyTop = plot.minY + headHeight, bodyBottom = max(plot.maxY, bodyTop + 1)
        let inset = min(max(theme.markerRadius + s, baseLabelFont.lineBoxHeight / 2), (bodyBottom - bodyTop) / 3)
        // A rank window keeps a zone at each edge it is crossed: a ring where a line leaves it and rows of labels.
        // The marks stand well apart from the window's last rank, so none reads as a rank inside it.
        let edgeFont = tickFont, edgeMarker = theme.markerRadius + s
        // A row is as tall as an arrow label is drawn (the arrow may come from a taller fallback face).
        let edgeRow = max(edgeFont.lineBoxHeight, ctx.run("↓ 0", font: edgeFont, color: theme.text, x: 0, y: 0).bounds.height) + 0.5 * s
        let crossedAbove = window?.hasAbove ?? false, crossedBelow = window?.hasBelow ?? false
        // The gap to the edge is about 0.6 of a rank step (solved for the step the window leaves), never tighter
        // than three marker radii.
        let fixedAbove = crossedAbove ? edgeMarker + Double(edgeRows.above) * edgeRow : 0
        let fixedBelow = crossedBelow ? edgeMarker + Double(edgeRows.below) * edgeRow : 0
        let spanRanks = Double(max(1, (window?.window.upperBound ?? 2) - (window?.window.lowerBound ?? 1)))
        let crossings = Double((crossedAbove ? 1 : 0) + (crossedBelow ? 1 : 0))
        let stepGuess = max(0, bodyBottom - bodyTop - 2 * inset - fixedAbove - fixedBelow) / (spanRanks + 0.6 * crossings)
        let edgeGap = max(3 * edgeMarker, edgeFont.lineBoxHeight * 1.2, 0.6 * stepGuess)
        let zoneAbove = crossedAbove ? edgeGap + fixedAbove : 0, zoneBelow = crossedBelow ? edgeGap + fixedBelow : 0
        let yTop = bodyTop + inset + zoneAbove, yBottom = max(yTop + 1, bodyBottom - inset - zoneBelow)
        let edgeAboveY = yTop - edgeGap, edgeBelowY = yBottom + edgeGap

        // Value axis.
        let y: (Double) -> Double
        let ticks: [(value: Double, text: String)]
        var rankStep = theme.focusLineWidth * 4
        if ranks {
            let scale = RankScale(minRank: firstRank, maxRank: window?.window.upperBound ?? Int(maxValue.rounded(.up)), range: (yTop, yBottom))
            // Every rank is labelled when the labels have a quarter line of air; a gap in 1, 2, 4, 6 … reads oddly.
            let count = Int((yBottom - yTop) / (tickFont.lineBoxHeight * 1.25)) + 1
            ticks = scale.ticks(maxCount: count).map { (Double($0), "\($0)") }
            rankStep = scale.step
            y = { scale($0) }
        } else {
            let count = Axis.tickCount(length: yBottom - yTop, spacing: tickFont.lineBoxHeight * 2.5)
            let domain = minValue == maxValue ? (minValue - 1, maxValue + 1) : (minValue, maxValue)
            let scale = LinearScale(domain: domain, range: (yBottom, yTop)).niced(count: count)
            let values = scale.ticks(count: count)
            ticks = Array(zip(values, ctx.format.ticks(values))).map { (value: $0.0, text: $0.1) }
            y = { scale($0) }
        }

        // Positions of every observation, with ties fanned out under the offset rule.
        var ys = observations.indices.map { i in
            observations[i].indices.map { k -> Double in
                switch edge(i, k) {
                case .above?: return edgeAboveY
                case .below?: return edgeBelowY
                case nil: return y(observations[i][k].value)
                }
            }
        }
        if spec.tieRule == .offset { applyTieOffsets(&ys, rankStep: rankStep) }

        // End labels: which series get one, and where they land. Only series observed in the last period are
        // labelled in its column; one that ended earlier is labelled where its line ends, and listed in the notes.
        let crowded = spec.series.count > Self.crowdedAbove
        let colors = SeriesColors.lineColors(spec.series, theme: theme)
        let marks = SeriesMark.forLines(spec.series, colors: colors, monochrome: theme.monochrome)
        d.alikeSeries = SeriesMark.alike(spec.series, colors: colors, marks: marks, monochrome: theme.monochrome)
        var labels: [EndLabel] = []
        for (i, series) in spec.series.enumerated() {
            guard let last = observations[i].last, last.index == periods - 1, let lastY = ys[i].last,
                  !crowded || series.focus else { continue }
            var value = ctx.format.label(last.value, preformatted: SeriesData.valueLabel(series, last.index))
            if let e = edge(i, observations[i].count - 1) { value = RankWindowView.text(e, value) }
            labels.append(EndLabel(series: i, name: series.label, value: value, desired: lastY))
        }
        // A reference line is labelled at its right end, among the end labels, so the two never overlap.
        for (r, reference) in spec.references.enumerated() {
            labels.append(EndLabel(series: -1, name: reference.label, value: "", desired: y(reference.value), reference: r))
        }
        // So is a band of values, at its middle.
        for (b, band) in spec.bands.enumerated() {
            guard let range = band.valueRange, !band.label.isEmpty else { continue }
            labels.append(EndLabel(series: -1, name: band.label, value: "", desired: y((range.lowerBound + range.upperBound) / 2), band: b))
        }
        // Before any label is left out, the end labels' type shrinks (to 70 %) until the column holds them all.
        let needed = Double(labels.count) * baseLabelFont.lineBoxHeight * 1.1
        let shrink = labels.isEmpty ? 1 : min(1, max(0.7, (bodyBottom - bodyTop) / needed))
        let labelFont = baseLabelFont.with(size: baseLabelFont.size * shrink)
        let valueFont = labelFont.with(bold: true)
        let labelHeight = labelFont.lineBoxHeight
        let gap = labelFont.size * 0.1
        labels = keepFitting(labels, span: bodyBottom - bodyTop, height: labelHeight, gap: gap, into: &d)
        let tops = LabelPlacer.dodge(labels.map { LabelPlacer.Item(desired: $0.desired, height: labelHeight) },
                                     span: bodyTop...bodyBottom, gap: gap)
        let needsLeader = labels.indices.map { k in abs(tops[k] + labelHeight / 2 - labels[k].desired) > 0.5 }
        let leaderSpace = needsLeader.contains(true) ? 14 * s : 4 * s

        // Horizontal layout: value ticks on the left, end labels on the right. The labels may take at most 60 % of
        // the width right of the axis (the lines keep the rest) and a name at most 30 % of the plot; a name is
        // shortened to fit, and a label whose name does not fit at all is left out.
        let tickGap = 5 * s
        let axisTitle = spec.valueAxisTitle
        let leftWidth = (ticks.map { ctx.width($0.text, tickFont) } + [ctx.width(axisTitle, tickFont)]).max() ?? 0
        var left = plot.minX + leftWidth + tickGap
        let markerRoom = theme.markerRadius + s
        let space = ctx.width(" ", labelFont)
        // One period needs only a short stub of grid before its points; more need most of the width for the lines.
        let labelRoom = periods > 1 ? max(0, (plot.maxX - left) * 0.6 - leaderSpace - markerRoom)
                                    : max(0, plot.maxX - left - 5 * markerRoom - leaderSpace)
        // A name longer than 30 % of the plot first takes up to 45 % (the lines give way), then is shortened.
        let longest = labels.map { ctx.width($0.name, labelFont) + space + ctx.width($0.value, valueFont) }.max() ?? 0
        let nameCap = longest > plot.width * 0.3 ? plot.width * 0.45 : plot.width * 0.3
        let roomForNames = periods > 1 ? max(labelRoom, (plot.maxX - left) * 0.7 - leaderSpace - markerRoom) : labelRoom
        // A series name that would be shortened puts every series label into a lettered key under the chart.
        let nameRoom = { (k: Int) in min(nameCap, roomForNames - space - ctx.width(labels[k].value, valueFont)) }
        let seriesLabels = labels.indices.filter { labels[$0].reference == nil }.sorted { tops[$0] < tops[$1] }
        if seriesLabels.contains(where: { ctx.width(labels[$0].name, labelFont) > nameRoom($0) }) {
            d.key(SeriesKey.note(seriesLabels.map { labels[$0].name }, ctx: ctx))
            for (n, k) in seriesLabels.enumerated() { labels[k].name = SeriesKey.letter(n) }
        }
        var kept: [Int] = []
        for k in labels.indices {
            let fixed = space + ctx.width(labels[k].value, valueFont)
            let full = labels[k].name
            labels[k].name = Truncation.fit(full, font: labelFont, maxWidth: min(nameCap, roomForNames - fixed), ctx: ctx)
            let original = labels[k].reference.map { spec.references[$0].label } ?? labels[k].band.map { spec.bands[$0].label }
                ?? spec.series[labels[k].series].label
            if labels[k].name.isEmpty && !original.isEmpty { d.droppedLabels += 1 } else { kept.append(k) }
            if !labels[k].name.isEmpty, labels[k].name != full { d.truncatedLabels += 1 }
        }
        let labelColumn = kept.map { k in
            ctx.width(labels[k].name, labelFont) + space + ctx.width(labels[k].value, valueFont)
        }.max() ?? 0
        // Dates are placed by date and labelled in one format; other categories are evenly spaced as written.
        let times = spec.periods.count == periods ? TimeAxis.positions(spec.periods) : nil
        let periodLabels: [String] = times != nil
            ? TimeAxis.labels(spec.periods.compactMap { $0 }, language: spec.language)
            : (0..<periods).map { SeriesData.category(spec, $0) }
        let periodWidths = (0..<periods).map { p in
            max(ctx.width(periodLabels[p], tickFont),
                SeriesData.outOf(spec, p).map { ctx.width(ctx.format.outOf($0), noteFont) } ?? 0)
        }
        // Keep the first period label clear of the axis title that shares its line.
        let firstRoom = max(markerRoom, (periodWidths.first ?? 0) / 2 + (axisTitle.isEmpty ? 0 : tickGap))
        let x: PeriodScale
        if periods > 1 {
            let xStart = left + firstRoom
            var xEnd = min(plot.maxX - labelColumn - leaderSpace - markerRoom, plot.maxX - (periodWidths.last ?? 0) / 2)
            if xEnd < xStart + 1 {
                xEnd = xStart + 1
                d.warn("chart '\(spec.title)' is too narrow for its labels", code: .chartNarrow)
            }
            x = PeriodScale(count: periods, range: (xStart, xEnd), times: times)
        } else {
            // A single period has no direction to show: the axis, the column of points and their labels form one
            // block in the middle of the plot, with short grid lines from the ticks to the points.
            let stub = max(firstRoom, 4 * markerRoom)
            let block = left - plot.minX + stub + markerRoom + leaderSpace + labelColumn
            left += max(0, (plot.width - block) / 2)
            x = PeriodScale(count: 1, range: (left + stub, left + stub), times: nil)
        }
        let labelX = x(periods - 1) + markerRoom + leaderSpace
        let gridEnd = x(periods - 1) + markerRoom

        // Bands behind everything, then grid and axes.
        shaded.drawAcrossPeriods(y: y, ranks: ranks, from: left, to: gridEnd, limits: bodyTop...bodyBottom, into: &d)
        shaded.drawOverPeriods(x: { x($0) }, pad: markerRoom + s, limits: left...gridEnd, top: bodyTop, bottom: bodyBottom,
                               labelTop: plot.minY, plot: plot, into: &d)
        d.stroke(Axis.horizontalGrid(ticks.map { y($0.value) }, from: left, to: gridEnd), theme.grid, width: theme.gridWidth)
        for tick in ticks {
            d.text(ctx.run(tick.text, font: tickFont, color: theme.muted, x: left - tickGap, y: y(tick.value), anchor: .end))
        }
        let headTop = plot.minY + shaded.periodLabelRow
        let periodY = headTop + tickFont.lineBoxHeight / 2
        if !axisTitle.isEmpty {
            d.text(ctx.run(axisTitle, font: tickFont, color: theme.muted, x: left - tickGap, y: periodY, anchor: .end))
        }
        let widest = periodWidths.max() ?? 0
        let shownPeriods: [Int]
        if x.times != nil {
            // Periods at their dates: labels that would touch give way, the latest first to stay and then the
            // first; the points of the others stand at their true dates, so none reads as another year.
            let boxes = (0..<periods).map { p in
                Rect(x: x(p) - periodWidths[p] / 2 - 3 * s, y: 0, width: periodWidths[p] + 6 * s, height: 1)
            }
            let priority = (0..<periods).map { p in p == periods - 1 ? 0 : (p == 0 ? 1 : 2 + p) }
            shownPeriods = LabelPlacer.nonOverlapping(boxes, priority: priority)
        } else {
            shownPeriods = Axis.strideIndices(count: periods, step: x.step, widest: widest, gap: 6 * s)
        }
        for p in shownPeriods {
            d.text(ctx.run(periodLabels[p], font: tickFont, color: theme.text, x: x(p), y: periodY, anchor: .middle))
            if let n = SeriesData.outOf(spec, p) {
                d.text(ctx.run(ctx.format.outOf(n), font: noteFont, color: theme.muted, x: x(p),
                               y: headTop + tickFont.lineBoxHeight, anchor: .middle, baseline: .top))
            }
        }

        // Context series first, then focus lines, then focus markers, so no line runs across a focus marker.
        // Hundreds of context lines add up to a dark mass, so they get lighter as they get more numerous; a few
        // context lines are entities in their own right and keep a visible contrast.
        let contextColor = crowded ? theme.tint(theme.context, min(0.55, Double(spec.series.count) / 400)) : theme.contextLine
        let context = spec.series.indices.filter { !spec.series[$0].focus }, focused = spec.series.indices.filter { spec.series[$0].focus }
        var points = spec.series.indices.map { i in zip(observations[i], ys[i]).map { Point(x($0.0.index), $0.1) } }
        spreadEdgeMarks(&points, spacing: 2.4 * theme.markerRadius)
        let rings = spec.tieRule == .shareAndStack
            ? TieRings.factors(order: (crowded ? [] : context) + focused, points: { observations[$0] }) : [:]
        func markers(_ i: Int) {
            let focus = spec.series[i].focus
            guard focus || !crowded || points[i].count == 1 else { return }
            let r = focus ? theme.markerRadius : theme.markerRadius * 0.7
            var path = Path(), outside = Path()
            for (k, (p, o)) in zip(points[i], observations[i]).enumerated() {
                if edge(i, k) != nil {
                    outside.elements += marks[i].shape.path(center: p, radius: r * 0.8).elements
                } else {
                    path.elements += marks[i].shape.path(center: p, radius: r * (rings[i]?[o.index] ?? 1)).elements
                }
            }
            let ring = focus ? StrokeStyle(color: theme.background, width: 0.8 * s) : nil
            d.fill(path, focus ? colors[i] : contextColor, stroke: ring)
            // Where a line leaves the window: a hollow mark at the edge, the rank beside it.
            d.fill(outside, theme.background, stroke: StrokeStyle(color: focus ? colors[i] : contextColor, width: 1.2 * s))
        }
        for i in context {
            drawLine(points[i], indices: observations[i].map(\.index), outside: outsideFlags(i), color: contextColor,
                     width: crowded ? theme.contextLineWidth : theme.lineWidth, into: &d)
            markers(i)
        }
        for i in focused {
            drawLine(points[i], indices: observations[i].map(\.index), outside: outsideFlags(i), color: colors[i], width: theme.focusLineWidth,
                     dash: marks[i].dash(width: theme.focusLineWidth), into: &d)
        }
        // Reference lines run over the lines (a median on a line stays visible as dashes) and under the markers.
        let referenceLines = ReferenceLines(ctx)
        for reference in spec.references {
            referenceLines.drawHorizontal(y: y(reference.value), from: left, to: gridEnd, into: &d)
        }
        for i in focused { markers(i) }

        let edgeRowsNeeded = drawEdgeLabels(points: points, colors: colors, endLabelled: Set(kept.filter { !labels[$0].isAnnotation }.map { labels[$0].series }),
                                    font: edgeFont, marker: edgeMarker, row: edgeRow, plot: plot, into: &d)

        // End labels, with a thin leader when a label had to move off its line's end.
        for k in kept {
            let label = labels[k]
            if label.isAnnotation {
                let color = ReferenceLines.labelColor(theme)
                if needsLeader[k] {
                    d.stroke(.line(from: Point(gridEnd, label.desired), to: Point(labelX - 2 * s, tops[k] + labelHeight / 2)),
                             ReferenceLines.lineColor(theme), width: 0.6 * s)
                }
                d.label(ctx.run(label.name, font: labelFont, color: color, x: labelX, y: tops[k], baseline: .top))
                continue
            }
            let series = spec.series[label.series]
            let color = series.focus ? theme.ink(colors[label.series]) : theme.muted
            if needsLeader[k], let last = observations[label.series].last {
                let from = Point(x(last.index) + markerRoom, label.desired)
                let to = Point(labelX - 2 * s, tops[k] + labelHeight / 2)
                d.stroke(.line(from: from, to: to), series.focus ? theme.tint(colors[label.series], 0.3) : theme.contextLine,
                         width: 0.6 * s)
            }
            let nameWidth = ctx.width(label.name, labelFont)
            let valueX = labelX + (label.name.isEmpty ? 0 : nameWidth + space)
            d.label([
                ctx.run(label.name, font: labelFont, color: color, x: labelX, y: tops[k], baseline: .top),
                ctx.run(label.value, font: valueFont, color: color, x: valueX, y: tops[k], baseline: .top),
            ])
        }
        // A series that ended early is named where its line ends, when the name has room there (the notes list
        // it in any case). It never goes to the last period's column, where it would read as ranked then.
        for i in endedEarly {
            guard let last = observations[i].last, let p = points[i].last else { continue }
            let series = spec.series[i]
            var value = ctx.format.label(last.value, preformatted: SeriesData.valueLabel(series, last.index))
            if let e = edge(i, observations[i].count - 1) { value = RankWindowView.text(e, value) }
            let color = series.focus ? theme.ink(colors[i]) : theme.muted
            let text = "\(series.label) \(value)"
            // Above the point, or below it when the point is at the top of the plot.
            let candidates = [ctx.run(text, font: labelFont, color: color, x: p.x + markerRoom, y: p.y - markerRoom, baseline: .bottom),
                              ctx.run(text, font: labelFont, color: color, x: p.x + markerRoom, y: p.y + markerRoom, baseline: .top)]
            let fitting = candidates.first { run in
                let box = run.bounds
                return box.maxX <= gridEnd && box.minY >= bodyTop && box.maxY <= bodyBottom && !d.labelBoxes.contains { $0.intersects(box) }
            }
            if let run = fitting { d.label(run) }
        }
        // Callouts last, clear of every label, marker and line drawn.
        if !spec.callouts.isEmpty {
            let r = theme.markerRadius + s
            let box = { (p: Point) in Rect(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r) }
            let segments = points.flatMap { line in zip(line, line.dropFirst()).map { ($0, $1) } }
            CalloutPlacer(ctx).draw(mark: { i, c in
                guard let k = observations[i].firstIndex(where: { $0.index == c }), edge(i, k) == nil else { return nil }
                return CalloutPlacer.Mark(anchor: points[i][k], box: box(points[i][k]))
            }, obstacles: points.flatMap { $0.map(box) }, segments: segments,
               region: Rect(x: left, y: bodyTop, width: max(0, plot.maxX - left), height: bodyBottom - bodyTop), into: &d)
        }
        return (plot.maxY, edgeRowsNeeded)
    }

    /// Edge marks of one period at one edge stand side by side, nearest rank first from the left, rather than on
    /// top of one another.
    private func spreadEdgeMarks(_ points: inout [[Point]], spacing: Double) {
        guard let window else { return }
        var groups: [String: [(series: Int, k: Int, value: Double)]] = [:]
        for i in observations.indices {
            for (k, o) in observations[i].enumerated() {
                guard let e = window.edges[i][k] else { continue }
                groups["\(o.index)-\(e == .above ? "a" : "b")", default: []].append((i, k, e == .above ? -o.value : o.value))
            }
        }
        for members in groups.values where members.count > 1 {
            let sorted = members.sorted { ($0.value, $0.series) < ($1.value, $1.series) }
            let n = Double(sorted.count)
            for (j, m) in sorted.enumerated() { points[m.series][m.k].x += (Double(j) - (n - 1) / 2) * spacing }
        }
    }

    /// Whether each drawn observation of a series lies outside the rank window.
    private func outsideFlags(_ i: Int) -> [Bool] {
        observations[i].indices.map { edge(i, $0) != nil }
    }

    /// Labels the edge marks of labelled series ("↓ 34" under the window, "↑ 3" over it), centred on their
    /// period, in rows that keep them apart; a mark in the last period whose series has its end label there needs
    /// none. Returns the rows the labels needed, so the caller can make room for them.
    private func drawEdgeLabels(points: [[Point]], colors: [Color], endLabelled: Set<Int>, font: FontSpec, marker: Double,
                                row rowHeight: Double, plot: Rect, into d: inout ChartDrawing) -> EdgeRows {
        guard let window else { return EdgeRows() }
        let theme = ctx.theme, s = theme.scale
        struct Mark { var series: Int; var edge: RankWindowView.Edge; var text: String; var x: Double; var y: Double; var width: Double }
        var marks: [Mark] = []
        for i in labelledSeries {
            for (k, o) in observations[i].enumerated() {
                guard let e = window.edges[i][k], !(k == observations[i].count - 1 && o.index == periods - 1 && endLabelled.contains(i)) else { continue }
                let text = RankWindowView.text(e, ctx.format.label(o.value, preformatted: SeriesData.valueLabel(ctx.spec.series[i], o.index)))
                let width = ctx.width(text, font)
                let x = max(plot.minX + width / 2, min(points[i][k].x, plot.maxX - width / 2))
                marks.append(Mark(series: i, edge: e, text: text, x: x, y: points[i][k].y, width: width))
            }
        }
        var needed = EdgeRows()
        for e in [RankWindowView.Edge.above, .below] {
            // Left to right, each label in the first row whose last label ends clear of it.
            let these = marks.filter { $0.edge == e }.sorted { ($0.x, $0.series) < ($1.x, $1.series) }
            var rowEnds: [Double] = []
            for m in these {
                let row = rowEnds.firstIndex { $0 + 4 * s <= m.x - m.width / 2 } ?? rowEnds.count
                if row == rowEnds.count { rowEnds.append(m.x + m.width / 2) } else { rowEnds[row] = m.x + m.width / 2 }
                let color = ctx.spec.series[m.series].focus ? theme.ink(colors[m.series]) : theme.muted
                let offset = marker + Double(row) * rowHeight
                let run = e == .below
                    ? ctx.run(m.text, font: font, color: color, x: m.x, y: m.y + offset, anchor: .middle, baseline: .top)
                    : ctx.run(m.text, font: font, color: color, x: m.x, y: m.y - offset, anchor: .middle, baseline: .bottom)
                d.label(run)
            }
            if e == .above { needed.above = rowEnds.count } else { needed.below = rowEnds.count }
        }
        return needed
    }

    /// Draws observed points joined by solid segments between neighbouring periods; across a missing period
    /// either nothing (gap) or a dashed segment (bridge).
    /// Two neighbouring points both outside a rank window are not joined: the line would run along the edge.
    private func drawLine(_ points: [Point], indices: [Int], outside: [Bool], color: Color, width: Double, dash: [Double] = [],
                          into d: inout ChartDrawing) {
        guard points.count > 1 else { return }
        var solid = Path(), dashed = Path()
        var penAt = -1
        for k in 1..<points.count {
            if k < outside.count, outside[k], outside[k - 1] { continue }
            if indices[k] - indices[k - 1] == 1 {
                if penAt != k - 1 { solid.move(to: points[k - 1]) }
                solid.line(to: points[k])
                penAt = k
            } else if ctx.spec.missingRule == .dashedBridge {
                dashed.move(to: points[k - 1])
                dashed.line(to: points[k])
            }
        }
        d.stroke(solid, color, width: width, dash: dash, cap: .round, join: .round)
        let s = ctx.theme.scale
        d.stroke(dashed, color, width: width * 0.7, dash: [3 * s, 2.5 * s], cap: .butt)
    }

    /// Spreads lines that share a value in a period around it, in series order, within most of a rank step.
    private func applyTieOffsets(_ ys: inout [[Double]], rankStep: Double) {
        var groups: [Pair: [(series: Int, k: Int)]] = [:]
        for (i, obs) in observations.enumerated() {
            for (k, o) in obs.enumerated() where edge(i, k) == nil { groups[Pair(index: o.index, value: o.value), default: []].append((i, k)) }
        }
        for members in groups.values where members.count > 1 {
            let n = Double(members.count)
            let spacing = min(ctx.theme.focusLineWidth * 1.4, rankStep * 0.8 / (n - 1))
            for (j, m) in members.enumerated() { ys[m.series][m.k] += (Double(j) - (n - 1) / 2) * spacing }
        }
    }

    /// Keeps as many labels as fit the span, focus series first and then from the top; warns about the rest.
    private func keepFitting(_ labels: [EndLabel], span: Double, height: Double, gap: Double, into d: inout ChartDrawing) -> [EndLabel] {
        let capacity = Int(((span + gap) / (height + gap)).rounded(.down))
        guard labels.count > capacity else { return labels }
        let series = ctx.spec.series
        let ranked = labels.indices.sorted { a, b in
            let fa = labels[a].isAnnotation || series[labels[a].series].focus
            let fb = labels[b].isAnnotation || series[labels[b].series].focus
            if fa != fb { return fa }
            return labels[a].desired != labels[b].desired ? labels[a].desired < labels[b].desired : a < b
        }
        let kept = Set(ranked.prefix(max(0, capacity)))
        d.droppedLabels += labels.count - kept.count
        return labels.indices.filter { kept.contains($0) }.map { labels[$0] }
    }
}
