import Geometry
import Model
import Spec

/// Applies a selection window (`top: {indicator, period | since, n | ranks}`): the best N of a pool, or every
/// entity ranked K or better, in one period or in any period from `since` on.
///
/// Ranks are the indicator's own when it is a rank; for values they are competition ranks within the pool,
/// direction-aware (equal values share a rank). The best N breaks ties at the cut by entity id, so a report
/// selects the same entities in every language. A window that selects nothing is an error (`empty-window`) at
/// the window; sections that are `optional` turn it into a warning and are left out.
///
/// With `per: parent` (or `per: group`) the window is applied within each parent's members (each declared group)
/// of the pool: the best N of each, ranks counted within each. Entities without a parent (in no declared group)
/// form one more partition.
struct EntityWindow {
    let dataset: Dataset
    /// The tags of the report's declared `groups:`, in order (for `per: group`).
    var groups: [String] = []

    func select(_ window: TopSelection, from pool: [Entity], at location: SourceLocation?, diagnostics: inout [Diagnostic]) -> [Entity] {
        guard let indicator = dataset.indicator(window.indicator) else {
            diagnostics.append(.error("unknown indicator '\(window.indicator)'", at: location,
                                      hint: Suggestion.hint(for: window.indicator, in: dataset.indicators.map(\.id)), code: .unknownIndicator))
            return []
        }
        guard indicator.unit.isNumeric, indicator.unit != .stage else {
            diagnostics.append(.error("'top' needs an indicator with numbers, but '\(indicator.id)' has unit \(indicator.unit.rawValue)", at: location,
                                      hint: "use a rank or a value indicator", code: .badValue))
            return []
        }
        let known = dataset.periods(indicator: indicator.id)
        let knownText = known.map { $0.description }.joined(separator: ", ")
        // The periods looked at: one given period, every period from `since` on, or each entity's latest.
        var periods: [Period?] = [nil]
        if let text = window.period, let period = Period(text) {
            guard known.contains(period) else {
                diagnostics.append(.error("\(indicator.id) has no data for \(text)", at: location,
                                          hint: known.isEmpty ? "\(indicator.id) has no observations" : "its periods are \(knownText)", code: .badPeriod))
                return []
            }
            periods = [period]
        } else if let text = window.since, let since = Period(text) {
            periods = known.filter { $0 >= since }
            guard !periods.isEmpty else {
                diagnostics.append(.error("\(indicator.id) has no data since \(text)", at: location,
                                          hint: known.isEmpty ? "\(indicator.id) has no observations" : "its periods are \(knownText)", code: .badPeriod))
                return []
            }
        }
        if window.per == .group, groups.isEmpty {
            diagnostics.append(.error("'per: group' needs the report's declared groups, but it declares none", at: location,
                                      hint: "declare groups: {TAG: LABEL, …} at the top of the spec, or use per: parent", code: .badValue))
            return []
        }
        var chosen: Set<String> = []
        var bestSeen: Double?
        for part in partitions(pool, by: window.per) {
            for period in periods {
                let valued: [(Entity, Double)] = part.compactMap { e in
                    let o = period.map { dataset.observation(entity: e.id, indicator: indicator.id, period: $0) } ?? dataset.latest(entity: e.id, indicator: indicator.id)
                    return o?.value.number.map { (e, $0) }
                }
                let ranked = rank(valued, indicator, ownRanks: window.per == nil)
                if let best = ranked.first?.rank { bestSeen = min(bestSeen ?? best, best) }
                if let n = window.count {
                    chosen.formUnion(ranked.prefix(n).map(\.entity.id))
                } else if let k = window.ranks {
                    chosen.formUnion(ranked.filter { $0.rank <= Double(k) }.map(\.entity.id))
                }
            }
        }
        let out = pool.filter { chosen.contains($0.id) }
        if out.isEmpty {
            let when = window.period.map { " in \($0)" } ?? window.since.map { " since \($0)" } ?? ""
            let what = window.ranks.map { "ranked \($0) or better" } ?? "the best \(window.count ?? 0)"
            let hint: String
            if let best = bestSeen {
                hint = "the best rank\(when) among the entities it looks at is \(NumberFormatting.plain(best))"
            } else {
                hint = "none of the entities it looks at has \(indicator.id) data\(when)"
            }
            diagnostics.append(.error("the window '\(what) by \(indicator.id)\(when)' selects no entity", at: location,
                                      hint: hint, code: .emptyWindow))
        }
        return out
    }

    /// The pool split by parent or declared group (in order of first appearance); the whole pool when `per` is nil.
    func partitions(_ pool: [Entity], by per: Partition?) -> [[Entity]] {
        guard let per else { return [pool] }
        var keys: [String] = []
        var parts: [String: [Entity]] = [:]
        for e in pool {
            let key = per == .parent ? (e.parent ?? "") : (groups.first { e.tags.contains($0) } ?? "")
            if parts[key] == nil { keys.append(key) }
            parts[key, default: []].append(e)
        }
        return keys.compactMap { parts[$0] }
    }

    /// Best first, with each entity's rank: the value itself for a rank indicator (unless `ownRanks` is false, as
    /// within a parent or group), else its competition rank.
    func rank(_ valued: [(Entity, Double)], _ indicator: Indicator, ownRanks: Bool = true) -> [(entity: Entity, rank: Double)] {
        let lowerFirst = indicator.unit == .rank ? indicator.direction != .higherBetter : indicator.direction == .lowerBetter
        let sorted = valued.sorted { a, b in
            a.1 == b.1 ? a.0.id < b.0.id : (lowerFirst ? a.1 < b.1 : a.1 > b.1)
        }
        if indicator.unit == .rank && ownRanks { return sorted.map { ($0.0, $0.1) } }
        var out: [(entity: Entity, rank: Double)] = []
        for (i, item) in sorted.enumerated() {
            let rank = i > 0 && sorted[i - 1].1 == item.1 ? out[i - 1].rank : Double(i + 1)
            out.append((item.0, rank))
        }
        return out
    }
}
