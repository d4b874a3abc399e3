import Geometry
import Model

/// An indicator's valid range in indicators.yaml: `min:` and `max:` (either may be left out).
extension DatasetLoader {
    static func validRange(_ m: inout MappingReader, unit: IndicatorUnit, _ diagnostics: inout [Diagnostic]) -> (Double?, Double?) {
        let low = m.double("min", &diagnostics), high = m.double("max", &diagnostics)
        if low != nil || high != nil, !unit.isNumeric || unit == .stage {
            diagnostics.append(.error("a valid range (min, max) needs a numeric indicator; this one has unit \(unit.rawValue)",
                                      at: m.keyLocation(low != nil ? "min" : "max"), hint: "remove min: and max:", code: .badValue))
            return (nil, nil)
        }
        if let low, let high, low > high {
            diagnostics.append(.error("min \(NumberFormatting.plain(low)) is larger than max \(NumberFormatting.plain(high))", at: m.keyLocation("max"),
                                      hint: "min is the smallest valid value and max the largest; swap them", code: .badValue))
            return (nil, nil)
        }
        return (low, high)
    }
}
