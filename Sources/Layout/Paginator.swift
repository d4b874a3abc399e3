import Geometry

/// The body of a document after pagination, before page furniture is added.
struct PaginatedBody: Sendable {
    /// Items of each page in page coordinates.
    var pages: [[DisplayItem]] = [[]]
    /// Page index (0-based) of each heading, by heading index; nil when the heading was not placed.
    var headingPages: [Int: Int] = [:]
    /// Headings placed as the first body unit of their page (the section they open is in force at its top).
    var headingsAtPageTop: Set<Int> = []
    /// Where each table of contents entry was placed: page index and the unit's top-left corner.
    var tocPlacements: [Int: (page: Int, origin: Point)] = [:]
    /// Pages that hold a title block (they get no running header).
    var titlePages: Set<Int> = []
    /// How far down the content area each page is filled.
    var pageHeights: [Double] = [0]
    /// The flow units placed on each page, in the order placed (a float comes before the text it was passed by).
    var pageUnits: [[Int]] = [[]]
    /// Pages that end at a page break of the flow (the next page starts a new part of the document).
    var endsAtBreak: Set<Int> = []
    var warnings: [Diagnostic] = []
}

/// Places flow units on pages in one linear pass.
///
/// The loop always progresses: each step either places the current unit, sets a float aside, or starts a
/// new page, and a unit is always placed on a page that holds no other body unit yet — clipped, with a
/// warning, when it is taller than the page — so a page is never started twice for the same unit.
///
/// Floats (figures, and tables kept whole) that do not fit the rest of a page are set aside and placed at
/// the top of the next page, while the text after them goes on filling the current one; so a float lands
/// on the page after its place in the text — unless floats before it fill that page (floats keep their
/// order, so tall floats in a row take a page each). A unit that closes the floats' range (a level-1 heading, a page break,
/// the end of the document) places the waiting floats first, so a figure never moves into the next section.
struct Paginator: Sendable {
    /// The page's content area, in page coordinates.
    let content: Rect
    /// Continuation headers by table index.
    let tables: [TableContinuation]

