import Foundation
import Model

/// Number wording for chart labels in the report's language. Chinese reports use the same digits and grouping
/// as English ones; what changes is the wording around numbers ("共22个" / "of 22").
public struct ChartNumberFormat: Sendable {
    /// The report language (`zh-cn`, `en`).
    public var language: String
    public init(language: String) { self.language = language }

    public var isChinese: Bool { Language.isChinese(language) }

    /// Shown for a missing value; never a zero.
    public static let missing = "—"

    /// A value with at most `maxDecimals` decimals, trailing zeros trimmed, thousands grouped.
    public func format(_ value: Double, maxDecimals: Int = 2) -> String {
        guard value.isFinite else { return Self.missing }
        let factor = pow(10, Double(max(0, maxDecimals)))
        let rounded = (value * factor).rounded() / factor
        var decimals = max(0, maxDecimals)
        // Trim trailing zeros by testing whether fewer decimals represent the same rounded value.
        while decimals > 0 {
            let f = pow(10, Double(decimals - 1))
            if ((rounded * f).rounded() / f - rounded).magnitude > 1e-9 * max(1, rounded.magnitude) { break }
            decimals -= 1
        }
        // −0 after rounding reads as a sign error; print it as 0.
        return NumberFormatting.grouped(rounded == 0 ? 0 : rounded, decimals: decimals)
    }

    /// Formats every tick with the same number of decimals, enough to tell neighbouring ticks apart.
    public func ticks(_ values: [Double]) -> [String] {
        guard values.count > 1 else { return values.map { format($0) } }
        let step = abs(values[1] - values[0])
        let decimals = step > 0 ? max(0, min(6, Int(-floor(log10(step) + 1e-9)))) : 0
        let factor = pow(10, Double(decimals))
        // Rounding first turns a float-noise −0.0000001 into 0, which must not print as "−0".
        return values.map { value in
            let rounded = (value * factor).rounded() / factor
            return NumberFormatting.grouped(rounded == 0 ? 0 : rounded, decimals: decimals)
        }
    }

    /// A value or its preformatted label, or the missing mark.
    public func label(_ value: Double?, preformatted: String? = nil) -> String {
        if let preformatted, !preformatted.isEmpty { return preformatted }
        guard let value else { return Self.missing }
        return format(value)
    }

    /// The survey size under a period label: "共22个" / "of 22".
    public func outOf(_ count: Int) -> String {
        isChinese ? "共\(count)个" : "of \(count)"
    }
}
