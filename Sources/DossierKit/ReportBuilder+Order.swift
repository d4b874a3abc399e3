import Geometry
import Model
import Spec

/// The rows of a section: which entities (windows included) and in which order (`sort:` or the reader's order).
extension ReportBuilder {
    /// The entities of a section, or nil when a window of its selection selected nothing or a parent of it has no
    /// members: that is an error at the window (or `in:`), or a warning for an `optional` section, and the section
    /// is left out either way (never drawn empty).
    mutating func rows(_ selection: EntitySelection, optional: Bool) -> [Entity]? {
        let before = diagnostics.count
        let out = entities(selection)
        var emptied = false
        for i in before..<diagnostics.count where [.emptyWindow, .emptyParent].contains(diagnostics[i].code) {
            emptied = true
            if optional {
                diagnostics[i].severity = .warning
                diagnostics[i].message += "; the section is optional and left out"
            }
        }
        // A selection that selects nothing because of its own errors (an unknown id or parent) says so already.
        let failed = out.isEmpty && diagnostics[before...].contains { $0.severity == .error }
        return emptied || failed ? nil : out
    }

    /// Whether rows keep the order they were written in: an explicit id list (the section's, or the report's when
    /// the section selects none) is the author's order.
    func keepsWrittenOrder(_ selection: EntitySelection) -> Bool {
        let s = selection.isEmpty ? spec.entities : selection
        return !s.ids.isEmpty && s.tags.isEmpty && s.kinds.isEmpty && s.parents.isEmpty && s.top == nil
    }

    /// Orders a section's rows: by its `sort:`; else as written for an explicit id list; else best first by the
    /// section's primary indicator as the section shows it (`primary`), entities without a value last.
    /// - Parameters:
    ///   - shown: the latest period the section shows per indicator id, the default period of a `sort:` by it.
    ///   - computed: a matrix table's computed columns, which `sort: {column: …}` names.
    ///   - primary: the indicator the section leads with and the value it shows for an entity; nil: no default.
    mutating func ordered(_ rows: [Entity], sort: SortSpec?, selection: EntitySelection, shown: [String: Period] = [:],
                          computed: [(spec: TableColumnSpec, column: ComputedColumn)] = [],
                          primary: (indicator: Indicator, value: (Entity) -> Double?)?) -> [Entity] {
        let order = EntityOrder(language: language)
        guard let sort else {
            if keepsWrittenOrder(selection) { return rows }
            guard let primary else { return rows }
            return order.byValue(rows, ascending: EntityOrder.bestIsSmallest(primary.indicator), value: primary.value)
        }
        switch sort.key {
        case .name:
            return order.byName(rows, descending: sort.order == .desc)
        case .column(let name):
            // Checked when the spec was read; a column that could not be computed has its own error.
            guard let found = TableColumnSpec.named(name, in: computed.map(\.spec)).first.map({ computed[$0].column }) else { return rows }
            let ascending = sort.order.map { $0 == .asc } ?? found.bestIsSmallest
            return order.byValue(rows, ascending: ascending) { found.values[$0.id] }
        case .indicator(let id):
            guard let x = indicator(id, at: sort.location) else { return rows }
            guard x.unit.isNumeric, x.unit != .stage else {
                diagnostics.append(.error("cannot sort by '\(x.id)': its unit is \(x.unit.rawValue), not a number", at: sort.location,
                                          hint: "sort by a rank or value indicator, or by name", code: .badValue))
                return rows
            }
            let ids = Set(rows.map(\.id))
            let observed = Set(dataset.observations(indicator: x.id).filter { ids.contains($0.entity) }.map(\.period))
            let period: Period
            if let text = sort.period, let p = Period(text) {
                guard observed.contains(p) else {
                    let known = observed.sorted().map(\.description)
                    diagnostics.append(.error("cannot sort by \(x.id) in \(text): no row of this section has data for it", at: sort.location,
                                              hint: known.isEmpty ? "the section's entities have no \(x.id) data" : "their periods are \(known.joined(separator: ", "))",
                                              code: .badPeriod))
                    return rows
                }
                period = p
            } else if let p = shown[x.id] ?? observed.max() {
                period = p
            } else {
                diagnostics.append(.error("cannot sort by \(x.id): no row of this section has data for it", at: sort.location,
                                          hint: "sort by an indicator the section's entities have, or by name", code: .badValue))
                return rows
            }
            let ascending: Bool
            switch sort.order {
            case .asc?: ascending = true
            case .desc?: ascending = false
            case nil: ascending = EntityOrder.bestIsSmallest(x)
            }
            return order.byValue(rows, ascending: ascending) { dataset.observation(entity: $0.id, indicator: x.id, period: period)?.value.number }
        }
    }
}
