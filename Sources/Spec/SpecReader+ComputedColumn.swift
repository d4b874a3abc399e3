import Geometry
import Model

/// Reading the computed columns of matrix tables (`change`, `difference`, `group-rank`, `share`) and the per-column
/// `format:`; see docs/SPEC.md, "Computed columns".
extension SpecReader {
    /// True when a column mapping names a computation instead of (or besides) `indicator:`.
    static func isComputed(_ m: MappingReader) -> Bool {
        ComputedColumnSpec.Kind.allCases.contains { m.has($0.rawValue) }
    }

    /// A computed column; nil (with located errors) when it is malformed.
    func computedColumn(_ m: inout MappingReader, at location: SourceLocation, _ diagnostics: inout [Diagnostic]) -> ComputedColumnSpec? {
        let kinds = ComputedColumnSpec.Kind.allCases.filter { m.has($0.rawValue) }
        let names = ComputedColumnSpec.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard kinds.count == 1, let kind = kinds.first else {
            diagnostics.append(.error("a column computes one thing, but this one has \(kinds.map(\.rawValue).joined(separator: " and "))",
                                      at: m.keyLocation(kinds.last?.rawValue ?? ""), hint: "make one column for each of \(names)", code: .badValue))
            return nil
        }
        if m.has("indicator") {
            diagnostics.append(.error("a '\(kind.rawValue)' column names its indicator itself; 'indicator' is not used", at: m.keyLocation("indicator"),
                                      hint: "write {\(kind.rawValue): INDICATOR, …} without indicator:", code: .unusedKey))
            _ = m.value("indicator")
        }
        if m.has("periods") {
            diagnostics.append(.error("a '\(kind.rawValue)' column takes no 'periods'", at: m.keyLocation("periods"),
                                      hint: kind == .change ? "give from: and to:" : "give period:", code: .unusedKey))
            _ = m.value("periods")
        }
        guard let indicator = m.value(kind.rawValue)?.string(&diagnostics, what: "'\(kind.rawValue)'") else { return nil }
        var spec = ComputedColumnSpec(kind: kind, indicator: substitute(indicator), location: location)
        /// A required period key, checked to be a period.
        func period(_ key: String, _ m: inout MappingReader) -> String? {
            guard let node = m.value(key) else {
                diagnostics.append(.error("a '\(kind.rawValue)' column needs '\(key)'", at: m.location,
                                          hint: Self.usage(kind), code: .missingKey))
                return nil
            }
            guard let text = node.string(&diagnostics, what: "'\(key)'").map(substitute) else { return nil }
            guard Period(text) != nil else {
                diagnostics.append(.error("'\(text)' is not a period", at: node.location,
                                          hint: "write a year (2003), a month (2002-10), a date or a range (2001/2003)", code: .badPeriod))
                return nil
            }
            return text
        }
        switch kind {
        case .change:
            spec.from = period("from", &m)
            spec.period = period("to", &m)
            if let a = spec.from, let b = spec.period, a == b {
                diagnostics.append(.error("a change from \(a) to \(b) compares a period with itself", at: m.keyLocation("to"),
                                          hint: "give two different periods", code: .badValue))
                return nil
            }
        case .difference:
            spec.period = period("period", &m)
            if let node = m.required("to", &diagnostics), let text = node.string(&diagnostics, what: "'to'").map(substitute) {
                spec.reference = ComputedColumnSpec.Reference(text)
            }
        case .groupRank, .share:
            spec.period = period("period", &m)
            if m.has("to") {
                diagnostics.append(.error("a '\(kind.rawValue)' column takes no 'to'", at: m.keyLocation("to"), hint: Self.usage(kind), code: .unusedKey))
                _ = m.value("to")
            }
        }
        if case .entity(let id) = spec.reference, m.has("among") {
            diagnostics.append(.error("a difference to \(id) takes no 'among'", at: m.keyLocation("among"),
                                      hint: "among: names the group of a median, mean or best; an entity is its own reference", code: .unusedKey))
            _ = m.value("among")
        } else if kind == .change, m.has("among") {
            diagnostics.append(.error("a 'change' column takes no 'among'", at: m.keyLocation("among"), hint: Self.usage(kind), code: .unusedKey))
            _ = m.value("among")
        } else if let node = m.value("among") {
            spec.among = selection(node, &diagnostics)
        }
        guard spec.period != nil, kind != .change || spec.from != nil, kind != .difference || spec.reference != nil else { return nil }
        return spec
    }

    /// `format: {decimals: N}` of a column; nil when absent or wrong (reported).
    func columnDecimals(_ m: inout MappingReader, _ diagnostics: inout [Diagnostic]) -> Int? {
        guard var f = m.value("format")?.mapping(&diagnostics, what: "a column's 'format'") else { return nil }
        defer { f.finish(&diagnostics) }
        guard let node = f.required("decimals", &diagnostics), let d = node.int(&diagnostics, what: "'decimals'") else { return nil }
        guard (0...6).contains(d) else {
            diagnostics.append(.error("decimals must be between 0 and 6, got \(d)", at: node.location, code: .badFormat))
            return nil
        }
        return d
    }

    static func usage(_ kind: ComputedColumnSpec.Kind) -> String {
        switch kind {
        case .change: return "write {change: INDICATOR, from: 2001, to: 2003}"
        case .difference: return "write {difference: INDICATOR, period: 2003, to: median, among: tag:TAG} (to: median, mean, best or an entity id)"
        case .groupRank: return "write {group-rank: INDICATOR, period: 2003, among: tag:TAG}"
        case .share: return "write {share: INDICATOR, period: 2003, among: tag:TAG}"
        }
    }
}
