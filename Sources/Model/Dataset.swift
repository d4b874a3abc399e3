import Geometry

/// What kind of thing an entity is.
public enum EntityKind: String, Hashable, Sendable, Codable, CaseIterable {
    case country, city, region, group
}

/// A country, city, region or group that surveys rank and reports describe.
public struct Entity: Hashable, Sendable {
    public var id: String
    public var name: LocalizedText
    public var kind: EntityKind
    public var parent: String?
    public var tags: [String]
    public var location: SourceLocation?
    public init(id: String, name: LocalizedText, kind: EntityKind, parent: String? = nil, tags: [String] = [],
                location: SourceLocation? = nil) {
        self.id = id; self.name = name; self.kind = kind; self.parent = parent; self.tags = tags; self.location = location
    }
    public func name(_ language: String) -> String {
        let n = name.resolve(language)
        return n.isEmpty ? id : n
    }
}

/// The unit of an indicator's values.
public enum IndicatorUnit: String, Hashable, Sendable, Codable, CaseIterable {
    case rank, count, percent, stage, number, currency, date, text
    public var isNumeric: Bool { self != .text && self != .date }
}

/// Whether a larger value is better.
public enum Direction: String, Hashable, Sendable, Codable, CaseIterable {
    case lowerBetter = "lower-better"
    case higherBetter = "higher-better"
    case none
}

/// How values are printed.
public struct NumberFormat: Hashable, Sendable {
    public var decimals: Int?
    public var prefix: String
    public var suffix: String
    public init(decimals: Int? = nil, prefix: String = "", suffix: String = "") {
        self.decimals = decimals; self.prefix = prefix; self.suffix = suffix
    }
}

/// A measured quantity: a survey's rank, a count of services, a percentage.
public struct Indicator: Hashable, Sendable {
    public var id: String
    public var label: LocalizedText
    public var unit: IndicatorUnit
    public var direction: Direction
    public var source: String?
    public var format: NumberFormat
    /// A unit word shown beside values (万人, million).
    public var scale: LocalizedText
    /// How many entities the survey ranked, per period text (`"2003"`).
    public var surveySize: [String: Int]
    public var multiple: Bool
    /// Translations of text values (`缺乏安全保障` → {en: Lack of security assurance}), so one dataset serves
    /// reports in every language.
    public var valueLabels: [String: LocalizedText]
    public var location: SourceLocation?
    /// The valid range (`min:`, `max:`): `dossier data check` warns about values outside it (a 0–1 index holding 1.422).
    public var minimum: Double? = nil
    public var maximum: Double? = nil
    public init(id: String, label: LocalizedText, unit: IndicatorUnit, direction: Direction = .none, source: String? = nil,
                format: NumberFormat = NumberFormat(), scale: LocalizedText = LocalizedText(), surveySize: [String: Int] = [:],
                multiple: Bool = false, valueLabels: [String: LocalizedText] = [:], location: SourceLocation? = nil) {
        self.id = id; self.label = label; self.unit = unit; self.direction = direction; self.source = source
        self.format = format; self.scale = scale; self.surveySize = surveySize; self.multiple = multiple
        self.valueLabels = valueLabels; self.location = location
    }

    /// A text value in a language, through `value_labels` when the dataset translates it.
    public func text(_ value: String, _ language: String) -> String {
        guard let labels = valueLabels[value] else { return value }
        var all = labels.values
        if all[Language.base(language)] == nil, Language.isChinese(language) { all["zh"] = value }
        let resolved = LocalizedText(all).resolve(language)
        return resolved.isEmpty ? value : resolved
    }

    /// The survey an indicator belongs to: the part of its id before the first dot.
    public var survey: String { String(id.split(separator: ".").first ?? Substring(id)) }
}

/// A declared arithmetic relation between indicators, checked for consistency.
public struct Relation: Hashable, Sendable {
    public var id: String
    /// stated = numerator / denominator × factor
    public var stated: String
    public var numerator: String
    public var denominator: String
    public var factor: Double
    public var tolerance: Double
    public var location: SourceLocation?
    public init(id: String, stated: String, numerator: String, denominator: String, factor: Double = 1, tolerance: Double = 0.5,
                location: SourceLocation? = nil) {
        self.id = id; self.stated = stated; self.numerator = numerator; self.denominator = denominator
        self.factor = factor; self.tolerance = tolerance; self.location = location
    }
}

