import Charts
import Foundation
@testable import DossierKit
import Geometry
import Layout
import Model
import Spec
import Testing

// Footnotes (issue 11, "Emphasis and notes"): `[^id]` markers in text, lists, table and chart titles and cells
// (`notes:`), numbered per block, with a note block under the block; located errors; on a small synthetic dataset.

private func text(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

private let data: Dataset = {
    let entities = [
        Entity(id: "A", name: text("甲国", "Aland"), kind: .country, tags: ["intl"]),
        Entity(id: "B", name: text("乙国", "Bland"), kind: .country, tags: ["intl"]),
    ]
    let indicators = [Indicator(id: "rk", label: text("排名", "Rank"), unit: .rank, direction: .lowerBetter, source: "s")]
    let sources = [Source(id: "s", publisher: text("某机构", "Body"), title: text("调查", "Survey"), years: [2001, 2003],
                          citation: text("某机构调查", "Body, Survey"))]
    let observations = [("A", 2001, 2.0), ("B", 2001, 1.0), ("A", 2003, 1.0), ("B", 2003, 2.0)].map {
        Observation(entity: $0.0, indicator: "rk", period: .year($0.1), value: .number($0.2))
    }
    return Dataset(folder: "synthetic", entities: entities, indicators: indicators, sources: sources, observations: observations)
}()

private let notes = "footnotes:\n  survey: \"Survey of 2003.\"\n  tie: \"Ranks tied in 2002.\"\n"

private func blocks(_ body: String, language: String = "en") -> (blocks: [Block], diagnostics: [Diagnostic]) {
    let (content, diagnostics) = composeSpec(body, dataset: data, language: language)
    return (content?.blocks ?? [], diagnostics)
}

private func noteText(_ block: Block) -> String? {
    if case .note(let spans) = block { return spans.map(\.text).joined() }
    return nil
}

@Test func aTextCitingNotesIsFollowedByItsNoteBlockNumberedFromOne() {
    let (out, diagnostics) = blocks(notes + "sections:\n  - text: \"Aland leads[^survey], then Bland[^tie]; again[^survey].\"\n  - text: \"Later[^tie].\"\n")
    #expect(!diagnostics.contains { $0.severity == .error || $0.message.contains("footnote") }, "\(diagnostics.map(\.description))")
    let texts = paragraphTexts(ComposeResultBox(out).content)
    #expect(texts == ["Aland leads¹, then Bland²; again¹.", "Later¹."], "\(texts)")
    let noteBlocks = out.compactMap(noteText)
    #expect(noteBlocks == ["¹ Survey of 2003.\n² Ranks tied in 2002.", "¹ Ranks tied in 2002."], "\(noteBlocks)")
    // Each note block comes right after the text that cites it.
    let paragraph = out.firstIndex { if case .paragraph = $0 { return true } else { return false } }
    if let first = out.firstIndex(where: { noteText($0) != nil }), let paragraph { #expect(first == paragraph + 1) }
}

@Test func chineseNotesUseCircledNumbers() {
    let (out, _) = blocks(notes + "sections:\n  - text: \"甲国领先[^survey]。\"\n", language: "zh-cn")
    #expect(paragraphTexts(ComposeResultBox(out).content).first == "甲国领先①。")
    #expect(out.compactMap(noteText) == ["① Survey of 2003."])
}

@Test func aListCitesNotesToo() {
    let (out, _) = blocks(notes + "sections:\n  - list: [\"One[^tie]\", \"Two[^survey]\"]\n")
    #expect(paragraphTexts(ComposeResultBox(out).content).first == "One¹\nTwo²")
    #expect(out.compactMap(noteText) == ["¹ Ranks tied in 2002.\n² Survey of 2003."])
}

@Test func aTableNumbersItsTitleAndCellNotesAndPrintsThemUnderIt() {
    let body = notes + "sections:\n  - table:\n      id: t\n      title: \"Ranks[^survey]\"\n      columns: [{indicator: rk, periods: [2001, 2003]}]\n"
        + "      notes: [{entity: B, column: 1, note: tie}]\n"
    let (out, diagnostics) = blocks(body)
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
    let table = out.compactMap { block -> TableBlock? in if case .table(let t) = block { return t } else { return nil } }.first
    #expect(table?.title == "Ranks¹")
    let row = table?.rows.first { $0.first?.text == "Bland" }
    #expect(row.map { $0[1].text.hasSuffix("²") } == true, "\(String(describing: row?.map(\.text)))")
    #expect(table?.notes.suffix(2) == ["¹ Survey of 2003.", "² Ranks tied in 2002."], "\(String(describing: table?.notes))")
}

@Test func aChartTitleCitesANoteUnderTheFigure() {
    let (out, _) = blocks(notes + "sections:\n  - chart: {id: c, kind: bump, indicator: rk, title: \"Ranks[^survey]\"}\n")
    let figure = out.firstIndex { if case .figure = $0 { return true } else { return false } }
    #expect(figure != nil)
    if let figure, case .figure(let f) = out[figure] {
        #expect(f.chart.title == "Ranks¹")
        #expect(figure + 1 < out.count && noteText(out[figure + 1]) == "¹ Survey of 2003.")
    }
}

@Test func footnotesAreValidatedWithLocatedMessages() {
    let body = notes + "sections:\n  - text: \"Aland[^nope].\"\n  - text: \"Bland[^survey].\"\n"
    let (_, diagnostics) = blocks(body)
    let lines = (specHeader(dataset: data, language: "en") + body).components(separatedBy: "\n")
    let undefined = diagnostics.first { $0.severity == .error && $0.message.contains("'[^nope]' is not declared") }
    #expect(undefined?.location?.line == (lines.firstIndex { $0.contains("[^nope]") } ?? -1) + 1)
    #expect(undefined?.hint?.isEmpty == false)
    let unused = diagnostics.first { $0.severity == .warning && $0.message.contains("'tie' is cited nowhere") }
    #expect(unused?.location?.line == (lines.firstIndex { $0.contains("tie:") } ?? -1) + 1, "\(diagnostics.map(\.description))")
    #expect(unused?.hint?.isEmpty == false)
    // A bad id, and notes: on a kind that has no cells by entity.
    let (_, bad) = blocks("footnotes:\n  \"a b\": x\nsections:\n  - text: x\n")
    #expect(bad.contains { $0.severity == .error && $0.message.contains("may use only letters") })
    let (_, facts) = blocks(notes + "sections:\n  - table: {id: t, kind: facts, title: T, indicators: [rk], notes: [{entity: A, column: 1, note: tie}]}\n")
    #expect(facts.contains { $0.severity == .error && $0.message.contains("attaches footnotes to cells of matrix tables") })
    let (_, row) = blocks(notes + "sections:\n  - table: {id: t, title: T, entities: [A], columns: [rk], notes: [{entity: B, column: 1, note: tie}]}\n")
    #expect(row.contains { $0.severity == .error && $0.message.contains("'B' is not a row of the table") })
}

/// Wraps blocks as content for `paragraphTexts`.
private struct ComposeResultBox {
    let content: ReportContent?
    init(_ blocks: [Block]) { content = ReportContent(blocks: blocks, charts: [], metadata: LayoutMetadata(title: "", date: "2026-01-01", language: "en")) }
}
