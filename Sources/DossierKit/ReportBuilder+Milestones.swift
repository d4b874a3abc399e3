import Charts
import Geometry
import Layout
import Model
import Spec

/// Development paths in a report: the timeline chart's data, the milestones and targets tables, and the notes on
/// the data about events.csv and targets.csv.
extension ReportBuilder {
    /// Words for event kinds and target states, per language.
    func kindWord(_ kind: EventKind) -> String {
        let zh = words.isChinese
        switch kind {
        case .plan: return zh ? "规划" : "Plan"
        case .law: return zh ? "法规" : "Law"
        case .agency: return zh ? "机构" : "Agency"
        case .launch: return zh ? "启用" : "Launch"
        case .phase: return zh ? "阶段" : "Phase"
        case .milestone: return zh ? "进展" : "Milestone"
        case .target: return zh ? "目标" : "Target"
        }
    }

    func statusWord(_ t: Target) -> String {
        let zh = words.isChinese
        switch t.status {
        case .met:
            let when = t.metWhen.map { $0.display(language) }
            return zh ? "已实现" + (when.map { "（\($0)）" } ?? "") : "Met" + (when.map { " (\($0))" } ?? "")
        case .missed: return zh ? "未实现" : "Missed"
        case .unknown: return zh ? "原文未说明" : "Not stated"
        }
    }

    /// An event's date as a reader sees it: `1998`, `2002年1月`, `1980—1985`, `2000—至今` / `2000–present`.
    func eventDate(_ e: Event) -> String {
        let zh = words.isChinese
        switch e.end {
        case .none: return e.date.display(language)
        case .open?: return e.date.display(language) + (zh ? "—至今" : "–present")
        case .period(let p)?: return e.date.display(language) + (zh ? "—" : "–") + p.display(language)
        }
    }

    func eventText(_ e: Event) -> String {
        let t = e.text.resolve(language)
        return t.isEmpty ? e.id : t
    }

    func targetText(_ t: Target) -> String {
        let goal = t.goal.resolve(language)
        return goal.isEmpty ? t.id : goal
    }

    /// The events and targets of the selected entities as timeline marks, with each mark's kind.
    func pathMarks(_ selected: [Entity]) -> (data: TimelineData, kinds: [EventKind]) {
        let lanesWithData = selected.filter { e in
            dataset.events.contains { $0.entity == e.id } || dataset.targets.contains { $0.entity == e.id && $0.deadline != nil }
        }
        var data = TimelineData(lanes: lanesWithData.map { TimelineLane(id: $0.id, label: $0.name(language), group: group(of: $0)) },
                                until: Double(dataset.horizonYear + 1))
        var kinds: [EventKind] = []
        let zh = words.isChinese
        for (lane, e) in lanesWithData.enumerated() {
            for ev in dataset.events where ev.entity == e.id {
                let at = TimelineMark.years(of: ev.date)
                var end = at.end
                switch ev.end {
                case .period(let p)?: end = TimelineMark.years(of: p).end ?? TimelineMark.years(of: p).start
                case .open?: end = at.end ?? at.start + 0.5
                case .none: break
                }
                data.marks.append(TimelineMark(lane: lane, start: at.start, end: end, open: ev.end == .open, date: eventDate(ev), text: eventText(ev)))
                kinds.append(ev.kind)
            }
            for t in dataset.targets where t.entity == e.id {
                guard let deadline = t.deadline else { continue }
                let at = TimelineMark.years(of: deadline)
                // A deadline given as a range of years ("within 3–5 years") sits in its last year.
                let position = at.end.map { $0 - 0.5 } ?? at.start
                let text = zh ? "目标：\(targetText(t))（\(statusWord(t))）" : "Target: \(targetText(t)) (\(statusWord(t).lowercased()))"
                data.marks.append(TimelineMark(lane: lane, start: position, target: t.status, date: deadline.display(language), text: text))
                kinds.append(.target)
            }
        }
        return (data, kinds)
    }

