import Charts
import Foundation
import Geometry
import Layout
import Model
import Spec

/// One compared indicator of a gap analysis.
struct GapRow {
    var indicator: Indicator
    var domesticBest: (Entity, Observation)
    var internationalBest: (Entity, Observation)
    var internationalMedian: Double
    /// How many international entities the median is taken over.
    var internationalCount: Int
    /// Positive = domestic is behind, in the indicator's own units (rank places or value).
    var gap: Double
}

extension ReportBuilder {
    /// The reusable gap-analysis section: a stage ladder, a gap table, a dumbbell of the gaps, sentences and root causes.
    mutating func addGapAnalysis(_ g: GapAnalysisSpec) {
        let domestic = entities(g.domestic)
        let international = entities(g.international)
        guard !domestic.isEmpty, !international.isEmpty else {
            diagnostics.append(.error("gap analysis '\(g.id)' needs entities on both sides", at: g.location,
                                      hint: "select them with domestic: and international: (ids, tags or kinds)", code: .emptyGap))
            return
        }
        if g.stage == nil, let title = g.title {
            // The title names the stage ladder; without one it would appear nowhere.
            diagnostics.append(.error("gap analysis '\(g.id)': 'title' names the stage ladder, but no 'stage' indicator is given",
                                      at: title.location, hint: "add stage: ID (a unit: stage indicator), or remove title", code: .unusedKey))
        }

        // 1. The stage ladder.
        if let stageID = g.stage {
            if let stage = indicator(stageID, at: g.location) {
                let target = g.targetStage.flatMap { indicator($0, at: g.location) }
                let all = international + domestic.filter { d in !international.contains { $0.id == d.id } }
                let placed = placements(all, stage: stage, target: target)
                if placed.isEmpty {
                    diagnostics.append(.warning("no entity of the gap analysis has \(stage.id) data; the stage ladder is left out", at: g.location, code: .emptyChart))
                } else {
                    var chart = ChartSpec(kind: .stageLadder, number: nextFigureNumber(),
                                          title: g.title.map { render($0) } ?? words(.stagesTitle),
                                          language: language)
                    chart.location = g.location
                    chart.stageNames = dataset.stages.map { $0.name.resolve(language) }
                    chart.placements = placed
                    chart.groupLabels = groupLabels
                    chart.sourceNote = sourceNote(nil, [stage])
                    addFigure(id: "\(g.id)-stages", chart: chart, height: max(200, min(520, 70 + Double(placed.count) * 24)))
                    blocks.append(.paragraph([InlineSpan(stageSentence(placed, stage: stage))]))
                }
            }
        }

        // 2. The gap table, comparing the best on each side per indicator.
        let candidates = g.indicators.isEmpty ? dataset.indicators.filter { $0.unit.isNumeric && $0.unit != .stage } : g.indicators.compactMap { indicator($0, at: g.location) }
        let rows = candidates.compactMap { gapRow($0, domestic: domestic, international: international) }
        if rows.isEmpty {
            diagnostics.append(.warning("no indicator has data on both sides of gap analysis '\(g.id)'; the gap table is left out", at: g.location, code: .emptyGap))
        } else {
            let header = [TableCell(words(.indicatorHeader), bold: true), TableCell(words(.domesticBest), alignment: .center, bold: true),
                          TableCell(words(.internationalBest), alignment: .center, bold: true),
                          TableCell(words(.internationalMedian), alignment: .end, bold: true),
                          TableCell(words(.gapHeader), alignment: .end, bold: true)]
            func best(_ side: (Entity, Observation), _ x: Indicator) -> String {
                side.0.name(language) + "\n" + formatter.format(side.1.value, indicator: x) + words.parenthesized(side.1.period.display(language))
            }
            let body: [[TableCell]] = rows.map { r in
                [TableCell(r.indicator.label.resolve(language)),
                 TableCell(best(r.domesticBest, r.indicator), alignment: .center),
                 TableCell(best(r.internationalBest, r.indicator), alignment: .center),
                 TableCell(words(.medianCount, formatter.statistic(r.internationalMedian, indicator: r.indicator), String(r.internationalCount)), alignment: .end),
                 TableCell(gapText(r), alignment: .end, bold: r.gap > 0)]
            }
            let note = sourceNote(nil, rows.map(\.indicator))
            blocks.append(.table(TableBlock(number: nextTableNumber(), title: words(.gapTableTitle), sourceNote: note,
                                            headerRows: [header], rows: body, zebra: true, notes: [words(.gapNote)])))
            for r in rows { blocks.append(.paragraph([InlineSpan(gapSentence(r))])) }

            // 3. The dumbbell of rank gaps (ranks share one axis; values of different units do not).
            let ranked = rows.filter { $0.indicator.unit == .rank }
            if !ranked.isEmpty {
                var chart = ChartSpec(kind: .dumbbell, number: nextFigureNumber(), title: words(.gapChartTitle), language: language)
                chart.location = g.location
                chart.categories = [words(.domesticBest), words(.internationalBest)]
                // Each side in its declared group's colour (as in the stage ladder), when the side is one group.
                chart.categoryGroups = [sharedGroup(domestic), sharedGroup(international)]
                chart.valuesAreRanks = true
                chart.valueAxisTitle = words(.rankHeader)
                chart.groupLabels = groupLabels
                chart.series = ranked.map { r in
                    ChartSeries(id: r.indicator.id, label: "\(shortLabel(r.indicator)) \(r.domesticBest.1.period.display(language))", group: nil, focus: true,
                                values: [r.domesticBest.1.value.number, r.internationalBest.1.value.number],
                                valueLabels: [r.domesticBest.0.name(language) + " " + (r.domesticBest.1.value.number.map { String(Int($0)) } ?? ""),
                                              r.internationalBest.0.name(language) + " " + (r.internationalBest.1.value.number.map { String(Int($0)) } ?? "")])
                }
                chart.sourceNote = sourceNote(nil, ranked.map(\.indicator))
                addFigure(id: "\(g.id)-gaps", chart: chart, height: max(170, min(480, 90 + Double(ranked.count) * 34)))
            }
        }

        // 4. Root causes, from the data.
        if let causesID = g.causes, let causes = indicator(causesID, at: g.location) {
            let holders = g.causesEntity.map { [$0] } ?? domestic.map(\.id)
            let items = holders.flatMap { dataset.observations(entity: $0, indicator: causes.id) }.compactMap { o -> [InlineSpan]? in
                guard case .text(let t) = o.value else { return nil }
                return [InlineSpan(causes.text(t, language))]
            }
            if items.isEmpty {
                diagnostics.append(.warning("no \(causes.id) observations for the domestic side", at: g.location, code: .emptyGap))
            } else {
                blocks.append(.paragraph([InlineSpan(words(.rootCausesIntro, String(items.count)), bold: true)]))
                blocks.append(.list(items: items, ordered: true))
                _ = cite([causes])
            }
        }
    }

