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

    func width(_ text: String, _ font: FontSpec) -> Double { widths.width(text, font) }

    /// A text run positioned by anchor and vertical alignment.
    func run(_ text: String, font: FontSpec, color: Color, x: Double, y: Double,
             anchor: TextAnchor = .start, baseline: TextBaseline = .middle) -> TextItem {
        let w = width(text, font)
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
        return breaker.lines([TextSpan(text: text, font: font, color: .black)], maxWidth: max(maxWidth, 1)).map(\.text)
    }
}
