/// When an observation holds: a year, a month, a day, or a range of years.
public enum Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    case year(Int)
    case month(Int, Int)
    case day(Int, Int, Int)
    case range(Int, Int)

    /// Parses `2003`, `2002-10`, `2002-09-15` or `2001/2003`; nil when malformed.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.contains("/") {
            let parts = t.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let a = Period.year(parts[0]), let b = Period.year(parts[1]), a <= b else { return nil }
            self = .range(a, b)
            return
        }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let y = Period.year(parts[0]) else { return nil }
            self = .year(y)
        case 2:
            guard let y = Period.year(parts[0]), parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            self = .month(y, m)
        case 3:
            guard let y = Period.year(parts[0]), parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m),
                  parts[2].count == 2, let d = Int(parts[2]), (1...Period.daysIn(month: m, year: y)).contains(d) else { return nil }
            self = .day(y, m, d)
        default:
            return nil
        }
    }

    private static func year(_ s: Substring) -> Int? {
        guard s.count == 4, s.allSatisfy(\.isASCII), let y = Int(s), y >= 1 else { return nil }
        return y
    }

    /// Days in a month of the Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first year the period touches.
    public var startYear: Int {
        switch self {
        case .year(let y), .month(let y, _), .day(let y, _, _), .range(let y, _): return y
        }
    }

    /// The last year the period touches.
    public var endYear: Int {
        switch self {
        case .range(_, let y): return y
        default: return startYear
        }
    }

    /// A sortable key (year, month, day).
    var sortKey: (Int, Int, Int, Int) {
        switch self {
        case .year(let y): return (y, 0, 0, 0)
        case .month(let y, let m): return (y, m, 0, 0)
        case .day(let y, let m, let d): return (y, m, d, 0)
        case .range(let a, let b): return (a, 0, 0, b - a + 1)
        }
    }

    public static func < (l: Period, r: Period) -> Bool { l.sortKey < r.sortKey }

    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch self {
        case .year(let y): return "\(y)"
        case .month(let y, let m): return "\(y)-\(two(m))"
        case .day(let y, let m, let d): return "\(y)-\(two(m))-\(two(d))"
        case .range(let a, let b): return "\(a)/\(b)"
        }
    }

    /// How a reader sees the period: `2003`, `2002年10月`, `2001—2003年` / `Oct 2002`, `2001–2003`.
    public func display(_ language: String) -> String {
        let zh = Language.isChinese(language)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        switch self {
        case .year(let y): return "\(y)"
        case .month(let y, let m): return zh ? "\(y)年\(m)月" : "\(months[m - 1]) \(y)"
        case .day(let y, let m, let d): return zh ? "\(y)年\(m)月\(d)日" : "\(d) \(months[m - 1]) \(y)"
        case .range(let a, let b): return zh ? "\(a)—\(b)" : "\(a)–\(b)"
        }
    }

    /// The period inside a sentence: Chinese years take 年 (2003年, 2001—2003年) as months and days already do
    /// (2002年10月); English is the same as `display`.
    public func inProse(_ language: String) -> String {
        guard Language.isChinese(language) else { return display(language) }
        switch self {
        case .year, .range: return display(language) + "年"
        case .month, .day: return display(language)
        }
    }
}

import Foundation
