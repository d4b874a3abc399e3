import Geometry
import Model

/// A shaded band of a chart (`bands:`): a span of the value or rank axis (`{from: 0.75, to: 1, label: …}`) or, on
/// a line or bump chart, a span of periods (`{periods: [2001, 2003], label: …}`), drawn as a light fill behind the
/// marks with a short label.
public struct ChartBandSpec: Hashable, Sendable {
    public enum Extent: Hashable, Sendable {
        case values(Double, Double)
        case periods(String, String)
    }

    public var extent: Extent
    public var label: SpecText?
    public var location: SourceLocation

    public init(extent: Extent, label: SpecText? = nil, location: SourceLocation) {
        self.extent = extent; self.label = label; self.location = location
    }
}

extension SpecReader {
    static let bandUsage = "write {from: 0.75, to: 1, label: Seamless} or, on a line or bump chart, {periods: [2001, 2003], label: Phase 1}"

    /// `bands:` of a chart: a list of value or period bands (one may be written without the list).
    func chartBands(_ m: inout MappingReader, kind: ChartKind?, chartID: String, _ diagnostics: inout [Diagnostic]) -> [ChartBandSpec] {
        guard let node = m.value("bands") else { return [] }
        let at = m.keyLocation("bands")
        if let kind, !kind.drawsReferenceLines {
            let kinds = ChartKind.allCases.filter(\.drawsReferenceLines).map(\.rawValue).joined(separator: ", ")
            diagnostics.append(.error("chart '\(chartID)': a \(kind.rawValue) chart does not draw shaded bands", at: at,
                                      hint: "bands are drawn by \(kinds) charts; remove bands: or change the kind", code: .badChart))
            return []
        }
        let items: [YAMLNode]
        if case .mapping = node.node { items = [node] } else { items = node.sequence(&diagnostics, what: "'bands'") ?? [] }
        return items.compactMap { band($0, kind: kind, &diagnostics) }
    }

    private func band(_ node: YAMLNode, kind: ChartKind?, _ diagnostics: inout [Diagnostic]) -> ChartBandSpec? {
        guard var m = node.mapping(&diagnostics, what: "a band") else { return nil }
        defer { m.finish(&diagnostics) }
        let label = text(m.value("label"), &diagnostics)
        let byValue = m.has("from") || m.has("to")
        switch (byValue, m.has("periods")) {
        case (true, true):
            diagnostics.append(.error("a band spans values (from/to) or periods, not both", at: m.keyLocation("periods"),
                                      hint: Self.bandUsage, code: .badValue))
            return nil
        case (false, false):
            diagnostics.append(.error("a band needs 'from' and 'to', or 'periods'", at: node.location, hint: Self.bandUsage, code: .missingKey))
            return nil
        case (true, false):
            for key in ["from", "to"] where !m.has(key) {
                diagnostics.append(.error("a band needs both 'from' and 'to'; '\(key)' is missing", at: node.location, hint: Self.bandUsage, code: .missingKey))
                return nil
            }
            var ends: [Double] = []
            for key in ["from", "to"] {
                guard let v = m.value(key), let text = v.scalarText, let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                    diagnostics.append(.error("a band's '\(key)' must be a number", at: m.keyLocation(key),
                                              hint: "give a value on the chart's axis (a rank on a rank axis): " + Self.bandUsage, code: .wrongType))
                    return nil
                }
                ends.append(number)
            }
            let (from, to) = (ends[0], ends[1])
            return ChartBandSpec(extent: .values(from, to), label: label, location: node.location)
        case (false, true):
            let at = m.keyLocation("periods")
            if let kind, kind != .line, kind != .bump {
                diagnostics.append(.error("a band over periods needs a line or bump chart, not \(kind.rawValue)", at: at,
                                          hint: "a \(kind.rawValue) chart has no time axis; give the band from: and to: on its value axis", code: .badChart))
                _ = m.value("periods")
                return nil
            }
            guard let list = m.value("periods")?.stringList(&diagnostics, what: "'periods'") else { return nil }
            let periods = list.map(substitute)
            guard (1...2).contains(periods.count), periods.allSatisfy({ Period($0) != nil }) else {
                diagnostics.append(.error("'periods' of a band must be one or two periods, got [\(periods.joined(separator: ", "))]", at: at,
                                          hint: "write periods: [2001, 2003] (first and last period of the span)", code: .badPeriod))
                return nil
            }
            return ChartBandSpec(extent: .periods(periods[0], periods[periods.count - 1]), label: label, location: node.location)
        }
    }
}
