import Foundation
import Model

/// Formats observed values for a report language: ranks as integers, percentages with %, counts grouped,
/// stages by name, and missing values as "—" (never 0).
public struct ValueFormatter: Sendable {
    public let dataset: Dataset
    public let language: String
    public init(dataset: Dataset, language: String) { self.dataset = dataset; self.language = language }
    var words: Words { Words(language) }

    /// Whether figures kept in 万/亿 are read as thousands, millions and billions (languages without those words).
    var englishMagnitudes: Bool { !words.isChinese }

    public static let missing = "—"

    /// The value alone ("3", "98.3%", "3,700 万").
    public func format(_ value: Value?, indicator: Indicator?, withScale: Bool = true) -> String {
        guard let value else { return Self.missing }
        switch value {
        case .text(let t):
            // Dates print the way the report prints periods (2002年1月 / Jan 2002), not as ISO strings.
            if indicator?.unit == .date, let period = Period(t) { return period.display(language) }
            return indicator?.text(t, language) ?? t
        case .stageRange(let a, let b):
            return a == b ? stageLabel(a) : stageRangeLabel(a, b)
        case .number(let n):
            guard let indicator else { return NumberFormatting.plain(n) }
            if indicator.unit == .stage { return stageLabel(Int(n)) }
            if let english = englishMagnitude(n, indicator: indicator, withScale: withScale) { return english }
            let decimals = indicator.format.decimals ?? defaultDecimals(n, unit: indicator.unit)
            var s = indicator.unit == .rank ? String(Int(n)) : NumberFormatting.grouped(n, decimals: decimals, separator: separator)
            // The sign goes before a prefix: −$4,851.7, not $−4,851.7.
            if s.hasPrefix("−") { s = "−" + indicator.format.prefix + s.dropFirst() + indicator.format.suffix } else {
                s = indicator.format.prefix + s + indicator.format.suffix
            }
            if indicator.unit == .percent, indicator.format.suffix.isEmpty { s += "%" }
            let scale = indicator.scale.resolve(language)
            if withScale, !scale.isEmpty { s = words(.scaleSuffix, s, scale) }
            return s
        }
    }

    /// Chinese counts in 万 (10⁴) and 亿 (10⁸) read in English as thousands, millions and billions:
    /// 5793.95 万人次 → "57.9 million visits". Applies to English reports of indicators whose English scale
    /// word is "×10,000 …" or "×100 million …".
    func englishMagnitude(_ n: Double, indicator: Indicator, withScale: Bool) -> String? {
        guard englishMagnitudes, let (factor, unit) = Self.chineseScale(indicator) else { return nil }
        let v = n * factor
        // From 100,000 on, millions ("0.9 million"), so neighbouring figures in a table share a word.
        let (divisor, word): (Double, String) = abs(v) >= 1e9 ? (1e9, "billion") : abs(v) >= 1e5 ? (1e6, "million") : abs(v) >= 1e3 ? (1e3, "thousand") : (1, "")
        let scaled = v / divisor
        let decimals = scaled == scaled.rounded() || abs(scaled) >= 100 ? 0 : 1
        var text = indicator.format.prefix + NumberFormatting.grouped(scaled, decimals: decimals, separator: ",")
        if !word.isEmpty { text += " " + word }
        if withScale, !unit.isEmpty { text += " " + unit }
        return text
    }

    /// The factor and remaining unit word of an English scale written "×10,000 visits" / "×100 million USD".
    static func chineseScale(_ indicator: Indicator) -> (Double, String)? {
        let en = indicator.scale.values["en"] ?? ""
        for (prefix, factor) in [("×100 million", 1e8), ("×10,000", 1e4)] where en.hasPrefix(prefix) {
            return (factor, en.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// An observation's value with the source's qualifier: 约50 / 超过10万 / about 50 / more than 100.
    public func format(_ observation: Observation?, indicator: Indicator?, withScale: Bool = true) -> String {
        let text = format(observation?.value, indicator: indicator, withScale: withScale)
        guard let q = observation?.qualifier else { return text }
        switch q {
        case .about: return words(.about, text)
        case .moreThan: return words(.moreThan, text)
        case .lessThan: return words(.lessThan, text)
        case .atLeast: return words(.atLeast, text)
        }
    }

    /// The decimals figures of an indicator share when they stand side by side: its declared format, else
    /// the most decimals any of its values has in the dataset.
    public func decimals(for indicator: Indicator) -> Int {
        indicator.format.decimals ?? dataset.observedDecimals(indicator: indicator.id)
    }

    /// A number alone with the indicator's decimals (for charts' value labels, which stand side by side).
    public func short(_ n: Double, indicator: Indicator?) -> String {
        guard let indicator else { return NumberFormatting.plain(n) }
        if indicator.unit == .rank { return String(Int(n)) }
        var s = NumberFormatting.grouped(n, decimals: decimals(for: indicator), separator: separator)
        if indicator.unit == .percent { s += "%" }
        return s
    }

    /// A statistic of an indicator's values (a median, a mean, a difference) in the indicator's precision,
    /// with as many more decimals as it takes not to round the statistic away (the median of ranks 3 and 4 is
    /// 3.5, not 4); ranks print as plain numbers.
    public func statistic(_ n: Double, indicator: Indicator) -> String {
        var places = indicator.unit == .rank ? 0 : decimals(for: indicator)
        while places < 4, abs(n - (n * pow(10, Double(places))).rounded() / pow(10, Double(places))) > 1e-9 { places += 1 }
        var s = NumberFormatting.grouped(n, decimals: places, separator: separator)
        if indicator.unit == .percent { s += "%" }
        return s
    }

    /// Chinese texts print numbers as the sources do, without thousands separators (5793.95万人次).
    var separator: String { words.isChinese ? "" : "," }

    func defaultDecimals(_ n: Double, unit: IndicatorUnit) -> Int {
        if n == n.rounded() { return 0 }
        let text = NumberFormatting.plain(n)
        return min(2, text.split(separator: ".").last.map(\.count) ?? 0)
    }

    /// "第4阶段（交易服务）" / "stage 4 (Transaction services)".
    public func stageLabel(_ level: Int) -> String {
        let name = dataset.stageName(level, language) ?? ""
        // Stage names are common nouns inside a sentence: "stage 4 (transaction services)".
        let inSentence = words.isChinese ? name : name.prefix(1).lowercased() + name.dropFirst()
        return name.isEmpty ? words(.stage, String(level)) : words(.stageNamed, String(level), inSentence)
    }

    public func stageRangeLabel(_ a: Int, _ b: Int) -> String {
        words(.stageRange, String(a), String(b))
    }

    /// A rank in prose: "第3名" / "3rd".
    public func rankPhrase(_ rank: Int) -> String {
        words(.rankPhrase, String(rank), NumberWords.englishOrdinal(rank))
    }
}
