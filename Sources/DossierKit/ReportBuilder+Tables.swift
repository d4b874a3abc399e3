import Geometry
import Layout
import Model
import Spec

extension ReportBuilder {
    mutating func buildTable(_ t: TableSpec) -> TableBlock? {
        switch t.kind {
        case .matrix: return matrixTable(t)
        case .facts: return factsTable(t)
        case .relation: return relationTable(t)
        case .observations: return observationsTable(t)
        case .milestones: return milestonesTable(t)
        case .targets: return targetsTable(t)
        }
    }

    /// Rank shading: rank 1 darkest; `worst` is the largest rank shown in the column group.
    func rankFill(_ rank: Double, worst: Double) -> (Color, Color) {
        let t = worst <= 1 ? 1 : 1 - (rank - 1) / max(1, worst - 1)
        let fill = style.colors.scaleLow.mixed(with: style.colors.scaleHigh, 0.15 + 0.85 * t)
        let shaded = style.monochrome ? fill.grayscale : fill
        // The text colour with the better contrast ratio on this fill (WCAG), so light cells keep dark numbers.
        func contrast(_ a: Color, _ b: Color) -> Double {
            let (l1, l2) = (max(a.luminance, b.luminance), min(a.luminance, b.luminance))
            return (l1 + 0.05) / (l2 + 0.05)
        }
        // Choose between white and near-black (not the style's text colour, which is light on dark slides).
        let dark = Color(hex: "#1f2328") ?? .black
        return (shaded, contrast(.white, shaded) >= contrast(dark, shaded) ? .white : dark)
    }

    mutating func sourceNote(_ override: SpecText?, _ indicators: [Indicator]) -> String {
        let cited = cite(indicators)
        if let override { return words.source([render(override)]) }
        return words.source(cited)
    }

