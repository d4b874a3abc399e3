import Geometry

extension DataChecker {
    /// Entities whose `parent` chain comes back to themselves (a self-parent is the shortest such chain); each
    /// cycle is reported once, at its first entity in file order, with the whole chain.
    func checkParentCycles(_ data: Dataset, _ out: inout [Diagnostic]) {
        var reported: Set<String> = []
        for e in data.entities where !reported.contains(e.id) {
            var chain = [e.id]
            var current = e.parent
            while let id = current, chain.count <= data.entities.count {
                if id == e.id {
                    let message = chain.count == 1 ? "entity '\(e.id)' is its own parent"
                        : "entities' parents form a cycle: \((chain + [e.id]).joined(separator: " → "))"
                    out.append(.error(message, at: e.location, hint: "a parent is the region or country that contains the entity; leave it empty at the top",
                                      code: .parentCycle))
                    reported.formUnion(chain)
                    break
                }
                if chain.contains(id) { break }   // a cycle further up, reported at its own first entity
                chain.append(id)
                current = data.entity(id)?.parent
            }
        }
    }
}
