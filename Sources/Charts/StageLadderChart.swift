import Geometry

/// Entities on an ordinal stage scale: one column per stage (level 1 at the left), one row per entity with a
/// block over the stages it is at (a span such as 3–4 covers both), a light track over the stages passed, and a
/// dashed arrow to a target stage when one is given.
struct StageLadderChart: ChartBody {
    let ctx: ChartContext
    init(_ ctx: ChartContext) { self.ctx = ctx }

    var levels: Int {
        let highest = ctx.spec.placements.map { max($0.high, $0.target ?? 0) }.max() ?? 0
        return max(ctx.spec.stageNames.count, Int(highest.rounded(.up)))
    }

    func legend() -> Legend {
        let placements = ctx.spec.placements
        var entries = SeriesColors.groupLegend(placements.map(\.group), labels: ctx.spec.groupLabels, theme: ctx.theme, swatch: .square)
        if placements.contains(where: { $0.target != nil }) {
            entries.append(Legend.Entry(label: ctx.words("目标阶段", "Target stage"), color: ctx.theme.muted, swatch: .dashedArrow))
        }
        return Legend(entries: entries)
    }

    func draw(in plot: Rect, into d: inout ChartDrawing) -> Double {
        let spec = ctx.spec, theme = ctx.theme, s = theme.scale
        let placements = spec.placements
        guard levels > 0, !placements.isEmpty else { return NoData.draw(ctx, in: plot, into: &d) }

        let gap = 6 * s
        // The row names and the stage names share the width. The names start with up to 30 % of it (45 % when a
        // name would otherwise be shortened); when that leaves the stage columns too narrow for their names (a
        // portrait canvas), the row names give room back and wrap onto more lines. The head takes about two rows.
        let stageNames = (0..<levels).map { $0 < spec.stageNames.count ? spec.stageNames[$0] : "" }
        func layout(_ share: Double, roomUpTo: Double?) -> (RowLabels, BandScale, ColumnHeads) {
            let names = RowLabels(placements.map(\.label), ctx: ctx, rowStep: plot.height / Double(placements.count + 2),
                                  maxWidth: plot.width * share, roomUpTo: roomUpTo)
            let cols = BandScale(count: levels, range: (plot.minX + names.width + gap, plot.maxX))
            let heads = ColumnHeads(stageNames, font: theme.tickFont, width: cols.bandwidth - 4 * s, maxLines: 3, ctx: ctx)
            return (names, cols, heads)
        }
        var (guess, cols, heads) = layout(0.3, roomUpTo: plot.width * 0.45)
        for share in [0.25, 0.22, 0.2, 0.18, 0.16, 0.14] where heads.truncated > 0 {
            let narrower = layout(share, roomUpTo: nil)
            if narrower.0.truncated == 0 && narrower.2.truncated < heads.truncated { (guess, cols, heads) = narrower }
        }
        // Still too narrow for the stage names (a portrait slide): the heads keep their numbers and the names go to
        // a numbered key under the chart, in full, rather than being shortened.
        let keyed = heads.truncated > 0
        if keyed {
            (guess, cols, heads) = layout(0.3, roomUpTo: plot.width * 0.45)
            let entries = stageNames.enumerated().map { "\($0.offset + 1) \($0.element)" }
            d.key(ctx.words("阶段：", "Stages: ") + entries.joined(separator: ctx.words("；", "; ")))
        }
        let left = plot.minX + guess.width + gap
        // Column heads: the level number in bold, then the stage name wrapped to the column.
        let numberFont = theme.labelBoldFont
        let headHeight = numberFont.lineBoxHeight + Double(keyed ? 0 : heads.lineCount) * heads.pitch + 5 * s
        let rows = Rows.band(count: placements.count, top: plot.minY + headHeight, bottom: plot.maxY, paddingInner: 0)
        let rowLabels = RowLabels(placements.map(\.label), ctx: ctx, rowStep: rows.step, maxWidth: guess.width)
        let bodyBottom = rows.start(placements.count - 1) + rows.step
        rowLabels.draw(centers: placements.indices.map { rows.center($0) }, right: left - gap, ctx: ctx, into: &d)

        // Alternate faint column shading makes the stages readable as bands without heavy rules.
        for l in 0..<levels where l % 2 == 0 {
            d.fill(.rect(Rect(x: cols.start(l), y: plot.minY, width: cols.bandwidth, height: bodyBottom - plot.minY)), theme.missingFill)
        }
        for l in 0..<levels {
            let cx = cols.center(l)
            d.text(ctx.run("\(l + 1)", font: numberFont, color: theme.text, x: cx, y: plot.minY + 2 * s, anchor: .middle, baseline: .top))
            for (k, line) in (keyed ? [] : heads.lines[l]).enumerated() {
                d.text(ctx.run(line, font: heads.font, color: theme.muted, x: cx,
                               y: plot.minY + 2 * s + numberFont.lineBoxHeight + Double(k) * heads.pitch, anchor: .middle, baseline: .top))
            }
        }

        let colors = SeriesColors.groupColors(placements.map(\.group), theme: theme)
        let edge: (Double) -> Double = { level in cols.start(0) + (level - 1) * cols.step }
        let inset = min(3 * s, cols.step * 0.08)
        // Blocks take half the row but stay slim on a tall slide, where extra room belongs to the gaps.
        let thickness = min(rows.step * 0.52, theme.labelFont.lineBoxHeight * 1.3)
        for (i, p) in placements.enumerated() {
            let cy = rows.center(i)
            let low = max(1, min(p.low, p.high)), high = max(p.low, p.high)
            let x0 = edge(low) + inset, x1 = edge(high + 1) - inset
            if low > 1 {
                let track = Rect(x: edge(1) + inset, y: cy - thickness * 0.18, width: max(0, x0 - edge(1) - 2 * inset), height: thickness * 0.36)
                d.fill(.roundedRect(track, radius: track.height / 2), theme.tint(colors[i], 0.72))
            }
            let block = Rect(x: x0, y: cy - thickness / 2, width: max(1, x1 - x0), height: thickness)
            d.fill(.roundedRect(block, radius: min(thickness * 0.25, 3 * s)), colors[i])
            if let target = p.target, target > high {
                let tip = Point(edge(target) + cols.step / 2, cy)
                let lw = theme.lineWidth * 1.2
                d.stroke(.line(from: Point(x1 + 2 * s, cy), to: Point(tip.x - thickness * 0.5, cy)), colors[i], width: lw, dash: [lw * 3, lw * 2])
                d.fill(Arrowhead.path(tip: tip, size: thickness * 0.55), colors[i])
            }
        }
        return bodyBottom
    }
}