    /// The best entity on each side for one indicator. Both sides are compared in the same period, the latest
    /// one where both have data; only when they share none is each side's latest value used (the table and
    /// sentences then give both periods).
    func gapRow(_ x: Indicator, domestic: [Entity], international: [Entity]) -> GapRow? {
        guard x.direction != .none else { return nil }
        func values(_ side: [Entity]) -> [(Entity, Observation)] {
            side.flatMap { e in dataset.observations(entity: e.id, indicator: x.id).filter { $0.value.number != nil }.map { (e, $0) } }
        }
        let dAll = values(domestic), iAll = values(international)
        let shared = Set(dAll.map(\.1.period)).intersection(iAll.map(\.1.period)).sorted()
        func best(_ rows: [(Entity, Observation)]) -> (Entity, Observation)? {
            rows.min { a, b in
                let (va, vb) = (a.1.value.number ?? 0, b.1.value.number ?? 0)
                if va == vb { return a.0.id < b.0.id }
                return x.direction == .lowerBetter ? va < vb : va > vb
            }
        }
        func latestEach(_ rows: [(Entity, Observation)]) -> [(Entity, Observation)] {
            var out: [String: (Entity, Observation)] = [:]
            for row in rows where out[row.0.id].map({ $0.1.period < row.1.period }) ?? true { out[row.0.id] = row }
            return Array(out.values)
        }
        let dRows: [(Entity, Observation)], iRows: [(Entity, Observation)]
        if let period = shared.last {
            dRows = dAll.filter { $0.1.period == period }
            iRows = iAll.filter { $0.1.period == period }
        } else {
            dRows = latestEach(dAll)
            iRows = latestEach(iAll)
        }
        guard let d = best(dRows), let i = best(iRows), let dv = d.1.value.number, let iv = i.1.value.number else { return nil }
        let sorted = iRows.compactMap { $0.1.value.number }.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let gap = x.direction == .lowerBetter ? dv - iv : iv - dv
        return GapRow(indicator: x, domesticBest: d, internationalBest: i, internationalMedian: median, internationalCount: sorted.count, gap: gap)
    }

    /// "1 place" / "3 places" (Chinese: "1位" / "3位").
    func places(_ n: String) -> String { n == "1" ? words(.placeOne) : words(.places, n) }

    func gapText(_ r: GapRow) -> String {
        if r.indicator.unit == .rank {
            let n = String(Int(abs(r.gap)))
            // {1} the number ("落后 3 位"), {2} with its noun in number ("1 place behind", "3 places behind").
            return r.gap == 0 ? words(.gapLevel) : words(r.gap > 0 ? .gapBehind : .gapAhead, n, places(n))
        }
        return (r.gap > 0 ? "+" : r.gap < 0 ? "−" : "") + formatter.statistic(abs(r.gap), indicator: r.indicator)
    }

