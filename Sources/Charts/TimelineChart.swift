#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geometry
import Model

/// Development paths on a time axis: a lane per entity, programme phases as bars, events as dots and targets as
/// hollow circles at their deadline. Every mark carries a number, and a key under the axis says what each number is,
/// so labels never collide however crowded a year is: numbers that would touch are stacked in rows above their
/// marks (with a leader line), and the key wraps in columns. When the whole key cannot fit, the type is made smaller
/// step by step; when even the smallest type is not enough, the key is left out with a note (the milestones table
/// of a report lists the same numbers) and a warning.
struct TimelineChart: ChartBody {
    let ctx: ChartContext
    init(_ ctx: ChartContext) { self.ctx = ctx }

    var data: TimelineData { ctx.spec.timeline }

    /// The group colours, when lanes of more than one group share the chart; one group's single swatch would
    /// only repeat what the title says.
    func legend() -> Legend {
        let entries = SeriesColors.groupLegend(data.lanes.map(\.group), labels: ctx.spec.groupLabels, theme: ctx.theme, swatch: .marker(.circle))
        return Legend(entries: entries.count > 1 ? entries : [])
    }

    func notes() -> [String] {
        var out: [String] = []
        if data.marks.contains(where: { $0.target != nil }) {
            out.append(ctx.words("空心圆为目标，位于截止时间：内有圆点为已实现，内有叉为未实现，虚线圆为原文未说明结果。",
                                 "Hollow circles are targets at their deadline: a dot inside means met, a cross missed, a dashed circle that the source does not say."))
        }
        if data.marks.contains(where: \.open) {
            out.append(ctx.words("箭头表示至今仍在进行。", "An arrow marks a span still running."))
        }
        return out
    }

    func minimumPlotSize() -> Size {
        Size(ctx.theme.labelFont.size * 12, ctx.theme.labelFont.lineBoxHeight * 3)
    }

    /// Type sizes tried in turn until everything fits (a fraction of the theme's sizes).
    static let densities: [Double] = [1, 0.88, 0.76, 0.66, 0.57, 0.5, 0.44]

    /// The geometry of one attempt at laying the chart out.
    struct Layout {
        var tick: FontSpec
        var badge: FontSpec
        var key: FontSpec
        var labelWidth: Double
        var laneLabels: [[String]]
        var laneHeights: [Double]
        /// Per numbered mark: the badge row and the span row (spans only).
        var badgeRows: [Int]
        var spanRows: [Int?]
        var badgeRowCount: [Int]
        var spanRowCount: [Int]
        var axisHeight: Double
        var keyColumns: [[(number: Int, lines: [String])]]
        var keyColumnWidth: Double
        var keyHeight: Double
        var height: Double
    }

    func draw(in plot: Rect, into d: inout ChartDrawing) -> Double {
        let marks = data.numbered
        guard !data.lanes.isEmpty, !marks.isEmpty else { return NoData.draw(ctx, in: plot, into: &d) }
        let (lo, hi) = domain(marks)
        var chosen: Layout?
        for withKey in [true, false] {
            for f in Self.densities {
                let l = layout(marks, plot: plot, density: f, withKey: withKey, lo: lo, hi: hi)
                if l.height <= plot.height { chosen = l; break }
            }
            if chosen != nil { break }
        }
        let l = chosen ?? layout(marks, plot: plot, density: Self.densities[Self.densities.count - 1], withKey: false, lo: lo, hi: hi)
        if l.keyColumns.isEmpty {
            d.note(ctx.words("图中编号所指事件见对应的大事记表。", "The numbered events are listed in the matching milestones table."))
            d.warn("timeline '\(ctx.spec.title)' has no room for its key of \(marks.count) events; the key was left out", code: .chartKeyOmitted)
        }
        return drawLayout(l, marks: marks, plot: plot, lo: lo, hi: hi, into: &d)
    }

    /// Whole years from the first mark to the last (or `until`), so spans and ticks start on year boundaries.
    func domain(_ marks: [TimelineMark]) -> (Double, Double) {
        let starts = marks.map(\.start)
        let ends = marks.map { $0.end ?? $0.start }
        let lo = floor(starts.min() ?? 0)
        var hi = ceil(max(ends.max() ?? lo + 1, data.until ?? -.infinity))
        if marks.contains(where: \.open) { hi = max(hi, ceil((starts.max() ?? lo) + 1)) }
        return (lo, max(hi, lo + 1))
    }

