import Geometry
import Model

/// One entity's values, one per category (nil = missing, never drawn as zero).
public struct ChartSeries: Hashable, Sendable {
    public var id: String
    public var label: String
    /// Group id for colouring (e.g. `international`, `domestic`); nil = palette by index.
    public var group: String?
    /// Focus series are coloured and labelled; the rest are drawn thin and grey (and unlabelled in crowded charts).
    public var focus: Bool
    public var values: [Double?]
    /// Optional preformatted value labels, one per category (nil = format the number).
    public var valueLabels: [String?]
    public init(id: String, label: String, group: String? = nil, focus: Bool = true, values: [Double?], valueLabels: [String?] = []) {
        self.id = id; self.label = label; self.group = group; self.focus = focus; self.values = values; self.valueLabels = valueLabels
    }
}

/// An entity placed on a stage scale: a level or a span of levels, and where it is heading.
public struct StagePlacement: Hashable, Sendable {
    public var id: String
    public var label: String
    public var group: String?
    public var low: Double
    public var high: Double
    public var target: Double?
    public init(id: String, label: String, group: String?, low: Double, high: Double, target: Double? = nil) {
        self.id = id; self.label = label; self.group = group; self.low = low; self.high = high; self.target = target
    }
}

/// A reference line across the value or rank axis: a target or a group statistic, with its label.
public struct ChartReference: Hashable, Sendable {
    /// Where the line is drawn, in the chart's values (a rank for rank charts).
    public var value: Double
    /// The label at the line's end ("国际中位数 0.72", "Target 0.5"), in the report language.
    public var label: String
    public init(value: Double, label: String) { self.value = value; self.label = label }
}

/// How tied ranks are drawn in a bump chart.
public enum TieRule: String, Hashable, Sendable {
    /// Tied entities share the y position; their end labels are stacked without overlap, in label order.
    case shareAndStack = "share-and-stack"
    /// Tied lines are offset a little vertically so each stays visible.
    case offset
}

/// How a missing period is drawn in a line or bump chart.
public enum MissingRule: String, Hashable, Sendable {
    case gap
    case dashedBridge = "dashed-bridge"
}

/// Everything needed to draw one chart; data arrive already resolved (labels in the report language).
public struct ChartSpec: Hashable, Sendable {
    public var kind: ChartKind
    /// "图 1" / "Figure 1"; drawn before the title when not empty.
    public var number: String
    public var title: String
    public var subtitle: String
    /// The full source line, e.g. "资料来源：埃森哲公司…" / "Source: Accenture …".
    public var sourceNote: String
    /// Category labels: periods (bump, slope, line) or indicators (grouped bars, dumbbell, dot, heat map).
    public var categories: [String]
    public var series: [ChartSeries]
    /// Survey size per category ("out of N"), when known.
    public var outOf: [Int?]
    /// Values are ranks (lower is better): axis reversed, rank 1 at the top / darkest.
    public var valuesAreRanks: Bool
    /// Axis title for the value axis ("排名" / "Rank", "%").
    public var valueAxisTitle: String
    /// Stage names, level 1 first (stage ladder).
    public var stageNames: [String]
    public var placements: [StagePlacement]
    public var tieRule: TieRule
    public var missingRule: MissingRule
    /// Highlight entity id (bars).
    public var highlight: String?
    /// Labels for group legend entries (group id → label) where end labels do not serve.
    public var groupLabels: [String: String]
    /// The report language (number formatting, "out of N" wording).
    public var language: String
    /// The group of each category (e.g. `domestic`, `international`), so dumbbell and dot charts colour a
    /// category like the group it stands for ("domestic best" in the domestic colour); empty or nil entries fall
    /// back to the palette by category index.
    public var categoryGroups: [String?]
    /// Lanes and marks of a timeline chart.
    public var timeline: TimelineData = TimelineData()
    /// The periods behind `categories` in line kinds (nil where a category is not a period), so dates are
    /// placed by date; empty: categories are evenly spaced.
    public var periods: [Period?] = []
    /// Where the chart is declared, so a chart that cannot label its marks fails at its spec line.
    public var location: SourceLocation?
    /// The spec's `unlabelled: allow`: labels that do not fit may be shortened or left out (with a warning) instead
    /// of failing the build.
    public var allowUnlabelled: Bool = false
    /// Rows (bars, rank dots) are drawn in the order of `series`, as the report sorted them; false: best first.
    public var rowsInGivenOrder: Bool = false
    /// A bump chart's rank window: the axis shows these ranks only, lines are clipped to it, and entries and exits
    /// are marked at its edge with the rank outside.
    public var rankWindow: ClosedRange<Int>? = nil
    /// The number and title are set outside the chart (as the caption of a report figure, in the style table
    /// captions share), so the chart does not draw them; an exported chart keeps them (false).
    public var captionOutside: Bool = false
    /// Reference lines (bar, dot, grouped-bar: across the rows at a value; line, bump: across the plot at a value
    /// or rank). The axis always extends to include them.
    public var references: [ChartReference] = []
    /// Shaded bands (bar, dot, grouped-bar: across the rows between two values; line, bump: between two values or
    /// ranks, or over a span of periods). The axis always extends to include them.
    public var bands: [ChartBand] = []
    /// Texts attached to single marks, each with a leader, placed clear of every label and mark.
    public var callouts: [ChartCallout] = []

    public init(kind: ChartKind, number: String = "", title: String, subtitle: String = "", sourceNote: String = "",
                categories: [String] = [], series: [ChartSeries] = [], outOf: [Int?] = [], valuesAreRanks: Bool = false,
                valueAxisTitle: String = "", stageNames: [String] = [], placements: [StagePlacement] = [],
                tieRule: TieRule = .shareAndStack, missingRule: MissingRule = .gap, highlight: String? = nil,
                groupLabels: [String: String] = [:], language: String = "zh-cn", categoryGroups: [String?] = []) {
        self.kind = kind; self.number = number; self.title = title; self.subtitle = subtitle; self.sourceNote = sourceNote
        self.categories = categories; self.series = series; self.outOf = outOf; self.valuesAreRanks = valuesAreRanks
        self.valueAxisTitle = valueAxisTitle; self.stageNames = stageNames; self.placements = placements
        self.tieRule = tieRule; self.missingRule = missingRule; self.highlight = highlight; self.groupLabels = groupLabels
        self.language = language; self.categoryGroups = categoryGroups
    }
}

/// A chart drawn at a size, with what a test or a reviewer needs to check it.
public struct RenderedChart: Sendable {
    public var frame: Frame
    /// Boxes of every text label drawn in the plot area (end labels, value labels), for collision tests.
    public var labelBoxes: [Rect]
    /// Problems worth telling the author (e.g. labels dropped for lack of room).
    public var warnings: [Diagnostic]
    public init(frame: Frame, labelBoxes: [Rect] = [], warnings: [Diagnostic] = []) {
        self.frame = frame; self.labelBoxes = labelBoxes; self.warnings = warnings
    }
}
