import Geometry
import Model

/// A reference line of a chart (`reference:`): a fixed value (a target) or a group statistic of the chart's
/// indicator, drawn as a dashed line across the value or rank axis with a short label.
public struct ChartReferenceSpec: Hashable, Sendable {
    public enum Statistic: String, Hashable, Sendable, CaseIterable {
        case median, mean, best
    }

    public enum Source: Hashable, Sendable {
        /// `{value: 0.5}`: a fixed value, e.g. a target.
        case value(Double)
        /// `{statistic: median}`: the group statistic of the chart's indicator.
        case statistic(Statistic)
    }

    public var source: Source
    /// The group a statistic is taken over; nil = the chart's own entities.
    public var among: EntitySelection?
    /// The period a statistic is taken in; nil = the chart's latest (line, bump) or its period (bar, dot).
    public var period: String?
    /// The label; nil = the statistic's name (a value reference without a label shows its value only).
    public var label: SpecText?
    public var location: SourceLocation

    public init(source: Source, among: EntitySelection? = nil, period: String? = nil, label: SpecText? = nil, location: SourceLocation) {
        self.source = source; self.among = among; self.period = period; self.label = label; self.location = location
    }
}

extension SpecReader {
    static let referenceUsage = "write {value: 0.5, label: Target} or {statistic: median, among: tag:TAG, period: 2003}"

    /// `reference:` of a chart: a list of value or statistic references; nil when absent.
    func chartReferences(_ m: inout MappingReader, kind: ChartKind?, chartID: String, _ diagnostics: inout [Diagnostic]) -> [ChartReferenceSpec] {
        guard let node = m.value("reference") else { return [] }
        let at = m.keyLocation("reference")
        if let kind, !kind.drawsReferenceLines {
            let kinds = ChartKind.allCases.filter(\.drawsReferenceLines).map(\.rawValue).joined(separator: ", ")
            diagnostics.append(.error("chart '\(chartID)': a \(kind.rawValue) chart does not draw reference lines", at: at,
                                      hint: "reference lines are drawn by \(kinds) charts; remove reference: or change the kind", code: .badChart))
            return []
        }
        // One reference may be written without the list.
        let items: [YAMLNode]
        if case .mapping = node.node { items = [node] } else { items = node.sequence(&diagnostics, what: "'reference'") ?? [] }
        return items.compactMap { reference($0, &diagnostics) }
    }

    private func reference(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> ChartReferenceSpec? {
        guard var m = node.mapping(&diagnostics, what: "a reference line") else { return nil }
        defer { m.finish(&diagnostics) }
        let label = text(m.value("label"), &diagnostics)
        switch (m.has("value"), m.has("statistic")) {
        case (true, true):
            diagnostics.append(.error("a reference line is a value or a statistic, not both", at: m.keyLocation("statistic"),
                                      hint: Self.referenceUsage, code: .badValue))
            return nil
        case (false, false):
            diagnostics.append(.error("a reference line needs 'value' or 'statistic'", at: node.location, hint: Self.referenceUsage, code: .missingKey))
            return nil
        case (true, false):
            for key in ["among", "period"] where m.has(key) {
                diagnostics.append(.error("a fixed reference value takes no '\(key)'", at: m.keyLocation(key),
                                          hint: "'\(key)' belongs to a statistic: {statistic: median, \(key): …}", code: .unusedKey))
                _ = m.value(key)
            }
            guard let v = m.value("value")?.double(&diagnostics, what: "'value'") else { return nil }
            return ChartReferenceSpec(source: .value(v), label: label, location: node.location)
        case (false, true):
            guard let s = m.string("statistic", &diagnostics) else { return nil }
            guard let statistic = ChartReferenceSpec.Statistic(rawValue: s) else {
                diagnostics.append(.error("unknown statistic '\(s)'", at: m.keyLocation("statistic"),
                                          hint: Suggestion.hint(for: s, in: ChartReferenceSpec.Statistic.allCases.map(\.rawValue)) ?? "use median, mean or best",
                                          code: .badValue))
                return nil
            }
            var period: String?
            if let p = m.value("period") {
                guard let text = p.scalarText.map(substitute), Period(text) != nil else {
                    diagnostics.append(.error("'\(p.scalarText ?? "")' is not a period", at: p.location,
                                              hint: "write a year (2003), a month (2002-10), a date or a range (2001/2003)", code: .badPeriod))
                    return nil
                }
                period = text
            }
            let among = m.value("among").map { selection($0, &diagnostics) }
            return ChartReferenceSpec(source: .statistic(statistic), among: among, period: period, label: label, location: node.location)
        }
    }
}