    func xScale(_ plot: Rect, _ l: (labelWidth: Double, badge: FontSpec), lo: Double, hi: Double) -> (Double) -> Double {
        let gap = 6 * ctx.theme.scale
        let left = plot.minX + l.labelWidth + gap + l.badge.size
        let right = plot.maxX - l.badge.size * 1.2
        let width = max(1, right - left)
        return { left + ($0 - lo) / (hi - lo) * width }
    }

    func layout(_ marks: [TimelineMark], plot: Rect, density f: Double, withKey: Bool, lo: Double, hi: Double) -> Layout {
        let theme = ctx.theme, style = theme.style, s = theme.scale
        let tick = style.bodyFont(size: style.sizes.chartTick * s * f)
        let badge = style.bodyFont(size: style.sizes.chartTick * s * f, bold: true)
        let laneFont = style.bodyFont(size: style.sizes.chartLabel * s * f)
        let maxLabel = plot.width * 0.2
        let laneLabels = data.lanes.map { RowLabels.wrap($0.label, font: laneFont, maxWidth: maxLabel, ctx: ctx) }
        let labelWidth = min(maxLabel, laneLabels.flatMap { $0 }.map { ctx.width($0, laneFont) }.max() ?? 0)
        let x = xScale(plot, (labelWidth, badge), lo: lo, hi: hi)
        let pad = badge.size * 0.35
        // Badge rows: numbers in x order, each in the lowest row where it keeps clear of the numbers already there.
        var badgeRows = Array(repeating: 0, count: marks.count)
        var spanRows: [Int?] = Array(repeating: nil, count: marks.count)
        var badgeRowCount = Array(repeating: 1, count: data.lanes.count)
        var spanRowCount = Array(repeating: 0, count: data.lanes.count)
        for lane in data.lanes.indices {
            let members = marks.indices.filter { marks[$0].lane == lane }.sorted { (marks[$0].start, $0) < (marks[$1].start, $1) }
            var rowRight: [Double] = []
            for i in members {
                let w = ctx.width(String(i + 1), badge) + pad
                let left = x(marks[i].start) - w / 2
                let row = rowRight.firstIndex { $0 + pad <= left } ?? rowRight.count
                if row == rowRight.count { rowRight.append(left + w) } else { rowRight[row] = left + w }
                badgeRows[i] = row
            }
            badgeRowCount[lane] = max(1, rowRight.count)
            var spanRight: [Double] = []
            for i in members where marks[i].end != nil {
                let left = x(marks[i].start)
                let right = x(marks[i].open ? hi : (marks[i].end ?? marks[i].start))
                let row = spanRight.firstIndex { $0 <= left + 0.5 } ?? spanRight.count
                if row == spanRight.count { spanRight.append(right) } else { spanRight[row] = right }
                spanRows[i] = row
            }
            spanRowCount[lane] = spanRight.count
        }
        let pitch = badge.lineBoxHeight + pad * 0.5
        let marker = theme.markerRadius * f * 2.2
        let spanPitch = max(4 * s * f, badge.size * 0.7)
        let laneHeights = data.lanes.indices.map { lane -> Double in
            let marksHeight = Double(badgeRowCount[lane]) * pitch + marker + Double(spanRowCount[lane]) * spanPitch + pad * 2
            return max(marksHeight, Double(laneLabels[lane].count) * laneFont.lineBoxHeight + pad * 2)
        }
        let axisHeight = tick.lineBoxHeight + 5 * s * f
        var keyColumns: [[(number: Int, lines: [String])]] = []
        var keyHeight = 0.0
        let keyFont = tick
        let columnCount = max(1, min(3, Int(plot.width / (keyFont.size * 24))))
        let gutter = keyFont.size * 1.5
        let columnWidth = (plot.width - Double(columnCount - 1) * gutter) / Double(columnCount)
        if withKey {
            let numberWidth = ctx.width(String(marks.count) + " ", badge)
            let entries = marks.enumerated().map { i, m in
                (number: i + 1, lines: ctx.wrap(m.date + "  " + m.text, font: keyFont, maxWidth: columnWidth - numberWidth))
            }
            // Column-major, balanced by lines: fill each column up to the share of the total.
            let total = entries.reduce(0) { $0 + $1.lines.count }
            let share = Int((Double(total) / Double(columnCount)).rounded(.up))
            var column: [(number: Int, lines: [String])] = []
            var used = 0
            for e in entries {
                if used + e.lines.count > share, !column.isEmpty, keyColumns.count < columnCount - 1 {
                    keyColumns.append(column); column = []; used = 0
                }
                column.append(e); used += e.lines.count
            }
            if !column.isEmpty { keyColumns.append(column) }
            let lineHeight = keyFont.lineBoxHeight * 1.1
            keyHeight = keyColumns.map { Double($0.reduce(0) { $0 + $1.lines.count }) * lineHeight }.max() ?? 0
            keyHeight += keyFont.size * 1.2
        }
        let height = laneHeights.reduce(0, +) + axisHeight + keyHeight
        return Layout(tick: tick, badge: badge, key: keyFont, labelWidth: labelWidth, laneLabels: laneLabels, laneHeights: laneHeights,
                      badgeRows: badgeRows, spanRows: spanRows, badgeRowCount: badgeRowCount, spanRowCount: spanRowCount,
                      axisHeight: axisHeight, keyColumns: keyColumns, keyColumnWidth: columnWidth, keyHeight: keyHeight, height: height)
    }