    /// Paginates `units`; a page is also started before every unit in `breaksBefore` that would not start
    /// one anyway (used to carry lines over to a last page that would otherwise hold only a few).
    func paginate(_ units: [FlowUnit], breaksBefore: Set<Int> = []) -> PaginatedBody {
        var body = PaginatedBody()
        var y = 0.0
        var placedOnPage = 0
        /// Floats set aside for the top of the next page, in flow order.
        var waiting: [Int] = []
        /// Space the next unit keeps from a float placed above it.
        var spaceAfterFloat = 0.0
        /// The last body unit placed on the current page.
        var last: FlowUnit?
        /// A page break or an overflowing spacer asked for a new page before the next content unit.
        var breakPending = false
        let limit = content.height + 0.01

        /// What each page holds, with the structure elements of each unit; nested into tagged groups at the end.
        var segments: [[StructureSegment]] = [[]]

        func newPage() {
            body.pageHeights[body.pageHeights.count - 1] = y
            body.pages.append([])
            body.pageHeights.append(0)
            body.pageUnits.append([])
            segments.append([])
            y = 0
            placedOnPage = 0
            last = nil
            spaceAfterFloat = 0
        }

        /// Places waiting floats at the top of the (new) page, in order, as many as fit; the rest wait
        /// for the page after.
        func placeFloats() {
            while let index = waiting.first {
                let float = units[index]
                let top = placedOnPage > 0 ? y + float.spaceBefore : y
                guard placedOnPage == 0 || top + floatHeight(units, index) <= limit else { break }
                waiting.removeFirst()
                y = top
                for member in index..<min(units.count, index + float.floatLength) {
                    let unit = units[member]
                    let memberTop = member == index ? y : y + unit.spaceBefore
                    place(unit, index: member, at: memberTop, clip: memberTop + unit.height > limit)
                    y = memberTop + unit.height
                    placedOnPage += 1
                    last = unit
                }
                spaceAfterFloat = float.spaceAfter
            }
        }

        func place(_ unit: FlowUnit, index: Int, at top: Double, clip: Bool) {
            let page = body.pages.count - 1
            body.pageUnits[page].append(index)
            let origin = Point(content.minX, content.minY + top)
            var items = unit.frame.items.map { $0.offsetBy(dx: origin.x, dy: origin.y) }
            if clip {
                // Only the bottom edge matters; the clip is wide so nothing is cut at the sides.
                let visible = Rect(x: content.minX - content.width, y: origin.y, width: content.width * 3, height: max(0, content.maxY - origin.y))
                items = [.group(GroupItem(clip: visible, items: items))]
            }
            segments[page].append(StructureSegment(path: unit.structure, items: items))
            if let heading = unit.heading {
                body.headingPages[heading] = page
                if placedOnPage == 0 { body.headingsAtPageTop.insert(heading) }
            }
            if let entry = unit.tocEntry { body.tocPlacements[entry] = (page, origin) }
            if unit.isTitle { body.titlePages.insert(page) }
        }

        var i = 0
        while i < units.count {
            let unit = units[i]
            switch unit.kind {
            case .pageBreak:
                // Floats stay before the break.
                if !waiting.isEmpty {
                    newPage()
                    placeFloats()
                }
                // The new page is only started when content follows, so a trailing break adds no blank page.
                if placedOnPage > 0 {
                    breakPending = true
                    body.endsAtBreak.insert(body.pages.count - 1)
                }
                i += 1
                continue
            case .spacer:
                // Space at the top of a page or running into its bottom is not worth carrying over.
                if placedOnPage > 0 && !breakPending {
                    if y + unit.height <= limit { y += unit.height } else { breakPending = true }
                }
                i += 1
                continue
            case .content:
                if breakPending {
                    newPage()
                    breakPending = false
                    placeFloats()
                }
            }

            let space = placedOnPage > 0 ? max(unit.spaceBefore, spaceAfterFloat) : 0
            // A float keeps its place in the order of floats, and waits when it does not fit here but
            // fits an empty page — unless the unit before it is glued to it (a heading over a figure).
            if unit.floats, placedOnPage > 0, last?.keepWithNext != true,
               !waiting.isEmpty || (y + space + floatHeight(units, i) > limit && floatHeight(units, i) <= limit) {
                waiting.append(i)
                i += unit.floatLength
                continue
            }
            // The end of the floats' range: they go on a new page before this unit.
            if unit.closesFloats, !waiting.isEmpty {
                newPage()
                placeFloats()
                continue
            }
            let forced = breaksBefore.contains(i) && last?.keepWithNext != true
            if placedOnPage > 0 && (forced || !fitsHere(unit, space: space, y: y, last: last, units: units, index: i, limit: limit)) {
                // Close a table that continues on the next page with a light rule under its last row.
                if let table = unit.table, unit.repeatsTableHeader, last?.table == table, table < tables.count {
                    let t = tables[table]
                    segments[segments.count - 1].append(StructureSegment(path: [], items: [.path(PathItem(
                        path: .line(from: Point(content.minX, content.minY + y), to: Point(content.minX + t.width, content.minY + y)),
                        stroke: StrokeStyle(color: t.ruleColor, width: t.ruleWidth)))]))
                }
                newPage()
                placeFloats()
                // The header is repeated only when a row fits under it (not so on a tiny page), counting the space
                // after a figure placed first on the new page; otherwise the row goes to the page after.
                let top = placedOnPage > 0 ? y + max(unit.spaceBefore, spaceAfterFloat) : y
                if let table = unit.table, unit.repeatsTableHeader, table < tables.count, top + tables[table].height + unit.height <= limit {
                    let t = tables[table]
                    // The repeated header is an artifact: its cells are already in the structure tree once.
                    let header = t.header.items.map { $0.offsetBy(dx: content.minX, dy: content.minY + top) }
                    segments[segments.count - 1].append(StructureSegment(path: [], items: [GroupItem.tagged(.artifact, header)]))
                    y = top + t.height
                    // The row follows the header directly (placed as the page's first unit, without a fit test).
                    placedOnPage = 0
                    spaceAfterFloat = 0
                }
                continue
            }
            // Either the unit belongs here, or the page holds no body unit yet: then it goes here whatever its
            // glue says, so the loop progresses; it is clipped when even the empty page is too short for it.
            let top = placedOnPage > 0 ? y + space : y
            let clip = top + unit.height > limit
            if clip {
                body.warnings.append(.warning("\(unit.what.isEmpty ? "a block" : unit.what) is taller than a page and was clipped",
                                              hint: "split it into smaller blocks or make it shorter", code: .clipped))
            }
            place(unit, index: i, at: top, clip: clip)
            y = top + unit.height
            placedOnPage += 1
            last = unit
            spaceAfterFloat = 0
            i += 1
        }
        // Floats still waiting at the end go on pages of their own.
        while !waiting.isEmpty {
            newPage()
            placeFloats()
        }
        body.pageHeights[body.pageHeights.count - 1] = y
        body.pages = segments.map(StructureNesting.nest)
        return body
    }

