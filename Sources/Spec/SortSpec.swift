import Geometry
import Model

/// The order of a section's rows (`sort:`): by name, by an indicator's value in a period, or by a computed column.
///
/// `sort: name`, `sort: INDICATOR`, `sort: {by: INDICATOR|name, period: P, order: asc|desc}` or
/// `sort: {column: LABEL, order: asc|desc}` (a matrix table's computed column). Without `order` an indicator or a
/// computed column sorts best first (rank 1 first, the highest value of a higher-better indicator first, the
/// largest improvement first) and a name sorts A to Z; missing values always go last, and ties are broken by name
/// in the report language.
public struct SortSpec: Hashable, Sendable {
    public enum Key: Hashable, Sendable {
        case name
        case indicator(String)
        /// A computed column of the table, named by its label or by KIND:INDICATOR (`change:un.maturity`).
        case column(String)
    }
    public enum Order: String, Hashable, Sendable, CaseIterable {
        case asc
        case desc
    }
    public var key: Key
    /// The period whose values decide the order; nil: the period the section shows (the latest one).
    public var period: String?
    /// nil: best first for an indicator, A to Z for names.
    public var order: Order?
    public var location: SourceLocation
    public init(key: Key, period: String? = nil, order: Order? = nil, location: SourceLocation) {
        self.key = key; self.period = period; self.order = order; self.location = location
    }

    /// Table kinds whose rows are entities, so `sort:` can order them.
    public static let tableKinds: [TableSpec.Kind] = [.matrix, .relation, .observations]

    /// Chart kinds with a row per entity, so `sort:` can order them.
    public static let chartKinds: [ChartKind] = [.bar, .dot, .groupedBar, .dumbbell, .heatmap]
}

/// The ranks a bump chart shows (`ranks: 1-20`): lines are clipped to them and entries and exits are marked at
/// the window's edge.
public struct RankWindow: Hashable, Sendable {
    public var best: Int
    public var worst: Int
    public init(best: Int, worst: Int) { self.best = best; self.worst = worst }
    public var range: ClosedRange<Int> { best...worst }
}

