import Testing
@testable import Geometry

private let q = String(CJKSpacing.quarterEm)

@Test func cjkLatinBoundariesGetOneQuarterEmWhateverWasTyped() {
    #expect(CJKSpacing.normalised("第4阶段") == "第\(q)4\(q)阶段")
    // A typed space and no space become the same quarter em; two spaces are a deliberate separator.
    #expect(CJKSpacing.normalised("由 2003 年的第5名升至2005年") == "由\(q)2003\(q)年的第\(q)5\(q)名升至\(q)2005\(q)年")
    #expect(CJKSpacing.normalised("表 1  排名") == "表\(q)1  排名")
    #expect(CJKSpacing.normalised("北欧以CRM领先，约100个。") == "北欧以\(q)CRM\(q)领先，约\(q)100\(q)个。")
    // Punctuation gets none, Latin word spaces and text without ideographs stay as they are.
    #expect(CJKSpacing.normalised("（2001）、“三极”") == "（2001）、“三极”")
    #expect(CJKSpacing.normalised("Page 4 of 9") == "Page 4 of 9")
    // "none" removes the spaces typed at boundaries.
    #expect(CJKSpacing.normalised("由 2003 年的第5名", spaced: false) == "由2003年的第5名")
    // Idempotent: already normalised text is unchanged.
    let once = CJKSpacing.normalised("约 100 个 CRM 系统")
    #expect(CJKSpacing.normalised(once) == once)
}

@Test func cjkLatinSpaceAcrossSpansGoesToTheEarlierSpan() {
    #expect(CJKSpacing.normalised(["第", "1", "名"]) == ["第\(q)", "1\(q)", "名"])
    #expect(CJKSpacing.normalised(["第 ", "1", "名"]) == ["第\(q)", "1\(q)", "名"])
}

@Test func adjacentPunctuationCompressesTheRightMark() {
    // Closing then closing or opening: the first loses its right half.
    #expect(CJKPunctuation.compressedOffsets(in: "（中国）。") == [3])
    #expect(CJKPunctuation.compressedOffsets(in: "见《报告》（2005）") == [4])
    #expect(CJKPunctuation.compressedOffsets(in: "好，“是”") == [1])
    // Opening then opening: the second loses its left half.
    #expect(CJKPunctuation.compressedOffsets(in: "见（《报告》）") == [2, 5])
    // Single marks and Latin text are left alone.
    #expect(CJKPunctuation.compressedOffsets(in: "中国，人民。") == [])
    #expect(CJKPunctuation.compressedOffsets(in: "(a).") == [])
    // A pair drawn alone (a piece of a justified line) is set as it was measured in its sentence.
    #expect(CJKPunctuation.compressedOffsets(in: "）。") == [0])
    #expect(CJKPunctuation.cjkFaceOffsets(in: "“") == [0])
}

@Test func chineseQuotesDashesAndEllipsesComeFromTheCJKFace() {
    #expect(CJKPunctuation.cjkFaceOffsets(in: "他说“好”……") == [2, 4, 5, 6])
    // Between Latin letters or digits they stay Latin: an apostrophe, a range.
    #expect(CJKPunctuation.cjkFaceOffsets(in: "见People’s一文，2001—2003年") == [])
    // A text without ideographs is not Chinese text.
    #expect(CJKPunctuation.cjkFaceOffsets(in: "“quoted” — yes…") == [])
}

private let font = FontSpec(families: ["Test"], size: 10)

private func broken(_ text: String, em: Double) -> [String] {
    LineBreaker(measurer: FixedWidthMeasurer()).lines([TextSpan(text: text, font: font, color: .black)], maxWidth: em * 10)
        .map(\.text)
}

@Test func numbersStayWithTheirUnitsDatesAndRanges() {
    // "130 个" would fit up to the number; the measure word goes with it to the next line.
    let unit = broken("一二三四五六七130\(q)个单位", em: 9.5)
    #expect(unit.count == 2)
    #expect(unit[1].hasPrefix("130"))
    // "第 1 名" is kept whole.
    let rank = broken("一二三四五六七八第\(q)1\(q)名", em: 9.5)
    #expect(rank.last?.hasPrefix("第") == true)
    // A range keeps both ends: no break after the dash.
    let range = broken("一二三四五六七八2001—2003", em: 10.5)
    #expect(!(range.first?.hasSuffix("—") ?? true))
    #expect(range.contains { $0.contains("2001—2003") })
    // A date: no break between 年 and the month.
    let date = broken("一二三四五六2003\(q)年\(q)5\(q)月", em: 9)
    #expect(date.count == 2 && date[1].hasPrefix("2003"))
}

@Test func noLineStartsWithASlash() {
    for width in stride(from: 4.0, through: 12, by: 0.5) {
        let lines = broken("人口密度为一百二十人/平方公里，增长率为百分之五/年。", em: width)
        #expect(lines.allSatisfy { !$0.hasPrefix("/") }, "\(lines)")
    }
}