    /// Height of the float starting at unit `index` (a figure, or a table with the space between its units).
    private func floatHeight(_ units: [FlowUnit], _ index: Int) -> Double {
        let members = index..<min(units.count, index + units[index].floatLength)
        return members.reduce(0) { $0 + units[$1].height + ($1 == index ? 0 : units[$1].spaceBefore) }
    }

    /// Whether unit `index` goes on the current (non-empty) page at `y`, or a new page should start first.
    ///
    /// A run of glued units is moved to the next page when it does not fit here but fits an empty page. Soft
    /// glue (a short table kept whole) is only looked at from the start of a run: once a run has been split,
    /// or when even an empty page is too short for it, the hard glue alone decides. A run that no page can
    /// hold is started on a fresh page and then filled greedily, so it is split where it has to be.
    private func fitsHere(_ unit: FlowUnit, space: Double, y: Double, last: FlowUnit?, units: [FlowUnit], index: Int,
                          limit: Double) -> Bool {
        let glued = last?.keepWithNext == true
        let inRun = glued || last?.softKeepWithNext == true
        // An empty page for a table row still carries the repeated header.
        var capacity = limit
        if let table = unit.table, unit.repeatsTableHeader, table < tables.count, tables[table].height + unit.height <= limit {
            capacity -= tables[table].height
        }
        if !inRun {
            let soft = chainHeight(units, from: index, soft: true, limit: limit)
            if y + space + soft <= limit { return true }
            if soft <= capacity { return false }
        }
        let hard = chainHeight(units, from: index, soft: false, limit: limit)
        if y + space + hard <= limit { return true }
        if hard <= capacity { return false }
        // No page holds the run: start it on a new page, then keep filling while units fit.
        return glued && y + space + unit.height <= limit
    }

    /// Height of unit `start` plus every unit glued to it by keep-with-next (and by soft glue when `soft`);
    /// spacers in between count but do not break the chain. Stops once `limit` is passed, so the cost per
    /// unit stays bounded by a page.
    private func chainHeight(_ units: [FlowUnit], from start: Int, soft: Bool, limit: Double) -> Double {
        var height = units[start].height
        var j = start
        while units[j].keepWithNext || (soft && units[j].softKeepWithNext), height <= limit {
            var next = j + 1
            while next < units.count, units[next].kind == .spacer {
                height += units[next].height
                next += 1
            }
            guard next < units.count, units[next].kind == .content else { break }
            height += units[next].spaceBefore + units[next].height
            j = next
        }
        return height
    }
}
