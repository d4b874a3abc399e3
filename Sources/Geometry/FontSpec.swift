/// A font request: a family list (first match wins per glyph, so CJK fallbacks go last), size and style.
public struct FontSpec: Hashable, Sendable {
    public var families: [String]
    public var size: Double
    public var bold: Bool
    public var italic: Bool

    public init(families: [String], size: Double, bold: Bool = false, italic: Bool = false) {
        self.families = families; self.size = size; self.bold = bold; self.italic = italic
    }

    public func with(size: Double? = nil, bold: Bool? = nil, italic: Bool? = nil) -> FontSpec {
        FontSpec(families: families, size: size ?? self.size, bold: bold ?? self.bold, italic: italic ?? self.italic)
    }

    /// Typographic ascent used for placing baselines; Noto Sans CJK and DejaVu both sit close to 0.88 em.
    public var ascent: Double { size * 0.88 }
    /// Typographic descent below the baseline.
    public var descent: Double { size * 0.24 }
    /// Height of a single line box without extra leading.
    public var lineBoxHeight: Double { ascent + descent }
}
