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
                                      hint: "select them with domestic: and international: (ids, tags or kinds)", code: "empty-gap"))
            return
        }
        let zh = words.zh

        // 1. The stage ladder.
        if let stageID = g.stage {
            if let stage = indicator(stageID, at: g.location) {
                let target = g.targetStage.flatMap { indicator($0, at: g.location) }
                let all = international + domestic.filter { d in !international.contains { $0.id == d.id } }
                let placed = placements(all, stage: stage, target: target)
                if placed.isEmpty {
                    diagnostics.append(.warning("no entity of the gap analysis has \(stage.id) data; the stage ladder is left out", at: g.location, code: "empty-chart"))
                } else {
                    var chart = ChartSpec(kind: .stageLadder, number: nextFigureNumber(),
                                          title: g.title.map { render($0) } ?? (zh ? "电子政务发展阶段：国际与国内" : "E-government stages: international and domestic"),
                                          language: language)
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
            diagnostics.append(.warning("no indicator has data on both sides of gap analysis '\(g.id)'; the gap table is left out", at: g.location, code: "empty-gap"))
        } else {
            let header = [TableCell(words.indicatorHeader, bold: true), TableCell(zh ? "国内最好" : "Domestic best", alignment: .center, bold: true),
                          TableCell(zh ? "国际最好" : "International best", alignment: .center, bold: true),
                          TableCell(zh ? "国际中位数" : "International median", alignment: .end, bold: true),
                          TableCell(zh ? "差距" : "Gap", alignment: .end, bold: true)]
            let body: [[TableCell]] = rows.map { r in
                let dn = "\(r.domesticBest.0.name(language))\n\(formatter.format(r.domesticBest.1.value, indicator: r.indicator))（\(r.domesticBest.1.period.display(language))）"
                let inn = "\(r.internationalBest.0.name(language))\n\(formatter.format(r.internationalBest.1.value, indicator: r.indicator))（\(r.internationalBest.1.period.display(language))）"
                return [TableCell(r.indicator.label.resolve(language)), TableCell(zh ? dn : dn.replacingOccurrences(of: "（", with: " (").replacingOccurrences(of: "）", with: ")"), alignment: .center),
                        TableCell(zh ? inn : inn.replacingOccurrences(of: "（", with: " (").replacingOccurrences(of: "）", with: ")"), alignment: .center),
                        TableCell((r.internationalMedian == r.internationalMedian.rounded() ? formatter.short(r.internationalMedian, indicator: r.indicator) : NumberFormatting.grouped(r.internationalMedian, decimals: 1, separator: formatter.separator))
                                  + (zh ? "（n=\(r.internationalCount)）" : " (n=\(r.internationalCount))"), alignment: .end),
                        TableCell(gapText(r), alignment: .end, bold: r.gap > 0)]
            }
            let note = sourceNote(nil, rows.map(\.indicator))
            let explain = zh ? "注：差距按指标方向计算：排名类指标为国内最好名次落后国际最好名次的位数，数值类指标为国际最好值减国内最好值；正数表示国内落后。"
                             : "Note: gaps follow each indicator's direction: for ranks, the places the domestic best trails the international best; for values, international best minus domestic best. Positive means domestic is behind."
            blocks.append(.table(TableBlock(number: nextTableNumber(), title: zh ? "国内外差距一览" : "The gaps at a glance", sourceNote: note,
                                            headerRows: [header], rows: body, zebra: true, notes: [explain])))
            for r in rows { blocks.append(.paragraph([InlineSpan(gapSentence(r))])) }

            // 3. The dumbbell of rank gaps (ranks share one axis; values of different units do not).
            let ranked = rows.filter { $0.indicator.unit == .rank }
            if !ranked.isEmpty {
                var chart = ChartSpec(kind: .dumbbell, number: nextFigureNumber(), title: zh ? "国内最好与国际最好的名次差距" : "Domestic best vs international best, by rank",
                                      language: language)
                chart.categories = [zh ? "国内最好" : "Domestic best", zh ? "国际最好" : "International best"]
                chart.categoryGroups = ["domestic", "international"]   // the colours of the stage ladder
                chart.valuesAreRanks = true
                chart.valueAxisTitle = words.rank
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
                diagnostics.append(.warning("no \(causes.id) observations for the domestic side", at: g.location, code: "empty-gap"))
            } else {
                blocks.append(.paragraph([InlineSpan(zh ? "造成上述差距的根本原因，资料归纳为以下 \(items.count) 点：" : "The source names \(items.count) root causes of the gap:", bold: true)]))
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

    func gapText(_ r: GapRow) -> String {
        if r.indicator.unit == .rank {
            let n = Int(abs(r.gap))
            if r.gap == 0 { return words.zh ? "持平" : "level" }
            return words.zh ? (r.gap > 0 ? "落后 \(n) 位" : "领先 \(n) 位") : (r.gap > 0 ? "\(n) places behind" : "\(n) places ahead")
        }
        return (r.gap > 0 ? "+" : r.gap < 0 ? "−" : "") + formatter.short(abs(r.gap), indicator: r.indicator)
    }

    func gapSentence(_ r: GapRow) -> String {
        let label = r.indicator.label.resolve(language)
        let (d, dobs) = r.domesticBest, (i, iobs) = r.internationalBest
        let dv = formatter.format(dobs.value, indicator: r.indicator), iv = formatter.format(iobs.value, indicator: r.indicator)
        if words.zh {
            let rel = r.indicator.unit == .rank ? (r.gap > 0 ? "，落后 \(Int(r.gap)) 位" : r.gap < 0 ? "，领先 \(Int(-r.gap)) 位" : "，二者持平")
                                                : (r.gap > 0 ? "，国内落后" : r.gap < 0 ? "，国内领先" : "，二者持平")
            let dp = dobs.period.display(language), ip = iobs.period.display(language)
            let when = dp == ip ? "（\(dp)）" : ""
            return "在\(label)\(when)上，国内最好的是\(d.name(language))（\(r.indicator.unit == .rank ? "第\(dv)名" : dv)\(dp == ip ? "" : "，\(dp)")），国际最好的是\(i.name(language))（\(r.indicator.unit == .rank ? "第\(iv)名" : iv)\(dp == ip ? "" : "，\(ip)")）\(rel)。"
        }
        let rel = r.indicator.unit == .rank
            ? (r.gap > 0 ? " \(d.name(language)) is \(Int(r.gap)) places behind." : r.gap < 0 ? " \(d.name(language)) is \(Int(-r.gap)) places ahead." : " They are level.")
            : (r.gap > 0 ? " The domestic best trails." : r.gap < 0 ? " The domestic best leads." : " They are level.")
        let dr = r.indicator.unit == .rank ? "#\(dv)" : dv, ir = r.indicator.unit == .rank ? "#\(iv)" : iv
        return "On \(label), the best domestic entity is \(d.name(language)) (\(dr), \(dobs.period.display(language))) and the best international one is \(i.name(language)) (\(ir), \(iobs.period.display(language))).\(rel)"
    }

    func stageSentence(_ placed: [StagePlacement], stage: Indicator) -> String {
        func describe(_ label: String, plural: Bool, _ p: StagePlacement) -> String {
            let at = p.low == p.high ? formatter.stageLabel(Int(p.low)) : formatter.stageRangeLabel(Int(p.low), Int(p.high))
            let verb = plural ? "are" : "is"
            if let t = p.target {
                return words.zh ? "\(label)处于\(at)，正向\(formatter.stageLabel(Int(t)))迈进"
                                : "\(label) \(verb) at \(at), heading for \(formatter.stageLabel(Int(t)))"
            }
            return words.zh ? "\(label)处于\(at)" : "\(label) \(verb) at \(at)"
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
            let names = g.members.map { p -> String in
                // English group names are common nouns inside a sentence ("developed countries").
                guard !words.zh, dataset.entity(p.id)?.kind == .group, let first = p.label.first else { return p.label }
                return first.lowercased() + p.label.dropFirst()
            }
            let kinds = Set(g.members.compactMap { dataset.entity($0.id)?.kind })
            let noun = kinds == [.country] ? (words.zh ? "个国家" : " countries") : kinds == [.city] ? (words.zh ? "个城市" : " cities") : (words.zh ? "个" : "")
            let shown = names.count > 4
                ? names.prefix(4).joined(separator: words.zh ? "、" : ", ") + (words.zh ? "等 \(names.count) \(noun)" : " and \(names.count - 4) more\(noun)")
                : names.joined(separator: words.zh ? "、" : (names.count == 2 ? " and " : ", "))
            let plural = names.count > 1 || (dataset.entity(g.members[0].id)?.kind == .group)
            return describe(shown, plural: plural, g.members[0])
        }
        return words.zh ? "按五阶段划分，" + parts.joined(separator: "；") + "。" : "On the five-stage scale, " + parts.joined(separator: "; ") + "."
    }

    /// Notes on the data: what `dossier data check` finds, stated plainly, and how the report treats it.
    mutating func addDataNotes(title: String?) {
        // Only findings about what this report shows (or about the dataset as a whole).
        let findings = DataChecker().check(dataset).filter { f in
            // Findings about events.csv or targets.csv count only when the report shows them (see citePaths).
            let indicators = [f.details["indicator"], f.details["numerator"], f.details["denominator"], f.details["file"]].compactMap { $0 }
            return indicators.isEmpty || indicators.contains(where: citedIndicators.contains)
        }
        let zh = words.zh
        if let title { blocks.append(.heading(level: 2, text: title, numbered: true, anchor: "")) }
        guard !findings.isEmpty else {
            blocks.append(.paragraph([InlineSpan(zh ? "数据检查未发现问题。" : "The data check found no problems.")]))
            return
        }
        blocks.append(.paragraph([InlineSpan(zh ? "对本报告所用数据的一致性检查发现以下 \(findings.count) 处问题。报告保留资料原文的数值，不作修改；处理方式见各条说明。"
                                                : "A consistency check of the data used in this report finds the \(findings.count) issues below. The report keeps the figures as the source prints them; each note says how they are treated.")]))
        let items: [[InlineSpan]] = findings.map { f in
            return [InlineSpan(restate(f)), InlineSpan((zh ? "" : " ") + treatment(f.code))]
        }
        blocks.append(.list(items: items, ordered: true))
    }

    /// A finding restated in the report's language from its structured details.
    func restate(_ f: Diagnostic) -> String {
        let d = f.details
        func name(_ id: String?) -> String { id.flatMap { dataset.entity($0)?.name(language) } ?? (id ?? "") }
        func label(_ id: String?) -> String { id.flatMap { dataset.indicator($0)?.label.resolve(language) } ?? (id ?? "") }
        func period(_ p: String?) -> String { p.flatMap(Period.init)?.display(language) ?? (p ?? "") }
        let zh = words.zh
        switch f.code {
        case "rank-tie":
            let names = (d["entities"] ?? "").split(separator: ",").map { name(String($0)) }
            return zh ? "\(names.joined(separator: "与"))在\(label(d["indicator"]))（\(period(d["period"]))）中同为第\(d["rank"] ?? "")名。"
                      : "\(names.joined(separator: " and ")) share rank \(d["rank"] ?? "") in \(label(d["indicator"])) (\(period(d["period"]))). "
        case "relation-mismatch":
            let percent = dataset.indicator(d["indicator"] ?? "")?.unit == .percent ? "%" : ""
            let when = d["period"].flatMap(Period.init).map { p -> String in if case .year = p { return p.display(language) + "年" } else { return p.display(language) } } ?? ""
            return zh ? "\(name(d["entity"]))\(when)的\(label(d["indicator"]))为 \(d["stated"] ?? "")\(percent)，按\(label(d["numerator"]))÷\(label(d["denominator"]))（\(d["num"] ?? "")÷\(d["den"] ?? "")）计算为 \(d["computed"] ?? "")\(percent)。"
                      : "\(name(d["entity"])), \(period(d["period"])): \(label(d["indicator"]).lowercased()) \(d["stated"] ?? "")\(percent), while \(d["num"] ?? "") / \(d["den"] ?? "") gives \(d["computed"] ?? "")\(percent). "
        case "period-source":
            let source = d["source"].flatMap { dataset.source($0)?.publisher.resolve(language) } ?? (d["source"] ?? "")
            return zh ? "\(name(d["entity"]))的\(label(d["indicator"]))记为\(period(d["period"]))，不在\(source)资料的年份（\(d["from"] ?? "")—\(d["to"] ?? "")）之内。"
                      : "\(name(d["entity"])): \(label(d["indicator"])) is dated \(period(d["period"])), outside the years of \(source) (\(d["from"] ?? "")–\(d["to"] ?? "")). "
        default:
            return restatePath(f) ?? f.message
        }
    }

    func treatment(_ code: String) -> String {
        let zh = words.zh
        switch code {
        case "rank-tie": return zh ? "处理：图中并列者画在同一名次，标记套叠显示。" : "Treatment: tied entities are drawn at the same rank with nested markers."
        case "relation-mismatch": return zh ? "处理：表中把文中所述百分比与按数量计算的百分比并列。" : "Treatment: tables show the stated percentage beside the computed one."
        case "period-source": return zh ? "处理：按原文时间保留。" : "Treatment: kept with the period the source gives."
        case "duplicate-observation": return zh ? "处理：使用第一条记录。" : "Treatment: the first row is used."
        default: return pathTreatment(code)
        }
    }
}
