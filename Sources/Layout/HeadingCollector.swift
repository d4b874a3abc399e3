import Geometry

/// A heading as resolved before layout: its numbered text, destination and whether the TOC lists it.
struct HeadingInfo: Hashable, Sendable {
    var level: Int
    /// The text as shown, number included ("一、总体情况", "1.2 Method").
    var label: String
    var destination: String
    var inTableOfContents: Bool
}

/// Resolves every heading of a report before layout, so the TOC, outline and links know them all up front.
enum HeadingCollector {
    /// Headings in reading order (including the titles of reference lists) with unique destinations.
    static func collect(_ blocks: [Block], scheme: HeadingNumbering.Scheme, typesetter: Typesetter) -> (headings: [HeadingInfo], warnings: [Diagnostic]) {
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
                                         code: .duplicateAnchor))
            }
            var name = "h-" + path[0...index].map(String.init).joined(separator: "-")
            while used.contains(name) { name += "x" }
            used.insert(name)
            return name
        }

        for block in blocks {
            switch block {
            case .heading(_, let text, _, _) where text.trimmingSpaces.isEmpty:
                // Left out of the layout (with a warning from FlowBuilder): no number, no destination.
                break
            case .heading(let level, let text, let numbered, let anchor):
                let clamped = min(max(level, 1), 3)
                if clamped != level {
                    warnings.append(.warning("heading level \(level) is out of range; using \(clamped)",
                                             hint: "heading levels are 1, 2 and 3", code: .headingLevel))
                }
                // Spaced as it is set, so the outline, the contents and the running header match the heading.
                // The gap after the number is the numbering's own ("1 总体"), not a CJK–Latin boundary.
                let label = (numbered ? numbering.next(level: clamped) : "") + typesetter.autospaced(text)
                headings.append(HeadingInfo(level: clamped, label: label, destination: destination(level: clamped, anchor: anchor),
                                            inTableOfContents: clamped <= 2))
            case .references(let title, _) where !title.trimmingSpaces.isEmpty:
                headings.append(HeadingInfo(level: 1, label: typesetter.autospaced(title), destination: destination(level: 1, anchor: ""),
                                            inTableOfContents: true))
            case .figure(let figure) where !figure.anchor.trimmingSpaces.isEmpty:
                // Figures share the destination namespace with headings.
                let anchor = figure.anchor.trimmingSpaces
                if used.contains(anchor) {
                    warnings.append(.warning("duplicate anchor '\(anchor)'", code: .duplicateAnchor))
                }
                used.insert(anchor)
            default:
                break
            }
        }
        return (headings, warnings)
    }
}
