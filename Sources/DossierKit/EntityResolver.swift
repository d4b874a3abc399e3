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
            let pool = out.isEmpty ? dataset.entities : out
            out = EntityWindow(dataset: dataset).select(top, from: pool.filter { !selection.exclude.contains($0.id) },
                                                         at: top.location ?? selection.location, diagnostics: &diagnostics)
        }
        return out.filter { !selection.exclude.contains($0.id) }
    }
}
