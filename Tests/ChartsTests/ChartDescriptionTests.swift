import Charts
import Testing

private func bump(language: String) -> ChartSpec {
    ChartSpec(kind: .bump, number: language == "en" ? "Figure 1" : "图 1", title: language == "en" ? "Overall rank" : "总体排名",
              categories: ["2000", "2001", "2002", "2003"],
              series: [ChartSeries(id: "US", label: language == "en" ? "the United States" : "美国", values: [1, 1, 2, 3]),
                       ChartSeries(id: "CA", label: language == "en" ? "Canada" : "加拿大", values: [2, 1, 1, 1]),
                       ChartSeries(id: "UK", label: language == "en" ? "the United Kingdom" : "英国", values: [11, nil, 9, 8]),
                       ChartSeries(id: "FR", label: "France", focus: false, values: [12, 12, 12, 12])],
              valuesAreRanks: true, language: language)
}

@Test func bumpChartDescriptionNamesMovesAndTiesInEnglish() {
    let text = ChartDescription(bump(language: "en")).text
    #expect(text == "Bump chart, Figure 1 Overall rank; 2000–2003, 4 entities; the United States down from 1st to 3rd; "
            + "Canada up from 2nd to 1st; the United Kingdom up from 11th to 8th; the United States and Canada tied 1st in 2001.")
}

@Test func bumpChartDescriptionIsChineseInAChineseReport() {
    let text = ChartDescription(bump(language: "zh-cn")).text
    #expect(text.hasPrefix("排名变化图，图 1 总体排名；2000–2003，4个对象；美国从2000年第1名降至2003年第3名；"))
    #expect(text.contains("2001年美国、加拿大并列第1名"))
    #expect(text.hasSuffix("。"))
    #expect(!text.contains("France"))   // only focus series are named
}

@Test func barChartDescriptionRanksBestFirstWhateverTheOrderGiven() {
    let chart = ChartSpec(kind: .bar, title: "Share online", categories: ["2001"],
                          series: [ChartSeries(id: "a", label: "A", values: [40]), ChartSeries(id: "b", label: "B", values: [90.5]),
                                   ChartSeries(id: "c", label: "C", values: [nil])],
                          language: "en")
    #expect(ChartDescription(chart).text == "Bar chart, Share online; 3 entities; highest first: B 90.5, A 40.")
}

@Test func emptyChartSaysItHasNoData() {
    let chart = ChartSpec(kind: .line, title: "Nothing", language: "en")
    #expect(ChartDescription(chart).text == "Line chart, Nothing; no data.")
}
