import Geometry
import Model

/// One lane of a timeline: an entity (or a group).
public struct TimelineLane: Hashable, Sendable {
    public var id: String
    public var label: String
    public var group: String?
    public init(id: String, label: String, group: String? = nil) { self.id = id; self.label = label; self.group = group }
}

/// An event on a timeline: a point, a span (a programme phase, a plan with a term) or a target at its deadline.
public struct TimelineMark: Hashable, Sendable {
    /// Index into `TimelineData.lanes`.
    public var lane: Int
    /// Start, in fractional years (1998.5 is the middle of 1998).
    public var start: Double
    /// End of a span in fractional years; nil for a point.
    public var end: Double?
    /// A span still running: drawn to the end of the axis with an arrow.
    public var open: Bool
    /// A target (hollow marker) and what became of it; nil for an event.
    public var target: TargetStatus?
    /// The date as the key prints it ("1998", "2002年1月").
    public var date: String
    /// What happened, for the key.
    public var text: String

    public init(lane: Int, start: Double, end: Double? = nil, open: Bool = false, target: TargetStatus? = nil, date: String, text: String) {
        self.lane = lane; self.start = start; self.end = end; self.open = open; self.target = target; self.date = date; self.text = text
    }

    /// Where a period sits on a time axis in fractional years: a year is its middle, a range covers whole years.
    public static func years(of period: Period) -> (start: Double, end: Double?) {
        switch period {
        case .year(let y): return (Double(y) + 0.5, nil)
        case .month(let y, let m): return (Double(y) + (Double(m) - 0.5) / 12, nil)
        case .day(let y, let m, let d): return (Double(y) + (Double(m) - 1) / 12 + (Double(d) - 0.5) / 365, nil)
        case .range(let a, let b): return (Double(a), Double(b) + 1)
        }
    }
}

/// What a timeline chart draws: lanes and the marks on them.
public struct TimelineData: Hashable, Sendable {
    public var lanes: [TimelineLane]
    public var marks: [TimelineMark]
    /// The right end of the axis (where open spans stop), in years; nil: the last mark.
    public var until: Double?
    public init(lanes: [TimelineLane] = [], marks: [TimelineMark] = [], until: Double? = nil) {
        self.lanes = lanes; self.marks = marks; self.until = until
    }

    /// Marks in key order (lane by lane, oldest first); a mark's number in the chart is its index here + 1.
    public var numbered: [TimelineMark] {
        marks.enumerated().sorted { a, b in
            (a.element.lane, a.element.start, a.offset) < (b.element.lane, b.element.start, b.offset)
        }.map(\.element)
    }
}
