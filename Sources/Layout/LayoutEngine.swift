import Geometry
import Model

/// Paginates report blocks into a document: pages of display items, an outline from the headings and
/// the PDF metadata.
///
/// Layout runs in two phases. First every block is measured and split into flow units and the units are
/// placed on pages; then, with the page count and the page of every heading known, the table of contents
/// gets its page numbers and each page its running header and footer.
public struct LayoutEngine: Sendable {
    /// The look: page template, fonts, sizes, colours, numbering and spacing.
    public let style: Style
    /// Measures text exactly as the backend will draw it.
    public let measurer: TextMeasurer

    /// A layout engine for a style; `measurer` must match the backend that will draw the result.
    public init(style: Style, measurer: TextMeasurer) {
        self.style = style
        self.measurer = measurer
    }

    /// Paginates blocks into a Document (pages of display items, outline from headings, metadata) plus warnings.
    public func layout(_ blocks: [Block], metadata: LayoutMetadata) -> (document: Document, warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let typesetter = Typesetter(style: style, measurer: measurer)
        let (template, pageWarning) = Self.usableTemplate(style.page)
        if let pageWarning { warnings.append(pageWarning) }
        let content = template.contentRect

        // Chinese numerals (一、（一）) read oddly in an English report: the same style numbers it 1 / 1.1.
        let scheme: HeadingScheme = style.headingNumbering == .chinese && !Language.isChinese(metadata.language) ? .decimal : style.headingNumbering
        let collected = HeadingCollector.collect(blocks, scheme: scheme, typesetter: typesetter)
        let headings = collected.headings
        warnings += collected.warnings

        // Phase 1: measure, split and paginate the body.
        var builder = FlowBuilder(typesetter: typesetter, headings: headings, language: metadata.language, content: content)
        builder.build(blocks)
        warnings += builder.warnings
        let paginator = Paginator(content: content, tables: builder.tables)
        let body = RuntPages.balanced(paginator.paginate(builder.units), units: builder.units, paginator: paginator,
                                      pitch: style.sizes.body * style.lineHeight, minimumLines: Self.runtLines)
        warnings += body.warnings

        // Phase 2: page numbers are known now.
        let pageCount = body.pages.count
        let toc = TableOfContents(typesetter: typesetter, width: content.width)
        let furniture = PageFurniture(typesetter: typesetter, template: template, language: metadata.language)
        let sections = Self.sections(headings: headings, pages: body.headingPages, atPageTop: body.headingsAtPageTop,
                                     pageCount: pageCount)
        var pages: [Page] = []
        let background = Self.background(style.colors.background, size: template.size)
        for (index, bodyItems) in body.pages.enumerated() {
            // The background goes first so everything, header and footer included, is drawn over it.
            var items: [DisplayItem] = background.map { [$0] } ?? []
            if template.header && !body.titlePages.contains(index) {
                items += furniture.header(title: metadata.title, section: sections[index].map { headings[$0].label })
            }
            items += bodyItems
            if template.footer { items += furniture.footer(page: index + 1, of: pageCount) }
            pages.append(Page(size: template.size, items: items, label: String(index + 1)))
        }
        for (entryIndex, entry) in builder.tocEntries.enumerated() {
            guard let placement = body.tocPlacements[entryIndex], entry.heading < headings.count else { continue }
            let heading = headings[entry.heading]
            let number = body.headingPages[entry.heading].map { String($0 + 1) } ?? "—"
            pages[placement.page].items += toc.finish(entry, destination: heading.destination, page: number)
                .map { $0.offsetBy(dx: placement.origin.x, dy: placement.origin.y) }
        }
        warnings += Self.brokenLinks(in: pages, headings: headings, blocks: blocks)

        let document = Document(
            pages: pages,
            outline: OutlineBuilder.outline(headings),
            metadata: DocumentMetadata(title: metadata.title, author: metadata.author, subject: metadata.subject,
                                       keywords: metadata.keywords, creator: "Dossier", date: metadata.date),
            language: metadata.language)
        return (document, warnings)
    }

    /// The smallest content area layout works with, in points: narrower columns cannot hold a word of body
    /// text, and negative or zero sizes would make the backend fail.
    static let minimumContent = Size(72, 72)