    /// A mark's number, and for a stacked number its leader: down the mark's x from under the number (`top`) to
    /// the mark (`bottom`; nil for a number right above its mark).
    struct Badge {
        var run: TextItem
        var x: Double
        var top: Double
        var bottom: Double?
    }

    func drawLayout(_ l: Layout, marks: [TimelineMark], plot: Rect, lo: Double, hi: Double, into d: inout ChartDrawing) -> Double {
        let theme = ctx.theme, s = theme.scale
        let f = l.badge.size / max(0.01, theme.style.sizes.chartTick * s)
        let x = xScale(plot, (l.labelWidth, l.badge), lo: lo, hi: hi)
        let laneFont = theme.style.bodyFont(size: theme.style.sizes.chartLabel * s * f)
        let colors = SeriesColors.groupColors(data.lanes.map(\.group), theme: theme)
        let pad = l.badge.size * 0.35
        let pitch = l.badge.lineBoxHeight + pad * 0.5
        let markerRadius = theme.markerRadius * f * 1.1
        let spanPitch = max(4 * s * f, l.badge.size * 0.7)
        let spanHeight = spanPitch * 0.7
        let lanesBottom = plot.minY + l.laneHeights.reduce(0, +)

        // Year ticks: the smallest round step whose labels keep a label's width apart. Gridlines mark where years
        // begin and a year's label sits in the middle of its year, where its year-only events are drawn: a phase
        // 1996–2000 fills the years labelled 1996 to 2000, and an event of January 2002 sits at the start of 2002.
        let labelWidth = ctx.width("0000", l.tick) * 1.6
        let perYear = x(lo + 1) - x(lo)
        let step = [1.0, 2, 5, 10, 20, 50, 100].first { $0 * perYear >= labelWidth } ?? 100
        var year = ceil(lo / step) * step
        while year <= hi {
            d.stroke(.line(from: Point(x(year), plot.minY), to: Point(x(year), lanesBottom)), theme.grid, width: theme.gridWidth)
            d.stroke(.line(from: Point(x(year), lanesBottom), to: Point(x(year), lanesBottom + 3 * s * f)), theme.axis, width: theme.axisWidth)
            if year + 0.5 <= hi {
                d.text(ctx.run(String(Int(year)), font: l.tick, color: theme.muted, x: x(year + 0.5), y: lanesBottom + 4 * s * f, anchor: .middle, baseline: .top))
            }
            year += step
        }
        d.stroke(.line(from: Point(x(lo), lanesBottom), to: Point(x(hi), lanesBottom)), theme.axis, width: theme.axisWidth)

        var top = plot.minY
        var badges: [Badge] = []
        for (lane, info) in data.lanes.enumerated() {
            let height = l.laneHeights[lane]
            if lane > 0 { d.stroke(.line(from: Point(plot.minX, top), to: Point(plot.maxX, top)), theme.grid, width: theme.gridWidth) }
            let baseline = top + pad + Double(l.badgeRowCount[lane]) * pitch + markerRadius
            let lines = l.laneLabels[lane]
            let labelTop = min(max(top + pad, baseline - Double(lines.count) * laneFont.lineBoxHeight / 2),
                               top + height - pad - Double(lines.count) * laneFont.lineBoxHeight)
            for (k, line) in lines.enumerated() {
                d.text(ctx.run(line, font: laneFont, color: theme.text, x: plot.minX, y: labelTop + Double(k) * laneFont.lineBoxHeight, baseline: .top))
            }
            _ = info
            let color = colors[lane]
            for (i, m) in marks.enumerated() where m.lane == lane {
                let cx = x(m.start)
                if let row = l.spanRows[i] {
                    let right = x(m.open ? hi : (m.end ?? m.start))
                    let y = baseline + markerRadius + pad + Double(row) * spanPitch
                    // A hairline gap keeps a phase apart from the next one in the same row.
                    let bar = Rect(x: cx, y: y, width: max(1, right - cx - (m.open ? spanHeight : 0.8 * s)), height: spanHeight)
                    d.fill(.roundedRect(bar, radius: spanHeight * 0.3), theme.tint(color, 0.35))
                    if m.open { d.fill(Arrowhead.path(tip: Point(right, y + spanHeight / 2), size: spanHeight * 1.3), theme.tint(color, 0.35)) }
                    d.stroke(.line(from: Point(cx, baseline), to: Point(cx, y)), color, width: theme.gridWidth * 1.5)
                }
                if let status = m.target {
                    let lw = theme.lineWidth
                    let circle = Path.circle(center: Point(cx, baseline), radius: markerRadius)
                    d.fill(circle, theme.background)
                    d.stroke(circle, color, width: lw, dash: status == .unknown ? [lw * 1.5, lw * 1.2] : [])
                    switch status {
                    case .met: d.fill(.circle(center: Point(cx, baseline), radius: markerRadius * 0.4), color)
                    case .missed:
                        let r = markerRadius * 0.55
                        d.stroke(.line(from: Point(cx - r, baseline - r), to: Point(cx + r, baseline + r)), color, width: lw)
                        d.stroke(.line(from: Point(cx - r, baseline + r), to: Point(cx + r, baseline - r)), color, width: lw)
                    case .unknown: break
                    }
                } else if l.spanRows[i] == nil {
                    d.fill(.circle(center: Point(cx, baseline), radius: markerRadius * 0.8), color)
                } else {
                    d.fill(.rect(Rect(x: cx - markerRadius * 0.2, y: baseline - markerRadius * 0.8, width: markerRadius * 0.4, height: markerRadius * 1.6)), color)
                }
                // The number above its mark; a higher row gets a leader down to the mark.
                let row = l.badgeRows[i]
                let badgeBottom = baseline - markerRadius - pad * 0.5 - Double(row) * pitch
                badges.append(Badge(run: ctx.run(String(i + 1), font: l.badge, color: theme.ink(color), x: cx, y: badgeBottom, anchor: .middle, baseline: .bottom),
                                    x: cx, top: badgeBottom, bottom: row > 0 ? baseline - markerRadius : nil))
            }
            top += height
        }
        // Leaders pass between the numbers of lower rows, never through them ("2|6" would read as two numbers): each
        // leader is cut where it crosses another number's digits (the line box less its air above and descent below).
        let em = l.badge.size
        let boxes = badges.map { badge -> Rect in
            let b = badge.run.bounds
            return Rect(x: b.minX - s * 0.5, y: b.minY + em * 0.1, width: b.width + s, height: max(0, b.height - em * 0.24))
        }
        for (k, badge) in badges.enumerated() {
            guard let bottom = badge.bottom else { continue }
            var open: [(Double, Double)] = [(badge.top, bottom)]
            for (j, box) in boxes.enumerated() where j != k && box.minX <= badge.x && badge.x <= box.maxX {
                open = open.flatMap { a, b -> [(Double, Double)] in
                    guard box.maxY > a, box.minY < b else { return [(a, b)] }
                    return [(a, box.minY), (box.maxY, b)].filter { $0.1 - $0.0 > 0.5 }
                }
            }
            for (a, b) in open {
                d.stroke(.line(from: Point(badge.x, b), to: Point(badge.x, a)), theme.muted, width: theme.gridWidth)
            }
        }
        for badge in badges { d.label(badge.run) }

        var bottom = lanesBottom + l.axisHeight
        guard !l.keyColumns.isEmpty else { return bottom }
        let keyTop = bottom + l.key.size * 1.2
        let lineHeight = l.key.lineBoxHeight * 1.1
        let numberWidth = ctx.width(String(marks.count) + " ", l.badge)
        let gutter = l.key.size * 1.5
        for (c, column) in l.keyColumns.enumerated() {
            let left = plot.minX + Double(c) * (l.keyColumnWidth + gutter)
            var y = keyTop
            for entry in column {
                let color = theme.ink(colors[marks[entry.number - 1].lane])
                d.label(ctx.run(String(entry.number), font: l.badge, color: color, x: left, y: y, baseline: .top))
                for line in entry.lines {
                    d.label(ctx.run(line, font: l.key, color: theme.text, x: left + numberWidth, y: y, baseline: .top))
                    y += lineHeight
                }
            }
            bottom = max(bottom, y)
        }
        return bottom
    }
}
