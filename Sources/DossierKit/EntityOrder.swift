import Foundation
import Model

/// Orders entity rows: by a value (missing values last, whichever the direction) or by name, ties broken by the
/// entity's name in the report language and then by id, so the order is total and the same on every run.
struct EntityOrder {
    let language: String

    /// Names in the report language's collation (pinyin order for Chinese, alphabetical for English).
    func nameOrder(_ a: Entity, _ b: Entity) -> ComparisonResult {
        let x = a.name(language), y = b.name(language)
        if x == y { return a.id < b.id ? .orderedAscending : (a.id == b.id ? .orderedSame : .orderedDescending) }
        let collated = x.compare(y, options: [.caseInsensitive], range: nil, locale: Locale(identifier: Language.base(language) == "zh" ? "zh_Hans" : "en_US"))
        if collated != .orderedSame { return collated }
        return x < y ? .orderedAscending : .orderedDescending
    }

    /// By name, A to Z (or Z to A).
    func byName(_ entities: [Entity], descending: Bool = false) -> [Entity] {
        entities.sorted { a, b in
            let c = nameOrder(a, b)
            return descending ? c == .orderedDescending : c == .orderedAscending
        }
    }

    /// By value, smallest first when `ascending`; entities without a value last (by name), ties by name.
    func byValue(_ entities: [Entity], ascending: Bool, value: (Entity) -> Double?) -> [Entity] {
        let keyed = entities.map { ($0, value($0)) }
        return keyed.sorted { a, b in
            switch (a.1, b.1) {
            case let (x?, y?) where x != y: return ascending ? x < y : x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return nameOrder(a.0, b.0) == .orderedAscending
            }
        }.map(\.0)
    }

    /// Whether "best first" means the smallest value first: ranks (unless declared higher-better) and
    /// lower-better values; higher-better values and values without a direction go largest first.
    static func bestIsSmallest(_ indicator: Indicator) -> Bool {
        indicator.unit == .rank ? indicator.direction != .higherBetter : indicator.direction == .lowerBetter
    }
}
