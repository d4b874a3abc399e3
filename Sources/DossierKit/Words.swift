import Model

/// Every word and sentence pattern the engine writes into a report. Code picks a phrase; the table of the
/// report's language gives the words, with `{1}`, `{2}`, … standing for the arguments. Adding a language is
/// adding a table (and its entry in `Words.tables`); a test checks that every table has every phrase.
enum Phrase: String, CaseIterable, Sendable {
    // Numbering, captions and notes
    case figureNumber, tableNumber, sourcePrefix, citationSeparator
    case entityHeaderCountry, entityHeaderCity, entityHeaderCountryOrCity, entityHeaderOther
    case indicatorHeader, rankHeader, missingNote, contentsTitle, referencesTitle
    // Lists and values
    case listSeparator, listPairSeparator, listLastSeparator, clauseSeparator
    case inParentheses, periodValue, rankPhrase, stage, stageNamed, stageRange
    case about, moreThan, lessThan, atLeast, scaleSuffix
    // Charts
    case statedCategory, computedCategory, mixedPeriodsNote, valueWithPeriod
    case referenceLineLabel, referenceLineMedian, referenceLineMean, referenceLineBest
    case referenceLineGroupMedian, referenceLineGroupMean, referenceLineGroupBest, referenceLineInPeriod
    // Tables
    case factsNote, noFigureNote, yearHeader, periodHeader, computedHeader, differenceHeader, valueHeader, quoteHeader
    case relationNote, otherGroup
    // Gap analysis
    case stagesTitle, domesticBest, internationalBest, internationalMedian, gapHeader, gapTableTitle, gapNote
    case gapChartTitle, medianCount, gapLevel, gapBehind, gapAhead, rootCausesIntro
    case gapSentenceSamePeriod, gapSentence, gapRankRelationBehind, gapRankRelationAhead, gapValueRelationBehind
    case gapValueRelationAhead, gapRelationLevel
    case stageAt, stageAtPlural, stageHeadingFor, stageHeadingForPlural, stageScale
    case countCountries, countCities, countOther, moreCountries, moreCities, moreOther, andMore
    // Notes on the data
    case dataCheckClean, dataCheckIntro, rankTie, relationMismatch, periodOutsideSource
    case treatmentRankTie, treatmentRelation, treatmentPeriod, treatmentDuplicate
    // Computed values (table columns and placeholders)
    case changeColumn, changeNote, differenceColumn, groupRankColumn, shareColumn, periodToPeriod
    case referenceMedian, referenceMean, referenceBest, referenceRank, referenceTotal, computedGroupNote, groupOfRows, groupTagged, groupCount
    case changeUp, changeDown, changeNone, places, placeOne, placesBehind, placesAhead, differenceAbove, differenceBelow, differenceLevel
    // Valid ranges
    case valueOutOfRange, rangeBoth, atMost, treatmentRange
}

/// The words of one report language.
struct Words: Sendable {
    let language: String
    let table: [Phrase: String]

    init(_ language: String) {
        self.language = language
        table = Words.tables[Language.base(language)] ?? Words.english
    }

    /// Languages with a table, by base code.
    static let tables: [String: [Phrase: String]] = ["zh": chinese, "en": english]

    /// The phrase with its arguments in place of `{1}`, `{2}`, ….
    func callAsFunction(_ phrase: Phrase, _ arguments: String...) -> String {
        var text = table[phrase] ?? ""
        for (i, argument) in arguments.enumerated().reversed() {
            text = text.replacingOccurrences(of: "{\(i + 1)}", with: argument)
        }
        return text
    }

    var isChinese: Bool { Language.isChinese(language) }

