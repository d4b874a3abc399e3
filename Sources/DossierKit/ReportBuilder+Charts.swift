import Charts
import Foundation
import Geometry
import Model
import Spec

extension ReportBuilder {
    mutating func buildChart(_ c: ChartSectionSpec) -> ChartSpec? {
        let kind = c.kind
        let indicators = c.indicators.compactMap { indicator($0, at: c.location) }
        guard indicators.count == c.indicators.count, checkKind(kind, c, indicators) else { return nil }
        guard let selected = rows(c.entities, optional: c.optional) else { return nil }
        var focusIDs: Set<String>?
        if !c.focus.isEmpty {
            let focus = entities(c.focus)
            let shown = Set(selected.map(\.id))
            // A focus entity the chart does not show would be dropped without a word.
            let outside = focus.filter { !shown.contains($0.id) }.map(\.id)
            if !outside.isEmpty {
                diagnostics.append(.error("chart '\(c.id)': focus \(outside.map { "'\($0)'" }.joined(separator: ", ")) \(outside.count == 1 ? "is" : "are") not among the chart's entities",
                                          at: c.focus.location ?? c.location, hint: "add \(outside.joined(separator: ", ")) to the chart's entities, or remove it from focus", code: .focusOutside))
            }
            focusIDs = Set(focus.map(\.id))
        }
        var chart = ChartSpec(kind: kind, number: nextFigureNumber(), title: render(c.title), subtitle: c.subtitle.map { render($0) } ?? "",
                              language: language)
        chart.highlight = c.highlight
        chart.location = c.location
        chart.allowUnlabelled = c.allowUnlabelled
        chart.groupLabels = groupLabels
        var periods: [Period] = []
        for p in c.periods {
            if let period = Period(p) { periods.append(period) } else {
                diagnostics.append(.error("'\(p)' is not a period", at: c.location, code: .badPeriod))
            }
        }
        // Periods of the values drawn when the spec names none (latest per entity): a chart must say when they differ.
        var usedPeriods: [Period] = []
        func latest(_ e: Entity, _ x: Indicator) -> Observation? {
            let o = dataset.latest(entity: e.id, indicator: x.id)
            if let p = o?.period, !usedPeriods.contains(p) { usedPeriods.append(p) }
            return o
        }
        func series(_ e: Entity, _ index: Int, _ values: [Double?], _ labels: [String?] = []) -> ChartSeries {
            ChartSeries(id: e.id, label: e.name(language), group: group(of: e), focus: focusIDs?.contains(e.id) ?? true,
                        values: values, valueLabels: labels)
        }
        // One indicator over periods: line-like kinds (the spec loader rejects more than one, see
        // ChartKind.indicatorCount), and a heat map of one indicator (entities × periods).
        let overPeriods = kind == .bump || kind == .slope || kind == .line || (kind == .heatmap && indicators.count == 1)
        switch kind {
        case _ where overPeriods:
            guard let x = indicators.first else { return nil }
            let ids = Set(selected.map(\.id))
            if periods.isEmpty {
                periods = Array(Set(dataset.observations(indicator: x.id).filter { ids.contains($0.entity) }.map(\.period))).sorted()
            }
            if kind == .slope, periods.count > 2 { periods = [periods[0], periods[periods.count - 1]] }
            if kind == .slope, periods.count < 2 {
                diagnostics.append(.error("a slope chart needs two periods, but \(x.id) has data for \(periods.map(\.description).joined(separator: ", ")) only",
                                          at: c.location, hint: "use kind: bar for one period", code: .badChart))
                return nil
            }
            chart.categories = periods.map { $0.display(language) }
            chart.periods = periods
            chart.outOf = periods.map { x.surveySize[$0.description] ?? x.surveySize["*"] }
            chart.valuesAreRanks = x.unit == .rank
            chart.valueAxisTitle = x.unit == .rank ? words(.rankHeader) : scaleSuffix(x).trimmingCharacters(in: CharacterSet(charactersIn: "（）() "))
            chart.series = selected.enumerated().compactMap { i, e in
                let values = periods.map { dataset.observation(entity: e.id, indicator: x.id, period: $0)?.value.number }
                return values.allSatisfy { $0 == nil } ? nil : series(e, i, values)
            }
        case .bump, .slope, .line:
            return nil   // drawn over periods above
        case .heatmap, .groupedBar, .dot:
            // Categories are (indicator, period) pairs; a single period per indicator unless periods are given.
            var columns: [(Indicator, Period?)] = []
            for x in indicators {
                if periods.isEmpty { columns.append((x, nil)) } else { columns += periods.map { (x, $0) } }
            }
            chart.categories = columns.map { col in
                col.1.map { "\(shortLabel(col.0)) \($0.display(language))" } ?? shortLabel(col.0)
            }
            chart.valuesAreRanks = indicators.allSatisfy { $0.unit == .rank }
            chart.valueAxisTitle = chart.valuesAreRanks ? words(.rankHeader) : ""
            chart.series = selected.enumerated().compactMap { i, e in
                let values = columns.map { col -> Double? in
                    let o = col.1.map { dataset.observation(entity: e.id, indicator: col.0.id, period: $0) } ?? latest(e, col.0)
                    return o?.value.number
                }
                return values.allSatisfy { $0 == nil } ? nil : series(e, i, values)
            }
        case .bar:
            guard let x = indicators.first else { return nil }
            let period = periods.first
            chart.valuesAreRanks = x.unit == .rank
            chart.categories = [period.map { "\(shortLabel(x)) \($0.display(language))" } ?? shortLabel(x)]
            chart.valueAxisTitle = x.unit == .rank ? words(.rankHeader) : scaleSuffix(x).trimmingCharacters(in: CharacterSet(charactersIn: "（）() "))
            chart.series = selected.enumerated().compactMap { i, e in
                let o = period.map { dataset.observation(entity: e.id, indicator: x.id, period: $0) } ?? latest(e, x)
                guard let v = o?.value.number else { return nil }
                return series(e, i, [v], [formatter.short(v, indicator: x)])
            }
            // Values from different years side by side: each bar says its year.
            if period == nil, usedPeriods.count > 1 {
                for i in chart.series.indices {
                    guard let p = dataset.latest(entity: chart.series[i].id, indicator: x.id)?.period else { continue }
                    let label = chart.series[i].valueLabels.first.flatMap { $0 } ?? ""
                    chart.series[i].valueLabels = [words(.valueWithPeriod, label, p.display(language))]
                }
            }
        case .dumbbell:
            if let relationID = c.relation {
                guard let r = dataset.relations.first(where: { $0.id == relationID }), let stated = dataset.indicator(r.stated) else {
                    diagnostics.append(.error("unknown relation '\(relationID)'", at: c.location, hint: Suggestion.hint(for: relationID, in: dataset.relations.map(\.id)), code: .unknownRelation))
                    return nil
                }
                chart.categories = [words(.statedCategory), words(.computedCategory)]
                chart.valueAxisTitle = "%"
                chart.series = selected.enumerated().compactMap { i, e in
                    guard let o = dataset.latest(entity: e.id, indicator: stated.id), let s = o.value.number,
                          let n = dataset.observation(entity: e.id, indicator: r.numerator, period: o.period)?.value.number,
                          let d = dataset.observation(entity: e.id, indicator: r.denominator, period: o.period)?.value.number, d != 0 else { return nil }
                    let computed = n / d * r.factor
                    return series(e, i, [s, computed], [NumberFormatting.plain(s) + "%", NumberFormatting.grouped(computed, decimals: 1, separator: formatter.separator) + "%"])
                }
                chart.sourceNote = sourceNote(c.sourceNote, [stated] + [r.numerator, r.denominator].compactMap { dataset.indicator($0) })
            } else {
                guard indicators.count == 2 else {
                    diagnostics.append(.error("a dumbbell chart needs two indicators or a relation", at: c.location, code: .badChart))
                    return nil
                }
                chart.categories = indicators.map { shortLabel($0) }
                chart.valuesAreRanks = indicators.allSatisfy { $0.unit == .rank }
                chart.series = selected.enumerated().compactMap { i, e in
                    let values = indicators.map { x in (periods.first.flatMap { dataset.observation(entity: e.id, indicator: x.id, period: $0) } ?? latest(e, x))?.value.number }
                    return values.contains { $0 != nil } ? series(e, i, values) : nil
                }
            }
        case .stageLadder:
            guard let stage = indicators.first else { return nil }
            let target = indicators.count > 1 ? indicators[1] : nil
            chart.stageNames = dataset.stages.map { $0.name.resolve(language) }
            chart.placements = placements(selected, stage: stage, target: target)
            chart.sourceNote = sourceNote(c.sourceNote, [stage])
        case .timeline:
            chart.timeline = timeline(selected)
            chart.sourceNote = pathSourceNote(c.sourceNote, entities: selected)
        }
        if c.periods.isEmpty, usedPeriods.count > 1, kind != .bar {
            let note = words(.mixedPeriodsNote, words.list(usedPeriods.sorted().map { $0.display(language) }))
            chart.subtitle = chart.subtitle.isEmpty ? note : chart.subtitle + words(.clauseSeparator) + note
        }
        if let window = c.rankWindow, !chart.series.isEmpty, !applyRankWindow(window, to: &chart, c) {
            figureCount -= 1
            return nil
        }
        // A chart about chosen entities (focus) that has no data for any of them would only show the others.
        if let focusIDs, !chart.series.contains(where: { focusIDs.contains($0.id) }),
           !chart.placements.contains(where: { focusIDs.contains($0.id) }), !chart.timeline.lanes.contains(where: { focusIDs.contains($0.id) }) {
            if c.optional {
                chart.series = []
                chart.placements = []
            } else {
                diagnostics.append(.warning("chart '\(c.id)' has no data for its focus entities", at: c.location, code: .emptyFocus))
            }
        }
        orderRows(&chart, c, selected: selected, indicators: indicators, periods: periods)
        if chart.series.isEmpty && chart.placements.isEmpty && chart.timeline.marks.isEmpty {
            figureCount -= 1   // the number was taken for a figure that is not drawn
            if c.optional { return nil }
            diagnostics.append(.error("chart '\(c.id)' has no data for its entities", at: c.location,
                                      hint: "check that the selected entities have observations of \(c.indicators.joined(separator: ", "))", code: .emptyChart))
            return nil
        }
        if !c.references.isEmpty, !applyReferences(c, to: &chart, selected: selected, indicators: indicators, periods: periods) {
            figureCount -= 1
            return nil
        }
        if !c.bands.isEmpty || !c.callouts.isEmpty, !applyAnnotations(c, to: &chart, indicators: indicators) {
            figureCount -= 1
            return nil
        }
        if chart.sourceNote.isEmpty { chart.sourceNote = sourceNote(c.sourceNote, indicators) }
        return chart
    }

