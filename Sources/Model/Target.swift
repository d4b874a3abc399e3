import Geometry

/// Whether a target was reached, as the source says.
public enum TargetStatus: String, Hashable, Sendable, CaseIterable {
    case met, missed, unknown
}

/// A goal an entity set itself: an indicator value or a goal in words, by a deadline, and whether (and when) the
/// source says it was met.
public struct Target: Hashable, Sendable {
    public var id: String
    public var entity: String
    public var goal: LocalizedText
    /// The indicator the target is stated in, when it is one of the dataset's.
    public var indicator: String?
    /// The target value as the source states it (`100`), empty for a goal in words.
    public var value: String
    /// When the target was set.
    public var set: Period?
    /// The deadline; nil when the source names none.
    public var deadline: Period?
    public var status: TargetStatus
    /// When it was met, where the source says so.
    public var metWhen: Period?
    public var source: String?
    public var quote: String
    public var note: String
    public var location: SourceLocation?

    public init(id: String, entity: String, goal: LocalizedText, indicator: String? = nil, value: String = "", set: Period? = nil,
                deadline: Period? = nil, status: TargetStatus = .unknown, metWhen: Period? = nil, source: String? = nil,
                quote: String = "", note: String = "", location: SourceLocation? = nil) {
        self.id = id; self.entity = entity; self.goal = goal; self.indicator = indicator; self.value = value; self.set = set
        self.deadline = deadline; self.status = status; self.metWhen = metWhen; self.source = source; self.quote = quote
        self.note = note; self.location = location
    }
}