/// A named level of an ordinal maturity scale.
public struct Stage: Hashable, Sendable {
    public var level: Int
    public var name: LocalizedText
    public init(level: Int, name: LocalizedText) { self.level = level; self.name = name }
}

/// Where figures come from.
public struct Source: Hashable, Sendable {
    public var id: String
    public var publisher: LocalizedText
    public var title: LocalizedText
    public var years: [Int]
    public var citation: LocalizedText
    public var url: String?
    public var location: SourceLocation?
    public init(id: String, publisher: LocalizedText, title: LocalizedText, years: [Int], citation: LocalizedText,
                url: String? = nil, location: SourceLocation? = nil) {
        self.id = id; self.publisher = publisher; self.title = title; self.years = years; self.citation = citation
        self.url = url; self.location = location
    }
}

/// An observed value: a number, a stage range, or text.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case stageRange(Int, Int)
    case text(String)

    public var number: Double? {
        switch self {
        case .number(let n): return n
        case .stageRange(let a, let b): return a == b ? Double(a) : nil
        case .text: return nil
        }
    }

    public var description: String {
        switch self {
        case .number(let n): return NumberFormatting.plain(n)
        case .stageRange(let a, let b): return a == b ? "\(a)" : "\(a)/\(b)"
        case .text(let t): return t
        }
    }
}

/// How exact a figure is, as the source words it ("约 50 个", "100 多个", "超过 10 万").
public enum Qualifier: String, Hashable, Sendable, CaseIterable {
    case about
    case moreThan = "more-than"
    case lessThan = "less-than"
    case atLeast = "at-least"
}

/// One row of observations.csv.
public struct Observation: Hashable, Sendable {
    public var entity: String
    public var indicator: String
    public var period: Period
    public var value: Value
    public var note: String
    public var quote: String
    public var qualifier: Qualifier?
    public var location: SourceLocation?
    public init(entity: String, indicator: String, period: Period, value: Value, note: String = "", quote: String = "",
                qualifier: Qualifier? = nil, location: SourceLocation? = nil) {
        self.entity = entity; self.indicator = indicator; self.period = period; self.value = value
        self.note = note; self.quote = quote; self.qualifier = qualifier; self.location = location
    }
}

/// Formatting of plain numbers without locale surprises.
public enum NumberFormatting {
    /// Shortest form: `3`, `98.3`, `0.25` (no exponent for ordinary magnitudes).
    public static func plain(_ n: Double) -> String {
        if n.isNaN { return "NaN" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        var s = String(format: "%.6f", n)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// Fixed decimals, rounded half away from zero on the decimal digits (1.005 → 1.01, 2.5 → 3), with
    /// thousands grouping (`1,234.5`; pass "" for none). Never "−0": a value that rounds to zero has no sign.
    public static func grouped(_ n: Double, decimals: Int, separator: String = ",") -> String {
        guard n.isFinite else { return n.isNaN ? "NaN" : (n > 0 ? "∞" : "−∞") }
        let places = max(0, min(decimals, 10))
        // Round the shortest decimal form (what a reader sees), not the binary value: 1.005 is 1.00499… in binary.
        var digits = Array(String(format: "%.12f", abs(n)))
        guard let point = digits.firstIndex(of: ".") else { return String(digits) }
        let cut = point + 1 + places
        var roundUp = cut < digits.count && (digits[cut] >= "5")
        if cut < digits.count && digits[cut] == "4" {
            // %.12f may print 1.004999999999 for 1.005: look past a run of 9s.
            let tail = digits[(cut + 1)...].prefix(9)
            roundUp = tail.count == 9 && tail.allSatisfy { $0 == "9" }
        }
        digits = Array(digits[..<min(cut, digits.count)])
        if digits.last == "." { digits.removeLast() }
        if roundUp {
            var i = digits.count - 1
            var carry = true
            while carry && i >= 0 {
                if digits[i] == "." { i -= 1; continue }
                if digits[i] == "9" { digits[i] = "0"; i -= 1 } else {
                    digits[i] = Character(String((Int(String(digits[i])) ?? 0) + 1)); carry = false
                }
            }
            if carry { digits.insert("1", at: 0) }
        }
        let text = String(digits)
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 && !separator.isEmpty {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer = String(integer.dropLast(3))
        }
        groups.insert(integer, at: 0)
        let body = groups.joined(separator: separator) + (parts.count > 1 ? "." + parts[1] : "")
        let isZero = !body.contains { $0 != "0" && $0 != "." && $0 != "," }
        return (n < 0 && !isZero ? "−" : "") + body
    }
}

import Foundation
