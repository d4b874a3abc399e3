import Charts
import Foundation
import Geometry
import Layout
import Model
import Spec

/// Resolves a spec against its dataset: fills placeholders, selects entities, builds tables and chart specs.
struct ReportBuilder {
    let spec: ReportSpec
    let dataset: Dataset
    let style: Style
    var diagnostics: [Diagnostic] = []
    var blocks: [Block] = []
    var charts: [(id: String, spec: ChartSpec)] = []
    var figureCount = 0
    var tableCount = 0
    /// Sources cited by tables and charts, in first-use order (the references section lists them).
    var citedSources: [String] = []
    /// Indicators whose values the report shows (the notes on the data speak only of these).
    var citedIndicators: Set<String> = []
    /// Footnotes cited so far (`[^id]`), so one cited nowhere is reported.
    var usedFootnotes: Set<String> = []

    init(spec: ReportSpec, dataset: Dataset, style: Style) {
        self.spec = spec; self.dataset = dataset; self.style = style
    }

    var language: String { spec.language }
    var words: Words { Words(spec.language) }
    var formatter: ValueFormatter { ValueFormatter(dataset: dataset, language: language) }
    var templates: TemplateEngine { TemplateEngine(dataset: dataset, language: language, parameters: spec.parameters) }
    var resolver: EntityResolver { EntityResolver(dataset: dataset, groups: spec.groups.map(\.tag)) }

    /// The report's entity selection (all entities when the spec selects none).
    lazy var reportEntities: [Entity] = {
        var d: [Diagnostic] = []
        let out = resolver.resolve(spec.entities, fallback: dataset.entities, diagnostics: &d)
        diagnostics += d
        return out
    }()

    mutating func render(_ text: SpecText) -> String {
        var used: [String] = []
        let out = templates.render(text, diagnostics: &diagnostics, cited: &used)
        _ = cite(used.compactMap { dataset.indicator($0) })
        for id in used where id.hasPrefix("source:") {
            let source = String(id.dropFirst("source:".count))
            if !citedSources.contains(source) { citedSources.append(source) }
        }
        return out
    }

    mutating func entities(_ selection: EntitySelection) -> [Entity] {
        let fallback = reportEntities
        return resolver.resolve(selection, fallback: fallback, diagnostics: &diagnostics)
    }

    mutating func indicator(_ id: String, at location: SourceLocation?) -> Indicator? {
        if let x = dataset.indicator(id) { return x }
        diagnostics.append(.error("unknown indicator '\(id)'", at: location, hint: Suggestion.hint(for: id, in: dataset.indicators.map(\.id)), code: .unknownIndicator))
        return nil
    }

    mutating func cite(_ indicators: [Indicator]) -> [String] {
        var out: [String] = []
        for x in indicators {
            citedIndicators.insert(x.id)
            guard let id = x.source, let s = dataset.source(id) else { continue }
            if !citedSources.contains(id) { citedSources.append(id) }
            let c = s.citation.resolve(language)
            if !out.contains(c) { out.append(c) }
        }
        return out
    }

    mutating func build() -> ReportContent {
        _ = reportEntities   // the report's selection (and its window) is checked even when no section uses it
        let tags = dataset.tags
        for group in spec.groups where !tags.contains(group.tag) {
            diagnostics.append(.error("group '\(group.tag)': no entity has this tag", at: group.location ?? SourceLocation(file: spec.path),
                                      hint: Suggestion.hint(for: group.tag, in: tags), code: .unknownTag))
        }
        blocks.append(.title(TitleBlock(title: render(spec.title), subtitle: spec.subtitle.map { render($0) } ?? "",
                                        author: spec.author, date: displayDate(spec.date))))
        for section in spec.sections { add(section) }
        if let only = spec.chartExports?.only {
            let ids = charts.map(\.id)
            for id in only where !ids.contains(id) {
                diagnostics.append(.error("outputs.charts.only names no chart of this report: '\(id)'", at: SourceLocation(file: spec.path),
                                          hint: Suggestion.hint(for: id, in: ids), code: .unknownChart))
            }
        }
        warnUnusedFootnotes()
        let meta = LayoutMetadata(title: render(spec.title), author: spec.author, subject: spec.subtitle.map { render($0) } ?? "",
                                  keywords: spec.keywords, date: spec.date, language: language)
        return ReportContent(blocks: blocks, charts: charts, metadata: meta)
    }

