import Geometry
import Model
import Spec

/// Turns entity selections into entity lists, reporting unknown ids, tags and parents with suggestions.
struct EntityResolver {
    let dataset: Dataset
    /// The tags of the report's declared `groups:`, in order (for windows `per: group`).
    var groups: [String] = []

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
        let members = parentMembers(selection, diagnostics: &diagnostics)
        if !selection.tags.isEmpty || !selection.kinds.isEmpty || !selection.parents.isEmpty {
            for e in dataset.entities {
                let tagOK = selection.tags.isEmpty || selection.tags.allSatisfy(e.tags.contains)
                let kindOK = selection.kinds.isEmpty || selection.kinds.contains(e.kind)
                let parentOK = selection.parents.isEmpty || members.contains(e.id)
                if tagOK && kindOK && parentOK { add(e) }
            }
        }
        if let top = selection.top {
            let pool = out.isEmpty ? dataset.entities : out
            out = EntityWindow(dataset: dataset, groups: groups).select(top, from: pool.filter { !selection.exclude.contains($0.id) },
                                                                         at: top.location ?? selection.location, diagnostics: &diagnostics)
        }
        return out.filter { !selection.exclude.contains($0.id) }
    }

    /// The ids of every member of the selection's parents (`in:`), at any depth. An unknown parent is an error with
    /// the closest id as a hint; a parent without members is an `empty-parent` error (a warning in optional sections).
    func parentMembers(_ selection: EntitySelection, diagnostics: inout [Diagnostic]) -> Set<String> {
        var out: Set<String> = []
        let at = selection.parentsLocation ?? selection.location
        for parent in selection.parents {
            guard dataset.entity(parent) != nil else {
                diagnostics.append(.error("unknown parent '\(parent)' in 'in'", at: at, hint: Suggestion.hint(for: parent, in: dataset.entities.map(\.id)),
                                          code: .unknownEntity))
                continue
            }
            let found = descendants(of: parent)
            if found.isEmpty {
                let parents = Set(dataset.entities.compactMap(\.parent)).sorted()
                diagnostics.append(.error("'\(parent)' has no members: no entity names it as its parent", at: at,
                                          hint: parents.isEmpty ? "no entity of the dataset has a parent (entities.csv, column parent)"
                                              : "entities with members: \(parents.prefix(12).joined(separator: ", "))\(parents.count > 12 ? ", …" : "")",
                                          code: .emptyParent))
            }
            out.formUnion(found)
        }
        return out
    }

    /// Children, their children and so on (each once, so a parent cycle in a broken dataset cannot loop).
    func descendants(of parent: String) -> Set<String> {
        var out: Set<String> = []
        var frontier: Set<String> = [parent]
        while !frontier.isEmpty {
            let next = Set(dataset.entities.filter { $0.parent.map(frontier.contains) ?? false }.map(\.id)).subtracting(out).subtracting([parent])
            out.formUnion(next)
            frontier = next
        }
        return out
    }
}
