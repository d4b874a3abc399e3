import Geometry
import Model

/// Horizontal alignment of a text run relative to its x.
enum TextAnchor { case start, middle, end }

/// Vertical alignment of a text run relative to its y.
enum TextBaseline {
    /// y is the baseline.
    case baseline
    /// y is the top of the line box.
    case top
    /// y is the middle of the line box.
    case middle
    /// y is the bottom of the line box.
    case bottom
}

/// What every chart kind needs while drawing: the theme, number wording and cached text measurement.
struct ChartContext {
    let spec: ChartSpec
    let theme: ChartTheme
    let format: ChartNumberFormat
    let widths: TextWidths
    let measurer: TextMeasurer

    init(spec: ChartSpec, theme: ChartTheme, measurer: TextMeasurer) {
        self.spec = spec
        self.theme = theme
        self.measurer = measurer
        format = ChartNumberFormat(language: spec.language)
        widths = TextWidths(measurer: measurer)
    }

    var isChinese: Bool { format.isChinese }

    /// Picks the Chinese or English wording.
    func words(_ zh: String, _ en: String) -> String { isChinese ? zh : en }

    /// Text as the chart sets it: the style's one CJK–Latin spacing rule (a quarter em, or none) at every
    /// boundary, the same rule as the report's body text, so "第1名" in a note and "第 1 名" on the page never differ.
    /// Every width and run goes through it, so what is measured is what is drawn.
    func typeset(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) else { return text }
        return CJKSpacing.normalised(text, spaced: theme.style.cjkLatinSpace)
    }

    func width(_ text: String, _ font: FontSpec) -> Double { widths.width(typeset(text), font) }

    /// A text run positioned by anchor and vertical alignment.
    func run(_ text: String, font: FontSpec, color: Color, x: Double, y: Double,
             anchor: TextAnchor = .start, baseline: TextBaseline = .middle) -> TextItem {
        let text = typeset(text)
        let w = widths.width(text, font)
        let left: Double
        switch anchor {
        case .start: left = x
        case .middle: left = x - w / 2
        case .end: left = x - w
        }
        let base: Double
        switch baseline {
        case .baseline: base = y
        case .top: base = y + font.ascent
        case .middle: base = y + (font.ascent - font.descent) / 2
        case .bottom: base = y - font.descent
        }
        return TextItem(text: text, font: font, color: color, origin: Point(left, base), width: w)
    }

    /// Wraps text to a width with the shared line breaker (CJK-aware, kinsoku respected).
    func wrap(_ text: String, font: FontSpec, maxWidth: Double) -> [String] {
        guard !text.isEmpty else { return [] }
        let breaker = LineBreaker(measurer: measurer)
        return breaker.lines([TextSpan(text: typeset(text), font: font, color: .black)], maxWidth: max(maxWidth, 1)).map(\.text)
    }
}
