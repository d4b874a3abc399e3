import Geometry

/// What a dated event on an entity's development path is.
public enum EventKind: String, Hashable, Sendable, CaseIterable {
    /// A strategy, plan or programme announced.
    case plan
    /// A law, regulation or binding rule signed or in force.
    case law
    /// A body set up or an official appointed.
    case agency
    /// A system, portal or service opened.
    case launch
    /// One phase of a programme: a span of years.
    case phase
    /// A stage reached or a designation received (a pilot city, a project completed).
    case milestone
    /// A target's deadline (drawn from targets.csv, never written in events.csv).
    case target
}

/// Where a span ends: a period, or still running ("至今", "to date").
public enum EventEnd: Hashable, Sendable, CustomStringConvertible {
    case period(Period)
    case open

    public var description: String {
        switch self {
        case .period(let p): return p.description
        case .open: return "open"
        }
    }
}

/// A dated step on an entity's path: a plan, a law, an agency, a launch, a programme phase or a milestone,
/// with the chapter's wording, so a report can show how a leader got where it is.
public struct Event: Hashable, Sendable {
    public var id: String
    public var entity: String
    public var kind: EventKind
    public var date: Period
    /// The end of a span (phases, plans with a term); nil for a point in time.
    public var end: EventEnd?
    /// Phases of one programme share this id (checked for overlaps).
    public var programme: String?
    /// A step comparable across entities (`portal`, `strategy`, `e-transactions-law`): the time lag between two
    /// entities is measured between their events of the same step.
    public var step: String?
    public var text: LocalizedText
    public var source: String?
    public var quote: String
    public var note: String
    public var location: SourceLocation?

    public init(id: String, entity: String, kind: EventKind, date: Period, end: EventEnd? = nil, programme: String? = nil,
                step: String? = nil, text: LocalizedText, source: String? = nil, quote: String = "", note: String = "",
                location: SourceLocation? = nil) {
        self.id = id; self.entity = entity; self.kind = kind; self.date = date; self.end = end; self.programme = programme
        self.step = step; self.text = text; self.source = source; self.quote = quote; self.note = note; self.location = location
    }

    /// The last year the event touches; an open span runs to `openUntil`.
    public func endYear(openUntil: Int) -> Int {
        switch end {
        case .none: return date.endYear
        case .period(let p)?: return p.endYear
        case .open?: return max(openUntil, date.endYear)
        }
    }

    /// Whether the event is a span (a phase or a plan with a term) rather than a point.
    public var isSpan: Bool {
        if end != nil { return true }
        if case .range = date { return true }
        return false
    }
}
