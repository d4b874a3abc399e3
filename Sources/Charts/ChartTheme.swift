#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geometry
import Model

/// Type sizes, strokes and colours of one chart, scaled to the chart's size so a 1920-point slide chart gets
/// type about three times that of a 480-point report figure.
struct ChartTheme {
    let style: Style
    /// Multiplier applied to every style size and stroke.
    let scale: Double
    /// Empty margin around the whole chart.
    let padding: Double

    let titleFont: FontSpec
    let subtitleFont: FontSpec
    let labelFont: FontSpec
    let labelBoldFont: FontSpec
    let tickFont: FontSpec
    let noteFont: FontSpec

    let text: Color
    let muted: Color
    let accent: Color
    let grid: Color
    let axis: Color
    let context: Color
    let background: Color
    /// Fill of a heat-map cell without a value.
    let missingFill: Color
    let scaleLow: Color
    let scaleHigh: Color

    let gridWidth: Double
    let axisWidth: Double
    let lineWidth: Double
    let focusLineWidth: Double
    let contextLineWidth: Double
    let markerRadius: Double

    init(style: Style, size: Size) {
        self.style = style
        let s = ChartTheme.scale(for: size)
        scale = s
        // 2 % of the short side suits report figures; a slide-size image is a whole slide, whose edge needs a
        // wider safe margin (about 4 % at 1920×1080), so the margin grows with the type from there.
        padding = max(4, 0.02 * min(size.width, size.height) * max(1, s / 1.5))
        let sizes = style.sizes
        titleFont = style.bodyFont(size: sizes.chartTitle * s, bold: true)
        subtitleFont = style.bodyFont(size: (sizes.chartLabel + 1) * s)
        labelFont = style.bodyFont(size: sizes.chartLabel * s)
        labelBoldFont = style.bodyFont(size: sizes.chartLabel * s, bold: true)
        tickFont = style.bodyFont(size: sizes.chartTick * s)
        noteFont = style.bodyFont(size: min(sizes.small, sizes.chartTick) * s)

        let c = style.colors
        let mono = style.monochrome
        func m(_ color: Color) -> Color { mono ? color.grayscale : color }
        text = m(c.text)
        muted = m(c.muted)
        accent = m(c.accent)
        grid = m(c.grid)
        axis = m(c.axis)
        context = m(c.context)
        background = m(c.background)
        missingFill = m(c.zebra)
        scaleLow = m(c.scaleLow)
        scaleHigh = m(c.scaleHigh)

        gridWidth = 0.5 * s
        axisWidth = 0.75 * s
        lineWidth = style.lineWidth * s
        focusLineWidth = style.focusLineWidth * s
        contextLineWidth = style.lineWidth * 0.5 * s
        markerRadius = style.markerRadius * s
    }

    /// 1 for a 480×300 report figure; grows with the chart, damped so slide type is not oversized
    /// (1920×1080 gives about 2.8).
    static func scale(for size: Size) -> Double {
        // A report figure is as wide as the column and as tall as its content needs; a short one keeps nearly the
        // type of its neighbours, since a figure's type should not shrink because it has fewer rows.
        let byWidth = size.width / 480
        let raw = min(byWidth, max(size.height / 300, min(byWidth, 1) * 0.85))
        guard raw.isFinite, raw > 0 else { return 1 }
        return min(max(pow(raw, 0.8), 0.7), 4)
    }

    /// Greys only: series need dash patterns and marker shapes as well as shades.
    var monochrome: Bool { style.monochrome }

    /// The marker of the i-th category in dot and dumbbell charts: round in colour, a shape per category in
    /// monochrome, where black and dark grey dots look alike.
    func categoryShape(_ index: Int) -> MarkerShape { monochrome ? MarkerShape.at(index) : .circle }

    /// A palette or group colour (grey in monochrome).
    func color(group: String?, index: Int) -> Color { style.color(forGroup: group, index: index) }

    /// A series colour made readable as label text on the background: mixed toward the text colour until the
    /// WCAG contrast ratio for text (4.5) is reached (yellow, sky blue and light greys darken on white, dark blue
    /// lightens on a dark slide). Only text changes; lines and markers keep the series colour.
    func ink(_ color: Color) -> Color { raised(color, to: 4.5) }

    /// `color` mixed toward the text colour in small steps until it contrasts with the background by `ratio`.
    func raised(_ color: Color, to ratio: Double) -> Color {
        var c = color
        var t = 0.0
        while ChartTheme.contrast(c, background) < ratio, t < 1 {
            t = min(1, t + 0.05)
            c = color.mixed(with: text, t)
        }
        return c
    }

    /// Whether the chart is light on dark (a dark slide).
    var isDark: Bool { background.luminance < text.luminance }

    /// Context lines and markers that stand for entities (a few grey lines behind the focus ones). On a page the
    /// light grey recedes as intended; on a dark slide the same low contrast vanishes on a projector, so there they
    /// get the 3:1 that WCAG asks of meaningful graphics.
    var contextLine: Color { isDark ? raised(context, to: 3) : context }

    /// Text colour for a label on a filled cell: the text or background colour, whichever contrasts more.
    func textColor(on fill: Color) -> Color {
        ChartTheme.contrast(text, fill) >= ChartTheme.contrast(background, fill) ? text : background
    }

    /// WCAG contrast ratio of two colours (1…21).
    static func contrast(_ a: Color, _ b: Color) -> Double {
        let la = a.luminance, lb = b.luminance
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// The greys of focus series beyond the palette, alternating a dark and a middle shade: both darker than the
    /// context lines and at least 3:1 against the background, so they read as series, not as texture.
    func overflowGrey(_ k: Int) -> Color {
        let shade = text.mixed(with: background, k % 2 == 0 ? 0.3 : 0.5)
        return raised(shade.grayscale, to: 3)
    }

    /// A lighter version of a colour, for secondary marks.
    func tint(_ color: Color, _ amount: Double) -> Color { color.mixed(with: background, amount) }
}
