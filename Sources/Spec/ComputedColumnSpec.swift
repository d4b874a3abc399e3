import Geometry

/// A matrix-table column computed from an indicator rather than read from the data: the change between two
/// periods, the difference to a reference, the rank within a group, or the share of a group's total.
public struct ComputedColumnSpec: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// `{change: ID, from: P, to: P}`: ▲ better / ▼ worse / – unchanged between two periods.
        case change
        /// `{difference: ID, period: P, to: median|mean|best|ENTITY, among: SELECTION}`: value − reference.
        case difference
        /// `{group-rank: ID, period: P, among: SELECTION}`: 1 = best of the group (direction-aware), ties share.
        case groupRank = "group-rank"
        /// `{share: ID, period: P, among: SELECTION}`: value ÷ the group's total, in percent.
        case share
    }

    /// What a difference is measured against.
    public enum Reference: Hashable, Sendable {
        case median, mean, best
        case entity(String)

        public init(_ text: String) {
            switch text {
            case "median": self = .median
            case "mean": self = .mean
            case "best": self = .best
            default: self = .entity(text)
            }
        }
    }

    public var kind: Kind
    public var indicator: String
    /// The earlier period of a change (`from:`).
    public var from: String?
    /// The period a difference, group rank or share is taken in; the later period of a change (`to:`).
    public var period: String?
    public var reference: Reference?
    /// The group the reference, rank or total is taken over; nil = the table's own rows.
    public var among: EntitySelection?
    public var location: SourceLocation

    public init(kind: Kind, indicator: String, from: String? = nil, period: String? = nil, reference: Reference? = nil,
                among: EntitySelection? = nil, location: SourceLocation) {
        self.kind = kind; self.indicator = indicator; self.from = from; self.period = period
        self.reference = reference; self.among = among; self.location = location
    }
}
