import Charts
import Geometry
import Model
import Spec

extension ReportBuilder {
    /// Puts the rows of a row chart (bar, dot, grouped bar, dumbbell, heat map) in the section's order and tells
    /// the chart to keep it. The default leads with the chart's first column: the first indicator in the last
    /// period shown (or each entity's latest value), best first.
    mutating func orderRows(_ chart: inout ChartSpec, _ c: ChartSectionSpec, selected: [Entity], indicators: [Indicator], periods: [Period]) {
        guard SortSpec.chartKinds.contains(c.kind), !chart.series.isEmpty else { return }
        let lead: Indicator?
        let column: Int
        switch c.kind {
        case .heatmap where indicators.count == 1:
            lead = indicators.first
            column = max(0, chart.categories.count - 1)
        case .dumbbell where c.relation != nil:
            lead = c.relation.flatMap { id in dataset.relations.first { $0.id == id } }.flatMap { dataset.indicator($0.stated) }
            column = 0
        default:
            lead = indicators.first
            column = max(1, periods.count) - 1
        }
        let byID = Dictionary(chart.series.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var shown: [String: Period] = [:]
        if let last = periods.max() { for x in indicators { shown[x.id] = last } }
        let order = ordered(selected, sort: c.sort, selection: c.entities, shown: shown, primary: lead.map { x in
            (x, { e in byID[e.id].flatMap { column < $0.values.count ? $0.values[column] : nil } })
        })
        let position = Dictionary(order.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        chart.series.sort { (position[$0.id] ?? Int.max) < (position[$1.id] ?? Int.max) }
        chart.rowsInGivenOrder = true
    }

    /// Shows a bump chart's rank window: entities never ranked inside it in the periods shown are left out, and
    /// the chart clips the rest to it. Returns false (with an error, or a warning for an optional chart) when no
    /// entity is ranked inside the window.
    mutating func applyRankWindow(_ window: RankWindow, to chart: inout ChartSpec, _ c: ChartSectionSpec) -> Bool {
        let inside = { (v: Double?) in v.map { $0 >= Double(window.best) && $0 <= Double(window.worst) } ?? false }
        chart.series = chart.series.filter { $0.values.contains(where: inside) }
        chart.rankWindow = window.range
        guard chart.series.isEmpty else { return true }
        let message = "chart '\(c.id)': no entity is ranked \(window.best)–\(window.worst) in the periods shown"
        let hint = "widen ranks:, or select entities ranked inside it"
        diagnostics.append(c.optional ? .warning(message + "; the chart is optional and left out", at: c.location, hint: hint, code: .emptyWindow)
                                      : .error(message, at: c.location, hint: hint, code: .emptyWindow))
        return false
    }
}
