import Foundation
import Model
import Spec

/// One indicator's values over a group of entities in one period, and what analysts compute from them: median,
/// mean, minimum, maximum, the best (direction-aware), the rank within the group and the share of the total.
/// Entities without a number in that period are left out (never counted as 0).
struct GroupStatistics: Sendable {
    struct Member: Sendable, Hashable {
        var entity: String
        var value: Double
    }

    let indicator: Indicator
    let period: Period
    /// The members with a value, in the order given.
    let members: [Member]

    init(indicator: Indicator, period: Period, entities: [Entity], dataset: Dataset) {
        self.indicator = indicator
        self.period = period
        members = entities.compactMap { e in
            dataset.observation(entity: e.id, indicator: indicator.id, period: period)?.value.number.map { Member(entity: e.id, value: $0) }
        }
    }

    var count: Int { members.count }
    var values: [Double] { members.map(\.value) }

    var median: Double? {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    var mean: Double? { members.isEmpty ? nil : values.reduce(0, +) / Double(members.count) }
    var minimum: Double? { values.min() }
    var maximum: Double? { values.max() }
    var total: Double? { members.isEmpty ? nil : values.reduce(0, +) }

    /// Whether `a` is better than `b`; nil for an indicator without a direction.
    func isBetter(_ a: Double, than b: Double) -> Bool? {
        switch indicator.direction {
        case .lowerBetter: return a < b
        case .higherBetter: return a > b
        case .none: return nil
        }
    }

    /// The best value (lowest rank, highest score); nil without a direction or without members.
    var best: Double? {
        switch indicator.direction {
        case .lowerBetter: return minimum
        case .higherBetter: return maximum
        case .none: return nil
        }
    }

    /// The entities holding the best value (several when tied), in member order.
    var bestEntities: [String] {
        guard let best else { return [] }
        return members.filter { $0.value == best }.map(\.entity)
    }

    /// The entity's place in the group: 1 = best, tied entities share a place and the next place is skipped
    /// (1, 1, 3). Nil when the entity has no value or the indicator has no direction.
    func rank(of entity: String) -> Int? {
        guard let mine = members.first(where: { $0.entity == entity })?.value, indicator.direction != .none else { return nil }
        return 1 + members.filter { isBetter($0.value, than: mine) == true }.count
    }

    /// The entity's value as a percentage of the group's total; nil without a value or with a total of 0.
    func share(of entity: String, value: Double?) -> Double? {
        guard let value, let total, total != 0 else { return nil }
        return value / total * 100
    }

    /// A reference value of the group: its median, mean or best (an entity reference is not the group's).
    func reference(_ reference: ComputedColumnSpec.Reference) -> Double? {
        switch reference {
        case .median: return median
        case .mean: return mean
        case .best: return best
        case .entity: return nil
        }
    }
}
