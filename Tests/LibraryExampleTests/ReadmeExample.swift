// README example: begin
import DossierKit

/// A one-chart briefing from data made in code: compose, lay out, render to PDF bytes.
func briefingFromCode() throws -> [UInt8] {
    let rank = Indicator(id: "survey.rank", label: LocalizedText(zh: "调查排名", en: "Survey rank"),
                         unit: .rank, direction: .lowerBetter, source: "survey")
    let survey = Source(id: "survey", publisher: LocalizedText(zh: "某机构", en: "An agency"),
                        title: LocalizedText(zh: "年度调查", en: "Annual survey"), years: [2002, 2003],
                        citation: LocalizedText(zh: "某机构：年度调查", en: "An agency: Annual survey"))
    let entities = [Entity(id: "CA", name: LocalizedText(zh: "加拿大", en: "Canada"), kind: .country),
                    Entity(id: "SG", name: LocalizedText(zh: "新加坡", en: "Singapore"), kind: .country)]
    let observations = [("CA", 2002, 1.0), ("CA", 2003, 1.0), ("SG", 2002, 2.0), ("SG", 2003, 2.0)].map {
        Observation(entity: $0.0, indicator: rank.id, period: .year($0.1), value: .number($0.2))
    }
    let dataset = Dataset(folder: "in-memory", entities: entities, indicators: [rank], sources: [survey],
                          observations: observations)
    let yaml = """
        version: 1
        title: Survey ranks
        date: 2026-01-01
        language: en
        dataset: in-memory
        sections:
          - text: "First in 2003: {{best survey.rank 2003}}."
          - chart: {id: ranks, kind: bump, indicator: survey.rank, title: Survey rank}
        """
    let (spec, problems) = ReportSpecLoader.parse(yaml, path: "inline.yaml")
    guard let spec else { throw DiagnosticError(problems) }
    let composed = compose(spec, dataset: dataset, style: .briefing)   // pure: content plus its diagnostics
    guard !composed.failed else { throw DiagnosticError(composed.diagnostics) }
    let renderer = CairoRenderer(language: spec.language)
    let layout = LayoutEngine(style: .briefing, measurer: renderer.measurer)
    let (document, _) = layout.layout(composed.value.blocks, metadata: composed.value.metadata)
    return try renderer.pdf(document)
}
// README example: end
