import Charts
import Geometry
import Model

/// A piece of inline text in a paragraph, list item or table cell.
public struct InlineSpan: Hashable, Sendable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    /// A URI (`https://…`) or an internal destination (`#name`).
    public var link: String?
    public init(_ text: String, bold: Bool = false, italic: Bool = false, link: String? = nil) {
        self.text = text; self.bold = bold; self.italic = italic; self.link = link
    }
}

/// Horizontal alignment in a table cell.
public enum CellAlignment: String, Hashable, Sendable { case start, center, end, decimal }

/// A resolved table cell: text and its look, decided before layout.
public struct TableCell: Hashable, Sendable {
    public var spans: [InlineSpan]
    public var alignment: CellAlignment
    public var fill: Color?
    /// Text colour override (e.g. white on a dark rank shade).
    public var textColor: Color?
    public var bold: Bool
    /// Number of columns this cell spans (header cells "survey over years").
    public var columnSpan: Int
    public init(_ text: String, alignment: CellAlignment = .start, fill: Color? = nil, textColor: Color? = nil,
                bold: Bool = false, columnSpan: Int = 1) {
        self.spans = [InlineSpan(text)]; self.alignment = alignment; self.fill = fill; self.textColor = textColor
        self.bold = bold; self.columnSpan = columnSpan
    }
    public init(spans: [InlineSpan], alignment: CellAlignment = .start, fill: Color? = nil, textColor: Color? = nil,
                bold: Bool = false, columnSpan: Int = 1) {
        self.spans = spans; self.alignment = alignment; self.fill = fill; self.textColor = textColor
        self.bold = bold; self.columnSpan = columnSpan
    }
    public var text: String { spans.map(\.text).joined() }
}

/// A table: header rows repeated on every page, body rows kept whole unless taller than a page.
public struct TableBlock: Hashable, Sendable {
    /// "表 1" / "Table 1".
    public var number: String
    public var title: String
    /// "资料来源：…" / "Source: …".
    public var sourceNote: String
    public var headerRows: [[TableCell]]
    public var rows: [[TableCell]]
    /// Shade every other body row (ignored for cells that have their own fill).
    public var zebra: Bool
    /// Optional notes printed under the table, above the source line (e.g. "— no data"), as figures do.
    public var notes: [String]
    /// Indices of body rows that are subheadings (a parent's name over its members): one cell across the table,
    /// tagged as a row header, never left at the foot of a page.
    public var subheadingRows: Set<Int> = []
    public init(number: String, title: String, sourceNote: String, headerRows: [[TableCell]], rows: [[TableCell]],
                zebra: Bool = true, notes: [String] = []) {
        self.number = number; self.title = title; self.sourceNote = sourceNote; self.headerRows = headerRows
        self.rows = rows; self.zebra = zebra; self.notes = notes
    }
}

/// A key figure call-out: a big number, a label and a note.
public struct Callout: Hashable, Sendable {
    public var value: String
    public var label: String
    public var note: String
    public init(value: String, label: String, note: String = "") { self.value = value; self.label = label; self.note = note }
}

/// A chart with its caption, kept together on one page.
public struct FigureBlock: Hashable, Sendable {
    /// The chart (its number, title and source note are inside the spec and drawn by the chart).
    public var chart: ChartSpec
    /// Height of the chart in points (the width is the text column).
    public var height: Double
    /// Named destination for links to this figure.
    public var anchor: String
    /// Alternative text read instead of the chart (the spec's `alt:`); nil: described from the chart's data.
    public var alternative: String? = nil
    public init(chart: ChartSpec, height: Double, anchor: String = "") { self.chart = chart; self.height = height; self.anchor = anchor }
}

/// The cover/title block.
public struct TitleBlock: Hashable, Sendable {
    public var title: String
    public var subtitle: String
    public var author: String
    public var date: String
    public init(title: String, subtitle: String = "", author: String = "", date: String = "") {
        self.title = title; self.subtitle = subtitle; self.author = author; self.date = date
    }
}

/// One block of a report body, in reading order.
public enum Block: Hashable, Sendable {
    case title(TitleBlock)
    /// level 1...3; `numbered` adds "一、" / "1.1" numbering per style; `anchor` names its destination.
    case heading(level: Int, text: String, numbered: Bool, anchor: String)
    case paragraph([InlineSpan])
    case list(items: [[InlineSpan]], ordered: Bool)
    case callouts([Callout])
    case table(TableBlock)
    case figure(FigureBlock)
    case spacer(Double)
    case pageBreak
    /// A table of contents listing headings (levels 1–2) with page numbers that link to them.
    case tableOfContents(title: String)
    /// A numbered list of references.
    case references(title: String, items: [String])
    /// A boxed note (e.g. a data caveat).
    case note([InlineSpan])
}

/// Report-level facts the page furniture needs.
public struct LayoutMetadata: Hashable, Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    /// ISO date used for the PDF dates.
    public var date: String
    public var language: String
    public init(title: String, author: String = "", subject: String = "", keywords: String = "", date: String, language: String) {
        self.title = title; self.author = author; self.subject = subject; self.keywords = keywords; self.date = date
        self.language = language
    }
}