    /// The timeline of the selected entities; records that the report shows the path files.
    mutating func timeline(_ selected: [Entity]) -> TimelineData {
        let data = pathMarks(selected).data
        citePaths(events: true, targets: data.marks.contains { $0.target != nil })
        return data
    }

    /// Marks events.csv / targets.csv as shown, so the notes on the data speak of their findings.
    mutating func citePaths(events: Bool, targets: Bool) {
        if events { citedIndicators.insert("events.csv") }
        if targets { citedIndicators.insert("targets.csv") }
    }

    /// "资料来源：…" from the sources of the events and targets shown.
    mutating func pathSourceNote(_ override: SpecText?, entities selected: [Entity]) -> String {
        if let override { return words.source([render(override)]) }
        let ids = Set(selected.map(\.id))
        var sourceIDs: [String] = []
        for id in dataset.events.filter({ ids.contains($0.entity) }).compactMap(\.source) + dataset.targets.filter({ ids.contains($0.entity) }).compactMap(\.source)
        where !sourceIDs.contains(id) {
            sourceIDs.append(id)
        }
        var citations: [String] = []
        for id in sourceIDs {
            guard let s = dataset.source(id) else { continue }
            if !citedSources.contains(id) { citedSources.append(id) }
            let c = s.citation.resolve(language)
            if !citations.contains(c) { citations.append(c) }
        }
        return words.source(citations)
    }

    /// Every event and target of the selected entities, numbered as in a timeline of the same entities.
    mutating func milestonesTable(_ t: TableSpec) -> TableBlock? {
        let selected = entities(t.entities)
        let (data, kinds) = pathMarks(selected)
        let zh = words.isChinese
        let header = [TableCell(zh ? "编号" : "No.", alignment: .center, bold: true), TableCell(words.entityHeader(selected), bold: true),
                      TableCell(zh ? "时间" : "Date", alignment: .center, bold: true), TableCell(zh ? "类型" : "Kind", alignment: .center, bold: true),
                      TableCell(zh ? "事件" : "Event", bold: true)]
        // The timeline's key order (lane by lane, oldest first), so a number means the same event in both.
        let order = data.marks.indices.sorted { (data.marks[$0].lane, data.marks[$0].start, $0) < (data.marks[$1].lane, data.marks[$1].start, $1) }
        let rows = order.enumerated().map { n, i -> [TableCell] in
            let m = data.marks[i]
            return [TableCell(String(n + 1), alignment: .center), TableCell(data.lanes[m.lane].label), TableCell(m.date, alignment: .center),
                    TableCell(kindWord(kinds[i]), alignment: .center), TableCell(m.text)]
        }
        guard !rows.isEmpty else {
            if !t.optional { diagnostics.append(.warning("table '\(t.id)' has no events", at: t.location, hint: "add rows to events.csv for the selected entities", code: .emptyTable)) }
            return nil
        }
        citePaths(events: true, targets: data.marks.contains { $0.target != nil })
        return TableBlock(number: nextTableNumber(), title: render(t.title), sourceNote: pathSourceNote(t.sourceNote, entities: selected),
                          headerRows: [header], rows: rows)
    }

