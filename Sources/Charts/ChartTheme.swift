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
        padding = max(4, 0.02 * min(size.width, size.height))
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
        let raw = min(size.width / 480, size.height / 300)
        guard raw.isFinite, raw > 0 else { return 1 }
        return min(max(pow(raw, 0.8), 0.7), 4)
    }

    /// A palette or group colour (grey in monochrome).
    func color(group: String?, index: Int) -> Color { style.color(forGroup: group, index: index) }

    /// A colour dark enough to read as text on white: light palette colours (yellow, sky blue) are darkened.
    func ink(_ color: Color) -> Color {
        let l = color.luminance
        return l > 0.3 ? color.mixed(with: .black, min(0.55, (l - 0.3) * 1.2 + 0.2)) : color
    }

    /// Text colour with enough contrast on a fill.
    func textColor(on fill: Color) -> Color { fill.luminance < 0.33 ? .white : text }

    /// A lighter version of a colour, for secondary marks.
    func tint(_ color: Color, _ amount: Double) -> Color { color.mixed(with: background, amount) }
}