    /// "On the city ranking (2005), the best domestic entity is Shanghai (9th) and the best international one is
    /// Seoul (1st). Shanghai is 8 places behind." — one sentence per compared indicator.
    func gapSentence(_ r: GapRow) -> String {
        let label = r.indicator.label.resolve(language)
        let (d, dobs) = r.domesticBest, (i, iobs) = r.internationalBest
        func shown(_ o: Observation) -> String {
            r.indicator.unit == .rank ? o.value.number.map { formatter.rankPhrase(Int($0)) } ?? "" : formatter.format(o, indicator: r.indicator)
        }
        let domesticName = inProse(d), amount = formatter.statistic(abs(r.gap), indicator: r.indicator)
        let relation: String
        if r.gap == 0 {
            relation = words(.gapRelationLevel)
        } else if r.indicator.unit == .rank {
            let n = String(Int(abs(r.gap)))
            relation = words(r.gap > 0 ? .gapRankRelationBehind : .gapRankRelationAhead, capitalized(domesticName), n, places(n))
        } else {
            relation = words(r.gap > 0 ? .gapValueRelationBehind : .gapValueRelationAhead, capitalized(domesticName), "", amount)
        }
        let dp = dobs.period.display(language), ip = iobs.period.display(language)
        return words(dp == ip ? .gapSentenceSamePeriod : .gapSentence, label, dp, domesticName, shown(dobs), inProse(i), shown(iobs), relation, ip)
    }

    /// An entity's name inside a sentence: English country names such as "United States" take "the".
    func inProse(_ entity: Entity) -> String {
        let name = entity.name(language)
        guard !words.isChinese else { return name }
        if entity.kind == .group, let first = name.first { return first.lowercased() + name.dropFirst() }
        return EnglishArticles.needsThe(name) ? "the " + name : name
    }

    /// The first letter in upper case (a name that starts a sentence: "The United States is …").
    func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    func stageSentence(_ placed: [StagePlacement], stage: Indicator) -> String {
        func describe(_ label: String, plural: Bool, _ p: StagePlacement) -> String {
            let at = p.low == p.high ? formatter.stageLabel(Int(p.low)) : formatter.stageRangeLabel(Int(p.low), Int(p.high))
            if let t = p.target {
                return words(plural ? .stageHeadingForPlural : .stageHeadingFor, label, at, formatter.stageLabel(Int(t)))
            }
            return words(plural ? .stageAtPlural : .stageAt, label, at)
        }
        func place(_ p: StagePlacement) -> String { "\(p.group ?? "")|\(p.low)|\(p.high)|\(p.target ?? 0)" }
        // A member placed exactly like a group or region above it says nothing new ("the three poles are at
        // stage 4" covers the United States): it is left out of the sentence.
        let byID = Dictionary(placed.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func coveredByAncestor(_ p: StagePlacement) -> Bool {
            var parent = dataset.entity(p.id)?.parent
            var steps = 0
            while let id = parent, steps < 10 {
                if let ancestor = byID[id], place(ancestor) == place(p) { return true }
                parent = dataset.entity(id)?.parent
                steps += 1
            }
            return false
        }
        // Group entities that sit at the same place, so the sentence stays short with many entities.
        var groups: [(key: String, members: [StagePlacement])] = []
        for p in placed where !coveredByAncestor(p) {
            // Groups ("developed countries") are stated on their own, never counted among their members.
            let kind = dataset.entity(p.id)?.kind ?? .country
            let collective = kind == .group || kind == .region
            let key = place(p) + "|" + (collective ? p.id : "members")
            if let i = groups.firstIndex(where: { $0.key == key }) { groups[i].members.append(p) } else { groups.append((key, [p])) }
        }
        let parts = groups.map { g -> String in
            let names = g.members.map { p in dataset.entity(p.id).map(inProse) ?? p.label }
            let kinds = Set(g.members.compactMap { dataset.entity($0.id)?.kind })
            let (all, more): (Phrase, Phrase) = kinds == [.country] ? (.countCountries, .moreCountries)
                : kinds == [.city] ? (.countCities, .moreCities) : (.countOther, .moreOther)
            let shown = names.count > 4
                ? words(.andMore, names.prefix(4).joined(separator: words(.listSeparator)), words(all, String(names.count)), words(more, String(names.count - 4)))
                : words.list(names)
            let plural = names.count > 1 || (dataset.entity(g.members[0].id)?.kind == .group)
            return describe(shown, plural: plural, g.members[0])
        }
        let n = dataset.stages.count
        return words(.stageScale, words.isChinese ? NumberWords.chineseNumeral(n) : NumberWords.english(n), parts.joined(separator: words(.clauseSeparator)))
    }
}
