import Model

/// Periods that are dates placed by date, with one label format for all of them.
///
/// Survey editions of 2003, 2004, 2005 and 2008 evenly spaced would put 2008 where 2006 belongs; periods of
/// 2002-05, 2003, 2004-01-29 and 2005-01 labelled as written mix three formats. A period sits at the middle of its
/// span (a year at mid-year, a month at mid-month), so a year and a month of it are ordered as the calendar orders
/// them. Anything that is not a strictly increasing run of at least two dates (ranges, a lone period, two equal
/// dates, text categories) keeps the even spacing.
enum TimeAxis {
    /// Positions in years, or nil when the categories should stay evenly spaced.
    static func positions(_ periods: [Period?]) -> [Double]? {
        guard periods.count >= 2 else { return nil }
        var out: [Double] = []
        for period in periods {
            guard let period, let t = time(period) else { return nil }
            if let previous = out.last, t <= previous { return nil }
            out.append(t)
        }
        guard let first = out.first, let last = out.last, last - first > 0, last.isFinite, first.isFinite else { return nil }
        return out
    }

    static func time(_ period: Period) -> Double? {
        switch period {
        case .year(let y): return Double(y) + 0.5
        case .month(let y, let m): return Double(y) + (Double(m) - 0.5) / 12
        case .day(let y, let m, let d): return Double(y) + (Double(m) - 1) / 12 + (Double(d) - 0.5) / 372
        case .range: return nil
        }
    }

    /// One format for every period: to the month when any period gives a month (a day is shown only when two periods
    /// share a month), else years. In Chinese a year among months takes 年 like them ("2003年", "2002年5月").
    static func labels(_ periods: [Period], language: String) -> [String] {
        let zh = Language.isChinese(language)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let finer = periods.contains { if case .year = $0 { return false } else { return true } }
        var monthKeys: [String: Int] = [:]
        for p in periods {
            if case .day(let y, let m, _) = p { monthKeys["\(y)-\(m)", default: 0] += 1 }
            if case .month(let y, let m) = p { monthKeys["\(y)-\(m)", default: 0] += 1 }
        }
        return periods.map { p in
            switch p {
            case .year(let y): return finer && zh ? "\(y)年" : "\(y)"
            case .month(let y, let m): return zh ? "\(y)年\(m)月" : "\(months[m - 1]) \(y)"
            case .day(let y, let m, _):
                if (monthKeys["\(y)-\(m)"] ?? 0) > 1 { return p.display(language) }
                return zh ? "\(y)年\(m)月" : "\(months[m - 1]) \(y)"
            case .range: return p.display(language)
            }
        }
    }
}

/// Where each period of a line chart sits: by date when `times` is given, else evenly spaced.
struct PeriodScale {
    let even: PointScale
    let times: [Double]?

    init(count: Int, range: (Double, Double), times: [Double]?) {
        even = PointScale(count: count, range: range)
        self.times = times.flatMap { $0.count == count && count > 1 ? $0 : nil }
    }

    /// The smallest distance between neighbouring periods (how much room a period label has).
    var step: Double {
        guard let times, let first = times.first, let last = times.last, last > first else { return even.step }
        let scale = (even.range.1 - even.range.0) / (last - first)
        return zip(times, times.dropFirst()).map { ($1 - $0) * scale }.min() ?? even.step
    }

    func callAsFunction(_ index: Int) -> Double {
        guard let times, let first = times.first, let last = times.last, last > first, times.indices.contains(index) else {
            return even(index)
        }
        return even.range.0 + (times[index] - first) / (last - first) * (even.range.1 - even.range.0)
    }
}
