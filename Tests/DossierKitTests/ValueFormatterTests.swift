import DossierKit
import Model
import Testing

private let visits = Indicator(id: "portal.visits", label: LocalizedText(zh: "访问量", en: "Visits"), unit: .count,
                               scale: LocalizedText(zh: "万人次", en: "×10,000 visits"))
private let empty = Dataset(folder: "", entities: [], indicators: [visits], sources: [], observations: [])

@Test func chineseMagnitudesReadAsMillionsInEnglish() {
    #expect(ValueFormatter(dataset: empty, language: "zh-cn").format(.number(5793.95), indicator: visits) == "5793.95万人次")
    #expect(ValueFormatter(dataset: empty, language: "en").format(.number(5793.95), indicator: visits) == "57.9 million visits")
    #expect(ValueFormatter(dataset: empty, language: "en").format(.number(90), indicator: visits) == "0.9 million visits")
    #expect(ValueFormatter(dataset: empty, language: "en").format(.number(14940), indicator: visits, withScale: false) == "149 million")
}

@Test func qualifiersAreWordedPerLanguage() {
    let o = Observation(entity: "X", indicator: visits.id, period: .year(2005), value: .number(240), qualifier: .moreThan)
    #expect(ValueFormatter(dataset: empty, language: "zh-cn").format(o, indicator: visits) == "超过240万人次")
    #expect(ValueFormatter(dataset: empty, language: "en").format(o, indicator: visits) == "more than 2.4 million visits")
    #expect(ValueFormatter(dataset: empty, language: "en").format(nil as Observation?, indicator: visits) == "—")
}
