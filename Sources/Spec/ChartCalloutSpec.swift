import Geometry
import Model

/// A callout of a chart (`callouts:`): a short text attached to one mark, the value of `entity` in `period` (or
/// for `indicator`, on a chart of several), drawn beside it with a thin leader.
public struct ChartCalloutSpec: Hashable, Sendable {
    public var entity: String
    /// The period of the value; nil where the chart has one value per entity (and indicator).
    public var period: String?
    /// The indicator of the value on a dot or grouped-bar chart of several; nil = the chart's only one.
    public var indicator: String?
    public var text: SpecText
    public var location: SourceLocation
    /// Where `entity:` and `period:` are written, so an error points at the key that is wrong.
    public var entityLocation: SourceLocation
    public var periodLocation: SourceLocation

    public init(entity: String, period: String? = nil, indicator: String? = nil, text: SpecText, location: SourceLocation,
                entityLocation: SourceLocation? = nil, periodLocation: SourceLocation? = nil) {
        self.entity = entity; self.period = period; self.indicator = indicator; self.text = text; self.location = location
        self.entityLocation = entityLocation ?? location; self.periodLocation = periodLocation ?? location
    }
}

extension SpecReader {
    static let calloutUsage = "write {entity: CN, period: 2003, text: \"Joined the top ten\"}"

    /// `callouts:` of a chart: a list of texts attached to marks (one may be written without the list).
    func chartCallouts(_ m: inout MappingReader, kind: ChartKind?, chartID: String, _ diagnostics: inout [Diagnostic]) -> [ChartCalloutSpec] {
        guard let node = m.value("callouts") else { return [] }
        let at = m.keyLocation("callouts")
        if let kind, !kind.drawsReferenceLines {
            let kinds = ChartKind.allCases.filter(\.drawsReferenceLines).map(\.rawValue).joined(separator: ", ")
            diagnostics.append(.error("chart '\(chartID)': a \(kind.rawValue) chart does not draw callouts", at: at,
                                      hint: "callouts are drawn by \(kinds) charts; remove callouts: or change the kind", code: .badChart))
            return []
        }
        let items: [YAMLNode]
        if case .mapping = node.node { items = [node] } else { items = node.sequence(&diagnostics, what: "'callouts'") ?? [] }
        return items.compactMap { callout($0, &diagnostics) }
    }

    private func callout(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> ChartCalloutSpec? {
        guard var m = node.mapping(&diagnostics, what: "a callout") else { return nil }
        defer { m.finish(&diagnostics) }
        for key in ["entity", "text"] where !m.has(key) {
            diagnostics.append(.error("a callout needs '\(key)'", at: node.location, hint: Self.calloutUsage, code: .missingKey))
        }
        let entity = m.string("entity", &diagnostics).map(substitute)
        let text = text(m.value("text"), &diagnostics)
        let indicator = m.string("indicator", &diagnostics).map(substitute)
        var period: String?
        if let p = m.value("period") {
            guard let t = p.scalarText.map(substitute), Period(t) != nil else {
                diagnostics.append(.error("'\(p.scalarText ?? "")' is not a period", at: p.location,
                                          hint: "write a year (2003), a month (2002-10), a date or a range (2001/2003)", code: .badPeriod))
                return nil
            }
            period = t
        }
        guard let entity, let text else { return nil }
        if text.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            diagnostics.append(.error("a callout's text is empty", at: m.keyLocation("text"), hint: Self.calloutUsage, code: .badValue))
            return nil
        }
        return ChartCalloutSpec(entity: entity, period: period, indicator: indicator, text: text, location: node.location,
                                entityLocation: m.keyLocation("entity"), periodLocation: m.keyLocation("period"))
    }
}