    /// The targets of the selected entities: goal, set, deadline, status and source.
    mutating func targetsTable(_ t: TableSpec) -> TableBlock? {
        let selected = entities(t.entities)
        let zh = words.isChinese
        let header = [TableCell(words.entityHeader(selected), bold: true), TableCell(zh ? "目标" : "Target", bold: true),
                      TableCell(zh ? "提出" : "Set", alignment: .center, bold: true), TableCell(zh ? "期限" : "Deadline", alignment: .center, bold: true),
                      TableCell(zh ? "结果" : "Outcome", alignment: .center, bold: true), TableCell(zh ? "资料来源" : "Source", bold: true)]
        var rows: [[TableCell]] = []
        for e in selected {
            let targets = dataset.targets.enumerated().filter { $0.element.entity == e.id }
                .sorted { ($0.element.deadline?.startYear ?? Int.max, $0.offset) < ($1.element.deadline?.startYear ?? Int.max, $1.offset) }.map(\.element)
            for target in targets {
                let source = target.source.flatMap { dataset.source($0)?.publisher.resolve(language) } ?? ""
                rows.append([TableCell(e.name(language)), TableCell(targetText(target)),
                             TableCell(target.set?.display(language) ?? "—", alignment: .center),
                             TableCell(target.deadline?.display(language) ?? (zh ? "未定" : "None given"), alignment: .center),
                             TableCell(statusWord(target), alignment: .center), TableCell(source)])
            }
        }
        guard !rows.isEmpty else {
            if !t.optional { diagnostics.append(.warning("table '\(t.id)' has no targets", at: t.location, hint: "add rows to targets.csv for the selected entities", code: .emptyTable)) }
            return nil
        }
        citePaths(events: false, targets: true)
        let withTargets = selected.filter { e in dataset.targets.contains { $0.entity == e.id } }
        return TableBlock(number: nextTableNumber(), title: render(t.title), sourceNote: pathSourceNote(t.sourceNote, entities: withTargets),
                          headerRows: [header], rows: rows)
    }

    /// Findings about events.csv and targets.csv restated in the report's language (nil: not such a finding).
    func restatePath(_ f: Diagnostic) -> String? {
        let d = f.details, zh = words.isChinese
        func name(_ id: String?) -> String { id.flatMap { dataset.entity($0)?.name(language) } ?? (id ?? "") }
        func event(_ id: String?) -> String { dataset.events.first { $0.id == id }.map(eventText) ?? (id ?? "") }
        switch f.code {
        case .targetNoOutcome:
            let goal = dataset.targets.first { $0.id == d["target"] }.map(targetText) ?? (d["target"] ?? "")
            let deadline = d["deadline"].flatMap(Period.init)?.display(language) ?? (d["deadline"] ?? "")
            return zh ? "\(name(d["entity"]))的目标“\(goal)”期限为\(deadline)，资料未说明是否实现。"
                      : "\(name(d["entity"]))’s target “\(goal)” was due in \(deadline); the source does not say whether it was met. "
        case .eventSourceYears:
            let source = d["source"].flatMap { dataset.source($0)?.publisher.resolve(language) } ?? (d["source"] ?? "")
            return zh ? "\(name(d["entity"]))的事件“\(event(d["event"]))”不在\(source)资料的年份（\(d["from"] ?? "")—\(d["to"] ?? "")）之内。"
                      : "\(name(d["entity"])): “\(event(d["event"]))” lies outside the years of \(source) (\(d["from"] ?? "")–\(d["to"] ?? "")). "
        case .phaseOverlap:
            return zh ? "\(name(d["entity"]))的发展阶段“\(event(d["first"]))”与“\(event(d["second"]))”在时间上重叠（均自 \(d["from"] ?? "") 年起）。"
                      : "\(name(d["entity"])): the phases “\(event(d["first"]))” and “\(event(d["second"]))” overlap (both from \(d["from"] ?? "")). "
        default:
            return nil
        }
    }

    func pathTreatment(_ code: DiagnosticCode) -> String? {
        let zh = words.isChinese
        switch code {
        case .targetNoOutcome: return zh ? "处理：目标表中结果记为“原文未说明”，时间轴上画为虚线空心圆。" : "Treatment: shown as “not stated” in the targets table and as a dashed hollow circle on the timeline."
        case .eventSourceYears: return zh ? "处理：按原文时间保留。" : "Treatment: kept with the date the source gives."
        case .phaseOverlap: return zh ? "处理：时间轴上分行画出重叠的阶段。" : "Treatment: the timeline draws the overlapping phases on separate rows."
        default: return nil
        }
    }
}
