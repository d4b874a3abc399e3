/// A standard structure type of tagged PDF (ISO 32000-1 §14.8.4), the role a block plays for assistive technology.
public enum StructureRole: String, Hashable, Sendable, CaseIterable {
    case document = "Document", sect = "Sect"
    case h1 = "H1", h2 = "H2", h3 = "H3", paragraph = "P"
    case list = "L", listItem = "LI", label = "Lbl", listBody = "LBody"
    case table = "Table", tableHead = "THead", tableBody = "TBody", tableRow = "TR", headerCell = "TH", dataCell = "TD"
    case figure = "Figure", caption = "Caption", toc = "TOC", tocItem = "TOCI", note = "Note", reference = "Reference"
    case span = "Span"
    /// Decoration (rules, backgrounds, running headers, page numbers, repeated table headers): kept out of the
    /// structure tree, so a screen reader skips it.
    case artifact = "Artifact"

    /// The heading role of a level (1–3; deeper levels are H3).
    public static func heading(_ level: Int) -> StructureRole {
        switch level {
        case ...1: return .h1
        case 2: return .h2
        default: return .h3
        }
    }
}

/// What a group of display items is in the document's logical structure, with what a reader needs that is
/// not drawn (alternative text of a figure, the language of text in another language).
public struct StructureTag: Hashable, Sendable {
    public var role: StructureRole
    /// Alternative text (figures): what a screen reader says instead of the drawing.
    public var alternative: String?
    /// BCP 47 language of the content when it differs from the document's (e.g. "en" in a zh-CN report).
    public var language: String?
    public init(_ role: StructureRole, alternative: String? = nil, language: String? = nil) {
        self.role = role; self.alternative = alternative; self.language = language
    }

    public static let artifact = StructureTag(.artifact)
}
