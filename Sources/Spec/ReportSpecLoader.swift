import Foundation
import Geometry
import Model

/// Reads and validates a report spec. Every problem is reported with its location, all in one run.
public enum ReportSpecLoader {
    public static let supportedVersion = 1

    /// Loads a spec; `parameters` (from `--param k=v`) override the spec's defaults and fill `${name}`.
    public static func load(path: String, parameters: [String: String] = [:]) -> (spec: ReportSpec?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let text = TextFile.read(path, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        let (spec, more) = parse(text, path: path, parameters: parameters)
        return (spec, diagnostics + more)
    }

    /// Parses a spec from its text; `path` names it in diagnostics and anchors relative paths (dataset, style).
    /// Reads no file except to find a named style.
    public static func parse(_ text: String, path: String, parameters: [String: String] = [:]) -> (spec: ReportSpec?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let root = YAMLNode.parse(text, file: path, diagnostics: &diagnostics),
              var m = root.mapping(&diagnostics, what: "the spec") else { return (nil, diagnostics) }
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent

        // Parameters first: everything else may refer to them.
        var params: [String: String] = [:]
        if var pm = m.value("params")?.mapping(&diagnostics, what: "'params'") {
            for key in pm.keys {
                guard let node = pm.value(key) else { continue }
                if let v = node.scalarText { params[key] = v; continue }
                if var pd = node.mapping(&diagnostics, what: "parameter '\(key)'") {
                    params[key] = pd.string("default", &diagnostics) ?? ""
                    _ = pd.string("description", &diagnostics)
                    pd.finish(&diagnostics)
                }
            }
            pm.finish(&diagnostics)
        }
        for (k, v) in parameters {
            if params[k] == nil {
                diagnostics.append(.error("unknown parameter '\(k)'", at: SourceLocation(file: path),
                                          hint: params.isEmpty ? "this spec declares no params" : Suggestion.hint(for: k, in: Array(params.keys)), code: .unknownParam))
            }
            params[k] = v
        }
        var reader = SpecReader(params: params)

        if let v = m.required("version", &diagnostics) {
            if let n = v.int(&diagnostics, what: "'version'"), n != supportedVersion {
                diagnostics.append(.error("spec version \(n) is not supported", at: v.location, hint: "this Dossier reads version: \(supportedVersion)", code: .badVersion))
            }
        }
        let title = reader.text(m.required("title", &diagnostics), &diagnostics) ?? SpecText("", at: SourceLocation(file: path))
        let subtitle = reader.text(m.value("subtitle"), &diagnostics)
        let author = reader.text(m.value("author"), &diagnostics)?.text ?? ""
        // The date is printed on the cover and written into the PDF; it never comes silently from the clock,
        // so identical input gives identical bytes. Without `date:`, SOURCE_DATE_EPOCH (reproducible builds) is used.
        var date = "2000-01-01"
        if let d = m.value("date") {
            if let s = reader.text(d, &diagnostics)?.text {
                if case .day = Period(s) { date = s } else {
                    diagnostics.append(.error("date '\(s)' is not a valid date written YYYY-MM-DD", at: d.location,
                                              hint: "the date is printed on the cover and written into the PDF, so builds are reproducible", code: .badDate))
                }
            }
        } else if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
            if let seconds = Double(epoch), seconds >= 0, seconds < 4e9 {
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "UTC")
                formatter.dateFormat = "yyyy-MM-dd"
                date = formatter.string(from: Date(timeIntervalSince1970: seconds))
            } else {
                diagnostics.append(.error("SOURCE_DATE_EPOCH '\(epoch)' is not a number of seconds since 1970", at: SourceLocation(file: path), code: .badDate))
            }
        } else {
            diagnostics.append(.error("the spec has no date", at: m.location,
                                      hint: "add date: YYYY-MM-DD (or set SOURCE_DATE_EPOCH); Dossier never takes the date from the clock", code: .missingKey))
        }
        var language = "zh-cn"
        let languageLocation = m.value("language")?.location
        if let l = m.value("language"), let s = reader.text(l, &diagnostics)?.text {
            let base = Language.base(s)
            if ["zh", "en"].contains(base) { language = s.lowercased() } else {
                diagnostics.append(.error("language '\(s)' is not supported", at: l.location, hint: "use zh-cn or en", code: .badLanguage))
            }
        }
        // No style: the built-in defaults (the same values as Styles/briefing.yaml); so is `briefing` when no
        // Styles/briefing.yaml is found, so specs outside the repository still build.
        var stylePath = ""
        if let node = m.value("style"), let name = reader.text(node, &diagnostics)?.text {
            if let found = StyleLoader.resolve(name, relativeTo: folder) {
                stylePath = found
                // A bare name may come from the shipped styles, which live outside any project by design.
                if name.contains("/") || name.hasSuffix(".yaml"), ProjectTree(specFolder: folder).leaves(found) {
                    diagnostics.append(.warning("the style '\(name)' lies outside the project (\(ProjectTree(specFolder: folder).root))", at: node.location,
                                                hint: "copy it into the project: a report that reads files from elsewhere does not rebuild the same on another machine",
                                                code: .outsideProject))
                }
            } else if name != "briefing" {
                diagnostics.append(.error("style '\(name)' not found", at: node.location,
                                          hint: "give a path (Styles/\(name).yaml relative to the spec), set DOSSIER_STYLES, or use one of the folders searched: "
                                              + StyleLoader.searchFolders(from: folder).joined(separator: ", "), code: .styleNotFound))
            }
        }
        var datasetPath = ""
        if let d = m.required("dataset", &diagnostics), let s = reader.text(d, &diagnostics)?.text {
            datasetPath = s.hasPrefix("/") ? s : (folder as NSString).appendingPathComponent(s)
            let project = ProjectTree(specFolder: folder)
            if project.leaves(datasetPath) {
                diagnostics.append(.warning("the dataset '\(s)' lies outside the project (\(project.root))", at: d.location,
                                            hint: "copy it into the project: a report that reads files from elsewhere does not rebuild the same on another machine",
                                            code: .outsideProject))
            }
        }
        let keywords = reader.text(m.value("keywords"), &diagnostics)?.text ?? ""
        var batch: BatchSpec?
        if var b = m.value("batch")?.mapping(&diagnostics, what: "'batch'") {
            let parameter = b.required("param", &diagnostics)?.string(&diagnostics, what: "'param'") ?? ""
            let values = b.value("values")?.stringList(&diagnostics, what: "'values'") ?? []
            let over = b.value("over").map { reader.selection($0, &diagnostics) }
            if values.isEmpty && over == nil {
                diagnostics.append(.error("batch needs 'values' or 'over'", at: b.location, code: .badBatch))
            }
            if params[parameter] == nil, !parameter.isEmpty {
                diagnostics.append(.error("batch parameter '\(parameter)' is not declared in params", at: b.keyLocation("param"), code: .badBatch))
            }
            b.finish(&diagnostics)
            batch = BatchSpec(parameter: parameter, values: values, over: over)
        }
        let entities = m.value("entities").map { reader.selection($0, &diagnostics) } ?? EntitySelection()
        let indicators = m.value("indicators")?.stringList(&diagnostics, what: "'indicators'").map { $0.map(reader.substitute) } ?? []
        let groups = m.value("groups").map { reader.groups($0, &diagnostics) } ?? []
        let footnotes = m.value("footnotes").map { reader.footnotes($0, &diagnostics) } ?? []
        var sections: [SectionSpec] = []
        if let list = m.required("sections", &diagnostics)?.sequence(&diagnostics, what: "'sections'") {
            for item in list { if let s = reader.section(item, &diagnostics) { sections.append(s) } }
        }
        var pdfName: String? = ((path as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"
        var charts: ChartExportSpec?
        var pdfStandards: Set<PDFStandard> = []
        var pdfStandardLocation: SourceLocation?
        if var o = m.value("outputs")?.mapping(&diagnostics, what: "'outputs'") {
            if let p = o.value("pdf") {
                if p.scalarText == "false" || p.scalarText == "none" { pdfName = nil } else if let s = reader.text(p, &diagnostics)?.text {
                    switch OutputName.normalise(s.hasSuffix(".pdf") ? s : s + ".pdf") {
                    case .success(let name): pdfName = name
                    case .failure(let problem):
                        diagnostics.append(.error("the pdf name '\(s.replacingOccurrences(of: "\0", with: "\\0").prefix(80))' \(problem)", at: p.location,
                                                  hint: "give a file name such as report.pdf, optionally in a subfolder (sub/report.pdf)", code: .badOutput))
                    }
                }
            }
            if let c = o.value("charts") { charts = reader.chartExports(c, &diagnostics) }
            if let p = o.value("pdf-standard") {
                pdfStandardLocation = p.location
                let names = p.scalarText.map { [$0] } ?? p.stringList(&diagnostics, what: "'pdf-standard'") ?? []
                for name in names {
                    if let standard = PDFStandard(rawValue: name) { pdfStandards.insert(standard) } else {
                        diagnostics.append(.error("unknown PDF standard '\(name)'", at: p.location, hint: "use one of: \(PDFStandard.names) (ua-1: PDF/UA-1, a-2b: PDF/A-2b)", code: .badValue))
                    }
                }
            }
            o.finish(&diagnostics)
        }
        m.finish(&diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        var spec = ReportSpec(path: path, folder: folder, title: title, subtitle: subtitle, author: author, date: date,
                              language: language, stylePath: stylePath, datasetPath: datasetPath, parameters: params, batch: batch,
                              entities: entities, groups: groups, indicators: indicators, sections: sections, pdfName: pdfName,
                              chartExports: charts, keywords: keywords, pdfStandards: pdfStandards,
                              pdfStandardLocation: pdfStandardLocation, languageLocation: languageLocation)
        spec.footnotes = footnotes
        return (spec, diagnostics)
    }
}

/// Section-level reading with parameter substitution.
struct SpecReader {
    var params: [String: String]
    var usedIDs: Set<String> = []
    var chartCount = 0
    var tableCount = 0

    func substitute(_ s: String) -> String { Substitution(s, params: params).text }

    func text(_ node: YAMLNode?, _ diagnostics: inout [Diagnostic]) -> SpecText? {
        guard let node, let s = node.string(&diagnostics, what: "text") else { return nil }
        let replaced = Substitution(s, params: params)
        if let name = replaced.unknown.first {
            diagnostics.append(.error("unknown parameter '${\(name)}'", at: node.location,
                                      hint: params.isEmpty ? "declare it under params:" : Suggestion.hint(for: name, in: Array(params.keys)), code: .unknownParam))
        }
        var text = SpecText(replaced.text, at: node.location)
        text.literals = replaced.literals
        for link in LinkCheck.forbidden(in: replaced.text) {
            diagnostics.append(.error("link target '\(link.prefix(80))' is not allowed", at: node.location,
                                      hint: "links may use http:, https:, mailto: or #anchor; other schemes (javascript:, file:) are refused",
                                      code: .badLink))
        }
        return text
    }

    func selection(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> EntitySelection {
        var sel = EntitySelection()
        sel.location = node.location
        if node.scalarText != nil || { if case .sequence = node.node { return true } else { return false } }() {
            for item in node.stringList(&diagnostics, what: "'entities'") ?? [] {
                let v = substitute(item)
                if v.hasPrefix("in:") {
                    sel.parents.append(String(v.dropFirst(3)).trimmingCharacters(in: .whitespaces))
                    sel.parentsLocation = node.location
                } else if v.hasPrefix("tag:") { sel.tags.append(String(v.dropFirst(4))) } else if v.hasPrefix("kind:") {
                    if let k = EntityKind(rawValue: String(v.dropFirst(5))) { sel.kinds.append(k) } else {
                        diagnostics.append(.error("unknown entity kind '\(v.dropFirst(5))'", at: node.location, hint: Suggestion.hint(for: String(v.dropFirst(5)), in: EntityKind.allCases.map(\.rawValue)), code: .badKind))
                    }
                } else { sel.ids.append(v) }
            }
            return sel
        }
        guard var m = node.mapping(&diagnostics, what: "an entity selection") else { return sel }
        sel.ids = (m.value("ids")?.stringList(&diagnostics, what: "'ids'") ?? []).map(substitute)
        sel.tags = (m.value("tags")?.stringList(&diagnostics, what: "'tags'") ?? []).map(substitute)
        sel.exclude = (m.value("exclude")?.stringList(&diagnostics, what: "'exclude'") ?? []).map(substitute)
        if let parents = m.value("in") {   // the members of these parents (EntityResolver)
            sel.parents = (parents.stringList(&diagnostics, what: "'in'") ?? []).map(substitute)
            sel.parentsLocation = parents.location
        }
        if let kinds = m.value("kinds") {
            for k in kinds.stringList(&diagnostics, what: "'kinds'") ?? [] {
                if let kind = EntityKind(rawValue: k) { sel.kinds.append(kind) } else {
                    diagnostics.append(.error("unknown entity kind '\(k)'", at: kinds.location, hint: Suggestion.hint(for: k, in: EntityKind.allCases.map(\.rawValue)), code: .badKind))
                }
            }
        }
        if var t = m.value("top")?.mapping(&diagnostics, what: "'top'") {
            sel.top = topWindow(&t, &diagnostics)
            t.finish(&diagnostics)
        }
        m.finish(&diagnostics)
        return sel
    }

    mutating func uniqueID(_ node: YAMLNode?, prefix: String, counter: Int, _ diagnostics: inout [Diagnostic]) -> String {
        let id = node.flatMap { text($0, &diagnostics)?.text } ?? "\(prefix)-\(counter)"
        if !usedIDs.insert(id).inserted {
            diagnostics.append(.error("id '\(id)' is used twice", at: node?.location, hint: "ids name exported files and link targets, so they must be unique", code: .duplicateId))
        }
        return id
    }

    static let sectionKeys = ["heading", "text", "list", "callouts", "table", "chart", "gap-analysis", "page-break", "toc", "data-notes", "references", "note"]

    mutating func section(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> SectionSpec? {
        guard var m = node.mapping(&diagnostics, what: "a section") else { return nil }
        let kinds = m.keys.filter { SpecReader.sectionKeys.contains($0) }
        guard kinds.count == 1, let kind = kinds.first else {
            if kinds.isEmpty {
                let key = m.keys.first ?? ""
                diagnostics.append(.error(key.isEmpty ? "empty section" : "unknown section type '\(key)'", at: m.keyLocation(key),
                                          hint: Suggestion.hint(for: key, in: SpecReader.sectionKeys), code: .unknownSection))
            } else {
                diagnostics.append(.error("a section has one type, but this one has \(kinds.joined(separator: ", "))", at: node.location,
                                          hint: "start a new list item (- ) for each section", code: .badSection))
            }
            return nil
        }
        defer { m.finish(&diagnostics) }
        switch kind {
        case "heading":
            guard let t = text(m.value("heading"), &diagnostics) else { return nil }
            let level = m.int("level", &diagnostics) ?? 1
            if !(1...3).contains(level) { diagnostics.append(.error("heading level must be 1, 2 or 3", at: m.keyLocation("level"), code: .badValue)) }
            return .heading(t, level: min(3, max(1, level)), anchor: m.string("anchor", &diagnostics))
        case "text":
            return text(m.value("text"), &diagnostics).map(SectionSpec.text)
        case "note":
            return text(m.value("note"), &diagnostics).map(SectionSpec.note)
        case "list":
            let items = m.value("list")?.sequence(&diagnostics, what: "'list'")?.compactMap { text($0, &diagnostics) } ?? []
            return .list(items, ordered: m.bool("ordered", &diagnostics) ?? false)
        case "callouts":
            var out: [CalloutSpec] = []
            for item in m.value("callouts")?.sequence(&diagnostics, what: "'callouts'") ?? [] {
                guard var c = item.mapping(&diagnostics, what: "a call-out") else { continue }
                if let v = text(c.required("value", &diagnostics), &diagnostics), let l = text(c.required("label", &diagnostics), &diagnostics) {
                    out.append(CalloutSpec(value: v, label: l, note: text(c.value("note"), &diagnostics)))
                }
                c.finish(&diagnostics)
            }
            return .callouts(out)
        case "page-break":
            _ = m.value("page-break")
            return .pageBreak
        case "toc":
            return .tableOfContents(text(m.value("toc"), &diagnostics) ?? SpecText("", at: node.location))
        case "data-notes":
            return .dataNotes(text(m.value("data-notes"), &diagnostics) ?? SpecText("", at: node.location))
        case "references":
            return .references(text(m.value("references"), &diagnostics) ?? SpecText("", at: node.location))
        case "table":
            guard let body = m.value("table") else { return nil }
            return table(body, &diagnostics).map(SectionSpec.table)
        case "chart":
            guard let body = m.value("chart") else { return nil }
            return chart(body, &diagnostics).map(SectionSpec.chart)
        case "gap-analysis":
            guard let body = m.value("gap-analysis") else { return nil }
            return gap(body, &diagnostics).map(SectionSpec.gapAnalysis)
        default:
            return nil
        }
    }

    mutating func table(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> TableSpec? {
        guard var m = node.mapping(&diagnostics, what: "'table'") else { return nil }
        defer { m.finish(&diagnostics) }
        tableCount += 1
        let id = uniqueID(m.value("id"), prefix: "table", counter: tableCount, &diagnostics)
        var kind = TableSpec.Kind.matrix
        if let k = m.value("kind"), let s = k.string(&diagnostics, what: "'kind'") {
            if let parsed = TableSpec.Kind(rawValue: s) { kind = parsed } else {
                diagnostics.append(.error("unknown table kind '\(s)'", at: k.location, hint: Suggestion.hint(for: s, in: TableSpec.Kind.allCases.map(\.rawValue)), code: .badKind))
            }
        }
        let title = text(m.required("title", &diagnostics), &diagnostics) ?? SpecText("", at: node.location)
        let entities = m.value("entities").map { selection($0, &diagnostics) } ?? EntitySelection()
        var columns: [TableColumnSpec] = []
        for c in m.value("columns")?.sequence(&diagnostics, what: "'columns'") ?? [] {
            if let s = c.scalarText { columns.append(TableColumnSpec(indicator: substitute(s), periods: [], label: nil, location: c.location)); continue }
            guard var cm = c.mapping(&diagnostics, what: "a column") else { continue }
            if Self.isComputed(cm) {   // change, difference, group-rank, share: SpecReader+ComputedColumn.swift
                let computed = computedColumn(&cm, at: c.location, &diagnostics)
                let (label, decimals) = (text(cm.value("label"), &diagnostics), columnDecimals(&cm, &diagnostics))
                let hidden = cm.bool("hide", &diagnostics) ?? false
                cm.finish(&diagnostics)
                if let computed {
                    columns.append(TableColumnSpec(indicator: computed.indicator, periods: [], label: label, location: c.location,
                                                   computed: computed, decimals: decimals, hidden: hidden))
                }
                continue
            }
            let decimals = columnDecimals(&cm, &diagnostics)
            let hidden = cm.bool("hide", &diagnostics) ?? false
            let indicator = cm.required("indicator", &diagnostics)?.string(&diagnostics, what: "'indicator'") ?? ""
            let periods = cm.value("periods")?.stringList(&diagnostics, what: "'periods'") ?? []
            let label = text(cm.value("label"), &diagnostics)
            cm.finish(&diagnostics)
            columns.append(TableColumnSpec(indicator: substitute(indicator), periods: periods, label: label, location: c.location, decimals: decimals, hidden: hidden))
        }
        let indicators = (m.value("indicators")?.stringList(&diagnostics, what: "'indicators'") ?? []).map(substitute)
        let relation = m.string("relation", &diagnostics)
        let shade = m.bool("shade", &diagnostics) ?? true
        let optional = m.bool("optional", &diagnostics) ?? false
        let source = text(m.value("source"), &diagnostics)
        let sort = tableSort(&m, kind: kind, columns: columns, &diagnostics)
        let groupBy = tableGroupBy(&m, kind: kind, &diagnostics)
        switch kind {
        case .matrix where columns.isEmpty:
            diagnostics.append(.error("a matrix table needs 'columns'", at: node.location, hint: "list indicators (with optional periods) to show as columns", code: .missingKey))
        case .facts where indicators.isEmpty:
            diagnostics.append(.error("a \(kind.rawValue) table needs 'indicators'", at: node.location, code: .missingKey))
        case .relation where relation == nil:
            diagnostics.append(.error("a relation table needs 'relation'", at: node.location, code: .missingKey))
        default: break
        }
        var spec = TableSpec(id: id, kind: kind, title: title, entities: entities, columns: columns, indicators: indicators,
                             relation: relation, shade: shade, sourceNote: source, optional: optional, location: node.location)
        spec.sort = sort
        spec.groupBy = groupBy
        if let n = m.value("notes") {   // footnotes attached to cells (matrix tables)
            spec.cellNotes = cellNotes(n, &diagnostics)
            if kind != .matrix {
                diagnostics.append(.error("'notes' attaches footnotes to cells of matrix tables; a \(kind.rawValue) table does not use it", at: m.keyLocation("notes"),
                                          hint: "cite a footnote in the title with [^id] instead, or use kind: matrix", code: .unusedKey))
            }
        }
        if let f = m.value("focus") {   // rows shaded for emphasis (matrix tables)
            spec.focus = selection(f, &diagnostics)
            if kind != .matrix {
                diagnostics.append(.error("'focus' shades rows of matrix tables; a \(kind.rawValue) table does not use it", at: m.keyLocation("focus"),
                                          hint: "remove focus:, or use kind: matrix", code: .unusedKey))
            }
        }
        return spec
    }


    /// `groups: {TAG: LABEL, …}` where a label is a text or `{zh: …, en: …}`; document order is legend order.
    func groups(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> [GroupSpec] {
        guard var m = node.mapping(&diagnostics, what: "'groups'") else { return [] }
        defer { m.finish(&diagnostics) }
        return m.keys.compactMap { tag -> GroupSpec? in
            guard let value = m.value(tag) else { return nil }
            if value.scalarText != nil {
                return text(value, &diagnostics).map { GroupSpec(tag: tag, label: LocalizedText(["*": $0.text]), location: m.keyLocation(tag)) }
            }
            guard var labels = value.mapping(&diagnostics, what: "the label of group '\(tag)'") else { return nil }
            defer { labels.finish(&diagnostics) }
            var texts: [String: String] = [:]
            for language in labels.keys {
                if let t = text(labels.value(language), &diagnostics) { texts[language] = t.text }
            }
            return GroupSpec(tag: tag, label: LocalizedText(texts), location: m.keyLocation(tag))
        }
    }

    mutating func chart(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> ChartSectionSpec? {
        guard var m = node.mapping(&diagnostics, what: "'chart'") else { return nil }
        defer { m.finish(&diagnostics) }
        chartCount += 1
        let id = uniqueID(m.value("id"), prefix: "chart", counter: chartCount, &diagnostics)
        if !id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            diagnostics.append(.error("chart id '\(id)' may only contain letters, digits, '-' and '_'", at: m.keyLocation("id"),
                                      hint: "the id names the exported image files", code: .badId))
        }
        var kind: ChartKind?
        if let k = m.required("kind", &diagnostics), let s = k.string(&diagnostics, what: "'kind'") {
            kind = ChartKind(rawValue: s)
            if kind == nil {
                diagnostics.append(.error("unknown chart kind '\(s)'", at: k.location, hint: Suggestion.hint(for: s, in: ChartKind.allCases.map(\.rawValue)), code: .badKind))
            }
        }
        let title = text(m.required("title", &diagnostics), &diagnostics) ?? SpecText("", at: node.location)
        let subtitle = text(m.value("subtitle"), &diagnostics)
        var indicators = (m.value("indicators")?.stringList(&diagnostics, what: "'indicators'") ?? []).map(substitute)
        if let one = m.string("indicator", &diagnostics) { indicators.insert(substitute(one), at: 0) }
        let periods = m.value("periods")?.stringList(&diagnostics, what: "'periods'") ?? (m.string("period", &diagnostics).map { [$0] } ?? [])
        let entities = m.value("entities").map { selection($0, &diagnostics) } ?? EntitySelection()
        let focus = m.value("focus").map { selection($0, &diagnostics) } ?? EntitySelection()
        let relation = m.string("relation", &diagnostics)
        let highlight = m.string("highlight", &diagnostics).map(substitute)
        var height = 250.0
        if let h = m.value("height"), let v = h.double(&diagnostics, what: "'height'") {
            if v < 80 || v > 700 { diagnostics.append(.error("chart height \(v) is outside 80–700 pt", at: h.location, code: .badValue)) } else { height = v }
        }
        let source = text(m.value("source"), &diagnostics)
        let optional = m.bool("optional", &diagnostics) ?? false
        let alt = text(m.value("alt"), &diagnostics)
        var allowUnlabelled = false
        if let u = m.value("unlabelled"), let v = u.string(&diagnostics, what: "'unlabelled'") {
            if v == "allow" { allowUnlabelled = true } else if v != "error" {
                diagnostics.append(.error("unknown value '\(v)' for 'unlabelled'", at: u.location,
                                          hint: "use 'error' (the default: a chart that cannot label every mark fails) or 'allow'", code: .badValue))
            }
        }
        if let kind, let problem = kind.indicatorProblem(count: indicators.count, hasRelation: relation != nil) {
            let at = ["indicators", "indicator", "relation"].first { m.has($0) }.map { m.keyLocation($0) } ?? node.location
            diagnostics.append(.error("chart '\(id)': \(problem.message)", at: at, hint: problem.hint,
                                      code: indicators.isEmpty && relation == nil ? .missingKey : .badChart))
        }
        if let kind, highlight != nil, !kind.drawsHighlight {
            diagnostics.append(.error("chart '\(id)': a \(kind.rawValue) chart does not draw 'highlight'", at: m.keyLocation("highlight"),
                                      hint: "highlight marks one bar of a bar chart; use focus: [ID] to colour entities in other kinds", code: .badChart))
        }
        let sort = chartSort(&m, kind: kind, &diagnostics)
        let window = rankWindow(&m, kind: kind, &diagnostics)
        let references = chartReferences(&m, kind: kind, chartID: id, &diagnostics)
        let bands = chartBands(&m, kind: kind, chartID: id, &diagnostics)
        let callouts = chartCallouts(&m, kind: kind, chartID: id, &diagnostics)
        guard let kind else { return nil }
        var chart = ChartSectionSpec(id: id, kind: kind, title: title, subtitle: subtitle, indicators: indicators, periods: periods,
                                     entities: entities, focus: focus, relation: relation, highlight: highlight, height: height,
                                     sourceNote: source, optional: optional, location: node.location, alt: alt, allowUnlabelled: allowUnlabelled)
        chart.sort = sort
        chart.rankWindow = window
        chart.references = references
        chart.bands = bands
        chart.callouts = callouts
        return chart
    }

    mutating func gap(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> GapAnalysisSpec? {
        guard var m = node.mapping(&diagnostics, what: "'gap-analysis'") else { return nil }
        defer { m.finish(&diagnostics) }
        chartCount += 1
        let id = uniqueID(m.value("id"), prefix: "gap", counter: chartCount, &diagnostics)
        let domestic = m.required("domestic", &diagnostics).map { selection($0, &diagnostics) } ?? EntitySelection()
        let international = m.required("international", &diagnostics).map { selection($0, &diagnostics) } ?? EntitySelection()
        let stage = m.string("stage", &diagnostics)
        let target = m.string("target-stage", &diagnostics)
        let indicators = m.value("indicators")?.stringList(&diagnostics, what: "'indicators'") ?? []
        let causes = m.string("causes", &diagnostics)
        let causesEntity = m.string("causes-entity", &diagnostics)
        let title = text(m.value("title"), &diagnostics)
        return GapAnalysisSpec(id: id, domestic: domestic, international: international, stage: stage, targetStage: target,
                               indicators: indicators, causes: causes, causesEntity: causesEntity, title: title, location: node.location)
    }

    func chartExports(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> ChartExportSpec? {
        guard var m = node.mapping(&diagnostics, what: "'charts'") else { return nil }
        defer { m.finish(&diagnostics) }
        var formats: [OutputFormat] = []
        for f in m.value("formats")?.stringList(&diagnostics, what: "'formats'") ?? ["png", "svg"] {
            if let format = OutputFormat(rawValue: f) { formats.append(format) } else {
                diagnostics.append(.error("unknown image format '\(f)'", at: m.keyLocation("formats"), hint: "use png, svg or pdf", code: .badFormat))
            }
        }
        var sizes: [Size] = []
        for s in m.value("sizes")?.stringList(&diagnostics, what: "'sizes'") ?? ["1920x1080"] {
            if let size = ChartSize.parse(s) {
                if !sizes.contains(size) { sizes.append(size) }   // a size listed twice would write one file twice
            } else {
                diagnostics.append(.error("size '\(s)' must be WIDTHxHEIGHT in pixels (16–16384), e.g. 1920x1080", at: m.keyLocation("sizes"), code: .badSize))
            }
        }
        let scale = m.double("scale", &diagnostics) ?? 1
        if scale <= 0 || scale > 8 { diagnostics.append(.error("scale must be between 0 and 8", at: m.keyLocation("scale"), code: .badValue)) }
        for size in sizes where size.width * size.height * scale * scale > Double(100_000_000) {
            diagnostics.append(.error("\(Int(size.width))x\(Int(size.height)) at scale \(scale) is over 100 megapixels", at: m.keyLocation("sizes"), code: .badSize))
        }
        let transparent = m.bool("transparent", &diagnostics) ?? false
        let only = m.value("only")?.stringList(&diagnostics, what: "'only'") ?? []
        return ChartExportSpec(formats: formats, sizes: sizes, scale: scale, transparent: transparent, only: only)
    }
}

/// Parses "1920x1080" chart sizes.
public enum ChartSize {
    public static func parse(_ text: String) -> Size? {
        let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (16...16384).contains(w), (16...16384).contains(h) else { return nil }
        return Size(Double(w), Double(h))
    }
}
