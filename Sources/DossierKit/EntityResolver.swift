import Geometry
import Model
import Spec

/// Turns entity selections into entity lists, reporting unknown ids and tags with suggestions.
struct EntityResolver {
    let dataset: Dataset

    func resolve(_ selection: EntitySelection, fallback: [Entity], diagnostics: inout [Diagnostic]) -> [Entity] {
        if selection.isEmpty {
            return fallback.filter { !selection.exclude.contains($0.id) }
        }
        var out: [Entity] = []
        var seen: Set<String> = []
        func add(_ e: Entity) { if seen.insert(e.id).inserted { out.append(e) } }
        let ids = dataset.entities.map(\.id)
        for id in selection.ids {
            if let e = dataset.entity(id) { add(e) } else {
                diagnostics.append(.error("unknown entity '\(id)'", at: selection.location, hint: Suggestion.hint(for: id, in: ids), code: .unknownEntity))
            }
        }
        let knownTags = dataset.tags
        for tag in selection.tags where !knownTags.contains(tag) {
            diagnostics.append(.error("no entity has the tag '\(tag)'", at: selection.location, hint: Suggestion.hint(for: tag, in: knownTags), code: .unknownTag))
        }
        if !selection.tags.isEmpty || !selection.kinds.isEmpty {
            for e in dataset.entities {
                let tagOK = selection.tags.isEmpty || selection.tags.allSatisfy(e.tags.contains)
                let kindOK = selection.kinds.isEmpty || selection.kinds.contains(e.kind)
                if tagOK && kindOK { add(e) }
            }
        }
        if let top = selection.top {
            guard let indicator = dataset.indicator(top.indicator) else {
                diagnostics.append(.error("unknown indicator '\(top.indicator)'", at: selection.location,
                                          hint: Suggestion.hint(for: top.indicator, in: dataset.indicators.map(\.id)), code: .unknownIndicator))
                return out
            }
            let pool = out.isEmpty ? dataset.entities : out
            let period = top.period.flatMap(Period.init)
            let ranked: [(Entity, Double)] = pool.compactMap { e in
                let o = period.map { dataset.observation(entity: e.id, indicator: indicator.id, period: $0) } ?? dataset.latest(entity: e.id, indicator: indicator.id)
                return o?.value.number.map { (e, $0) }
            }
            let sorted = ranked.sorted { a, b in
                a.1 == b.1 ? a.0.id < b.0.id : (indicator.direction == .higherBetter ? a.1 > b.1 : a.1 < b.1)
            }
            out = sorted.prefix(top.count).map(\.0)
        }
        return out.filter { !selection.exclude.contains($0.id) }
    }
}