    func displayDate(_ iso: String) -> String {
        Period(iso)?.display(language) ?? iso
    }

    mutating func add(_ section: SectionSpec) {
        switch section {
        case .heading(let t, let level, let anchor):
            blocks.append(.heading(level: level, text: render(t), numbered: true, anchor: anchor ?? ""))
        case .text(let t):
            var notes = FootnoteScope()
            let text = markFootnotes(render(t), at: t.location, scope: &notes)
            for p in InlineMarkup.paragraphs(text) { blocks.append(.paragraph(InlineMarkup.parse(p))) }
            addFootnoteBlock(notes)
        case .note(let t):
            blocks.append(.note(InlineMarkup.parse(InlineMarkup.paragraphs(render(t)).joined(separator: "\n"))))
        case .list(let items, let ordered):
            var notes = FootnoteScope()
            var parsed: [[InlineSpan]] = []
            for item in items { parsed.append(InlineMarkup.parse(markFootnotes(render(item), at: item.location, scope: &notes))) }
            blocks.append(.list(items: parsed, ordered: ordered))
            addFootnoteBlock(notes)
        case .callouts(let items):
            blocks.append(.callouts(items.map { Callout(value: render($0.value), label: render($0.label), note: $0.note.map { render($0) } ?? "") }))
        case .pageBreak:
            blocks.append(.pageBreak)
        case .tableOfContents(let t):
            blocks.append(.tableOfContents(title: t.text.isEmpty ? words(.contentsTitle) : render(t)))
        case .table(let t):
            if var table = buildTable(t) {
                footnoteTable(&table, t)
                blocks.append(.table(table))
            }
        case .chart(let c):
            if var chart = buildChart(c) {
                var notes = FootnoteScope()
                chart.title = markFootnotes(chart.title, at: c.title.location, scope: &notes)
                chart.subtitle = markFootnotes(chart.subtitle, at: c.subtitle?.location ?? c.location, scope: &notes)
                addFigure(id: c.id, chart: chart, height: c.height, alternative: c.alt.map { render($0) })
                addFootnoteBlock(notes)
            }
        case .gapAnalysis(let g):
            addGapAnalysis(g)
        case .dataNotes(let t):
            addDataNotes(title: t.text.isEmpty ? nil : render(t))
        case .references(let t):
            addReferences(title: t.text.isEmpty ? words(.referencesTitle) : render(t), at: t.location)
        }
    }

    mutating func addFigure(id: String, chart: ChartSpec, height: Double, alternative: String? = nil) {
        charts.append((id, chart))
        var figure = FigureBlock(chart: chart, height: height, anchor: "fig-\(id)")
        figure.alternative = alternative
        blocks.append(.figure(figure))
    }

    mutating func nextFigureNumber() -> String {
        figureCount += 1
        return words.figure(figureCount)
    }

    mutating func nextTableNumber() -> String {
        tableCount += 1
        return words.table(tableCount)
    }

    /// The references: exactly the sources the report drew on (tables, charts and placeholders), in first-use
    /// order; a dataset's other sources are not listed, so every reference is one a reader can find in the report.
    mutating func addReferences(title: String, at location: SourceLocation) {
        guard !citedSources.isEmpty else {
            diagnostics.append(.warning("the references section is left out: nothing before it cites a source", at: location,
                                        hint: "put references: after the tables, charts and placeholders that use the data", code: .emptyReferences))
            return
        }
        let items = citedSources.compactMap { dataset.source($0) }.map { s -> String in
            var line = s.citation.resolve(language)
            if let url = s.url, !line.contains(url) { line += " " + url }
            return line
        }
        blocks.append(.references(title: title, items: items))
    }
}
