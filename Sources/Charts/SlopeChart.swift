import Geometry

/// Two periods side by side: a line per entity from its left value to its right value, labelled on both sides
/// ("美国 1" on the left, "3 美国" on the right) with labels dodged so they never overlap.
struct SlopeChart: ChartBody {
    let ctx: ChartContext
    let ranks: Bool
    /// The two category indices compared: the first and the last.
    let left: Int, right: Int

    init(_ ctx: ChartContext) {
        self.ctx = ctx
        ranks = ctx.spec.valuesAreRanks
        left = 0
        right = max(0, SeriesData.categoryCount(ctx.spec) - 1)
    }

    func notes() -> [String] {
        var seen: [Set<Double>] = [[], []]
        var tied = false
        for series in ctx.spec.series {
            for (side, c) in [left, right].enumerated() {
                if let v = SeriesData.value(series, c), !seen[side].insert(v).inserted { tied = true }
            }
        }
        return tied ? [ChartNotes.ties(ctx.spec.tieRule, ctx)] : []
    }

    var hasOutOf: Bool { SeriesData.outOf(ctx.spec, left) != nil || SeriesData.outOf(ctx.spec, right) != nil }

    /// Period labels (and "of N") above the two axes.
    var headHeight: Double {
        let theme = ctx.theme
        return theme.tickFont.lineBoxHeight + (hasOutOf ? theme.noteFont.lineBoxHeight : 0) + 4 * theme.scale
    }

    /// Room for both period labels side by side with their markers; narrower, the two axes would merge.
    func minimumPlotSize() -> Size {
        let theme = ctx.theme
        let heads = [left, right].map { ctx.width(SeriesData.category(ctx.spec, $0), theme.tickFont) }.reduce(0, +)
        return Size(max(theme.labelFont.size * 4, heads + 8 * theme.scale + 2 * theme.markerRadius),
                    headHeight + theme.labelFont.lineBoxHeight * 2)
    }

    private struct SideLabel {
        var series: Int
        var value: Double
        var name: String
        var valueText: String
        var desired: Double
        var nameWidth: Double
        var valueWidth: Double
    }

