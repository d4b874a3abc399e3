import Geometry

/// A structure element that spans several flow units (a paragraph's lines, a table's rows, a list's items).
/// The paginator nests consecutive units of the same element on one page into one tagged group.
struct StructureContainer: Hashable, Sendable {
    /// Unique within a document, so two neighbouring paragraphs stay two elements.
    var id: Int
    var tag: StructureTag
}

/// Items placed on a page together with the structure elements they belong to, outermost first.
struct StructureSegment: Sendable {
    var path: [StructureContainer]
    var items: [DisplayItem]
}

/// Turns the flat run of a page's segments into nested tagged groups, in reading order.
enum StructureNesting {
    /// Roles whose neighbouring groups are one element split only by layout (the lines of a list item's body).
    static let joined: Set<StructureRole> = [.listBody]

    static func nest(_ segments: [StructureSegment]) -> [DisplayItem] {
        nest(segments[...], depth: 0)
    }

    private static func nest(_ segments: ArraySlice<StructureSegment>, depth: Int) -> [DisplayItem] {
        var out: [DisplayItem] = []
        var i = segments.startIndex
        while i < segments.endIndex {
            let segment = segments[i]
            guard segment.path.count > depth else {
                out += segment.items
                i += 1
                continue
            }
            let container = segment.path[depth]
            var j = i + 1
            while j < segments.endIndex, segments[j].path.count > depth, segments[j].path[depth].id == container.id { j += 1 }
            out.append(.group(GroupItem(items: joinAdjacent(nest(segments[i..<j], depth: depth + 1)), tag: container.tag)))
            i = j
        }
        return out
    }

    /// Merges neighbouring groups of a `joined` role into one (each keeps its geometry in an untagged group).
    static func joinAdjacent(_ items: [DisplayItem]) -> [DisplayItem] {
        var out: [DisplayItem] = []
        for item in items {
            if case .group(let next) = item, let tag = next.tag, joined.contains(tag.role),
               case .group(var previous)? = out.last, previous.tag == tag {
                if previous.transform.isIdentity, previous.clip == nil, next.transform.isIdentity, next.clip == nil {
                    previous.items += next.items
                    out[out.count - 1] = .group(previous)
                    continue
                }
                previous.items = [.group(GroupItem(transform: previous.transform, clip: previous.clip, items: previous.items)),
                                  .group(GroupItem(transform: next.transform, clip: next.clip, items: next.items))]
                previous.transform = .identity
                previous.clip = nil
                out[out.count - 1] = .group(previous)
            } else {
                out.append(item)
            }
        }
        return out
    }

    /// Text runs each wrapped in a `Span`: needed in an element that also holds links, because cairo 1.16
    /// only marks the content of elements without children, and a link is a child element.
    static func spanned(_ items: [DisplayItem]) -> [DisplayItem] {
        items.map { item in
            switch item {
            case .text: return GroupItem.tagged(StructureTag(.span), [item])
            case .group(var group) where group.tag?.role != .span:
                group.items = spanned(group.items)
                return .group(group)
            default: return item
            }
        }
    }

    /// Whether any item (at any depth) is a link.
    static func containsLink(_ items: [DisplayItem]) -> Bool {
        items.contains { item in
            switch item {
            case .link: return true
            case .group(let group): return containsLink(group.items)
            default: return false
            }
        }
    }
}
