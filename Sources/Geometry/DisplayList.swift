/// A run of text on one line, positioned at its baseline start.
public struct TextItem: Hashable, Sendable {
    public var text: String
    public var font: FontSpec
    public var color: Color
    /// Left end of the baseline.
    public var origin: Point
    /// Measured advance width (kept so bounds can be computed without a measurer).
    public var width: Double

    public init(text: String, font: FontSpec, color: Color, origin: Point, width: Double) {
        self.text = text; self.font = font; self.color = color; self.origin = origin; self.width = width
    }

    /// The line box the run occupies (ascent above, descent below the baseline).
    public var bounds: Rect {
        Rect(x: origin.x, y: origin.y - font.ascent, width: width, height: font.lineBoxHeight)
    }
}

/// A filled and/or stroked path.
public struct PathItem: Hashable, Sendable {
    public var path: Path
    public var fill: Color?
    public var stroke: StrokeStyle?
    public init(path: Path, fill: Color? = nil, stroke: StrokeStyle? = nil) {
        self.path = path; self.fill = fill; self.stroke = stroke
    }
}

/// An encoded PNG image placed in a rectangle.
public struct ImageItem: Hashable, Sendable {
    public var png: [UInt8]
    public var rect: Rect
    public init(png: [UInt8], rect: Rect) { self.png = png; self.rect = rect }
}

/// Where a link goes.
public enum LinkTarget: Hashable, Sendable {
    case uri(String)
    case destination(String)
}

/// A clickable area.
public struct LinkItem: Hashable, Sendable {
    public var rect: Rect
    public var target: LinkTarget
    public init(rect: Rect, target: LinkTarget) { self.rect = rect; self.target = target }
}

/// A group of items drawn with a transform and an optional clip (clip in the group's own coordinates).
public struct GroupItem: Hashable, Sendable {
    public var transform: Transform
    public var clip: Rect?
    public var items: [DisplayItem]
    /// The group's role in the tagged-PDF structure tree; nil for a group that is only geometry.
    public var tag: StructureTag?
    public init(transform: Transform = .identity, clip: Rect? = nil, items: [DisplayItem], tag: StructureTag? = nil) {
        self.transform = transform; self.clip = clip; self.items = items; self.tag = tag
    }

    /// Items tagged with a structure role, drawn as they are.
    public static func tagged(_ tag: StructureTag, _ items: [DisplayItem]) -> DisplayItem {
        .group(GroupItem(items: items, tag: tag))
    }
}

/// One element of the backend-neutral display list.
public indirect enum DisplayItem: Hashable, Sendable {
    case group(GroupItem)
    case path(PathItem)
    case text(TextItem)
    case image(ImageItem)
    case link(LinkItem)
    /// A named destination (for internal links and outline entries) at a point.
    case destination(name: String, at: Point)
}

/// A positioned display list of a given size: a chart, a block, or a page body.
public struct Frame: Hashable, Sendable {
    public var size: Size
    public var items: [DisplayItem]
    public init(size: Size, items: [DisplayItem] = []) { self.size = size; self.items = items }

    public mutating func append(_ item: DisplayItem) { items.append(item) }
    public mutating func append(contentsOf other: [DisplayItem]) { items.append(contentsOf: other) }

    /// Places another frame's items at an offset.
    public mutating func place(_ frame: Frame, at point: Point) {
        if point == .zero { items.append(contentsOf: frame.items); return }
        items.append(.group(GroupItem(transform: .translation(point.x, point.y), items: frame.items)))
    }

    /// Every text item with its position resolved through enclosing groups (translations and scales).
    public var flattenedTexts: [TextItem] {
        var out: [TextItem] = []
        Frame.collectTexts(items, transform: .identity, into: &out)
        return out
    }

    private static func collectTexts(_ items: [DisplayItem], transform: Transform, into out: inout [TextItem]) {
        for item in items {
            switch item {
            case .text(var t):
                t.origin = transform.apply(t.origin)
                t.width *= transform.a
                t.font.size *= transform.d
                out.append(t)
            case .group(let g):
                collectTexts(g.items, transform: g.transform.then(transform), into: &out)
            default: break
            }
        }
    }
}

/// One page of a document.
public struct Page: Hashable, Sendable {
    public var size: Size
    public var items: [DisplayItem]
    /// The page label shown by PDF viewers (e.g. "i", "1"); nil leaves the default.
    public var label: String?
    public init(size: Size, items: [DisplayItem] = [], label: String? = nil) {
        self.size = size; self.items = items; self.label = label
    }
}

/// An entry of the PDF outline (bookmarks), pointing at a named destination.
public struct OutlineEntry: Hashable, Sendable {
    public var title: String
    public var destination: String
    public var children: [OutlineEntry]
    public init(title: String, destination: String, children: [OutlineEntry] = []) {
        self.title = title; self.destination = destination; self.children = children
    }
}

/// Document metadata written into the PDF.
public struct DocumentMetadata: Hashable, Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    public var creator: String
    /// ISO 8601 date-time used for both creation and modification dates, so output is reproducible.
    public var date: String
    public init(title: String = "", author: String = "", subject: String = "", keywords: String = "",
                creator: String = "Dossier", date: String) {
        self.title = title; self.author = author; self.subject = subject; self.keywords = keywords
        self.creator = creator; self.date = date
    }
}

/// A laid-out document: pages, outline and metadata; the language picks CJK glyph variants in the backend.
public struct Document: Hashable, Sendable {
    public var pages: [Page]
    public var outline: [OutlineEntry]
    public var metadata: DocumentMetadata
    public var language: String
    public init(pages: [Page], outline: [OutlineEntry] = [], metadata: DocumentMetadata, language: String) {
        self.pages = pages; self.outline = outline; self.metadata = metadata; self.language = language
    }
}
