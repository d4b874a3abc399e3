import Charts
import Model
import Spec

extension ReportBuilder {
    /// Resolves a chart's shaded bands and callouts against what it draws: band periods and callout marks must be
    /// among the chart's periods, entities and values. False (with an error at the key) when one is not.
    mutating func applyAnnotations(_ c: ChartSectionSpec, to chart: inout ChartSpec, indicators: [Indicator]) -> Bool {
        var ok = true
        for b in c.bands {
            if let band = chartBand(b, c, chart: chart) { chart.bands.append(band) } else { ok = false }
        }
        for callout in c.callouts {
            if let resolved = chartCallout(callout, c, chart: chart, indicators: indicators) { chart.callouts.append(resolved) } else { ok = false }
        }
        return ok
    }

    private mutating func chartBand(_ b: ChartBandSpec, _ c: ChartSectionSpec, chart: ChartSpec) -> ChartBand? {
        let label = b.label.map { render($0) } ?? ""
        switch b.extent {
        case .values(let from, let to):
            if chart.valuesAreRanks || chart.kind == .bump, min(from, to) < 1 {
                diagnostics.append(.error("chart '\(c.id)': a band of ranks must start at rank 1 or more, got \(NumberFormatting.plain(min(from, to)))",
                                          at: b.location, hint: "the chart shows ranks; give ranks, e.g. {from: 1, to: 5, label: Top 5}", code: .badValue))
                return nil
            }
            if let window = chart.rankWindow, min(from, to) < Double(window.lowerBound) || max(from, to) > Double(window.upperBound) {
                diagnostics.append(.error("chart '\(c.id)': the band of ranks \(NumberFormatting.plain(min(from, to)))–\(NumberFormatting.plain(max(from, to))) reaches outside the rank window \(window.lowerBound)-\(window.upperBound)",
                                          at: b.location, hint: "widen ranks: to include it, or narrow the band", code: .badChart))
                return nil
            }
            return ChartBand(extent: .values(from, to), label: label)
        case .periods(let first, let last):
            guard let a = periodIndex(first, in: chart, c, at: b.location), let z = periodIndex(last, in: chart, c, at: b.location) else { return nil }
            return ChartBand(extent: .periods(a, z), label: label)
        }
    }

    /// The index of a period among a line or bump chart's periods; nil (with an error) when the chart has no such period.
    private mutating func periodIndex(_ text: String, in chart: ChartSpec, _ c: ChartSectionSpec, at location: SourceLocation) -> Int? {
        if let p = Period(text), let k = chart.periods.firstIndex(of: p) { return k }
        let shown = chart.periods.compactMap { $0?.description }
        diagnostics.append(.error("chart '\(c.id)': period \(text) is not among the chart's periods", at: location,
                                  hint: shown.isEmpty ? "the chart has no periods" : "the chart shows \(shown.joined(separator: ", "))", code: .badPeriod))
        return nil
    }

    private mutating func chartCallout(_ co: ChartCalloutSpec, _ c: ChartSectionSpec, chart: ChartSpec, indicators: [Indicator]) -> ChartCallout? {
        guard let series = chart.series.first(where: { $0.id == co.entity }) else {
            let known = dataset.entity(co.entity) != nil
            diagnostics.append(.error("chart '\(c.id)': callout entity '\(co.entity)' is \(known ? "not drawn in this chart" : "unknown")", at: co.entityLocation,
                                      hint: Suggestion.hint(for: co.entity, in: chart.series.map(\.id)) ?? "the chart draws \(chart.series.map(\.id).prefix(12).joined(separator: ", "))",
                                      code: .unknownEntity))
            return nil
        }
        let category: Int
        switch chart.kind {
        case .line, .bump:
            if let p = co.period {
                guard let k = periodIndex(p, in: chart, c, at: co.periodLocation) else { return nil }
                category = k
            } else if chart.categories.count == 1 {
                category = 0
            } else {
                diagnostics.append(.error("chart '\(c.id)': a callout on a chart over periods needs 'period'", at: co.location,
                                          hint: "add period: — one of \(chart.periods.compactMap { $0?.description }.joined(separator: ", "))", code: .missingKey))
                return nil
            }
        default:
            guard let k = columnIndex(co, c, indicators: indicators) else { return nil }
            category = k
        }
        guard category < series.values.count, series.values[category] != nil else {
            diagnostics.append(.error("chart '\(c.id)': \(co.entity) has no value \(co.period.map { "in \($0) " } ?? "")to attach the callout to", at: co.location,
                                      hint: "attach it to a value the chart draws", code: .emptyValue))
            return nil
        }
        if chart.kind == .bump || chart.valuesAreRanks, let window = chart.rankWindow, let v = series.values[category], !window.contains(Int(v.rounded())) {
            diagnostics.append(.error("chart '\(c.id)': \(co.entity)'s rank \(NumberFormatting.plain(v)) lies outside the rank window \(window.lowerBound)-\(window.upperBound)",
                                      at: co.location, hint: "widen ranks: to include it, or attach the callout to another period", code: .badChart))
            return nil
        }
        return ChartCallout(series: series.id, category: category, text: render(co.text))
    }

    /// The category of a callout on a bar, dot or grouped-bar chart: columns are indicators × the chart's periods
    /// (or each entity's latest value when it names none).
    private mutating func columnIndex(_ co: ChartCalloutSpec, _ c: ChartSectionSpec, indicators: [Indicator]) -> Int? {
        var x = 0
        if let id = co.indicator {
            guard let k = indicators.firstIndex(where: { $0.id == id }) else {
                diagnostics.append(.error("chart '\(c.id)': callout indicator '\(id)' is not drawn in this chart", at: co.location,
                                          hint: "the chart draws \(indicators.map(\.id).joined(separator: ", "))", code: .unknownIndicator))
                return nil
            }
            x = k
        } else if indicators.count > 1 {
            diagnostics.append(.error("chart '\(c.id)': a callout on a chart of several indicators needs 'indicator'", at: co.location,
                                      hint: "add indicator: — one of \(indicators.map(\.id).joined(separator: ", "))", code: .missingKey))
            return nil
        }
        let periods = c.periods.compactMap { Period($0) }
        guard let text = co.period else {
            if periods.count > 1 {
                diagnostics.append(.error("chart '\(c.id)': a callout on a chart of several periods needs 'period'", at: co.location,
                                          hint: "add period: — one of \(c.periods.joined(separator: ", "))", code: .missingKey))
                return nil
            }
            return c.kind == .bar ? 0 : x * max(1, periods.count)
        }
        let period = Period(text)
        if periods.isEmpty {
            // The chart draws each entity's latest value: the callout's period must be that one.
            let latest = indicators.indices.contains(x) ? dataset.latest(entity: co.entity, indicator: indicators[x].id)?.period : nil
            guard let period, period == latest else {
                diagnostics.append(.error("chart '\(c.id)': \(co.entity)'s value in the chart is from \(latest?.description ?? "no period"), not \(text)",
                                          at: co.periodLocation, hint: "leave period: out (the chart has one value per entity) or write period: \(latest?.description ?? "…")",
                                          code: .badPeriod))
                return nil
            }
            return c.kind == .bar ? 0 : x
        }
        guard let period, let p = periods.firstIndex(of: period) else {
            diagnostics.append(.error("chart '\(c.id)': period \(text) is not among the chart's periods", at: co.periodLocation,
                                      hint: "the chart shows \(c.periods.joined(separator: ", "))", code: .badPeriod))
            return nil
        }
        return c.kind == .bar ? 0 : x * periods.count + p
    }
}