    mutating func matrixTable(_ t: TableSpec) -> TableBlock? {
        guard var rows = rows(t.entities, optional: t.optional) else { return nil }
        var groups: [(Indicator, [Period], String, computed: ComputedColumn?, decimals: Int?)] = []
        var computedColumns: [(spec: TableColumnSpec, column: ComputedColumn)] = []   // hidden ones too, for sort: {column}
        for c in t.columns {
            if let computed = c.computed {   // change, difference, group-rank, share: ComputedColumn.swift
                if let column = computedColumn(computed, label: c.label, decimals: c.decimals, rows: rows) {
                    computedColumns.append((c, column))
                    if !c.hidden { groups.append((column.indicator, [], column.title, column, c.decimals)) }
                }
                continue
            }
            guard let x = indicator(c.indicator, at: c.location) else { continue }
            var periods: [Period] = []
            if c.periods.isEmpty {
                let ids = Set(rows.map(\.id))
                periods = Array(Set(dataset.observations(indicator: x.id).filter { ids.contains($0.entity) }.map(\.period))).sorted()
            } else {
                for p in c.periods {
                    if let period = Period(p) { periods.append(period) } else {
                        diagnostics.append(.error("'\(p)' is not a period", at: c.location, code: .badPeriod))
                    }
                }
            }
            if periods.isEmpty {
                if !t.optional {
                    diagnostics.append(.warning("no \(x.id) data for the table's entities; the column is left out", at: c.location, code: .emptyColumn))
                }
                continue
            }
            if c.hidden { continue }   // `hide: true`: checked, not shown
            groups.append((x, periods, c.label.map { render($0) } ?? x.label.resolve(language), nil, c.decimals))
        }
        guard !groups.isEmpty, !rows.isEmpty else {
            if t.optional { return nil }
            diagnostics.append(.error("table '\(t.id)' has no rows or no columns", at: t.location, hint: "check its entities and columns", code: .emptyTable))
            return nil
        }
        var shown: [String: Period] = [:]
        for g in groups.reversed() { if let p = g.1.max() { shown[g.0.id] = p } }
        let lead = groups[0]
        rows = ordered(rows, sort: t.sort, selection: t.entities, shown: shown, computed: computedColumns, primary: lead.1.max().map { latest in
            (lead.0, { [dataset] e in dataset.observation(entity: e.id, indicator: lead.0.id, period: latest)?.value.number })
        })
        var header1 = [TableCell("", bold: true)]
        var header2 = [TableCell(words.entityHeader(rows), bold: true)]
        for (_, periods, label, computed, _) in groups {
            if let computed {
                header1.append(TableCell(label, alignment: .center, bold: true))
                header2.append(TableCell(computed.subtitle, alignment: .center, bold: true))
                continue
            }
            header1.append(TableCell(label, alignment: .center, bold: true, columnSpan: periods.count))
            header2 += periods.map { TableCell($0.display(language), alignment: .center, bold: true) }
        }
        var missing = groups.contains { $0.computed?.missing == true }
        let focus = focusRows(t, rows: rows)
        var body: [[TableCell]] = []
        var subheadings: Set<Int> = []
        // One shading scale for the whole table, so the same rank has the same shade in every column.
        let worstRank = max(1, groups.compactMap { g in
            rows.compactMap { e in g.1.compactMap { dataset.observation(entity: e.id, indicator: g.0.id, period: $0)?.value.number }.max() }.max()
        }.max() ?? 1)
        for (heading, members) in rowGroups(rows, table: t).groups {
            if let heading {   // a subheading row across the table (group-by:)
                subheadings.insert(body.count)
                body.append([TableCell(heading, bold: true, columnSpan: header2.count)])
            }
            for e in members {
                var row = [TableCell(e.name(language))]
                for (x, periods, _, computed, decimals) in groups {
                    if let computed { row.append(computed.cells[e.id] ?? TableCell(ValueFormatter.missing, alignment: .center)) }
                    for p in periods {
                        let o = dataset.observation(entity: e.id, indicator: x.id, period: p)
                        if o == nil { missing = true }
                        var cell = TableCell(formatter.format(o, indicator: x.withDecimals(decimals), withScale: false), alignment: o == nil ? .center : (x.unit.isNumeric ? .decimal : .start))
                        if t.shade, x.unit == .rank, let n = o?.value.number {
                            let (fill, ink) = rankFill(n, worst: worstRank)
                            cell.fill = fill
                            cell.textColor = ink
                            cell.alignment = .center
                        }
                        row.append(cell)
                    }
                }
                body.append(focus.contains(e.id) ? emphasized(row) : row)
            }
        }
        let note = sourceNote(t.sourceNote, groups.map(\.0))
        let computedNotes = groups.compactMap { $0.computed?.note }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var table = TableBlock(number: nextTableNumber(), title: render(t.title), sourceNote: note, headerRows: [header1, header2], rows: body,
                               zebra: !t.shade, notes: (missing ? [words(.missingNote)] : []) + computedNotes)
        table.subheadingRows = subheadings
        return table
    }

    /// Indicators × entities; each cell the latest value and when it was observed.
    mutating func factsTable(_ t: TableSpec) -> TableBlock? {
        let columns = entities(t.entities)
        let indicators = t.indicators.compactMap { indicator($0, at: t.location) }
        guard !columns.isEmpty, !indicators.isEmpty else {
            diagnostics.append(.error("table '\(t.id)' has no entities or indicators", at: t.location, code: .emptyTable))
            return nil
        }
        let header = [TableCell(words(.indicatorHeader), bold: true)] + columns.map { TableCell($0.name(language), alignment: .center, bold: true) }
        var body: [[TableCell]] = []
        var missing = false
        for x in indicators {
            var row = [TableCell(x.label.resolve(language) + scaleSuffix(x))]
            var any = false
            for e in columns {
                if let o = dataset.latest(entity: e.id, indicator: x.id) {
                    any = true
                    let value = formatter.format(o, indicator: x, withScale: false)
                    // A date is its own "when"; other values get the period they were reported for.
                    let when = x.unit == .date ? [] : [InlineSpan("\n" + o.period.display(language))]
                    row.append(TableCell(spans: [InlineSpan(value)] + when, alignment: .center))
                } else {
                    missing = true
                    row.append(TableCell(ValueFormatter.missing, alignment: .center))
                }
            }
            if any { body.append(row) } else if !t.optional {
                diagnostics.append(.warning("no \(x.id) data for any entity of table '\(t.id)'; the row is left out", at: t.location, code: .emptyRow))
            }
        }
        guard !body.isEmpty else { return nil }
        let note = sourceNote(t.sourceNote, indicators)
        var notes = [words(.factsNote)]
        if missing { notes.append(words(.noFigureNote)) }
        return TableBlock(number: nextTableNumber(), title: render(t.title), sourceNote: note, headerRows: [header], rows: body, zebra: true, notes: notes)
    }

