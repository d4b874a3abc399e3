import Geometry

/// Values outside their indicator's declared valid range (`min:`, `max:` in indicators.yaml).
extension DataChecker {
    func checkRanges(_ data: Dataset, _ out: inout [Diagnostic]) {
        for x in data.indicators where x.minimum != nil || x.maximum != nil {
            for o in data.observations(indicator: x.id) {
                guard let n = o.value.number else { continue }
                let below = x.minimum.map { n < $0 } ?? false, above = x.maximum.map { n > $0 } ?? false
                guard below || above else { continue }
                let range = Self.rangeText(x)
                var details = ["entity": o.entity, "indicator": x.id, "period": o.period.description, "value": NumberFormatting.plain(n)]
                if let low = x.minimum { details["min"] = NumberFormatting.plain(low) }
                if let high = x.maximum { details["max"] = NumberFormatting.plain(high) }
                out.append(Diagnostic.warning("\(o.entity) \(x.id) \(o.period): \(NumberFormatting.plain(n)) is outside the valid range \(range)",
                                              at: o.location,
                                              hint: "\(x.id) declares \(range) in indicators.yaml; check the source (a transcription error, or a value on another scale)",
                                              code: .valueRange)
                    .with(details))
            }
        }
    }

    /// "0–1", "≥ 0", "≤ 100".
    static func rangeText(_ x: Indicator) -> String {
        switch (x.minimum, x.maximum) {
        case let (low?, high?): return "\(NumberFormatting.plain(low))–\(NumberFormatting.plain(high))"
        case let (low?, nil): return "≥ \(NumberFormatting.plain(low))"
        case let (nil, high?): return "≤ \(NumberFormatting.plain(high))"
        default: return ""
        }
    }
}
