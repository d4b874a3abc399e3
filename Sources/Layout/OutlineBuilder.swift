import Geometry

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
