import Charts
import Model
import Spec

extension ReportBuilder {
    /// Resolves a chart's reference lines (`reference:`): fixed values and group statistics of its indicator, each
    /// with its label in the indicator's number format. False (with an error at the reference) when one cannot be
    /// drawn honestly: a statistic without data, a rank outside the chart's rank window.
    mutating func applyReferences(_ c: ChartSectionSpec, to chart: inout ChartSpec, selected: [Entity], indicators: [Indicator],
                                  periods: [Period]) -> Bool {
        var ok = true
        for r in c.references {
            guard let (value, name) = referenceValue(r, c, chart: chart, selected: selected, indicators: indicators, periods: periods) else {
                ok = false
                continue
            }
            if chart.valuesAreRanks, value < 1 {
                diagnostics.append(.error("chart '\(c.id)': a reference rank must be 1 or more, got \(NumberFormatting.plain(value))", at: r.location,
                                          hint: "the chart shows ranks; give a rank, e.g. {value: 10, label: …}", code: .badValue))
                ok = false
                continue
            }
            if let window = chart.rankWindow, !(Double(window.lowerBound)...Double(window.upperBound)).contains(value) {
                diagnostics.append(.error("chart '\(c.id)': the reference line at rank \(NumberFormatting.plain(value)) lies outside the rank window \(window.lowerBound)-\(window.upperBound)",
                                          at: r.location, hint: "widen ranks: to include it, or leave the reference out", code: .badChart))
                ok = false
                continue
            }
            let number = indicators.count == 1 ? indicators.first.map { formatter.statistic(value, indicator: $0) } ?? NumberFormatting.plain(value)
                                               : NumberFormatting.plain(value)
            chart.references.append(ChartReference(value: value, label: name.isEmpty ? number : words(.referenceLineLabel, name, number)))
        }
        return ok
    }

    /// The value of a reference and its name (empty: a value without a label, shown as its number only).
    private mutating func referenceValue(_ r: ChartReferenceSpec, _ c: ChartSectionSpec, chart: ChartSpec, selected: [Entity],
                                         indicators: [Indicator], periods: [Period]) -> (Double, String)? {
        let label = r.label.map { render($0) }
        switch r.source {
        case .value(let v):
            return (v, label ?? "")
        case .statistic(let statistic):
            guard indicators.count == 1, let x = indicators.first else {
                diagnostics.append(.error("chart '\(c.id)': a \(statistic.rawValue) reference line needs a chart of one indicator, but this one draws \(indicators.count)",
                                          at: r.location, hint: "give a fixed value ({value: …}), or draw one indicator per chart", code: .badChart))
                return nil
            }
            if statistic == .best, x.direction == .none {
                diagnostics.append(.error("'statistic: best' needs an indicator with a direction; \(x.id) has direction none", at: r.location,
                                          hint: "declare direction: higher-better or lower-better in indicators.yaml, or use median or mean", code: .badValue))
                return nil
            }
            let group = r.among.map { entities($0) } ?? selected
            let period: Period
            if let text = r.period {
                guard let p = knownPeriod(text, of: x, at: r.location) else { return nil }
                period = p
            } else if let p = periods.last {
                // The chart's latest period (line, bump) or its period (bar, dot).
                period = p
            } else {
                // Values drawn are each entity's latest: take the latest period the group has data for.
                let ids = Set(group.map(\.id))
                guard let p = dataset.observations(indicator: x.id).filter({ ids.contains($0.entity) }).map(\.period).max() else {
                    diagnostics.append(.error("chart '\(c.id)': the \(statistic.rawValue) of \(x.id) has no data: no entity of its group (\(group.count)) has a value",
                                              at: r.location, hint: "check among: (\(group.count) entities), or give a fixed value", code: .emptyChart))
                    return nil
                }
                period = p
            }
            let stats = GroupStatistics(indicator: x, period: period, entities: group, dataset: dataset)
            let value: Double?
            switch statistic {
            case .median: value = stats.median
            case .mean: value = stats.mean
            case .best: value = stats.best
            }
            guard let value else {
                diagnostics.append(.error("chart '\(c.id)': the \(statistic.rawValue) of \(x.id) in \(period) has no data: no entity of its group (\(group.count)) has a value",
                                          at: r.location, hint: "give another period: or among:, or a fixed value", code: .emptyChart))
                return nil
            }
            if let label { return (value, label) }
            let name = referenceName(statistic, among: r.among, count: stats.count)
            // A chart over several periods says which one the statistic is taken in ("2003年国际中位数").
            return (value, chart.categories.count > 1 && (c.kind == .line || c.kind == .bump)
                ? words(.referenceLineInPeriod, name, period.inProse(language)) : name)
        }
    }

    /// "国际中位数" / "International median" for a declared group, "中位数" / "Median" over the chart's own entities,
    /// "中位数（n=5）" / "Median (n=5)" over another selection.
    private func referenceName(_ statistic: ChartReferenceSpec.Statistic, among: EntitySelection?, count: Int) -> String {
        let own: Phrase, grouped: Phrase
        switch statistic {
        case .median: (own, grouped) = (.referenceLineMedian, .referenceLineGroupMedian)
        case .mean: (own, grouped) = (.referenceLineMean, .referenceLineGroupMean)
        case .best: (own, grouped) = (.referenceLineBest, .referenceLineGroupBest)
        }
        guard let among else { return words(own) }
        if among.ids.isEmpty, among.kinds.isEmpty, among.top == nil, among.tags.count == 1, let tag = among.tags.first,
           let declared = spec.groups.first(where: { $0.tag == tag })?.label.resolve(language), !declared.isEmpty {
            return words(grouped, declared)
        }
        return words(.medianCount, words(own), String(count))
    }
}
