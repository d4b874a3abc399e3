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

/// One row of observations.csv.
public struct Observation: Hashable, Sendable {
    public var entity: String
    public var indicator: String
    public var period: Period
    public var value: Value
    public var note: String
    public var quote: String
    public var location: SourceLocation?
    public init(entity: String, indicator: String, period: Period, value: Value, note: String = "", quote: String = "",
                location: SourceLocation? = nil) {
        self.entity = entity; self.indicator = indicator; self.period = period; self.value = value
        self.note = note; self.quote = quote; self.location = location
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

    /// Fixed decimals with thousands grouping (`1,234.5`); Chinese reports group the same way.
    public static func grouped(_ n: Double, decimals: Int) -> String {
        let s = String(format: "%.\(max(0, decimals))f", abs(n))
        let parts = s.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer = String(integer.dropLast(3))
        }
        groups.insert(integer, at: 0)
        let body = groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
        return (n < 0 ? "−" : "") + body
    }
}

import Foundation
