import Geometry

/// A page template: paper size, margins and whether header and footer are drawn.
public struct PageTemplate: Hashable, Sendable {
    public var size: Size
    public var margins: Insets
    public var header: Bool
    public var footer: Bool
    public init(size: Size, margins: Insets, header: Bool = true, footer: Bool = true) {
        self.size = size; self.margins = margins; self.header = header; self.footer = footer
    }
    public static let a4 = PageTemplate(size: Size(595.28, 841.89), margins: Insets(top: 64, right: 60, bottom: 64, left: 60))
    public static let letter = PageTemplate(size: Size(612, 792), margins: Insets(top: 64, right: 60, bottom: 64, left: 60))
    public static let slide = PageTemplate(size: Size(960, 540), margins: Insets(top: 40, right: 48, bottom: 40, left: 48))

    public var contentRect: Rect { Rect(origin: .zero, size: size).inset(by: margins) }
}

/// Font families: a list per role, with CJK fallbacks last.
public struct StyleFonts: Hashable, Sendable {
    public var body: [String]
    public var heading: [String]
    public init(body: [String], heading: [String]) { self.body = body; self.heading = heading }
}

/// Type sizes in points.
public struct StyleSizes: Hashable, Sendable {
    public var body = 10.5
    public var small = 8.5
    public var title = 24.0
    public var subtitle = 14.0
    public var h1 = 16.0
    public var h2 = 13.0
    public var h3 = 11.5
    public var table = 9.0
    public var caption = 9.5
    public var chartTitle = 13.0
    public var chartLabel = 9.0
    public var chartTick = 8.5
    public var callout = 22.0
    public init() {}
}

/// Colours used by layout and charts.
public struct StyleColors: Hashable, Sendable {
    public var text = Color(hex: "#1f2328") ?? .black
    public var muted = Color(hex: "#5b6470") ?? .black
    public var accent = Color(hex: "#1f5fa8") ?? .black
    public var background = Color.white
    public var rule = Color(hex: "#c9ced6") ?? .black
    public var grid = Color(hex: "#e3e6ea") ?? .black
    public var axis = Color(hex: "#8a929c") ?? .black
    public var context = Color(hex: "#c5cad1") ?? .black
    public var tableHeader = Color(hex: "#e9eef5") ?? .black
    public var zebra = Color(hex: "#f6f8fa") ?? .white
    public var calloutFill = Color(hex: "#eef4fb") ?? .white
    /// The shade of a table's focus rows (`focus:`); text stays in `text`, so it must keep contrast with it.
    public var focusRow = Color(hex: "#fbe9c0") ?? .white
    /// Rank shading: rank 1 gets `scaleHigh` (darkest), the worst rank `scaleLow`.
    public var scaleLow = Color(hex: "#eef3fa") ?? .white
    public var scaleHigh = Color(hex: "#2b5c9e") ?? .black
    /// A colour-blind-safe categorical palette (Okabe–Ito order).
    public var palette: [Color] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]
        .compactMap { Color(hex: $0) }
    /// Fixed colours by group tag, the same as Styles/briefing.yaml's `colors.groups`: used only for groups a spec
    /// declares (`groups:`); a declared group without a colour takes the palette's next one.
    public var groups: [String: Color] = [
        "international": Color(hex: "#0072B2") ?? .black,
        "domestic": Color(hex: "#D55E00") ?? .black,
    ]
    public init() {}
}

/// Everything that decides how a report or chart looks. Loaded from `Styles/*.yaml`.
public struct Style: Hashable, Sendable {
    public var name: String
    public var page: PageTemplate
    public var fonts: StyleFonts
    public var sizes: StyleSizes
    public var colors: StyleColors
    /// Line pitch as a multiple of the font size.
    public var lineHeight: Double
    /// Space after a paragraph, in points.
    public var paragraphSpacing: Double
    /// Justified paragraphs (space spread between CJK characters and Latin words); false sets them ragged-right.
    public var justify: Bool
    /// `chinese` gives 一、 / （一） / 1. ; `decimal` gives 1 / 1.1 / 1.1.1.
    public var headingNumbering: HeadingScheme
    public var lineWidth: Double
    public var focusLineWidth: Double
    public var markerRadius: Double
    /// Draw everything in grey (monochrome printing).
    public var monochrome: Bool
    /// A quarter em between Chinese characters and adjacent Latin letters or digits ("第 4 阶段"), whatever the
    /// author typed there; false sets them with no gap (author spaces at those boundaries are removed).
    public var cjkLatinSpace: Bool = true

    public init(name: String, page: PageTemplate = .a4,
                fonts: StyleFonts = StyleFonts(body: ["DejaVu Sans", "Noto Sans CJK SC Flat", "Noto Sans CJK SC Flat Full", "Noto Sans CJK SC"],
                                           heading: ["DejaVu Sans", "Noto Sans CJK SC Flat", "Noto Sans CJK SC Flat Full", "Noto Sans CJK SC"]),
                sizes: StyleSizes = StyleSizes(), colors: StyleColors = StyleColors(), lineHeight: Double = 1.6,
                paragraphSpacing: Double = 6, justify: Bool = true, headingNumbering: HeadingScheme = .chinese,
                lineWidth: Double = 1, focusLineWidth: Double = 2.2, markerRadius: Double = 3.2, monochrome: Bool = false) {
        self.name = name; self.page = page; self.fonts = fonts; self.sizes = sizes; self.colors = colors
        self.lineHeight = lineHeight; self.paragraphSpacing = paragraphSpacing; self.justify = justify
        self.headingNumbering = headingNumbering; self.lineWidth = lineWidth; self.focusLineWidth = focusLineWidth
        self.markerRadius = markerRadius; self.monochrome = monochrome
    }

    /// The built-in A4 print style.
    public static let briefing = Style(name: "briefing")

    public func bodyFont(size: Double? = nil, bold: Bool = false, italic: Bool = false) -> FontSpec {
        FontSpec(families: fonts.body, size: size ?? sizes.body, bold: bold, italic: italic)
    }

    public func headingFont(size: Double, bold: Bool = true) -> FontSpec {
        FontSpec(families: fonts.heading, size: size, bold: bold)
    }

    /// The colour of a group, else a palette colour chosen by index; grey in monochrome.
    public func color(forGroup group: String?, index: Int) -> Color {
        let c: Color
        if let group, let fixed = colors.groups[group] { c = fixed } else {
            c = colors.palette.isEmpty ? colors.accent : colors.palette[((index % colors.palette.count) + colors.palette.count) % colors.palette.count]
        }
        return monochrome ? c.grayscale : c
    }
}

/// How headings are numbered: `chinese` 一、/（一）/1. (English reports of the same style get `decimal`),
/// `decimal` 1 / 1.1 / 1.1.1, or `none`.
public enum HeadingScheme: String, Hashable, Sendable, CaseIterable {
    case chinese, decimal, none
}
