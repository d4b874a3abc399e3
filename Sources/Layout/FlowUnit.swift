import Geometry

/// The smallest thing the paginator places: a line of a paragraph, a table row, a heading, a figure.
///
/// Blocks are measured and split into units up front (each unit is measured exactly once), so pagination is
/// a single linear walk. Whether two units may be separated by a page break is said by `keepWithNext`.
struct FlowUnit: Sendable {
    enum Kind: Sendable {
        /// Drawn content.
        case content
        /// Vertical space; dropped at the top of a page.
        case spacer
        /// Starts a new page unless the current one is still empty.
        case pageBreak
    }

    var kind: Kind = .content
    /// Items in unit coordinates: x from the content column's left edge, y from the unit's top.
    var frame: Frame
    var height: Double
    /// Space above the unit; dropped when the unit starts a page.
    var spaceBefore: Double = 0
    /// The next unit must be on the same page (headings, first and penultimate lines of paragraphs,
    /// table title and header rows, the first two and last two rows of a table). Broken only when the
    /// glued run is taller than an empty page.
    var keepWithNext = false
    /// The next unit should be on the same page if the whole run glued this way fits on one page (the rows
    /// of a short table). Weaker than `keepWithNext`: a run too tall for a page is split where the hard
    /// glue allows instead of being moved.
    var softKeepWithNext = false
    /// A figure, or the first unit of a table kept whole: when it does not fit the rest of a page it waits
    /// (with the `floatLength - 1` units after it) for the top of the next page, and the text after it fills
    /// the current page first.
    var floats = false
    /// Units in the float: 1 for a figure, all the units of a table (caption, header, rows, notes).
    var floatLength = 1
    /// Space below a float placed at the top of a page, before the text that follows it there.
    var spaceAfter = 0.0
    /// Waiting floats are placed before this unit (a level-1 heading: a figure stays in its section).
    var closesFloats = false
    /// The table this unit belongs to (index into the builder's tables).
    var table: Int?
    /// A table body row: when it starts a page, the table's continuation header is drawn first.
    var repeatsTableHeader = false
    /// Index into the heading list, so the page a heading lands on is known.
    var heading: Int?
    /// Index into the table of contents entries: page numbers are filled in after pagination.
    var tocEntry: Int?
    /// The page holding this unit is a title page (no running header).
    var isTitle = false
    /// Decorative space at the top of the unit (the air above a title block) that may be given up when
    /// that saves a short document a last page holding only a few lines.
    var shrinkableTop = 0.0
    /// What the unit is, for warnings ("table 表 1, row 12").
    var what: String = ""
    /// The structure elements the unit belongs to, outermost first (tagged PDF).
    var structure: [StructureContainer] = []

    init(kind: Kind = .content, frame: Frame, height: Double, spaceBefore: Double = 0, keepWithNext: Bool = false,
         what: String = "") {
        self.kind = kind; self.frame = frame; self.height = height; self.spaceBefore = spaceBefore
        self.keepWithNext = keepWithNext; self.what = what
    }

    static func spacer(_ height: Double) -> FlowUnit {
        FlowUnit(kind: .spacer, frame: Frame(size: Size(0, height)), height: height)
    }

    static let pageBreak = FlowUnit(kind: .pageBreak, frame: Frame(size: .zero), height: 0)

    /// The unit without its shrinkable top space.
    func shrunk() -> FlowUnit {
        guard shrinkableTop > 0 else { return self }
        var unit = self
        unit.frame.items = frame.items.map { $0.offsetBy(dx: 0, dy: -shrinkableTop) }
        unit.frame.size.height -= shrinkableTop
        unit.height -= shrinkableTop
        unit.shrinkableTop = 0
        return unit
    }
}

/// The header repeated on every page a table continues onto: the title line with its "continued" marker
/// and the header rows.
struct TableContinuation: Sendable {
    var header: Frame
    var height: Double
    /// Width of the closing rule drawn under the last row before a page break.
    var width: Double
    var ruleColor: Color
    var ruleWidth: Double
}
