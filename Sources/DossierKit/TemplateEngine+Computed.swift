import Geometry
import Model
import Spec

/// Placeholders for computed values (docs/SPEC.md): the change between two periods, group aggregates (median,
/// mean, min, max, n), the difference to a reference, the rank within a group and the share of a group's total.
/// A group is `tag:TAG` (several combine), `kind:KIND`, or ids joined by commas (`US,CA,GB`); without one, every
/// entity with a value in that period.
extension TemplateEngine {
    static let computedFunctions = ["change", "median", "mean", "min", "max", "n", "difference", "grouprank", "share"]

    func evaluateComputed(_ function: String, _ args: [String], cited: inout [String], fail: (String, String?) -> String) -> String {
        func usage() -> String {
            switch function {
            case "change": return "change ENTITY INDICATOR FROM TO"
            case "difference": return "difference ENTITY INDICATOR PERIOD median|mean|best|ENTITY [tag:TAG]"
            case "grouprank", "share": return "\(function) ENTITY INDICATOR PERIOD [tag:TAG]"
            default: return "\(function) INDICATOR PERIOD [tag:TAG]"
            }
        }
        let needed = ["change": 4, "difference": 4, "grouprank": 3, "share": 3][function] ?? 2
        guard args.count >= needed else {
            return fail("{{\(function)}} needs \(needed) arguments", "write {{ \(usage()) }}")
        }
        let aggregate = ["median", "mean", "min", "max", "n"].contains(function)
        var rest = args[...]
        var entity: Entity?
        if !aggregate {
            let id = rest.removeFirst()
            guard let e = dataset.entity(id) else {
                return fail("unknown entity '\(id)' in {{\(function)}}", Suggestion.hint(for: id, in: dataset.entities.map(\.id)))
            }
            entity = e
        }
        let indicatorID = rest.removeFirst()
        guard let x = dataset.indicator(indicatorID) else {
            return fail("unknown indicator '\(indicatorID)' in {{\(function)}}", Suggestion.hint(for: indicatorID, in: dataset.indicators.map(\.id)))
        }
        guard x.unit.isNumeric, x.unit != .stage else {
            return fail("{{\(function)}} needs a numeric indicator; \(x.id) has unit \(x.unit.rawValue)", nil)
        }
        if !cited.contains(x.id) { cited.append(x.id) }
        let known = dataset.periods(indicator: x.id)
        func period(_ text: String) -> Period? {
            guard let p = Period(text), known.contains(p) else { return nil }
            return p
        }
        func unknownPeriod(_ text: String) -> String {
            fail(Period(text) == nil ? "'\(text)' is not a period" : "no \(x.id) data in \(text)",
                 known.isEmpty ? "\(x.id) has no observations" : "periods with data: \(known.map(\.description).joined(separator: ", "))")
        }
        func value(_ e: Entity, _ p: Period) -> Double? { dataset.observation(entity: e.id, indicator: x.id, period: p)?.value.number }
        func noValue(_ e: Entity, _ p: Period) -> String {
            let have = dataset.observations(entity: e.id, indicator: x.id).map(\.period.description)
            return fail("no observation for \(e.id) · \(x.id) · \(p)", have.isEmpty ? "\(e.id) has no \(x.id) data at all" : "periods with data: \(have.joined(separator: ", "))")
        }
        let periodText = rest.removeFirst()
        guard let p = period(periodText) else { return unknownPeriod(periodText) }

        if function == "change", let e = entity {
            let toText = rest.removeFirst()
            guard let to = period(toText) else { return unknownPeriod(toText) }
            guard let a = value(e, p) else { return noValue(e, p) }
            guard let b = value(e, to) else { return noValue(e, to) }
            return changePhrase(from: a, to: b, x)
        }
        var reference: ComputedColumnSpec.Reference?
        if function == "difference" { reference = ComputedColumnSpec.Reference(rest.removeFirst()) }
        // The group: the remaining arguments.
        var selection = EntitySelection()
        for word in rest {
            if word.hasPrefix("tag:") {
                let tag = String(word.dropFirst(4))
                guard dataset.tags.contains(tag) else { return fail("no entity has the tag '\(tag)'", Suggestion.hint(for: tag, in: dataset.tags)) }
                selection.tags.append(tag)
            } else if word.hasPrefix("kind:") {
                guard let k = EntityKind(rawValue: String(word.dropFirst(5))) else {
                    return fail("unknown kind '\(word.dropFirst(5))'", Suggestion.hint(for: String(word.dropFirst(5)), in: EntityKind.allCases.map(\.rawValue)))
                }
                selection.kinds.append(k)
            } else {
                for id in word.split(separator: ",").map(String.init) {
                    guard dataset.entity(id) != nil else {
                        return fail("unknown entity '\(id)' in the group of {{\(function)}}", Suggestion.hint(for: id, in: dataset.entities.map(\.id)))
                    }
                    selection.ids.append(id)
                }
            }
        }
        var ignored: [Diagnostic] = []
        let group = selection.isEmpty ? dataset.entities : EntityResolver(dataset: dataset).resolve(selection, fallback: dataset.entities, diagnostics: &ignored)
        let stats = GroupStatistics(indicator: x, period: p, entities: group, dataset: dataset)
        let needsGroup = aggregate || function == "grouprank" || function == "share" || reference.map { if case .entity = $0 { return false } else { return true } } == true
        if needsGroup, stats.count == 0 {
            return fail("no entity of the group has \(x.id) data in \(periodText)", "check the group (tag:, kind: or ids) and the period")
        }
        switch function {
        case "median", "mean":
            guard let v = function == "median" ? stats.median : stats.mean else { return "" }
            return formatter.statistic(v, indicator: x)
        case "n":
            return String(stats.count)
        case "min", "max":
            guard let v = function == "min" ? stats.minimum : stats.maximum else { return "" }
            return formatter.format(.number(v), indicator: x)
        case "grouprank":
            guard let e = entity else { return "" }
            guard x.direction != .none else { return fail("{{grouprank}} needs an indicator with a direction; \(x.id) has none", nil) }
            guard let r = stats.rank(of: e.id) else {
                return value(e, p) == nil ? noValue(e, p) : fail("\(e.id) is not in the group of {{grouprank}}", "add it to the group")
            }
            return String(r)
        case "share":
            guard let e = entity else { return "" }
            guard [.count, .number, .currency].contains(x.unit) else {
                return fail("{{share}} needs a count, number or currency indicator; \(x.id) has unit \(x.unit.rawValue)", nil)
            }
            guard let v = value(e, p) else { return noValue(e, p) }
            guard let s = stats.share(of: e.id, value: v) else { return fail("the total of the group is 0", nil) }
            return NumberFormatting.grouped(s, decimals: 1, separator: formatter.separator) + "%"
        default:   // difference
            guard let e = entity, let reference else { return "" }
            guard let v = value(e, p) else { return noValue(e, p) }
            let base: Double
            switch reference {
            case .entity(let id):
                guard let r = dataset.entity(id) else {
                    return fail("unknown reference '\(id)' in {{difference}}", "use median, mean, best or an entity id" + (Suggestion.hint(for: id, in: dataset.entities.map(\.id)).map { "; " + $0 } ?? ""))
                }
                guard let rv = value(r, p) else { return noValue(r, p) }
                base = rv
            case .best where x.direction == .none:
                return fail("'best' needs an indicator with a direction; \(x.id) has none", "use median or mean")
            default:
                guard let rv = stats.reference(reference) else { return "" }
                base = rv
            }
            return differencePhrase(v - base, x)
        }
    }

