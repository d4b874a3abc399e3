import Geometry

/// Integrity and consistency checks over a loaded dataset. Each finding is located at the offending row.
public struct DataChecker: Sendable {
    /// Years outside this range are reported as suspicious.
    public var validYears: ClosedRange<Int>
    public init(validYears: ClosedRange<Int> = 1800...2200) { self.validYears = validYears }

    public func check(_ data: Dataset) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        checkReferences(data, &findings)
        checkParentCycles(data, &findings)
        checkObservations(data, &findings)
        checkRanges(data, &findings)
        checkTies(data, &findings)
        checkRelations(data, &findings)
        checkPaths(data, &findings)
        return findings
    }

    private func checkReferences(_ data: Dataset, _ out: inout [Diagnostic]) {
        let entityIDs = data.entities.map(\.id)
        var seen: [String: SourceLocation?] = [:]
        for e in data.entities {
            if let first = seen[e.id] {
                out.append(.error("duplicate entity id '\(e.id)'\(first.map { " (first at line \($0.line))" } ?? "")", at: e.location, code: .duplicateEntity))
            }
            seen[e.id] = e.location
            if let parent = e.parent, data.entity(parent) == nil {
                out.append(.error("entity '\(e.id)' names unknown parent '\(parent)'", at: e.location,
                                  hint: Suggestion.hint(for: parent, in: entityIDs), code: .unknownEntity))
            }
        }
        var seenIndicators: Set<String> = []
        for x in data.indicators {
            if !seenIndicators.insert(x.id).inserted {
                out.append(.error("duplicate indicator id '\(x.id)'", at: x.location, code: .duplicateIndicator))
            }
            if let s = x.source, data.source(s) == nil {
                out.append(.error("indicator '\(x.id)' names unknown source '\(s)'", at: x.location,
                                  hint: Suggestion.hint(for: s, in: data.sources.map(\.id)), code: .unknownSource))
            }
        }
        let indicatorIDs = data.indicators.map(\.id)
        for r in data.relations {
            for id in [r.stated, r.numerator, r.denominator] where data.indicator(id) == nil {
                out.append(.error("relation '\(r.id)' names unknown indicator '\(id)'", at: r.location,
                                  hint: Suggestion.hint(for: id, in: indicatorIDs), code: .unknownIndicator))
            }
        }
    }

    private func checkObservations(_ data: Dataset, _ out: inout [Diagnostic]) {
        let entityIDs = data.entities.map(\.id), indicatorIDs = data.indicators.map(\.id)
        var firstSeen: [String: SourceLocation?] = [:]
        for o in data.observations {
            guard data.entity(o.entity) != nil else {
                out.append(.error("unknown entity '\(o.entity)'", at: o.location, hint: Suggestion.hint(for: o.entity, in: entityIDs), code: .unknownEntity))
                continue
            }
            guard let indicator = data.indicator(o.indicator) else {
                out.append(.error("unknown indicator '\(o.indicator)'", at: o.location, hint: Suggestion.hint(for: o.indicator, in: indicatorIDs), code: .unknownIndicator))
                continue
            }
            if !validYears.contains(o.period.startYear) || !validYears.contains(o.period.endYear) {
                out.append(.error("period \(o.period) is outside \(validYears.lowerBound)–\(validYears.upperBound)", at: o.location, code: .periodRange))
            }
            if let s = data.source(indicator.source ?? ""), s.years.count >= 1, let lo = s.years.min(), let hi = s.years.max(),
               o.period.startYear < lo || o.period.endYear > hi, indicator.unit == .rank {
                out.append(Diagnostic.warning("\(o.entity) \(o.indicator): period \(o.period) is outside the years of source '\(s.id)' (\(lo)–\(hi))", at: o.location, code: .periodSource)
                    .with(["entity": o.entity, "indicator": o.indicator, "period": o.period.description, "source": s.id, "from": String(lo), "to": String(hi)]))
            }
            let key = "\(o.entity)\u{0}\(o.indicator)\u{0}\(o.period)"
            if !indicator.multiple {
                if let first = firstSeen[key] {
                    out.append(.error("duplicate observation: \(o.entity) · \(o.indicator) · \(o.period)\(first.map { " (first at line \($0.line))" } ?? "")",
                                      at: o.location, hint: "keep one row, or mark the indicator `multiple: true` if several values are meant", code: .duplicateObservation))
                } else {
                    firstSeen[key] = o.location
                }
            }
            checkValue(o, indicator, data, &out)
        }
    }

    private func checkValue(_ o: Observation, _ indicator: Indicator, _ data: Dataset, _ out: inout [Diagnostic]) {
        switch (indicator.unit, o.value) {
        case (.text, _), (.date, _):
            break
        case (.rank, .number(let n)):
            if n < 1 || n != n.rounded() {
                out.append(.error("rank must be a positive whole number, got \(NumberFormatting.plain(n))", at: o.location, code: .badRank))
            }
            if let size = indicator.surveySize[o.period.description], Int(n) > size {
                out.append(.error("rank \(Int(n)) is larger than the survey size \(size) for \(o.period)", at: o.location, code: .badRank))
            }
        case (.stage, .number(let n)):
            if !data.stages.isEmpty, !data.stages.contains(where: { Double($0.level) == n }) {
                out.append(.error("stage \(NumberFormatting.plain(n)) is not a level of the dataset's stage scale", at: o.location, code: .badStage))
            }
        case (.stage, .stageRange(let a, let b)):
            if !data.stages.isEmpty, !(data.stages.contains { $0.level == a } && data.stages.contains { $0.level == b }) {
                out.append(.error("stage range \(a)/\(b) is outside the dataset's stage scale", at: o.location, code: .badStage))
            }
        case (.count, .number(let n)):
            if n < 0 { out.append(.error("a count cannot be negative, got \(NumberFormatting.plain(n))", at: o.location, code: .badCount)) }
        case (_, .number):
            break
        case (_, .stageRange):
            out.append(.error("a range of stages is only allowed for `unit: stage` indicators", at: o.location, code: .wrongType))
        case (let unit, .text(let t)):
            out.append(.error("value '\(t)' is not a number, but \(indicator.id) has unit \(unit.rawValue)", at: o.location,
                              hint: "write numbers without units or thousands separators (98.3, not 98.3%)", code: .wrongType))
        }
    }

    /// Two entities holding the same rank in one survey and period.
    private func checkTies(_ data: Dataset, _ out: inout [Diagnostic]) {
        for indicator in data.indicators where indicator.unit == .rank {
            var holders: [String: [Observation]] = [:]
            for o in data.observations(indicator: indicator.id) {
                guard let n = o.value.number else { continue }
                holders["\(o.period)#\(NumberFormatting.plain(n))", default: []].append(o)
            }
            for (_, group) in holders.sorted(by: { $0.key < $1.key }) where Set(group.map(\.entity)).count > 1 {
                let names = group.map(\.entity).joined(separator: ", ")
                let o = group[group.count - 1]
                out.append(Diagnostic.warning("\(names) hold the same rank \(o.value) in \(indicator.id) \(o.period)", at: o.location,
                                              hint: "a tie in the survey, or a transcription error; charts draw tied entities at one position with nested markers", code: .rankTie)
                    .with(["entities": group.map(\.entity).joined(separator: ","), "indicator": indicator.id, "period": o.period.description, "rank": o.value.description]))
            }
        }
    }

    /// A stated value that disagrees with the value computed from its declared relation.
    private func checkRelations(_ data: Dataset, _ out: inout [Diagnostic]) {
        for r in data.relations {
            for stated in data.observations(indicator: r.stated) {
                guard let s = stated.value.number,
                      let num = data.observation(entity: stated.entity, indicator: r.numerator, period: stated.period)?.value.number,
                      let den = data.observation(entity: stated.entity, indicator: r.denominator, period: stated.period)?.value.number,
                      den != 0 else { continue }
                let computed = num / den * r.factor
                if abs(computed - s) > r.tolerance {
                    let shown = (computed * 10).rounded() / 10
                    out.append(.warning("\(stated.entity) \(r.stated) \(stated.period) states \(NumberFormatting.plain(s)) but \(NumberFormatting.plain(num)) / \(NumberFormatting.plain(den)) × \(NumberFormatting.plain(r.factor)) = \(NumberFormatting.plain(shown))",
                                        at: stated.location, hint: "relation '\(r.id)' allows a difference of \(NumberFormatting.plain(r.tolerance))",
                                        code: .relationMismatch)
                        .with(["entity": stated.entity, "indicator": r.stated, "numerator": r.numerator, "denominator": r.denominator,
                               "period": stated.period.description, "stated": NumberFormatting.plain(s), "num": NumberFormatting.plain(num),
                               "den": NumberFormatting.plain(den), "factor": NumberFormatting.plain(r.factor), "computed": NumberFormatting.plain(shown)]))
                }
            }
        }
    }
}
