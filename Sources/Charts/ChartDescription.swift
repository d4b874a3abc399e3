import Model

/// A short text alternative of a chart, written from its data in the chart's language: what kind of chart,
/// what it shows, and what a sighted reader sees first (who leads, who moved, ties). Screen readers read it
/// instead of the drawing (tagged PDF `/Alt`), and exported images carry it (SVG `<title>`/`<desc>`, PNG iTXt).
public struct ChartDescription: Sendable {
    public let chart: ChartSpec
    /// At most this many entities are named, so the text stays short.
    public var maxNamed = 5
    public init(_ chart: ChartSpec) { self.chart = chart }

    var zh: Bool { Language.isChinese(chart.language) }
    var format: ChartNumberFormat { ChartNumberFormat(language: chart.language) }

    /// The title line: number and title ("图 1 埃森哲…" / "Figure 1 Accenture …").
    public var title: String {
        [chart.number, chart.title].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The whole alternative text: kind, title, size, then the rank-aware findings.
    public var text: String {
        var parts = [kindName + (zh ? "，" : ", ") + (title.isEmpty ? chart.subtitle : title)]
        let findings = self.findings
        if !scope.isEmpty { parts.append(scope) }
        parts += findings
        parts += references
        parts += bands
        parts += callouts
        let joined = parts.filter { !$0.isEmpty }.joined(separator: zh ? "；" : "; ")
        return joined + (zh ? "。" : ".")
    }

    /// "虚线为参考线：国际中位数 0.72" / "dashed line: International median 0.72", one per reference line.
    var references: [String] {
        chart.references.map { zh ? "虚线为参考线：\($0.label)" : "dashed line: \($0.label)" }
    }

    /// "阴影带：无缝阶段（0.75–1）" / "shaded band: Seamless stage (0.75–1)", one per band, with what it spans.
    var bands: [String] {
        chart.bands.map { band in
            let span: String
            switch band.extent {
            case .values:
                let range = band.valueRange ?? 0...0
                let (a, b) = (format.label(range.lowerBound, preformatted: nil), format.label(range.upperBound, preformatted: nil))
                let ranks = chart.valuesAreRanks || chart.kind == .bump
                if a == b {
                    span = ranks ? (zh ? "第\(a)名" : "rank \(a)") : a
                } else {
                    span = ranks ? (zh ? "第\(a)–\(b)名" : "ranks \(a)–\(b)") : "\(a)–\(b)"
                }
            case .periods:
                let range = band.periodRange ?? 0...0
                let name = { (k: Int) in k < chart.categories.count ? chart.categories[k] : "" }
                span = range.lowerBound == range.upperBound ? name(range.lowerBound) : name(range.lowerBound) + "–" + name(range.upperBound)
            }
            let label = band.label.isEmpty ? "" : band.label + (zh ? "" : " ")
            return zh ? "阴影带：\(label)（\(span)）" : "shaded band: \(label)(\(span))"
        }
    }

    /// "标注（甲国，2003）：text" / "note at Aland, 2003: text", one per callout.
    var callouts: [String] {
        chart.callouts.map { callout in
            let entity = chart.series.first { $0.id == callout.series }?.label ?? callout.series
            let category = callout.category < chart.categories.count && chart.categories.count > 1 ? chart.categories[callout.category] : ""
            let at = category.isEmpty ? entity : entity + (zh ? "，" : ", ") + category
            return zh ? "标注（\(at)）：\(callout.text)" : "note at \(at): \(callout.text)"
        }
    }

    var kindName: String {
        switch chart.kind {
        case .bump: return zh ? "排名变化图" : "Bump chart"
        case .bar: return zh ? "条形图" : "Bar chart"
        case .groupedBar: return zh ? "分组条形图" : "Grouped bar chart"
        case .slope: return zh ? "斜率图" : "Slope chart"
        case .dumbbell: return zh ? "哑铃图" : "Dumbbell chart"
        case .dot: return zh ? "点图" : "Dot chart"
        case .line: return zh ? "折线图" : "Line chart"
        case .heatmap: return zh ? "热力图" : "Heat map"
        case .stageLadder: return zh ? "阶段阶梯图" : "Stage ladder"
        case .timeline: return zh ? "时间轴" : "Timeline"
        }
    }

    /// "2000–2003, 5 countries" style scope: the category range and how many entities.
    var scope: String {
        let count = chart.kind == .stageLadder ? chart.placements.count
                  : chart.kind == .timeline ? chart.timeline.lanes.count : chart.series.count
        guard count > 0 else { return zh ? "无数据" : "no data" }
        var range = ""
        if [.bump, .line, .slope].contains(chart.kind), let first = chart.categories.first, let last = chart.categories.last {
            range = first == last ? first : first + "–" + last
        }
        let entities = zh ? "\(count)个对象" : (count == 1 ? "1 entity" : "\(count) entities")
        return range.isEmpty ? entities : range + (zh ? "，" : ", ") + entities
    }

    var findings: [String] {
        switch chart.kind {
        case .bump, .line, .slope: return trends
        case .bar: return ranking(category: 0)
        case .stageLadder: return stages
        case .timeline: return milestones
        case .groupedBar, .dot, .dumbbell, .heatmap: return perEntity
        }
    }

    /// Per lane (at most `maxNamed`): how many marks, and the first and the last with their dates.
    var milestones: [String] {
        let numbered = chart.timeline.numbered
        return chart.timeline.lanes.enumerated().prefix(maxNamed).compactMap { index, lane -> String? in
            let marks = numbered.filter { $0.lane == index }
            guard let first = marks.first, let last = marks.last else { return nil }
            let firstText = zh ? "\(first.date)\(first.text)" : "\(first.date) \(first.text)"
            if marks.count == 1 { return zh ? "\(lane.label)：\(firstText)" : "\(lane.label): \(firstText)" }
            let lastText = zh ? "\(last.date)\(last.text)" : "\(last.date) \(last.text)"
            return zh ? "\(lane.label)\(marks.count)项，从\(firstText)到\(lastText)"
                      : "\(lane.label), \(marks.count) marks, from \(firstText) to \(lastText)"
        }
    }

    /// Series in reading priority: focus series first, then in the order given.
    var named: [ChartSeries] {
        let focus = chart.series.filter(\.focus)
        return Array((focus.isEmpty ? chart.series : focus).prefix(maxNamed))
    }

    func value(_ series: ChartSeries, _ index: Int) -> String {
        guard let v = SeriesData.value(series, index) else { return ChartNumberFormat.missing }
        if chart.valuesAreRanks { return rank(v) }
        return format.label(v, preformatted: SeriesData.valueLabel(series, index))
    }

    func rank(_ value: Double) -> String {
        let n = Int(value.rounded())
        if zh { return "第\(n)名" }
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// Over periods: where each named series starts and ends, and ties for first place.
    var trends: [String] {
        let count = SeriesData.categoryCount(chart)
        var out: [String] = []
        for series in named {
            let seen = SeriesData.observations(series, count: count)
            guard let first = seen.first, let last = seen.last else { continue }
            let from = value(series, first.index), to = value(series, last.index)
            let fromPeriod = SeriesData.category(chart, first.index), toPeriod = SeriesData.category(chart, last.index)
            if first.index == last.index {
                out.append(zh ? "\(series.label)\(fromPeriod)年\(from)" : "\(series.label) \(from) in \(fromPeriod)")
            } else if first.value == last.value {
                out.append(zh ? "\(series.label)保持\(from)" : "\(series.label) steady at \(from)")
            } else {
                let better = chart.valuesAreRanks ? last.value < first.value : last.value > first.value
                if zh {
                    out.append("\(series.label)从\(fromPeriod)年\(from)\(better ? "升至" : "降至")\(toPeriod)年\(to)")
                } else {
                    out.append("\(series.label) \(better ? "up" : "down") from \(from) to \(to)")
                }
            }
        }
        if chart.valuesAreRanks { out += ties }
        return out
    }

    /// Periods where two or more series share rank 1.
    var ties: [String] {
        var out: [String] = []
        for index in 0..<SeriesData.categoryCount(chart) {
            let leaders = chart.series.filter { SeriesData.value($0, index) == 1 }
            guard leaders.count > 1 else { continue }
            let names = leaders.map(\.label).joined(separator: zh ? "、" : " and ")
            let period = SeriesData.category(chart, index)
            out.append(zh ? "\(period)年\(names)并列第1名" : "\(names) tied 1st in \(period)")
        }
        return out
    }

    /// One category ranked best first: the leader and the last, with values.
    func ranking(category index: Int) -> [String] {
        let valued = chart.series.compactMap { s in SeriesData.value(s, index).map { (s, $0) } }
        let sorted = valued.sorted { chart.valuesAreRanks ? $0.1 < $1.1 : $0.1 > $1.1 }
        let shown = sorted.prefix(maxNamed).map { zh ? "\($0.0.label)\(value($0.0, index))" : "\($0.0.label) \(value($0.0, index))" }
        var out = shown.isEmpty ? [] : [(zh ? "从高到低：" : "highest first: ") + shown.joined(separator: zh ? "，" : ", ")]
        if sorted.count > maxNamed, let last = sorted.last {
            out.append(zh ? "最低为\(last.0.label)\(value(last.0, index))" : "lowest \(last.0.label) \(value(last.0, index))")
        }
        return out
    }

    /// Several categories per entity: each named entity's values in category order.
    var perEntity: [String] {
        let count = SeriesData.categoryCount(chart)
        return named.map { series in
            let values = (0..<count).map { i -> String in
                let category = SeriesData.category(chart, i)
                return category.isEmpty ? value(series, i) : (zh ? "\(category)为\(value(series, i))" : "\(category) \(value(series, i))")
            }
            return series.label + (zh ? "：" : ": ") + values.joined(separator: zh ? "，" : ", ")
        }
    }

    /// Each placement's stage or stage range, and its target when there is one.
    var stages: [String] {
        func name(_ level: Double) -> String {
            let i = Int(level.rounded()) - 1
            return chart.stageNames.indices.contains(i) ? chart.stageNames[i] : format.format(level)
        }
        return chart.placements.prefix(maxNamed).map { p in
            var s = p.label + (zh ? "：" : ": ") + (p.low == p.high ? name(p.low) : name(p.low) + "–" + name(p.high))
            if let target = p.target { s += zh ? "，目标\(name(target))" : ", target \(name(target))" }
            return s
        }
    }
}