    func draw(in plot: Rect, into d: inout ChartDrawing) -> Double {
        let spec = ctx.spec, theme = ctx.theme, s = theme.scale
        let values = spec.series.flatMap { [SeriesData.value($0, left), SeriesData.value($0, right)].compactMap { $0 } }
        guard left != right, let lo = values.min(), let hi = values.max() else { return NoData.draw(ctx, in: plot, into: &d) }
        if SeriesData.categoryCount(spec) > 2 {
            d.warn("a slope chart compares only the first and last categories", code: .chartCategories)
        }

        // The renderer gives at least the minimum height; the guard only keeps the ranges below well formed.
        let bodyTop = plot.minY + headHeight, bodyBottom = max(plot.maxY, bodyTop + 1)
        // Before a label is left out, the side labels' type shrinks (to 70 %) until each side holds them all.
        let labelledCount = spec.series.filter { spec.series.count <= LinePlot.crowdedAbove || $0.focus }.count
        let shrink = labelledCount == 0 ? 1 : min(1, max(0.7, (bodyBottom - bodyTop) / (Double(labelledCount) * theme.labelFont.lineBoxHeight * 1.1)))
        let tickFont = theme.tickFont, labelFont = theme.labelFont.with(size: theme.labelFont.size * shrink)
        let valueFont = labelFont.with(bold: true)
        let labelHeight = labelFont.lineBoxHeight
        let inset = min(max(theme.markerRadius + s, labelHeight / 2), (bodyBottom - bodyTop) / 3)
        let range = (bodyTop + inset, max(bodyTop + inset + 1, bodyBottom - inset))
        let y: (Double) -> Double
        var step = theme.focusLineWidth * 4
        if ranks {
            let scale = RankScale(maxRank: Int(hi.rounded(.up)), range: range)
            step = scale.step
            y = { scale($0) }
        } else {
            let scale = LinearScale(domain: lo == hi ? (lo - 1, hi + 1) : (lo, hi), range: (range.1, range.0))
            y = { scale($0) }
        }

        // Tie offsets per side under the offset rule, in series order.
        var offsets: [[Int: Double]] = [[:], [:]]
        if spec.tieRule == .offset {
            for (side, c) in [left, right].enumerated() {
                var groups: [Double: [Int]] = [:]
                for (i, series) in spec.series.enumerated() { if let v = SeriesData.value(series, c) { groups[v, default: []].append(i) } }
                for members in groups.values where members.count > 1 {
                    let n = Double(members.count), spacing = min(theme.focusLineWidth * 1.4, step * 0.8 / (n - 1))
                    for (j, i) in members.enumerated() { offsets[side][i] = (Double(j) - (n - 1) / 2) * spacing }
                }
            }
        }

        let crowded = spec.series.count > LinePlot.crowdedAbove
        // A few context lines stand for entities and keep a visible contrast (on a dark slide); many are texture.
        let seriesColors = SeriesColors.lineColors(spec.series, theme: theme)
        let marks = SeriesMark.forLines(spec.series, colors: seriesColors, monochrome: theme.monochrome)
        d.alikeSeries = SeriesMark.alike(spec.series, colors: seriesColors, marks: marks, monochrome: theme.monochrome)
        let colors = seriesColors.enumerated().map { i, c in spec.series[i].focus || crowded ? c : theme.contextLine }
        let space = ctx.width(" ", labelFont)
        // Each side's labels may take at most 35 % of the plot, so the lines keep the middle; names are shortened
        // to fit and a label whose name does not fit at all is left out.
        let markerRoom = theme.markerRadius + s
        // A long name first takes more of the width (up to 42 % a side, the lines keep the middle), then is shortened.
        let longest = spec.series.map { ctx.width($0.label, labelFont) }.max() ?? 0
        let roomy = longest > plot.width * 0.22
        let sideRoom = plot.width * (roomy ? 0.42 : 0.35) - 12 * s - markerRoom
        let nameRoom = { (series: ChartSeries, c: Int) -> Double? in
            guard let v = SeriesData.value(series, c) else { return nil }
            let valueWidth = ctx.width(ctx.format.label(v, preformatted: SeriesData.valueLabel(series, c)), valueFont)
            return min(plot.width * (roomy ? 0.32 : 0.22), sideRoom - valueWidth - space)
        }
        // A name that would be shortened on either side puts every label into a lettered key under the chart,
        // lettered top to bottom by the right-hand side (the left where a series has no right value).
        let labelled = spec.series.indices.filter { !crowded || spec.series[$0].focus }
        var names = spec.series.map(\.label)
        let tooLong = labelled.contains { i in
            [left, right].contains { c in nameRoom(spec.series[i], c).map { ctx.width(names[i], labelFont) > $0 } ?? false }
        }
        if tooLong {
            let position = { (i: Int) in SeriesData.value(spec.series[i], right).map { y($0) } ?? SeriesData.value(spec.series[i], left).map { y($0) } ?? 0 }
            let order = labelled.sorted { (position($0), $0) < (position($1), $1) }
            d.key(SeriesKey.note(order.map { names[$0] }, ctx: ctx))
            for (n, i) in order.enumerated() { names[i] = SeriesKey.letter(n) }
        }
        var sides: [[SideLabel]] = [[], []]
        for i in labelled {
            let series = spec.series[i]
            for (side, c) in [left, right].enumerated() {
                guard let v = SeriesData.value(series, c), let room = nameRoom(series, c) else { continue }
                let text = ctx.format.label(v, preformatted: SeriesData.valueLabel(series, c))
                let name = Truncation.fit(names[i], font: labelFont, maxWidth: room, ctx: ctx)
                if name.isEmpty && !names[i].isEmpty {
                    d.droppedLabels += 1
                    continue
                }
                if name != names[i] { d.truncatedLabels += 1 }
                sides[side].append(SideLabel(series: i, value: v, name: name, valueText: text, desired: y(v) + (offsets[side][i] ?? 0),
                                             nameWidth: ctx.width(name, labelFont), valueWidth: ctx.width(text, valueFont)))
            }
        }
        let gap = labelFont.size * 0.1
        let capacity = max(0, Int(((bodyBottom - bodyTop + gap) / (labelHeight + gap)).rounded(.down)))
        for side in 0..<2 where sides[side].count > capacity {
            // Keep focus series, then the best placed; warn about the rest.
            let keep = Set(sides[side].indices.sorted { a, b in
                let fa = spec.series[sides[side][a].series].focus, fb = spec.series[sides[side][b].series].focus
                return fa != fb ? fa : sides[side][a].desired < sides[side][b].desired
            }.prefix(capacity))
            d.droppedLabels += sides[side].count - keep.count
            sides[side] = sides[side].indices.filter { keep.contains($0) }.map { sides[side][$0] }
        }
        let tops = sides.map { labels in
            LabelPlacer.dodge(labels.map { LabelPlacer.Item(desired: $0.desired, height: labelHeight) }, span: bodyTop...bodyBottom, gap: gap)
        }
        let moved = (0..<2).map { side in sides[side].indices.map { abs(tops[side][$0] + labelHeight / 2 - sides[side][$0].desired) > 0.5 } }
        let widths = sides.map { $0.map { $0.nameWidth + space + $0.valueWidth }.max() ?? 0 }
        let leader = (0..<2).map { moved[$0].contains(true) ? 12 * s : 4 * s }
        let headWidths = [left, right].map { ctx.width(SeriesData.category(spec, $0), tickFont) }
        let xLeft = plot.minX + max(widths[0] + leader[0] + markerRoom, headWidths[0] / 2)
        let xRight = max(xLeft + 1, plot.maxX - max(widths[1] + leader[1] + markerRoom, headWidths[1] / 2))

        // Two vertical axes with the period on top.
        d.stroke(Axis.verticalGrid([xLeft, xRight], from: bodyTop, to: bodyBottom), theme.axis, width: theme.axisWidth)
        for (c, x) in [(left, xLeft), (right, xRight)] {
            d.text(ctx.run(SeriesData.category(spec, c), font: tickFont, color: theme.text, x: x, y: plot.minY, anchor: .middle, baseline: .top))
            if let n = SeriesData.outOf(spec, c) {
                d.text(ctx.run(ctx.format.outOf(n), font: theme.noteFont, color: theme.muted, x: x,
                               y: plot.minY + tickFont.lineBoxHeight, anchor: .middle, baseline: .top))
            }
        }

        // Context series, then focus lines, then focus markers, so no line runs across a focus marker.
        let context = spec.series.indices.filter { !spec.series[$0].focus }, focused = spec.series.indices.filter { spec.series[$0].focus }
        let ends = spec.series.indices.map { i in
            [(0, left, xLeft), (1, right, xRight)].compactMap { side, c, x in
                SeriesData.value(spec.series[i], c).map { (index: c, value: $0, point: Point(x, y($0) + (offsets[side][i] ?? 0))) }
            }
        }
        let rings = spec.tieRule == .shareAndStack
            ? TieRings.factors(order: context + focused, points: { ends[$0].map { (index: $0.index, value: $0.value) } }) : [:]
        func line(_ i: Int) {
            let width = spec.series[i].focus ? theme.focusLineWidth : (crowded ? theme.contextLineWidth : theme.lineWidth)
            if ends[i].count == 2 {
                d.stroke(.polyline(ends[i].map(\.point)), colors[i], width: width, dash: marks[i].dash(width: width), cap: .round)
            }
        }
        func markers(_ i: Int) {
            let r = spec.series[i].focus ? theme.markerRadius : theme.markerRadius * 0.7
            var path = Path()
            for end in ends[i] { path.elements += marks[i].shape.path(center: end.point, radius: r * (rings[i]?[end.index] ?? 1)).elements }
            d.fill(path, colors[i], stroke: spec.series[i].focus ? StrokeStyle(color: theme.background, width: 0.8 * s) : nil)
        }
        for i in context { line(i); markers(i) }
        for i in focused { line(i) }
        for i in focused { markers(i) }

        for side in 0..<2 {
            let axisX = side == 0 ? xLeft : xRight
            for (k, label) in sides[side].enumerated() {
                let series = spec.series[label.series]
                let color = series.focus ? theme.ink(colors[label.series]) : theme.muted
                let center = tops[side][k] + labelHeight / 2
                let textEdge = side == 0 ? axisX - markerRoom - leader[0] : axisX + markerRoom + leader[1]
                if moved[side][k] {
                    let from = Point(side == 0 ? axisX - markerRoom : axisX + markerRoom, label.desired)
                    let to = Point(side == 0 ? textEdge + 2 * s : textEdge - 2 * s, center)
                    d.stroke(.line(from: from, to: to), series.focus ? theme.tint(colors[label.series], 0.3) : theme.contextLine, width: 0.6 * s)
                }
                let top = tops[side][k]
                if side == 0 {
                    // "美国 1": the value sits next to the axis.
                    d.label([
                        ctx.run(label.valueText, font: valueFont, color: color, x: textEdge, y: top, anchor: .end, baseline: .top),
                        ctx.run(label.name, font: labelFont, color: color, x: textEdge - label.valueWidth - space, y: top, anchor: .end, baseline: .top),
                    ])
                } else {
                    d.label([
                        ctx.run(label.valueText, font: valueFont, color: color, x: textEdge, y: top, baseline: .top),
                        ctx.run(label.name, font: labelFont, color: color, x: textEdge + label.valueWidth + space, y: top, baseline: .top),
                    ])
                }
            }
        }
        return plot.maxY
    }
}
