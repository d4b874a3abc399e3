import Geometry
import Model
import Spec

/// Table rows grouped under subheadings (`group-by: parent | group`): a group per parent (or declared group) in
/// the order of its first row, so the group holding the best row comes first (or the written order of an explicit
/// id list); rows keep their order within a group; entities without a parent (in no declared group) come last,
/// under "Other".
struct RowGroups {
    /// A subheading (nil: rows without one) and its rows.
    var groups: [(heading: String?, rows: [Entity])]
}

extension ReportBuilder {
    /// The ordered rows of a table grouped as its `group-by:` asks; one group without a heading when it asks for
    /// none, or when no row has a parent (group) — a warning at the table then.
    mutating func rowGroups(_ rows: [Entity], table t: TableSpec) -> RowGroups {
        guard let by = t.groupBy else { return RowGroups(groups: [(nil, rows)]) }
        var keys: [String] = []
        var members: [String: [Entity]] = [:]
        var others: [Entity] = []
        for e in rows {
            let key = by == .parent ? e.parent : spec.groups.first { e.tags.contains($0.tag) }?.tag
            guard let key else { others.append(e); continue }
            if members[key] == nil { keys.append(key) }
            members[key, default: []].append(e)
        }
        if keys.isEmpty {
            diagnostics.append(.warning(by == .parent ? "no row of table '\(t.id)' has a parent; its rows are not grouped"
                                            : "no row of table '\(t.id)' is in a declared group; its rows are not grouped", at: t.location,
                                        hint: by == .parent ? "parents come from the parent column of entities.csv" : "declare groups: {TAG: LABEL} for tags the rows carry",
                                        code: .badValue))
            return RowGroups(groups: [(nil, rows)])
        }
        var out: [(heading: String?, rows: [Entity])] = keys.map { key in
            let heading = by == .parent ? (dataset.entity(key)?.name(language) ?? key)
                : (spec.groups.first { $0.tag == key }?.label.resolve(language) ?? key)
            return (heading, members[key] ?? [])
        }
        if !others.isEmpty { out.append((words(.otherGroup), others)) }
        return RowGroups(groups: out)
    }
}
