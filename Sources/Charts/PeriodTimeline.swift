import Model

/// Periods placed by date on a line or bump chart's x axis, with one label format for all of them.
///
/// Survey editions are often unevenly spaced (2003, 2004, 2005, 2008) or of mixed precision (2002-05, 2003,
/// 2004-01-29): spaced evenly, three years would look like one, and a thinned label row would leave a tick that
/// reads as the wrong year. Placed by date the gaps are honest, and every label shown sits over its own period.
struct PeriodTimeline {
    /// Position of each period along the axis, 0 for the first and 1 for the last.
    let fractions: [Double]
    /// One label per period, all at one precision.
    let labels: [String]

    /// Nil unless there are two or more periods, all known, strictly later one after another.
    init?(_ periods: [Period], language: String) {
        guard periods.count >= 2 else { return nil }
        let times = periods.map(Self.time)
        guard zip(times, times.dropFirst()).allSatisfy({ $0 < $1 }), let first = times.first, let last = times.last else { return nil }
        fractions = times.map { ($0 - first) / (last - first) }
        labels = Self.labels(periods, language: language)
    }

    /// Fractional years from the start of the period (a year is placed at its first day, like "2003-01").
    static func time(_ period: Period) -> Double {
        switch period {
        case .year(let y): return Double(y)
        case .month(let y, let m): return Double(y) + Double(m - 1) / 12
        case .day(let y, let m, let d): return Double(y) + (Double(m - 1) + Double(d - 1) / 31) / 12
        case .range(let a, let b): return (Double(a) + Double(b)) / 2
        }
    }

    /// Years alone when every period is in a different year; else month precision for every period that has one
    /// (a day is shown as its month: "2004-01-29" next to "2005-01" reads as Jan 2004 and Jan 2005).
    static func labels(_ periods: [Period], language: String) -> [String] {
        let years = Set(periods.map(\.startYear))
        let mixed = Set(periods.map(precision)).count > 1
        if years.count == periods.count, mixed || periods.allSatisfy({ precision($0) == 0 }) {
            return periods.map { period in
                if case .range = period { return period.display(language) }
                return "\(period.startYear)"
            }
        }
        return periods.map { period in
            switch period {
            case .day(let y, let m, _): return Period.month(y, m).display(language)
            default: return period.display(language)
            }
        }
    }

    private static func precision(_ period: Period) -> Int {
        switch period {
        case .year, .range: return 0
        case .month: return 1
        case .day: return 2
        }
    }
}
