import Geometry
import Layout
import Model
import Spec

/// A matrix-table column computed from the data (docs/SPEC.md, "Computed columns"): its two header lines (what is
/// computed; the periods compared) and one cell per row. Missing inputs give "—", never 0.
struct ComputedColumn: Sendable {
    var indicator: Indicator
    var title: String
    /// The periods it compares ("2001→2003") or the period it is taken in.
    var subtitle: String
    var cells: [String: TableCell]
    /// Says what group a reference, rank or total is taken over.
    var note: String?
    /// Some row has no value ("—").
    var missing: Bool
    /// Each row's computed number, for `sort: {column: …}`: the change (later − earlier), the difference, the
    /// place or the share; absent where the cell shows "—".
    var values: [String: Double] = [:]
    /// Whether best first means smallest first: a fall in rank, a lower-better indicator's difference, place 1.
    var bestIsSmallest = false
}

extension ReportBuilder {
    /// Resolves a computed column over the table's rows; nil (with a located error) when it cannot be computed.
    mutating func computedColumn(_ c: ComputedColumnSpec, label: SpecText?, decimals: Int?, rows: [Entity]) -> ComputedColumn? {
        guard let x = indicator(c.indicator, at: c.location) else { return nil }
        guard x.unit.isNumeric, x.unit != .stage else {
            diagnostics.append(.error("a '\(c.kind.rawValue)' column needs a numeric indicator; \(x.id) has unit \(x.unit.rawValue)", at: c.location,
                                      hint: "compute changes, differences, ranks and shares of rank, count, percent, number or currency indicators", code: .badValue))
            return nil
        }
        if c.kind == .share, ![.count, .number, .currency].contains(x.unit) {
            diagnostics.append(.error("a share of the total needs a count, number or currency indicator; \(x.id) has unit \(x.unit.rawValue)", at: c.location,
                                      hint: "shares add up to 100%, so they are taken of quantities, not of ranks or percentages", code: .badValue))
            return nil
        }
        if (c.kind == .groupRank || c.reference == .best), x.direction == .none {
            diagnostics.append(.error("\(c.kind == .groupRank ? "a rank within a group" : "'to: best'") needs an indicator with a direction; \(x.id) has direction none",
                                      at: c.location, hint: "declare direction: higher-better or lower-better in indicators.yaml, or use median or mean", code: .badValue))
            return nil
        }
        guard let period = knownPeriod(c.period, of: x, at: c.location) else { return nil }
        let labelText = label.map { render($0) } ?? x.label.resolve(language)
        func value(_ id: String, _ p: Period) -> Double? { dataset.observation(entity: id, indicator: x.id, period: p)?.value.number }
        var cells: [String: TableCell] = [:]
        var values: [String: Double] = [:]
        var missing = false
        // Arrows and places are centred (like ranks); signed amounts and shares line up on the decimal point.
        let aligned: CellAlignment = c.kind == .change || c.kind == .groupRank ? .center : .decimal
        func put(_ id: String, _ text: String?, _ number: Double?) {
            if text == nil { missing = true }
            cells[id] = TableCell(text ?? ValueFormatter.missing, alignment: text == nil ? .center : aligned)
            if text != nil { values[id] = number }
        }
        /// The column with its sort values; best first is direction-aware (a share: the largest first).
        func finished(_ column: ComputedColumn) -> ComputedColumn {
            var out = column
            out.values = values
            out.bestIsSmallest = c.kind == .groupRank || (c.kind != .share && EntityOrder.bestIsSmallest(x))
            return out
        }
        func minus(_ a: Double?, _ b: Double?) -> Double? { a.flatMap { a in b.map { a - $0 } } }
        switch c.kind {
        case .change:
            guard let from = knownPeriod(c.from, of: x, at: c.location) else { return nil }
            for e in rows {
                put(e.id, changeText(from: value(e.id, from), to: value(e.id, period), x, decimals: decimals), minus(value(e.id, period), value(e.id, from)))
            }
            return finished(ComputedColumn(indicator: x, title: label.map { render($0) } ?? words(.changeColumn, labelText),
                                  subtitle: words(.periodToPeriod, from.display(language), period.display(language)), cells: cells,
                                  note: x.direction == .none ? nil : words(.changeNote), missing: missing))
        case .difference:
            let (group, groupText) = computedGroup(c.among, rows: rows)
            let stats = GroupStatistics(indicator: x, period: period, entities: group, dataset: dataset)
            let reference: Double?, referenceWord: String
            switch c.reference ?? .median {
            case .entity(let id):
                guard let e = dataset.entity(id) else {
                    diagnostics.append(.error("'to: \(id)' is neither median, mean, best nor an entity", at: c.location,
                                              hint: Suggestion.hint(for: id, in: ["median", "mean", "best"] + dataset.entities.map(\.id)) ?? "use median, mean, best or an entity id",
                                              code: .unknownEntity))
                    return nil
                }
                reference = value(id, period)
                referenceWord = e.name(language)
            case let r:
                reference = stats.reference(r)
                referenceWord = words(r == .median ? .referenceMedian : r == .mean ? .referenceMean : .referenceBest)
            }
            if reference == nil {
                diagnostics.append(.warning("the reference of '\(c.kind.rawValue): \(x.id)' has no value in \(period); the column shows “—”", at: c.location,
                                            code: .emptyColumn))
            }
            for e in rows { put(e.id, signedDifference(value(e.id, period), reference, x, decimals: decimals), minus(value(e.id, period), reference)) }
            let note: String? = { if case .entity = c.reference { return nil } else { return groupNote(referenceWord, groupText, stats.count) } }()
            return finished(ComputedColumn(indicator: x, title: label.map { render($0) } ?? words(.differenceColumn, labelText, referenceWord),
                                           subtitle: period.display(language), cells: cells, note: note, missing: missing))
        case .groupRank:
            let (group, groupText) = computedGroup(c.among, rows: rows)
            let stats = GroupStatistics(indicator: x, period: period, entities: group, dataset: dataset)
            for e in rows { put(e.id, stats.rank(of: e.id).map(String.init), stats.rank(of: e.id).map(Double.init)) }
            return finished(ComputedColumn(indicator: x, title: label.map { render($0) } ?? words(.groupRankColumn, labelText), subtitle: period.display(language),
                                           cells: cells, note: groupNote(words(.referenceRank), groupText, stats.count), missing: missing))
        case .share:
            let (group, groupText) = computedGroup(c.among, rows: rows)
            let stats = GroupStatistics(indicator: x, period: period, entities: group, dataset: dataset)
            for e in rows {
                let share = stats.share(of: e.id, value: value(e.id, period))
                put(e.id, share.map { NumberFormatting.grouped($0, decimals: decimals ?? 1, separator: formatter.separator) + "%" }, share)
            }
            return finished(ComputedColumn(indicator: x, title: label.map { render($0) } ?? words(.shareColumn, labelText), subtitle: period.display(language),
                                           cells: cells, note: groupNote(words(.referenceTotal), groupText, stats.count), missing: missing))
        }
    }

