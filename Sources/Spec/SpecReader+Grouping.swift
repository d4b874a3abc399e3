import Geometry

/// Reading `group-by:` of tables and naming the computed columns a table can be sorted by; see docs/SPEC.md,
/// "Parents" and "Order of rows".
extension SpecReader {
    /// Table kinds whose rows can be grouped under subheadings.
    static let groupedTableKinds: [TableSpec.Kind] = [.matrix, .observations]

    /// `group-by: parent | group` of a table; nil when absent or wrong (reported at the key).
    func tableGroupBy(_ m: inout MappingReader, kind: TableSpec.Kind, _ diagnostics: inout [Diagnostic]) -> Partition? {
        guard let node = m.value("group-by"), let text = node.string(&diagnostics, what: "'group-by'").map(substitute) else { return nil }
        guard let partition = Partition(rawValue: text) else {
            diagnostics.append(.error("unknown 'group-by' value '\(text)'", at: node.location,
                                      hint: (Suggestion.hint(for: text, in: Partition.allCases.map(\.rawValue)).map { $0 + "; " } ?? "")
                                          + "group-by: parent puts rows under their parent, group-by: group under their declared group", code: .badValue))
            return nil
        }
        guard Self.groupedTableKinds.contains(kind) else {
            diagnostics.append(.error("a \(kind.rawValue) table cannot group its rows", at: m.keyLocation("group-by"),
                                      hint: "group-by: works on \(Self.groupedTableKinds.map(\.rawValue).joined(separator: " and ")) tables", code: .badValue))
            return nil
        }
        return partition
    }
}

extension TableColumnSpec {
    /// How `sort: {column: …}` names this column: its label as written, else KIND:INDICATOR.
    public var sortName: String {
        if let label { return label.text }
        return computed.map { "\($0.kind.rawValue):\($0.indicator)" } ?? indicator
    }

    /// The indices of the computed columns `name` names: by label as written, or by KIND:INDICATOR.
    public static func named(_ name: String, in columns: [TableColumnSpec]) -> [Int] {
        columns.indices.filter { i in
            guard let computed = columns[i].computed else { return false }
            return columns[i].label?.text == name || "\(computed.kind.rawValue):\(computed.indicator)" == name
        }
    }
}
