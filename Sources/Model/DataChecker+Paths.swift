import Geometry

/// Checks of the development-path files (events.csv, targets.csv).
extension DataChecker {
    func checkPaths(_ data: Dataset, _ out: inout [Diagnostic]) {
        let entityIDs = data.entities.map(\.id), sourceIDs = data.sources.map(\.id)
        var seen: [String: SourceLocation?] = [:]
        func checkID(_ id: String, _ location: SourceLocation?) {
            if let first = seen[id] {
                out.append(.error("duplicate event or target id '\(id)'\(first.map { " (first at \($0))" } ?? "")", at: location, code: .duplicateEvent))
            }
            seen[id] = location
        }
        func checkRefs(entity: String, source: String?, _ location: SourceLocation?) {
            if data.entity(entity) == nil {
                out.append(.error("unknown entity '\(entity)'", at: location, hint: Suggestion.hint(for: entity, in: entityIDs), code: .unknownEntity))
            }
            if let source, data.source(source) == nil {
                out.append(.error("unknown source '\(source)'", at: location, hint: Suggestion.hint(for: source, in: sourceIDs), code: .unknownSource))
            }
        }
        for e in data.events {
            checkID(e.id, e.location)
            checkRefs(entity: e.entity, source: e.source, e.location)
            if let s = e.source.flatMap(data.source), let lo = s.years.min(), let hi = s.years.max(),
               e.date.startYear < lo || e.date.endYear > hi {
                out.append(Diagnostic.warning("event \(e.id) (\(e.date)) is outside the years of source '\(s.id)' (\(lo)–\(hi))", at: e.location,
                                              hint: "check the date, or widen the source's years if it covers them", code: .eventSourceYears)
                    .with(["file": "events.csv", "event": e.id, "entity": e.entity, "period": e.date.description, "source": s.id,
                           "from": String(lo), "to": String(hi)]))
            }
        }
        checkPhaseOverlaps(data, &out)
        let horizon = data.horizonYear
        for t in data.targets {
            checkID(t.id, t.location)
            checkRefs(entity: t.entity, source: t.source, t.location)
            if let x = t.indicator, data.indicator(x) == nil {
                out.append(.error("target \(t.id) names unknown indicator '\(x)'", at: t.location,
                                  hint: Suggestion.hint(for: x, in: data.indicators.map(\.id)), code: .unknownIndicator))
            }
            // "Passed" is judged against what the source could know (its last year), never against today's date,
            // so a check gives the same findings on every machine and every day.
            let known = t.source.flatMap(data.source)?.years.max() ?? horizon
            if t.status == .unknown, let deadline = t.deadline, deadline.endYear < known {
                out.append(Diagnostic(.note, "target \(t.id) of \(t.entity) had a deadline of \(deadline), but no outcome is recorded",
                                      at: t.location, hint: "set status to met or missed (and 'met' to when) if the source says so",
                                      code: .targetNoOutcome)
                    .with(["file": "targets.csv", "target": t.id, "entity": t.entity, "deadline": deadline.description, "known": String(known)]))
            }
        }
    }

    /// Phases of one programme that run at the same time (a hand-over year shared by two phases is not an overlap).
    private func checkPhaseOverlaps(_ data: Dataset, _ out: inout [Diagnostic]) {
        var programmes: [String: [Event]] = [:]
        var order: [String] = []
        for e in data.events where e.kind == .phase {
            guard let p = e.programme else { continue }
            let key = e.entity + "\u{0}" + p
            if programmes[key] == nil { order.append(key) }
            programmes[key, default: []].append(e)
        }
        for key in order {
            // By start, then file order: phases that start together are reported in the order the file gives them.
            let phases = (programmes[key] ?? []).enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
            var running: [Event] = []
            for e in phases {
                for earlier in running {
                    let earlierEnd = earlier.end == .open ? Int.max : earlier.endYear(openUntil: 0)
                    guard e.date.startYear < earlierEnd || e.date.startYear == earlier.date.startYear else { continue }
                    let until = earlier.end == .open ? "open" : String(earlierEnd)
                    out.append(Diagnostic.warning("phases \(earlier.id) (\(earlier.date.startYear)–\(until)) and \(e.id) (from \(e.date.startYear)) of programme '\(e.programme ?? "")' overlap",
                                                  at: e.location, hint: "phases of one programme follow each other; check the years, or give the phases different programmes",
                                                  code: .phaseOverlap)
                        .with(["file": "events.csv", "entity": e.entity, "programme": e.programme ?? "", "first": earlier.id, "second": e.id,
                               "from": String(e.date.startYear), "until": until]))
                }
                running.append(e)
            }
        }
    }
}

extension Dataset {
    /// The latest year any source covers: what the dataset as a whole can know about.
    public var horizonYear: Int {
        sources.compactMap { $0.years.max() }.max() ?? observations.map(\.period.endYear).max() ?? 0
    }
}
