import Geometry

/// A heading as resolved before layout: its numbered text, destination and whether the TOC lists it.
struct HeadingInfo: Hashable, Sendable {
    var level: Int
    /// The text as shown, number included ("一、总体情况", "1.2 Method").
    var label: String
    var destination: String
    var inTableOfContents: Bool
}

/// Numbers headings per style: `chinese` gives 一、 / （一） / 1. and `decimal` gives 1 / 1.1 / 1.1.1.
struct HeadingNumbering: Sendable {
    enum Scheme: Sendable { case chinese, decimal }
    let scheme: Scheme
    private var counters = [0, 0, 0]

    init(scheme: Scheme) { self.scheme = scheme }

    /// Reads the style's `headingNumbering`; nil for an unknown name.
    static func scheme(named name: String) -> Scheme? {
        switch name.lowercased() {
        case "chinese", "zh": return .chinese
        case "decimal": return .decimal
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
        case .decimal:
            // A deeper heading before any shallower one counts the missing levels as 0 rather than failing.
            return counters[0...index].map(String.init).joined(separator: ".") + " "
        }
    }

    /// Chinese numerals for 1...99 (一, 十, 十一, 二十, 九十九); other numbers stay in Arabic digits.
    static func chineseNumeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch n {
        case 1...9: return digits[n]
        case 10...99:
            let tens = n / 10, ones = n % 10
            return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
        default: return String(n)
        }
    }
}

/// Builds the nested PDF outline from headings in reading order: level 2 under the last level 1, level 3
/// under the last level 2 (or the nearest shallower entry when a level is skipped).
enum OutlineBuilder {
    static func outline(_ headings: [HeadingInfo]) -> [OutlineEntry] {
        var roots: [OutlineEntry] = []
        for heading in headings {
            let entry = OutlineEntry(title: heading.label, destination: heading.destination)
            switch heading.level {
            case 2... where !roots.isEmpty:
                let r = roots.count - 1
                if heading.level >= 3, !roots[r].children.isEmpty {
                    roots[r].children[roots[r].children.count - 1].children.append(entry)
                } else {
                    roots[r].children.append(entry)
                }
            default:
                roots.append(entry)
            }
        }
        return roots
    }
}

/// Resolves every heading of a report before layout, so the TOC, outline and links know them all up front.
enum HeadingCollector {
    /// Headings in reading order (including the titles of reference lists) with unique destinations.
    static func collect(_ blocks: [Block], scheme: HeadingNumbering.Scheme) -> (headings: [HeadingInfo], warnings: [Diagnostic]) {
        var numbering = HeadingNumbering(scheme: scheme)
        // Destinations count every heading, numbered or not, so generated names stay unique and stable.
        var path = [0, 0, 0]
        var used: Set<String> = []
        var headings: [HeadingInfo] = []
        var warnings: [Diagnostic] = []

        func destination(level: Int, anchor: String) -> String {
            let index = level - 1
            path[index] += 1
            for deeper in (index + 1)..<path.count { path[deeper] = 0 }
            let anchor = anchor.trimmingSpaces
            if !anchor.isEmpty {
                if !used.contains(anchor) { used.insert(anchor); return anchor }
                warnings.append(.warning("duplicate anchor '\(anchor)'", hint: "links to '#\(anchor)' go to its first heading",
                                         code: "duplicate-anchor"))
            }
            var name = "h-" + path[0...index].map(String.init).joined(separator: "-")
            while used.contains(name) { name += "x" }
            used.insert(name)
            return name
        }

        for block in blocks {
            switch block {
            case .heading(let level, let text, let numbered, let anchor):
                let clamped = min(max(level, 1), 3)
                if clamped != level {
                    warnings.append(.warning("heading level \(level) is out of range; using \(clamped)",
                                             hint: "heading levels are 1, 2 and 3", code: "heading-level"))
                }
                let label = (numbered ? numbering.next(level: clamped) : "") + text
                headings.append(HeadingInfo(level: clamped, label: label, destination: destination(level: clamped, anchor: anchor),
                                            inTableOfContents: clamped <= 2))
            case .references(let title, _) where !title.isEmpty:
                headings.append(HeadingInfo(level: 1, label: title, destination: destination(level: 1, anchor: ""),
                                            inTableOfContents: true))
            case .figure(let figure) where !figure.anchor.trimmingSpaces.isEmpty:
                // Figures share the destination namespace with headings.
                let anchor = figure.anchor.trimmingSpaces
                if used.contains(anchor) {
                    warnings.append(.warning("duplicate anchor '\(anchor)'", code: "duplicate-anchor"))
                }
                used.insert(anchor)
            default:
                break
            }
        }
        return (headings, warnings)
    }
}
