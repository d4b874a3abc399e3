import DossierKit
import Testing

/// A facts table names each indicator's unit once: in its label, or in parentheses after it.
private let dataset: Dataset = {
    func text(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }
    let indicators = [
        Indicator(id: "visits", label: text("月均访问量", "Monthly visits"), unit: .count, direction: .higherBetter, source: "s",
                  scale: text("万人次", "×10,000 visits")),
        Indicator(id: "services", label: text("在线服务", "Services online"), unit: .count, direction: .higherBetter, source: "s",
                  scale: text("项", "items")),
        Indicator(id: "sites", label: text("网站数", "Websites"), unit: .count, direction: .higherBetter, source: "s",
                  scale: text("个", "sites")),
    ]
    let source = Source(id: "s", publisher: text("甲", "A"), title: text("甲", "A"), years: [2003], citation: text("甲", "A"))
    let observations = ["visits", "services", "sites"].map {
        Observation(entity: "X", indicator: $0, period: .year(2003), value: .number(5790))
    }
    return Dataset(folder: "facts", entities: [Entity(id: "X", name: text("甲市", "Town X"), kind: .city)],
                   indicators: indicators, sources: [source], observations: observations)
}()

private func rowLabels(_ language: String) throws -> [String] {
    let yaml = """
        version: 1
        title: Facts
        date: 2026-01-01
        language: \(language)
        dataset: facts
        sections:
          - table: {id: t, kind: facts, title: Facts, entities: [X], indicators: [visits, services, sites]}
        """
    let (spec, problems) = ReportSpecLoader.parse(yaml, path: "facts.yaml")
    let parsed = try #require(spec, "\(problems)")
    let content = compose(parsed, dataset: dataset, style: .briefing).value
    let table = try #require(content.blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }.first)
    return table.rows.map { $0[0].spans.map(\.text).joined() }
}

@Test func aUnitTheLabelAlreadyNamesIsNotRepeated() throws {
    #expect(try rowLabels("en") == ["Monthly visits", "Services online (items)", "Websites (sites)"])
}

@Test func chineseLabelsKeepTheirScaleWord() throws {
    #expect(try rowLabels("zh-cn") == ["月均访问量（万人次）", "在线服务（项）", "网站数（个）"])
}
