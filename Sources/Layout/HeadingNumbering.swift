import Geometry
import Model

/// Numbers headings per style: `chinese` gives 一、 / （一） / 1. and `decimal` gives 1 / 1.1 / 1.1.1.
struct HeadingNumbering: Sendable {
    typealias Scheme = HeadingScheme
    let scheme: Scheme
    private var counters = [0, 0, 0]

    init(scheme: Scheme) { self.scheme = scheme }

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

    static func chineseNumeral(_ n: Int) -> String { NumberWords.chineseNumeral(n) }
}