    /// The page template made safe to lay out on: sizes and margins that are not finite or negative are
    /// dropped, a page smaller than the minimum content area grows to it, and margins that leave less than
    /// the minimum content area shrink in proportion until they leave it (the style loader rejects such
    /// styles; this keeps a `Style` built in code from producing garbage or crashing the backend).
    static func usableTemplate(_ template: PageTemplate) -> (template: PageTemplate, warning: Diagnostic?) {
        var t = template
        let minimum = minimumContent
        func side(_ value: Double, fallback: Double, least: Double) -> Double {
            value.isFinite && value > 0 ? max(value, least) : fallback
        }
        t.size = Size(side(t.size.width, fallback: PageTemplate.a4.size.width, least: minimum.width),
                      side(t.size.height, fallback: PageTemplate.a4.size.height, least: minimum.height))
        func margin(_ value: Double) -> Double { value.isFinite ? max(0, value) : 0 }
        var m = Insets(top: margin(t.margins.top), right: margin(t.margins.right), bottom: margin(t.margins.bottom),
                       left: margin(t.margins.left))
        /// Scales two opposite margins so that they leave at least `least` of `total`.
        func fit(_ a: inout Double, _ b: inout Double, total: Double, least: Double) {
            guard total - a - b < least, a + b > 0 else { return }
            let factor = max(0, total - least) / (a + b)
            a *= factor; b *= factor
        }
        fit(&m.left, &m.right, total: t.size.width, least: minimum.width)
        fit(&m.top, &m.bottom, total: t.size.height, least: minimum.height)
        t.margins = m
        guard t != template else { return (template, nil) }
        let given = template.contentRect
        func pt(_ v: Double) -> String { v.isFinite ? String(Int(v.rounded())) : "\(v)" }
        return (t, .warning("the page (\(pt(template.size.width))×\(pt(template.size.height)) pt, margins \(pt(template.margins.top)) "
                            + "\(pt(template.margins.right)) \(pt(template.margins.bottom)) \(pt(template.margins.left))) leaves "
                            + "\(pt(given.width))×\(pt(given.height)) pt for the text; laid out on "
                            + "\(pt(t.contentRect.width))×\(pt(t.contentRect.height)) pt instead",
                            hint: "make the margins smaller or the page larger (the text needs at least "
                                + "\(Int(minimum.width))×\(Int(minimum.height)) pt)", code: .pageTooSmall))
    }

    /// A full-page fill in the style's background colour; nil for white, which the paper already is (and
    /// which a viewer shows anyway), so light styles keep their output unchanged.
    ///
    /// The page is covered by two overlapping halves rather than one rectangle: cairo (1.16) takes a fill of
    /// one rectangle covering the whole page for a paint of the page, which discards what was recorded on
    /// the page before it, the structure tag the PDF backend opens at the start of the document among it,
    /// and the PDF then fails with "invalid tag name, attributes, or nesting". Two rectangles filled as one
    /// path cover the page the same way, without a seam.
    static func background(_ color: Color, size: Size) -> DisplayItem? {
        guard color != .white, color.alpha > 0 else { return nil }
        let half = (size.height / 2).rounded()
        var path = Path.rect(Rect(x: 0, y: 0, width: size.width, height: half + 1))
        path.elements += Path.rect(Rect(x: 0, y: half, width: size.width, height: size.height - half)).elements
        return .path(PathItem(path: path, fill: color))
    }

    /// A last page (of the document or before a page break) holding less than this many body lines is a runt.
    static let runtLines = 5

    /// For each page, the level-1 heading the running header shows: the section in force at the top of the
    /// page — one that opens the page, else the one carried over from earlier pages, else (before the first
    /// section) the first one starting on the page.
    static func sections(headings: [HeadingInfo], pages: [Int: Int], atPageTop: Set<Int> = [], pageCount: Int) -> [Int?] {
        var firstOnPage: [Int: Int] = [:]
        var lastOnPage: [Int: Int] = [:]
        for (index, heading) in headings.enumerated() where heading.level == 1 {
            guard let page = pages[index] else { continue }
            if firstOnPage[page] == nil { firstOnPage[page] = index }
            lastOnPage[page] = index
        }
        var current: Int?
        var out: [Int?] = []
        for page in 0..<pageCount {
            if let first = firstOnPage[page], atPageTop.contains(first) || current == nil {
                out.append(first)
            } else {
                out.append(current)
            }
            if let last = lastOnPage[page] { current = last }
        }
        return out
    }

    /// Internal links whose destination does not exist, as warnings (one per name).
    static func brokenLinks(in pages: [Page], headings: [HeadingInfo], blocks: [Block]) -> [Diagnostic] {
        var known = Set(headings.map(\.destination))
        for case .figure(let figure) in blocks { known.insert(figure.anchor.trimmingSpaces) }
        var missing: [String] = []
        var seen: Set<String> = []
        func scan(_ items: [DisplayItem]) {
            for item in items {
                switch item {
                case .link(let link):
                    if case .destination(let name) = link.target, !known.contains(name), seen.insert(name).inserted { missing.append(name) }
                case .group(let group): scan(group.items)
                default: break
                }
            }
        }
        for page in pages { scan(page.items) }
        return missing.map {
            .warning("link to '#\($0)' has no destination", hint: Suggestion.hint(for: $0, in: Array(known)), code: .brokenLink)
        }
    }
}