    /// Rejects charts that cannot show their indicators honestly (values drawn as ranks, text as numbers, …).
    mutating func checkKind(_ kind: ChartKind, _ c: ChartSectionSpec, _ indicators: [Indicator]) -> Bool {
        var ok = true
        func fail(_ message: String, _ hint: String? = nil) {
            diagnostics.append(.error(message, at: c.location, hint: hint, code: .badChart))
            ok = false
        }
        for x in indicators {
            switch (kind, x.unit) {
            case (.bump, let unit) where unit != .rank, (.slope, let unit) where unit != .rank && !unit.isNumeric:
                fail("a \(kind.rawValue) chart shows ranks, but '\(x.id)' has unit \(unit.rawValue)", "use kind: line for values over time")
            case (.stageLadder, let unit) where unit != .stage:
                fail("a stage ladder needs stage indicators, but '\(x.id)' has unit \(unit.rawValue)")
            case (.stageLadder, _):
                break
            case (_, let unit) where !unit.isNumeric || unit == .stage:
                fail("a \(kind.rawValue) chart needs numbers, but '\(x.id)' has unit \(unit.rawValue)")
            default:
                break
            }
        }
        if kind == .slope, c.periods.count > 2 {
            fail("a slope chart compares two periods, but \(c.periods.count) are given", "give two periods, or use kind: bump")
        }
        if c.relation != nil, kind != .dumbbell { fail("'relation' is only used by dumbbell charts") }
        if let h = c.highlight, dataset.entity(h) == nil {
            fail("unknown highlight entity '\(h)'", Suggestion.hint(for: h, in: dataset.entities.map(\.id)))
        }
        return ok
    }

