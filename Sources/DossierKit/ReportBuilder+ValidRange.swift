import Geometry
import Model

/// Notes on the data about values outside their indicator's valid range (`min:`, `max:`).
extension ReportBuilder {
    /// "美国2003年的指数为 1.422，超出该指标的有效范围（0—1）。" / "The United States, 2003: index score is 1.422, …".
    func restateRange(_ f: Diagnostic) -> String {
        let d = f.details
        guard let x = d["indicator"].flatMap({ dataset.indicator($0) }) else { return f.message }
        let who = d["entity"].flatMap { dataset.entity($0) }.map(inProse) ?? (d["entity"] ?? "")
        let when = d["period"].flatMap(Period.init)?.inProse(language) ?? (d["period"] ?? "")
        let value = d["value"] ?? ""   // as the source prints it, every decimal kept
        return capitalized(words(.valueOutOfRange, who, when, words.midSentence(x.label.resolve(language)), value, rangeText(x)))
    }

    /// "0—1" / "0–1", "至少0" / "at least 0", "至多100" / "at most 100".
    func rangeText(_ x: Indicator) -> String {
        func shown(_ n: Double) -> String { NumberFormatting.plain(n) }
        switch (x.minimum, x.maximum) {
        case let (low?, high?): return words(.rangeBoth, shown(low), shown(high))
        case let (low?, nil): return words(.atLeast, shown(low))
        case let (nil, high?): return words(.atMost, shown(high))
        default: return ""
        }
    }
}