extension SpecReader {
    /// `sort: name | INDICATOR | {by, period, order}`.
    func sort(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> SortSpec? {
        if let s = node.scalarText {
            let by = substitute(s)
            guard !by.isEmpty else {
                diagnostics.append(.error("'sort' is empty", at: node.location, hint: "write sort: name, sort: INDICATOR or sort: {by: INDICATOR, period: P, order: asc|desc}", code: .badValue))
                return nil
            }
            return SortSpec(key: by == "name" ? .name : .indicator(by), location: node.location)
        }
        guard var m = node.mapping(&diagnostics, what: "'sort'") else { return nil }
        defer { m.finish(&diagnostics) }
        if let c = m.value("column") {
            guard let name = c.string(&diagnostics, what: "'column'").map(substitute) else { return nil }
            for key in ["by", "period"] where m.has(key) {
                diagnostics.append(.error("a sort by a computed column takes no '\(key)'", at: m.keyLocation(key),
                                          hint: "the column says what it computes and in which periods; remove '\(key)'", code: .unusedKey))
                _ = m.value(key)
            }
            var sort = SortSpec(key: .column(name), location: c.location)
            sort.order = sortOrder(&m, &diagnostics)
            return sort
        }
        guard let by = m.required("by", &diagnostics)?.string(&diagnostics, what: "'by'").map(substitute) else { return nil }
        var sort = SortSpec(key: by == "name" ? .name : .indicator(by), location: m.keyLocation("by"))
        if let p = m.value("period"), let text = p.string(&diagnostics, what: "'period'").map(substitute) {
            if by == "name" {
                diagnostics.append(.error("a sort by name takes no period", at: p.location, hint: "remove 'period', or sort by an indicator", code: .badValue))
            } else if Period(text) == nil {
                diagnostics.append(.error("'\(text)' is not a period", at: p.location, hint: "write a year (2003), a month (2003-05) or a date (2003-05-01)", code: .badPeriod))
            } else {
                sort.period = text
            }
        }
        sort.order = sortOrder(&m, &diagnostics)
        return sort
    }

    /// `order: asc | desc` of a sort; nil when absent or unknown (reported).
    func sortOrder(_ m: inout MappingReader, _ diagnostics: inout [Diagnostic]) -> SortSpec.Order? {
        guard let o = m.value("order"), let text = o.string(&diagnostics, what: "'order'") else { return nil }
        if let order = SortSpec.Order(rawValue: text) { return order }
        diagnostics.append(.error("unknown sort order '\(text)'", at: o.location,
                                  hint: "use asc (smallest first; rank 1 first) or desc (largest first); leave it out for best first", code: .badValue))
        return nil
    }

    /// Reads `sort:` of a table, rejecting kinds whose rows are not entities.
    func tableSort(_ m: inout MappingReader, kind: TableSpec.Kind, columns: [TableColumnSpec], _ diagnostics: inout [Diagnostic]) -> SortSpec? {
        guard let node = m.value("sort") else { return nil }
        guard SortSpec.tableKinds.contains(kind) else {
            diagnostics.append(.error("a \(kind.rawValue) table cannot be sorted", at: m.keyLocation("sort"),
                                      hint: "sort: orders the entity rows of \(SortSpec.tableKinds.map(\.rawValue).joined(separator: ", ")) tables; "
                                          + "list the entities in the order wanted (entities: [A, B, …]) instead", code: .badValue))
            return nil
        }
        guard let sort = sort(node, &diagnostics) else { return nil }
        if case .column(let name) = sort.key {
            let computed = columns.filter { $0.computed != nil }
            let matches = TableColumnSpec.named(name, in: columns)
            if kind != .matrix {
                diagnostics.append(.error("a \(kind.rawValue) table has no computed columns to sort by", at: sort.location,
                                          hint: "sort by an indicator or by name", code: .badValue))
                return nil
            }
            if matches.count != 1 {
                let names = computed.map(\.sortName)
                diagnostics.append(.error(matches.isEmpty ? "the table has no computed column '\(name)'" : "'\(name)' names \(matches.count) computed columns",
                                          at: sort.location,
                                          hint: names.isEmpty ? "sort: {column: …} sorts by a computed column (change, difference, group-rank, share); this table has none"
                                              : matches.isEmpty ? (Suggestion.hint(for: name, in: names) ?? "its computed columns: \(names.joined(separator: ", "))")
                                              : "give the columns different labels and sort by one of them", code: .badValue))
                return nil
            }
        }
        return sort
    }

    /// Reads `sort:` of a chart, rejecting kinds without a row per entity.
    func chartSort(_ m: inout MappingReader, kind: ChartKind?, _ diagnostics: inout [Diagnostic]) -> SortSpec? {
        guard let node = m.value("sort") else { return nil }
        if let kind, !SortSpec.chartKinds.contains(kind) {
            diagnostics.append(.error("a \(kind.rawValue) chart has no rows to sort", at: m.keyLocation("sort"),
                                      hint: "sort: orders the rows of \(SortSpec.chartKinds.map(\.rawValue).joined(separator: ", ")) charts"
                                          + (kind == .bump ? "; a bump chart places entities by rank (use ranks: 1-20 to show a window)" : ""), code: .badChart))
            return nil
        }
        guard let sort = sort(node, &diagnostics) else { return nil }
        if case .column = sort.key {
            diagnostics.append(.error("a chart has no computed columns to sort by", at: sort.location,
                                      hint: "sort a chart by an indicator (sort: {by: INDICATOR, period: P}) or by name", code: .badChart))
            return nil
        }
        return sort
    }

    /// `ranks: 1-20` (or `ranks: 20`, ranks 1 to 20) on a bump chart.
    func rankWindow(_ m: inout MappingReader, kind: ChartKind?, _ diagnostics: inout [Diagnostic]) -> RankWindow? {
        guard let node = m.value("ranks") else { return nil }
        let at = m.keyLocation("ranks")
        if let kind, kind != .bump {
            diagnostics.append(.error("'ranks' is a bump chart's rank window, but this is a \(kind.rawValue) chart", at: at,
                                      hint: "to show only some entities, select them: entities: {top: {indicator: ID, period: P, ranks: 10}}", code: .badChart))
            return nil
        }
        guard let text = node.scalarText.map(substitute) else {
            diagnostics.append(.error("'ranks' must be written FIRST-LAST, e.g. ranks: 1-20", at: at, code: .badValue))
            return nil
        }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, (1...2).contains(numbers.count) else {
            diagnostics.append(.error("'ranks: \(text)' is not a rank window", at: at, hint: "write the best and the worst rank shown, e.g. ranks: 1-20", code: .badValue))
            return nil
        }
        let best = numbers.count == 2 ? numbers[0] : 1, worst = numbers.count == 2 ? numbers[1] : numbers[0]
        if best < 1 {
            diagnostics.append(.error("'ranks: \(text)' starts before rank 1", at: at, hint: "ranks start at 1, e.g. ranks: 1-20", code: .badValue))
            return nil
        }
        if worst <= best {
            diagnostics.append(.error("'ranks: \(text)' is not a window from a better to a worse rank", at: at,
                                      hint: worst < best ? "write the best rank first: ranks: \(worst)-\(best)" : "a window shows at least two ranks, e.g. ranks: \(best)-\(best + 9)",
                                      code: .badValue))
            return nil
        }
        return RankWindow(best: best, worst: worst)
    }

    /// `top: {indicator, period | since, n | ranks}`: the best N, or the entities ranked K or better, in a period
    /// or in any period since one.
    func topWindow(_ t: inout MappingReader, _ diagnostics: inout [Diagnostic]) -> TopSelection {
        let indicator = t.required("indicator", &diagnostics)?.string(&diagnostics, what: "'indicator'") ?? ""
        var window = TopSelection(indicator: substitute(indicator), period: nil, count: nil)
        window.location = t.location
        for key in ["period", "since"] {
            guard let node = t.value(key), let text = node.string(&diagnostics, what: "'\(key)'").map(substitute) else { continue }
            if Period(text) == nil {
                diagnostics.append(.error("'\(text)' is not a period", at: node.location, hint: "write a year (2003), a month (2003-05) or a date (2003-05-01)", code: .badPeriod))
            } else if key == "period" { window.period = text } else { window.since = text }
        }
        if t.has("period"), t.has("since") {
            diagnostics.append(.error("'top' takes 'period' (one period) or 'since' (any period from then on), not both", at: t.keyLocation("since"),
                                      hint: "remove one of them", code: .badValue))
        }
        let n = t.value("n").flatMap { $0.int(&diagnostics, what: "'n'") }
        let ranks = t.value("ranks").flatMap { $0.int(&diagnostics, what: "'ranks'") }
        switch (n, ranks) {
        case (nil, nil) where !t.has("n") && !t.has("ranks"):
            diagnostics.append(.error("'top' needs 'n' (the best N) or 'ranks' (ranked K or better)", at: t.location,
                                      hint: "e.g. top: {indicator: \(indicator.isEmpty ? "ID" : indicator), period: 2003, n: 5} or ranks: 10", code: .missingKey))
        case (_?, _?):
            diagnostics.append(.error("'top' takes 'n' or 'ranks', not both", at: t.keyLocation("ranks"),
                                      hint: "n: N keeps the best N entities; ranks: K keeps every entity ranked K or better, ties included", code: .badValue))
        default: break
        }
        if let n, n < 1 { diagnostics.append(.error("top n must be at least 1", at: t.keyLocation("n"), code: .badValue)) }
        if let ranks, ranks < 1 { diagnostics.append(.error("top ranks must be at least 1", at: t.keyLocation("ranks"), hint: "ranks: 10 keeps the entities ranked 1 to 10", code: .badValue)) }
        window.count = n
        window.ranks = ranks
        if let node = t.value("per"), let text = node.string(&diagnostics, what: "'per'").map(substitute) {
            if let per = Partition(rawValue: text) { window.per = per } else {
                diagnostics.append(.error("unknown 'per' value '\(text)'", at: node.location,
                                          hint: (Suggestion.hint(for: text, in: Partition.allCases.map(\.rawValue)).map { $0 + "; " } ?? "")
                                              + "per: parent keeps the best in each parent's members, per: group in each declared group", code: .badValue))
            }
        }
        return window
    }
}