    /// "上升3位" / "up 3 places" for ranks (places climbed), "上升0.05" / "up 0.05" for values (the number rose).
    func changePhrase(from a: Double, to b: Double, _ x: Indicator) -> String {
        if a == b { return phrases(.changeNone) }
        if x.unit == .rank {
            let n = Int(abs(b - a))
            return phrases(b < a ? .changeUp : .changeDown, places(String(n)))
        }
        return phrases(b > a ? .changeUp : .changeDown, formatter.statistic(abs(b - a), indicator: x))
    }

    /// "3 places", "1 place", "2.5 places" / "3位".
    func places(_ amount: String) -> String { amount == "1" ? phrases(.placeOne) : phrases(.places, amount) }

    /// For ranks "落后3位" / "3 places behind" (or ahead); for values "高0.05" / "0.05 above" (or below).
    func differencePhrase(_ delta: Double, _ x: Indicator) -> String {
        if delta == 0 { return phrases(x.unit == .rank ? .gapLevel : .differenceLevel) }
        if x.unit == .rank {
            let behind = x.direction == .higherBetter ? delta < 0 : delta > 0
            return phrases(behind ? .placesBehind : .placesAhead, places(formatter.statistic(abs(delta), indicator: x)))
        }
        return phrases(delta > 0 ? .differenceAbove : .differenceBelow, formatter.statistic(abs(delta), indicator: x))
    }
}
