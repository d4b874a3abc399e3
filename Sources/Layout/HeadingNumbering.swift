import Geometry

/// Numbers headings per style: `chinese` gives 一、 / （一） / 1. and `decimal` gives 1 / 1.1 / 1.1.1.
struct HeadingNumbering: Sendable {
    enum Scheme: Sendable { case chinese, decimal, none }
    let scheme: Scheme
    private var counters = [0, 0, 0]

    init(scheme: Scheme) { self.scheme = scheme }

    /// Reads the style's `headingNumbering`; nil for an unknown name.
    static func scheme(named name: String) -> Scheme? {
        switch name.lowercased() {
        case "chinese", "zh": return .chinese
        case "decimal": return .decimal
        case "none": return Scheme.none
        default: return nil
        }
    }

    /// Advances the counter of `level` (1...3), resets the deeper ones and returns the number prefix.
    mutating func next(level: Int) -> String {
        let index = min(max(level, 1), 3) - 1
        counters[index] += 1
        for deeper in (index + 1)..<counters.count { counters[deeper] = 0 }
        switch scheme {
        case .chinese:
            switch index {
            case 0: return Self.chineseNumeral(counters[0]) + "、"
            case 1: return "（" + Self.chineseNumeral(counters[1]) + "）"
            default: return "\(counters[2]). "
            }
        case .none:
            return ""
        case .decimal:
            // A deeper heading before any shallower one counts the missing levels as 0 rather than failing.
            return counters[0...index].map(String.init).joined(separator: ".") + " "
        }
    }

    /// Chinese numerals for 1...9999 (一, 十, 十一, 二十, 九十九, 一百, 一百零一, 一百一十, 一千零二十); other
    /// numbers stay in Arabic digits. Zeros inside the number are read as one 零 and trailing zeros not at all;
    /// the 一 before 十 is dropped only when 十 leads (十一, but 一百一十一).
    static func chineseNumeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard (1...9999).contains(n) else { return String(n) }
        let units = ["千", "百", "十", ""]
        let places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10]
        var out = ""
        var zeroPending = false
        for (index, digit) in places.enumerated() {
            if digit == 0 {
                if !out.isEmpty { zeroPending = true }
                continue
            }
            if zeroPending { out += "零"; zeroPending = false }
            let leadingTen = out.isEmpty && index == 2 && digit == 1
            out += (leadingTen ? "" : digits[digit]) + units[index]
        }
        return out
    }
}
