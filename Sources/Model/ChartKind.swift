/// The chart kinds Dossier draws, shared by specs (what is asked) and charts (what is drawn).
/// What each kind can show lives here, so `dossier validate` rejects a chart the renderer could not draw.
public enum ChartKind: String, Hashable, Sendable, CaseIterable {
    case bump            // rank over periods, rank 1 on top, end labels
    case bar             // horizontal ranked bars, sorted, value labels
    case groupedBar = "grouped-bar"   // several categories (indicators) per entity
    case slope           // two periods
    case dumbbell        // two values per entity (categories[0] vs categories[1])
    case dot             // dot plot: one row per entity, a dot per category
    case line            // values over periods
    case heatmap         // entity × category cells shaded and labelled by rank/value
    case stageLadder = "stage-ladder" // entities placed on an ordinal stage scale
    case timeline        // lanes of dated events, phases and targets (development paths)

    /// How many indicators a chart of this kind draws: one line per entity needs exactly one indicator, and
    /// a kind that compares indicators needs at least one. A spec outside the range is an error, never a
    /// chart that quietly draws the first indicator only.
    public var indicatorCount: ClosedRange<Int> {
        switch self {
        case .bump, .slope, .line, .bar: return 1...1
        case .dumbbell: return 2...2
        case .groupedBar, .dot, .heatmap: return 1...Int.max
        case .stageLadder: return 1...2
        case .timeline: return 0...0
        }
    }

    /// Whether the kind takes its values from a relation (stated vs computed) instead of indicators.
    public var acceptsRelation: Bool { self == .dumbbell }

    /// Whether the kind can mark one entity with `highlight:` (other kinds use `focus:`).
    public var drawsHighlight: Bool { self == .bar }

    /// What to use instead when a spec gives this kind more indicators than it can draw.
    public var manyIndicatorsHint: String {
        switch self {
        case .bump, .slope, .line: return "one chart per indicator, or kind: heatmap or dot to compare indicators"
        case .bar: return "one chart per indicator, or kind: grouped-bar or dot to compare indicators"
        case .dumbbell: return "a dumbbell compares two indicators (or a relation)"
        case .stageLadder: return "give the stage indicator and, optionally, a target-stage indicator"
        case .timeline: return "a timeline draws the events and targets of events.csv and targets.csv; remove 'indicators'"
        case .groupedBar, .dot, .heatmap: return ""
        }
    }

    /// Checks the number of indicators (and a relation) a spec gives; nil when the kind can draw them.
    public func indicatorProblem(count: Int, hasRelation: Bool) -> (message: String, hint: String)? {
        if hasRelation {
            return acceptsRelation ? (count == 0 ? nil : ("a \(rawValue) chart takes a relation or indicators, not both", "remove 'indicators' or 'relation'"))
                                   : ("'relation' is only used by dumbbell charts", "remove 'relation', or use kind: dumbbell")
        }
        if count < indicatorCount.lowerBound {
            let n = indicatorCount.lowerBound
            return ("a \(rawValue) chart needs \(n == indicatorCount.upperBound ? "" : "at least ")\(n) indicator\(n == 1 ? "" : "s"), but \(count) \(count == 1 ? "is" : "are") given",
                    acceptsRelation ? "give two indicators, or relation: ID" : "write indicator: ID")
        }
        if count > indicatorCount.upperBound {
            let n = indicatorCount.upperBound
            let draws = n == 0 ? "no indicators" : n == 1 ? "one indicator" : "\(n) indicators"
            return ("a \(rawValue) chart draws \(draws), but \(count) \(count == 1 ? "is" : "are") given", manyIndicatorsHint)
        }
        return nil
    }
}

extension ChartKind {
    /// Whether the kind draws reference lines (`reference:`): a line across the value or rank axis.
    public var drawsReferenceLines: Bool {
        switch self {
        case .bar, .dot, .line, .bump, .groupedBar: return true
        case .slope, .dumbbell, .heatmap, .stageLadder, .timeline: return false
        }
    }
}