    /// "A", "A and B", "A, B and C" / "A和B", "A、B和C": a list as a sentence names it.
    func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return items[0] + self(.listPairSeparator) + items[1]
        default: return items.dropLast().joined(separator: self(.listSeparator)) + self(.listLastSeparator) + (items.last ?? "")
        }
    }

    func figure(_ n: Int) -> String { self(.figureNumber, String(n)) }
    func table(_ n: Int) -> String { self(.tableNumber, String(n)) }
    func source(_ citations: [String]) -> String {
        citations.isEmpty ? "" : self(.sourcePrefix) + citations.joined(separator: self(.citationSeparator))
    }

    /// The heading of an entity column, named after what the rows are.
    func entityHeader(_ entities: [Entity]) -> String {
        switch Set(entities.map(\.kind)) {
        case [.country]: return self(.entityHeaderCountry)
        case [.city]: return self(.entityHeaderCity)
        case [.country, .city]: return self(.entityHeaderCountryOrCity)
        default: return self(.entityHeaderOther)
        }
    }

    /// A label inside a sentence: English common nouns lose their capital ("the stated percentage"), acronyms
    /// keep it ("UN maturity"); Chinese has no case.
    func midSentence(_ label: String) -> String {
        let letters = Array(label.prefix(2))
        guard !isChinese, letters.count == 2, letters[0].isUppercase, !letters[1].isUppercase else { return label }
        return label.prefix(1).lowercased() + label.dropFirst()
    }

    /// Text in brackets of the language: "（2003）" / " (2003)".
    func parenthesized(_ text: String) -> String { self(.inParentheses, text) }

    static let chinese: [Phrase: String] = [
        .figureNumber: "图 {1}", .tableNumber: "表 {1}", .sourcePrefix: "资料来源：", .citationSeparator: "；",
        .entityHeaderCountry: "国家", .entityHeaderCity: "城市", .entityHeaderCountryOrCity: "国家/城市", .entityHeaderOther: "对象",
        .indicatorHeader: "指标", .rankHeader: "排名", .missingNote: "注：“—”表示该年份无数据。", .otherGroup: "其他", .contentsTitle: "目录",
        .referencesTitle: "参考文献",
        .listSeparator: "、", .listPairSeparator: "和", .listLastSeparator: "和", .clauseSeparator: "；",
        .inParentheses: "（{1}）", .periodValue: "{1}：{2}", .rankPhrase: "第{1}名",
        .stage: "第{1}阶段", .stageNamed: "第{1}阶段（{2}）", .stageRange: "第{1}—{2}阶段",
        .about: "约{1}", .moreThan: "超过{1}", .lessThan: "不足{1}", .atLeast: "至少{1}", .scaleSuffix: "{1}{2}",
        .statedCategory: "文中所述", .computedCategory: "按数量计算", .mixedPeriodsNote: "各取最新数据，年份不一：{1}",
        .valueWithPeriod: "{1}（{2}）",
        .referenceLineLabel: "{1} {2}", .referenceLineMedian: "中位数", .referenceLineMean: "平均值", .referenceLineBest: "最好值",
        .referenceLineGroupMedian: "{1}中位数", .referenceLineGroupMean: "{1}平均值", .referenceLineGroupBest: "{1}最好值",
        .referenceLineInPeriod: "{2}{1}",
        .factsNote: "注：每格为最新数值，其下为数据时间。", .noFigureNote: "“—”表示资料中没有该项数据。",
        .yearHeader: "时间", .periodHeader: "时间", .computedHeader: "计算值", .differenceHeader: "差异", .valueHeader: "数值",
        .quoteHeader: "原文", .relationNote: "注：计算值 = {1} ÷ {2} × {3}；差异 = 所述值 − 计算值，超过 {4} 的以加粗和底色标出。",
        .stagesTitle: "发展阶段：国际与国内", .domesticBest: "国内最好", .internationalBest: "国际最好",
        .internationalMedian: "国际中位数", .gapHeader: "差距", .gapTableTitle: "国内外差距一览",
        .gapNote: "注：差距按指标方向计算：排名类指标为国内最好名次落后国际最好名次的位数，数值类指标为国际最好值减国内最好值；正数表示国内落后。",
        .gapChartTitle: "国内最好与国际最好的名次差距", .medianCount: "{1}（n={2}）", .gapLevel: "持平",
        .gapBehind: "落后 {1} 位", .gapAhead: "领先 {1} 位", .rootCausesIntro: "造成上述差距的根本原因，资料归纳为以下 {1} 点：",
        .gapSentenceSamePeriod: "在{1}（{2}）上，国内最好的是{3}（{4}），国际最好的是{5}（{6}）{7}。",
        .gapSentence: "在{1}上，国内最好的是{3}（{4}，{2}），国际最好的是{5}（{6}，{8}）{7}。",
        .gapRankRelationBehind: "，落后 {2} 位", .gapRankRelationAhead: "，领先 {2} 位",
        .gapValueRelationBehind: "，国内落后", .gapValueRelationAhead: "，国内领先", .gapRelationLevel: "，二者持平",
        .stageAt: "{1}处于{2}", .stageAtPlural: "{1}处于{2}", .stageHeadingFor: "{1}处于{2}，正向{3}迈进",
        .stageHeadingForPlural: "{1}处于{2}，正向{3}迈进", .stageScale: "按{1}阶段划分，{2}。",
        .countCountries: "{1}个国家", .countCities: "{1}个城市", .countOther: "{1}个",
        .moreCountries: "另{1}个国家", .moreCities: "另{1}个城市", .moreOther: "另{1}个", .andMore: "{1}等{2}",
        .dataCheckClean: "数据检查未发现问题。",
        .dataCheckIntro: "对本报告所用数据的一致性检查发现以下 {1} 处问题。报告保留资料原文的数值，不作修改；处理方式见各条说明。",
        .rankTie: "{1}在{2}（{3}）中同为第{4}名。",
        .relationMismatch: "{1}{2}的{3}为 {4}，按{5}÷{6}（{7}÷{8}）计算为 {9}。",
        .periodOutsideSource: "{1}的{2}记为{3}，不在{4}资料的年份（{5}—{6}）之内。",
        .treatmentRankTie: "处理：图中并列者画在同一名次，标记套叠显示。",
        .treatmentRelation: "处理：表中把文中所述百分比与按数量计算的百分比并列。",
        .treatmentPeriod: "处理：按原文时间保留。", .treatmentDuplicate: "处理：使用第一条记录。",
        .changeColumn: "{1}变化", .changeNote: "注：“▲”表示变好，“▼”表示变差，“=”表示不变。", .differenceColumn: "{1}：与{2}之差", .groupRankColumn: "{1}：组内名次", .shareColumn: "{1}：占合计比重",
        .periodToPeriod: "{1}→{2}", .referenceMedian: "中位数", .referenceMean: "平均值", .referenceBest: "最好值", .referenceRank: "组内名次", .referenceTotal: "合计",
        .computedGroupNote: "注：{1}按{2}计算。", .groupOfRows: "本表各行", .groupTagged: "标签为“{1}”的对象", .groupCount: "{1}（{2}个）",
        .changeUp: "上升{1}", .changeDown: "下降{1}", .changeNone: "持平", .places: "{1}位", .placeOne: "1位", .placesBehind: "落后{1}", .placesAhead: "领先{1}",
        .differenceAbove: "高{1}", .differenceBelow: "低{1}", .differenceLevel: "持平",
        .valueOutOfRange: "{1}{2}的{3}为 {4}，超出该指标的有效范围（{5}）。", .rangeBoth: "{1}—{2}", .atMost: "至多{1}",
        .treatmentRange: "处理：按资料原值列出，未作修改，引用前请核对原文。",
    ]

    static let english: [Phrase: String] = [
        .figureNumber: "Figure {1}", .tableNumber: "Table {1}", .sourcePrefix: "Source: ", .citationSeparator: "; ",
        .entityHeaderCountry: "Country", .entityHeaderCity: "City", .entityHeaderCountryOrCity: "Country or city",
        .entityHeaderOther: "Entity", .indicatorHeader: "Indicator", .rankHeader: "Rank",
        .missingNote: "Note: “—” means no data for that year.", .otherGroup: "Other", .contentsTitle: "Contents", .referencesTitle: "References",
        .listSeparator: ", ", .listPairSeparator: " and ", .listLastSeparator: " and ", .clauseSeparator: "; ",
        .inParentheses: " ({1})", .periodValue: "{1}: {2}", .rankPhrase: "{2}",
        .stage: "stage {1}", .stageNamed: "stage {1} ({2})", .stageRange: "stages {1}–{2}",
        .about: "about {1}", .moreThan: "more than {1}", .lessThan: "less than {1}", .atLeast: "at least {1}",
        .scaleSuffix: "{1} {2}",
        .statedCategory: "Stated", .computedCategory: "Computed", .mixedPeriodsNote: "Latest data for each, from different years: {1}",
        .valueWithPeriod: "{1} ({2})",
        .referenceLineLabel: "{1} {2}", .referenceLineMedian: "Median", .referenceLineMean: "Mean", .referenceLineBest: "Best",
        .referenceLineGroupMedian: "{1} median", .referenceLineGroupMean: "{1} mean", .referenceLineGroupBest: "{1} best",
        .referenceLineInPeriod: "{1} ({2})",
        .factsNote: "Note: each cell shows the latest value and, below it, when it was reported.",
        .noFigureNote: "“—” means the source gives no figure.",
        .yearHeader: "Year", .periodHeader: "Period", .computedHeader: "Computed", .differenceHeader: "Difference",
        .valueHeader: "Value", .quoteHeader: "Quoted from the source",
        .relationNote: "Note: computed = {1} ÷ {2} × {3}; difference = stated − computed; differences over {4} are bold and shaded.",
        .stagesTitle: "Stages: international and domestic", .domesticBest: "Domestic best", .internationalBest: "International best",
        .internationalMedian: "International median", .gapHeader: "Gap", .gapTableTitle: "The gaps at a glance",
        .gapNote: "Note: gaps follow each indicator's direction: for ranks, the places the domestic best trails the international best; for values, international best minus domestic best. Positive means domestic is behind.",
        .gapChartTitle: "Domestic best vs international best, by rank", .medianCount: "{1} (n={2})", .gapLevel: "level",
        .gapBehind: "{2} behind", .gapAhead: "{2} ahead", .rootCausesIntro: "The source names {1} root causes of the gap:",
        .gapSentenceSamePeriod: "On {1} ({2}), the best domestic entity is {3} ({4}) and the best international one is {5} ({6}).{7}",
        .gapSentence: "On {1}, the best domestic entity is {3} ({4}, {2}) and the best international one is {5} ({6}, {8}).{7}",
        .gapRankRelationBehind: " {1} is {3} behind.", .gapRankRelationAhead: " {1} is {3} ahead.",
        .gapValueRelationBehind: " {1} trails by {3}.", .gapValueRelationAhead: " {1} leads by {3}.", .gapRelationLevel: " They are level.",
        .stageAt: "{1} is at {2}", .stageAtPlural: "{1} are at {2}", .stageHeadingFor: "{1} is at {2}, heading for {3}",
        .stageHeadingForPlural: "{1} are at {2}, heading for {3}", .stageScale: "On the {1}-stage scale, {2}.",
        .countCountries: "{1} countries", .countCities: "{1} cities", .countOther: "{1}",
        .moreCountries: "{1} more countries", .moreCities: "{1} more cities", .moreOther: "{1} more", .andMore: "{1} and {3}",
        .dataCheckClean: "The data check found no problems.",
        .dataCheckIntro: "A consistency check of the data used in this report finds the {1} issues below. The report keeps the figures as the source prints them; each note says how they are treated.",
        .rankTie: "{1} share rank {4} in {2} ({3}).",
        .relationMismatch: "{1}, {2}: {3} {4}, while {7} / {8} gives {9}.",
        .periodOutsideSource: "{1}: {2} is dated {3}, outside the years of {4} ({5}–{6}).",
        .treatmentRankTie: "Treatment: tied entities are drawn at the same rank with nested markers.",
        .treatmentRelation: "Treatment: tables show the stated percentage beside the computed one.",
        .treatmentPeriod: "Treatment: kept with the period the source gives.", .treatmentDuplicate: "Treatment: the first row is used.",
        .changeColumn: "{1}: change", .changeNote: "Note: ▲ better, ▼ worse, = unchanged.", .differenceColumn: "{1}: difference to {2}", .groupRankColumn: "{1}: rank in group",
        .shareColumn: "{1}: share of total", .periodToPeriod: "{1}→{2}",
        .referenceMedian: "the median", .referenceMean: "the mean", .referenceBest: "the best", .referenceRank: "the rank in group", .referenceTotal: "the total",
        .computedGroupNote: "Note: {1} is taken over {2}.", .groupOfRows: "the rows of this table", .groupTagged: "the entities tagged “{1}”",
        .groupCount: "{1} ({2})",
        .changeUp: "up {1}", .changeDown: "down {1}", .changeNone: "unchanged", .places: "{1} places", .placeOne: "1 place", .placesBehind: "{1} behind", .placesAhead: "{1} ahead",
        .differenceAbove: "{1} above", .differenceBelow: "{1} below", .differenceLevel: "level",
        .valueOutOfRange: "{1}, {2}: {3} is {4}, outside the indicator's valid range ({5}).", .rangeBoth: "{1}–{2}", .atMost: "at most {1}",
        .treatmentRange: "Treatment: shown as the source prints it, unchanged; check the source before quoting it.",
    ]
}
