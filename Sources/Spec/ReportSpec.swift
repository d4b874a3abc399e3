import Geometry
import Model

/// Which entities a section or report covers. Empty selection = inherit the report's selection.
public struct EntitySelection: Hashable, Sendable {
    public var ids: [String] = []
    public var tags: [String] = []
    public var kinds: [EntityKind] = []
    public var exclude: [String] = []
    /// `in: [CN, …]`: the members of these parents, at any depth (a region's countries and their cities).
    public var parents: [String] = []
    /// Where `in:` is written, for errors about its parents.
    public var parentsLocation: SourceLocation?
    /// The best N by an indicator in a period (direction-aware).
    public var top: TopSelection?
    public var location: SourceLocation?
    public init() {}
    public var isEmpty: Bool { ids.isEmpty && tags.isEmpty && kinds.isEmpty && parents.isEmpty && top == nil }
}

/// A window of a selection by an indicator: the best N (`n`) or every entity ranked K or better (`ranks`), in one
/// period (`period`, default the latest) or in any period from `since` on.
public struct TopSelection: Hashable, Sendable {
    public var indicator: String
    public var period: String?
    /// The best N; nil when `ranks` is given.
    public var count: Int?
    /// Ranked K or better (ties included); nil when `n` is given.
    public var ranks: Int? = nil
    /// Ever in the window in a period from this one on; nil: one period.
    public var since: String? = nil
    /// `per: parent | group`: the window is applied within each parent or declared group; nil: over the whole pool.
    public var per: Partition? = nil
    public var location: SourceLocation? = nil
    public init(indicator: String, period: String?, count: Int?) { self.indicator = indicator; self.period = period; self.count = count }
}

/// What a window is applied within (`per:`), or what table rows are grouped under (`group-by:`).
public enum Partition: String, Hashable, Sendable, CaseIterable {
    /// The entity's parent (entities.csv `parent`); entities without one form one more partition.
    case parent
    /// The first of the report's declared `groups:` whose tag the entity carries; entities in none form one more.
    case group
}

/// A text with its location, so placeholder errors can point into the spec.
public struct SpecText: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation
    /// UTF-8 offset ranges of `text` that came from parameter values: data, printed as written and never
    /// expanded as `{{ placeholders }}`.
    public var literals: [Range<Int>] = []
    public init(_ text: String, at location: SourceLocation) { self.text = text; self.location = location }
}

/// A column group of a matrix table: one indicator over some periods.
public struct TableColumnSpec: Hashable, Sendable {
    public var indicator: String
    /// Period texts ("2003"); empty = every period observed.
    public var periods: [String]
    public var label: SpecText?
    public var location: SourceLocation
    /// A computed column (change, difference, group rank, share) of `indicator`; nil = observed values.
    public var computed: ComputedColumnSpec? = nil
    /// `format: {decimals: N}`: the column's decimals instead of the indicator's.
    public var decimals: Int? = nil
    /// `hide: true`: checked and computed, but not shown.
    public var hidden: Bool = false
}

/// A table section.
public struct TableSpec: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Entities × (indicator, period) columns, ranks shaded.
        case matrix
        /// Indicators × entities, each cell the latest value with its date.
        case facts
        /// A declared relation per entity: numerator, denominator, stated, computed, difference.
        case relation
        /// Every observation of the selected indicators and entities, with period, note and quote.
        case observations
        /// The dated events (events.csv) of the selected entities, numbered like the timeline chart's key.
        case milestones
        /// The targets (targets.csv) of the selected entities: goal, deadline, status, source.
        case targets
    }
    public var id: String
    public var kind: Kind
    public var title: SpecText
    public var entities: EntitySelection
    public var columns: [TableColumnSpec]
    public var indicators: [String]
    public var relation: String?
    /// Shade cells by rank (matrix tables of rank indicators).
    public var shade: Bool
    public var sourceNote: SpecText?
    /// Left out quietly when the data has nothing for it (for specs built over many entities).
    public var optional: Bool
    public var location: SourceLocation
    /// Rows shaded for emphasis (`focus:`); empty = none.
    public var focus: EntitySelection = EntitySelection()
    /// Footnotes attached to cells (`notes:`, matrix tables).
    public var cellNotes: [CellNoteSpec] = []
    /// The order of the rows; nil: the reader's order (see `SortSpec`).
    public var sort: SortSpec? = nil
    /// `group-by: parent`: rows under a subheading row per parent (matrix tables).
    public var groupBy: Partition? = nil
}

