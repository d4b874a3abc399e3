/// A shaded band of a chart (`bands:`): a span of the value or rank axis (a stage, the top five ranks), or a span
/// of periods on a line or bump chart (a programme phase), drawn as a light fill behind the marks with a label.
public struct ChartBand: Hashable, Sendable {
    public enum Extent: Hashable, Sendable {
        /// From one value (or rank) to another, either order.
        case values(Double, Double)
        /// From one category (period) index to another, inclusive (line and bump charts).
        case periods(Int, Int)
    }

    public var extent: Extent
    /// The label, in the report language ("Seamless stage", "Top 5").
    public var label: String
    public init(extent: Extent, label: String) { self.extent = extent; self.label = label }

    /// The values spanned, low first; nil for a band over periods.
    public var valueRange: ClosedRange<Double>? {
        guard case .values(let a, let b) = extent else { return nil }
        return min(a, b)...max(a, b)
    }

    /// The category indices spanned, first first; nil for a band of values.
    public var periodRange: ClosedRange<Int>? {
        guard case .periods(let a, let b) = extent else { return nil }
        return min(a, b)...max(a, b)
    }
}