    /// A period the indicator has data for; an error naming the periods that have data otherwise.
    mutating func knownPeriod(_ text: String?, of x: Indicator, at location: SourceLocation) -> Period? {
        guard let text, let period = Period(text) else { return nil }
        let periods = dataset.periods(indicator: x.id)
        guard periods.contains(period) else {
            diagnostics.append(.error("no \(x.id) data in \(text)", at: location,
                                      hint: periods.isEmpty ? "\(x.id) has no observations" : "periods with data: \(periods.map(\.description).joined(separator: ", "))",
                                      code: .badPeriod))
            return nil
        }
        return period
    }

    /// The entities a reference, rank or total is taken over (`among:`, or the table's rows) and how to name them.
    mutating func computedGroup(_ among: EntitySelection?, rows: [Entity]) -> ([Entity], String) {
        guard let among else { return (rows, words(.groupOfRows)) }
        let group = entities(among)
        if among.ids.isEmpty, among.kinds.isEmpty, among.top == nil, among.tags.count == 1, let tag = among.tags.first {
            let declared = spec.groups.first { $0.tag == tag }?.label.resolve(language)
            return (group, declared.map(words.midSentence) ?? words(.groupTagged, tag))
        }
        return (group, words.list(group.map { $0.name(language) }))
    }

    func groupNote(_ what: String, _ group: String, _ count: Int) -> String {
        words(.computedGroupNote, what, words(.groupCount, group, String(count)))
    }

    /// "▲ 3" (better), "▼ 2" (worse), "=" (unchanged), "—" (a period missing). For an indicator without a direction,
    /// the signed change ("+0.05").
    func changeText(from a: Double?, to b: Double?, _ x: Indicator, decimals: Int?) -> String? {
        guard let a, let b else { return nil }
        let delta = b - a
        if delta == 0 { return "=" }   // not "–", which is too close to "—" (no data)
        let amount = computedNumber(abs(delta), x, decimals: decimals)
        switch x.direction {
        case .lowerBetter: return (delta < 0 ? "▲ " : "▼ ") + amount
        case .higherBetter: return (delta > 0 ? "▲ " : "▼ ") + amount
        case .none: return (delta > 0 ? "+" : "−") + amount
        }
    }

    /// value − reference with its sign: "+0.05", "−3", "0".
    func signedDifference(_ value: Double?, _ reference: Double?, _ x: Indicator, decimals: Int?) -> String? {
        guard let value, let reference else { return nil }
        let delta = value - reference
        if delta == 0 { return "0" }
        return (delta > 0 ? "+" : "−") + computedNumber(abs(delta), x, decimals: decimals)
    }

    /// A computed amount in the indicator's precision (more decimals only where rounding would change it), or
    /// with the column's `format: {decimals}`.
    func computedNumber(_ n: Double, _ x: Indicator, decimals: Int?) -> String {
        guard let decimals else { return formatter.statistic(n, indicator: x) }
        return NumberFormatting.grouped(n, decimals: decimals, separator: formatter.separator) + (x.unit == .percent ? "%" : "")
    }
}