/// A chart section (also exported as slide images).
public struct ChartSectionSpec: Hashable, Sendable {
    public var id: String
    public var kind: ChartKind
    public var title: SpecText
    public var subtitle: SpecText?
    public var indicators: [String]
    public var periods: [String]
    public var entities: EntitySelection
    public var focus: EntitySelection
    public var relation: String?
    public var highlight: String?
    public var height: Double
    public var sourceNote: SpecText?
    /// Left out quietly when the data has nothing for it (for specs built over many entities).
    public var optional: Bool
    public var location: SourceLocation
    /// The text alternative read instead of the chart (`alt:`); nil: described from the chart's data.
    public var alt: SpecText? = nil
    /// `unlabelled: allow`: labels that cannot fit may be shortened or left out with a warning, instead of failing.
    public var allowUnlabelled: Bool = false
    /// The order of the rows; nil: the reader's order (see `SortSpec`).
    public var sort: SortSpec? = nil
    /// A bump chart's rank window (`ranks: 1-20`).
    public var rankWindow: RankWindow? = nil
    /// Reference lines (`reference:`): targets and group statistics drawn across the value or rank axis.
    public var references: [ChartReferenceSpec] = []
    /// Shaded bands (`bands:`): spans of the value or rank axis, or of periods, drawn behind the marks.
    public var bands: [ChartBandSpec] = []
    /// Callouts (`callouts:`): short texts attached to single marks.
    public var callouts: [ChartCalloutSpec] = []
}

/// The reusable gap-analysis section: domestic vs international.
public struct GapAnalysisSpec: Hashable, Sendable {
    public var id: String
    public var domestic: EntitySelection
    public var international: EntitySelection
    /// A `unit: stage` indicator placing entities on the maturity ladder.
    public var stage: String?
    /// A `unit: stage` indicator saying where an entity is heading.
    public var targetStage: String?
    /// Indicators compared (ranks or values).
    public var indicators: [String]
    /// A text indicator (multiple) listing root causes.
    public var causes: String?
    public var causesEntity: String?
    public var title: SpecText?
    public var location: SourceLocation
}

/// A key-figure call-out; its value is usually a placeholder filled from the data.
public struct CalloutSpec: Hashable, Sendable {
    public var value: SpecText
    public var label: SpecText
    public var note: SpecText?
}

/// One section of a report.
public enum SectionSpec: Hashable, Sendable {
    case heading(SpecText, level: Int, anchor: String?)
    case text(SpecText)
    case list([SpecText], ordered: Bool)
    case callouts([CalloutSpec])
    case table(TableSpec)
    case chart(ChartSectionSpec)
    case gapAnalysis(GapAnalysisSpec)
    case pageBreak
    case tableOfContents(SpecText)
    case dataNotes(SpecText)
    case references(SpecText)
    case note(SpecText)
}

/// Chart image exports.
public struct ChartExportSpec: Hashable, Sendable {
    public var formats: [OutputFormat]
    public var sizes: [Size]
    public var scale: Double
    public var transparent: Bool
    /// Chart ids to export; empty = all.
    public var only: [String]
}

/// A batch: the spec is built once per value of a parameter.
public struct BatchSpec: Hashable, Sendable {
    public var parameter: String
    public var values: [String]
    public var over: EntitySelection?
}

/// A group of entities coloured alike in every chart of a report, with a legend entry: the entities that carry
/// `tag`. Declared in the spec (`groups:`), never implied by a tag's name.
public struct GroupSpec: Hashable, Sendable {
    public var tag: String
    public var label: LocalizedText
    public var location: SourceLocation?
    public init(tag: String, label: LocalizedText, location: SourceLocation? = nil) { self.tag = tag; self.label = label; self.location = location }
}

/// A parsed, validated report spec (`version: 1`).
public struct ReportSpec: Sendable {
    public var path: String
    public var folder: String
    public var title: SpecText
    public var subtitle: SpecText?
    public var author: String
    /// ISO date (YYYY-MM-DD) for the PDF dates.
    public var date: String
    public var language: String
    /// The style file; empty for the built-in default style.
    public var stylePath: String
    public var datasetPath: String
    public var parameters: [String: String]
    public var batch: BatchSpec?
    public var entities: EntitySelection
    /// Groups that colour entities in charts, in legend order; empty = no group colours.
    public var groups: [GroupSpec] = []
    public var indicators: [String]
    public var sections: [SectionSpec]
    /// PDF file name inside the output folder; nil = no PDF.
    public var pdfName: String?
    public var chartExports: ChartExportSpec?
    public var keywords: String
    /// Standards the PDF must meet (`outputs: pdf-standard`), and where they were asked for.
    public var pdfStandards: Set<PDFStandard> = []
    public var pdfStandardLocation: SourceLocation? = nil
    /// Where `language:` is written; nil when the default language applies.
    public var languageLocation: SourceLocation? = nil
    /// Footnotes (`footnotes:`, id → text) cited as `[^id]` in text, lists, table and chart titles, and table cells.
    public var footnotes: [FootnoteSpec] = []
}