    func scaleSuffix(_ x: Indicator) -> String {
        // English tables print 万/亿 counts as "57.9 million", so only the unit word remains for the header.
        let scale = formatter.englishMagnitudes ? (ValueFormatter.chineseScale(x)?.1 ?? x.scale.resolve(language)) : x.scale.resolve(language)
        let unit = x.unit == .percent ? "%" : ""
        let word = scale.isEmpty ? unit : scale
        // "Portal monthly visits (visits)": a unit the label already names is not repeated.
        if word.isEmpty || Self.names(x.label.resolve(language), word) { return "" }
        return words.parenthesized(word)
    }

    /// Whether `label` contains `word` as a whole word (ignoring case); Chinese has no word boundaries, so a
    /// Chinese unit counts only when the label ends with it.
    static func names(_ label: String, _ word: String) -> Bool {
        let label = label.lowercased(), word = word.lowercased()
        guard word.unicodeScalars.allSatisfy({ $0.isASCII }) else { return label.hasSuffix(word) }
        var from = label.startIndex
        while let r = label.range(of: word, range: from..<label.endIndex) {
            let before = r.lowerBound == label.startIndex ? nil : label[label.index(before: r.lowerBound)]
            let after = r.upperBound == label.endIndex ? nil : label[r.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
            from = r.upperBound
        }
        return false
    }

    /// A declared relation per entity: the stated value beside the computed one.
    mutating func relationTable(_ t: TableSpec) -> TableBlock? {
        guard let id = t.relation, let r = dataset.relations.first(where: { $0.id == id }) else {
            diagnostics.append(.error("unknown relation '\(t.relation ?? "")'", at: t.location,
                                      hint: Suggestion.hint(for: t.relation ?? "", in: dataset.relations.map(\.id)), code: .unknownRelation))
            return nil
        }
        guard let stated = dataset.indicator(r.stated), let num = dataset.indicator(r.numerator), let den = dataset.indicator(r.denominator) else { return nil }
        guard var chosen = rows(t.entities, optional: t.optional) else { return nil }
        chosen = ordered(chosen, sort: t.sort, selection: t.entities, primary: (stated, { [dataset] e in
            dataset.latest(entity: e.id, indicator: stated.id)?.value.number
        }))
        let header = [TableCell(words.entityHeader(chosen), bold: true), TableCell(words(.yearHeader), alignment: .center, bold: true),
                      TableCell(den.label.resolve(language), alignment: .end, bold: true), TableCell(num.label.resolve(language), alignment: .end, bold: true),
                      TableCell(stated.label.resolve(language), alignment: .end, bold: true),
                      TableCell(words(.computedHeader), alignment: .end, bold: true), TableCell(words(.differenceHeader), alignment: .end, bold: true)]
        var body: [[TableCell]] = []
        for e in chosen {
            for o in dataset.observations(entity: e.id, indicator: r.stated) {
                guard let s = o.value.number,
                      let n = dataset.observation(entity: e.id, indicator: num.id, period: o.period)?.value.number,
                      let d = dataset.observation(entity: e.id, indicator: den.id, period: o.period)?.value.number, d != 0 else { continue }
                let computed = n / d * r.factor
                let diff = s - computed
                let flagged = abs(diff) > r.tolerance
                body.append([TableCell(e.name(language)), TableCell(o.period.display(language), alignment: .center),
                             TableCell(NumberFormatting.grouped(d, decimals: 0, separator: formatter.separator), alignment: .decimal),
                             TableCell(NumberFormatting.grouped(n, decimals: 0, separator: formatter.separator), alignment: .decimal),
                             TableCell(NumberFormatting.plain(s), alignment: .decimal),
                             TableCell(NumberFormatting.grouped(computed, decimals: 1, separator: formatter.separator), alignment: .decimal),
                             TableCell(signed(diff), alignment: .decimal, fill: flagged ? Color(hex: "#fde7d9") : nil, bold: flagged)])
            }
        }
        guard !body.isEmpty else {
            diagnostics.append(.warning("relation table '\(t.id)' has no complete rows", at: t.location, code: .emptyTable))
            return nil
        }
        let note = sourceNote(t.sourceNote, [stated, num, den])
        let tol = NumberFormatting.plain(r.tolerance)
        let explain = words(.relationNote, num.label.resolve(language), den.label.resolve(language), NumberFormatting.plain(r.factor), tol)
        return TableBlock(number: nextTableNumber(), title: render(t.title), sourceNote: note, headerRows: [header], rows: body, zebra: true, notes: [explain])
    }

    /// A difference with its sign, one decimal; "0.0" rather than "+0.0" or "−0.0".
    func signed(_ diff: Double) -> String {
        let text = NumberFormatting.grouped(diff, decimals: 1, separator: formatter.separator)
        return text.hasPrefix("−") || text == "0.0" ? text : "+" + text
    }

    /// Every observation of the selected indicators: value, period, note and where it comes from.
    mutating func observationsTable(_ t: TableSpec) -> TableBlock? {
        guard var selected = rows(t.entities, optional: t.optional) else { return nil }
        // No indicators listed: every indicator, in the dataset's order (a profile of all that is known).
        let indicators = t.indicators.isEmpty ? dataset.indicators : t.indicators.compactMap { indicator($0, at: t.location) }
        // The first listed indicator leads the default order (none when the table lists every indicator).
        let lead = t.indicators.isEmpty ? nil : indicators.first.flatMap { $0.unit.isNumeric && $0.unit != .stage ? $0 : nil }
        selected = ordered(selected, sort: t.sort, selection: t.entities, primary: lead.map { x in
            (x, { [dataset] e in dataset.latest(entity: e.id, indicator: x.id)?.value.number })
        })
        let header = [TableCell(words.entityHeader(selected), bold: true), TableCell(words(.indicatorHeader), bold: true),
                      TableCell(words(.periodHeader), alignment: .center, bold: true), TableCell(words(.valueHeader), alignment: .end, bold: true),
                      TableCell(words(.quoteHeader), bold: true)]
        var body: [[TableCell]] = []
        var subheadings: Set<Int> = []
        for (heading, members) in rowGroups(selected, table: t).groups {
            let start = body.count
            for e in members {
                for x in indicators {
                    for o in dataset.observations(entity: e.id, indicator: x.id) {
                        body.append([TableCell(e.name(language)), TableCell(x.label.resolve(language)), TableCell(o.period.display(language), alignment: .center),
                                     TableCell(formatter.format(o, indicator: x), alignment: .end), TableCell(o.quote)])
                    }
                }
            }
            if let heading, body.count > start {   // a subheading over the group's rows (group-by:)
                subheadings.insert(start)
                body.insert([TableCell(heading, bold: true, columnSpan: header.count)], at: start)
            }
        }
        guard !body.isEmpty else {
            if !t.optional { diagnostics.append(.warning("table '\(t.id)' has no observations", at: t.location, code: .emptyTable)) }
            return nil
        }
        // Cite only the indicators that gave rows, not every one the spec lists.
        let shown = indicators.filter { x in selected.contains { !dataset.observations(entity: $0.id, indicator: x.id).isEmpty } }
        var table = TableBlock(number: nextTableNumber(), title: render(t.title), sourceNote: sourceNote(t.sourceNote, shown), headerRows: [header], rows: body)
        table.subheadingRows = subheadings
        return table
    }
}
