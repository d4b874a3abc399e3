import Geometry

/// A loaded dataset with indexes for the queries reports make (rank of X in survey Y in year Z).
public struct Dataset: Sendable {
    public var folder: String
    public private(set) var entities: [Entity]
    public private(set) var indicators: [Indicator]
    public private(set) var sources: [Source]
    public private(set) var relations: [Relation]
    public private(set) var stages: [Stage]
    public private(set) var observations: [Observation]
    /// Dated plans, laws, agencies, launches and programme phases (events.csv), in file order.
    public private(set) var events: [Event]
    /// Goals with deadlines (targets.csv).
    public private(set) var targets: [Target]

    private var entityIndex: [String: Int] = [:]
    private var indicatorIndex: [String: Int] = [:]
    private var sourceIndex: [String: Int] = [:]
    /// (entity, indicator) → observation indexes sorted by period.
    private var series: [SeriesKey: [Int]] = [:]
    /// indicator → observation indexes.
    private var byIndicator: [String: [Int]] = [:]
    /// indicator → the most decimals any of its values is given with (at most 4).
    private var decimalsByIndicator: [String: Int] = [:]

    struct SeriesKey: Hashable {
        var entity: String
        var indicator: String
    }

    public init(folder: String, entities: [Entity], indicators: [Indicator], sources: [Source], relations: [Relation] = [],
                stages: [Stage] = [], observations: [Observation], events: [Event] = [], targets: [Target] = []) {
        self.events = events; self.targets = targets
        self.folder = folder; self.entities = entities; self.indicators = indicators; self.sources = sources
        self.relations = relations; self.stages = stages.sorted { $0.level < $1.level }; self.observations = observations
        for (i, e) in entities.enumerated() where entityIndex[e.id] == nil { entityIndex[e.id] = i }
        for (i, x) in indicators.enumerated() where indicatorIndex[x.id] == nil { indicatorIndex[x.id] = i }
        for (i, s) in sources.enumerated() where sourceIndex[s.id] == nil { sourceIndex[s.id] = i }
        for (i, o) in observations.enumerated() {
            series[SeriesKey(entity: o.entity, indicator: o.indicator), default: []].append(i)
            byIndicator[o.indicator, default: []].append(i)
            if let n = o.value.number, n.isFinite {
                let text = NumberFormatting.plain(n)
                let places = text.firstIndex(of: ".").map { min(4, text.distance(from: $0, to: text.endIndex) - 1) } ?? 0
                decimalsByIndicator[o.indicator] = max(decimalsByIndicator[o.indicator] ?? 0, places)
            }
        }
        for key in series.keys {
            series[key]?.sort { observations[$0].period < observations[$1].period || (observations[$0].period == observations[$1].period && $0 < $1) }
        }
    }

    public func entity(_ id: String) -> Entity? { entityIndex[id].map { entities[$0] } }
    public func indicator(_ id: String) -> Indicator? { indicatorIndex[id].map { indicators[$0] } }
    public func source(_ id: String) -> Source? { sourceIndex[id].map { sources[$0] } }

    /// All observations of an entity for an indicator, oldest first.
    public func observations(entity: String, indicator: String) -> [Observation] {
        (series[SeriesKey(entity: entity, indicator: indicator)] ?? []).map { observations[$0] }
    }

    /// All observations of an indicator, in file order.
    public func observations(indicator: String) -> [Observation] {
        (byIndicator[indicator] ?? []).map { observations[$0] }
    }

    /// The most decimals any value of an indicator is given with (0–4): the precision its figures share when
    /// they stand side by side (chart labels, medians), so 0.9 and 0.82 print as 0.90 and 0.82.
    public func observedDecimals(indicator: String) -> Int { decimalsByIndicator[indicator] ?? 0 }

    /// The observation for an exact period, or the only one in that year when the period is a year.
    public func observation(entity: String, indicator: String, period: Period) -> Observation? {
        // Looked up for every table cell: walk the indexes without building an array of observations.
        guard let indexes = series[SeriesKey(entity: entity, indicator: indicator)] else { return nil }
        if let exact = indexes.first(where: { observations[$0].period == period }) { return observations[exact] }
        if case .year(let y) = period {
            let inYear = indexes.filter { observations[$0].period.startYear == y && observations[$0].period.endYear == y }
            if inYear.count == 1 { return observations[inYear[0]] }
        }
        return nil
    }

    /// The latest observation of an entity for an indicator.
    public func latest(entity: String, indicator: String) -> Observation? {
        observations(entity: entity, indicator: indicator).last
    }

    /// Distinct periods observed for an indicator, oldest first.
    public func periods(indicator: String) -> [Period] {
        Array(Set((byIndicator[indicator] ?? []).map { observations[$0].period })).sorted()
    }

    /// Entities with a tag, in file order.
    public func entities(tagged tag: String) -> [Entity] { entities.filter { $0.tags.contains(tag) } }

    /// Entities of a kind, in file order.
    public func entities(kind: EntityKind) -> [Entity] { entities.filter { $0.kind == kind } }

    /// Every tag used, sorted.
    public var tags: [String] { Array(Set(entities.flatMap(\.tags))).sorted() }

    /// The name of a stage level in a language ("交易服务"); nil when the dataset has no such stage.
    public func stageName(_ level: Int, _ language: String) -> String? {
        stages.first { $0.level == level }?.name.resolve(language)
    }
}