    func placements(_ entities: [Entity], stage: Indicator, target: Indicator?) -> [StagePlacement] {
        entities.compactMap { e in
            guard let o = dataset.latest(entity: e.id, indicator: stage.id) else { return nil }
            let range: (Double, Double)
            switch o.value {
            case .stageRange(let a, let b): range = (Double(a), Double(b))
            case .number(let n): range = (n, n)
            case .text: return nil
            }
            let goal = target.flatMap { dataset.latest(entity: e.id, indicator: $0.id)?.value.number }
            return StagePlacement(id: e.id, label: e.name(language), group: group(of: e), low: range.0, high: range.1,
                                  target: goal.flatMap { $0 > range.1 ? $0 : nil })
        }
    }

    /// An indicator label without a trailing "排名"/"rank", for compact category labels.
    func shortLabel(_ x: Indicator) -> String {
        var s = x.label.resolve(language)
        for suffix in ["排名", " rank", " ranking"] where s.hasSuffix(suffix) && s.count > suffix.count + 1 { s = String(s.dropLast(suffix.count)) }
        return s
    }

    /// Legend labels of the spec's declared groups.
    var groupLabels: [String: String] {
        Dictionary(spec.groups.map { ($0.tag, $0.label.resolve(language)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The declared group an entity is coloured by: the first of the spec's `groups:` whose tag it carries.
    func group(of entity: Entity) -> String? {
        spec.groups.first { entity.tags.contains($0.tag) }?.tag
    }

    /// The group every entity of a selection shares, if any (a side of a gap analysis).
    func sharedGroup(_ entities: [Entity]) -> String? {
        let groups = Set(entities.map { group(of: $0) })
        return groups.count == 1 ? groups.first ?? nil : nil
    }
}
