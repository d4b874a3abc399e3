import Testing
@testable import Geometry

private let font = FontSpec(families: ["Sans"], size: 10)
private func lines(_ text: String, width: Double) -> [String] {
    LineBreaker(measurer: FixedWidthMeasurer()).lines([TextSpan(text: text, font: font, color: .black)], maxWidth: width).map(\.text)
}

@Test func latinTextBreaksAtSpaces() {
    // Each letter is 5 pt wide and a space 2.5 pt with the fixed-width measurer.
    #expect(lines("aaaa bbbb cccc", width: 50) == ["aaaa bbbb", "cccc"])
}

@Test func chineseBreaksBetweenCharacters() {
    #expect(lines("一二三四五六七", width: 30) == ["一二三", "四五六", "七"])
}

@Test func closingPunctuationNeverStartsALine() {
    // Without kinsoku the third line would start with "，".
    let result = lines("一二三四五六，七八", width: 30)
    #expect(result.allSatisfy { !($0.first.map { CharacterClass.noLineStart.contains($0) } ?? false) })
    #expect(result.joined() == "一二三四五六，七八")
}

@Test func openingPunctuationNeverEndsALine() {
    let result = lines("一二《三四》五六", width: 30)
    #expect(result.allSatisfy { !($0.last.map { CharacterClass.noLineEnd.contains($0) } ?? false) })
    #expect(result.joined() == "一二《三四》五六")
}

@Test func overlongWordIsSplitSoTheLoopProgresses() {
    let result = lines("abcdefghijklmnop", width: 20)
    #expect(result == ["abcd", "efgh", "ijkl", "mnop"])
}

@Test func explicitNewlinesForceBreaks() {
    #expect(lines("ab\ncd", width: 100) == ["ab", "cd"])
}

@Test func mixedChineseAndNumbersKeepNumbersWhole() {
    let result = lines("上网人数达到了66%，联邦政府", width: 40)
    #expect(result.joined() == "上网人数达到了66%，联邦政府")
    #expect(!result.contains { $0.hasPrefix("%") || $0.hasPrefix("，") || $0.hasSuffix("6") && !$0.hasSuffix("66%") && $0.count < 3 })
}

@Test func decimalNumbersAreNeverSplit() {
    // "91.3" must not break after the point even when the line ends there.
    for width in stride(from: 45.0, through: 80.0, by: 2.5) {   // wider than the longest number (40 pt)
        let result = lines("gives 91.3 and 5,793.95 here", width: width)
        #expect(result.allSatisfy { !$0.hasSuffix("91.") && !$0.hasSuffix("5,") && !$0.hasSuffix("5,793.") }, "\(width): \(result)")
    }
}

@Test func aHyphenatedWordMayBreakAfterItsHyphen() {
    // "aa bb-cccc": 50 pt wide at 5 pt a letter; 40 pt holds "aa bb-" (30 pt) but not the whole word.
    #expect(lines("aa bb-cccc dd", width: 40) == ["aa bb-", "cccc dd"])
    // Not after one letter ("e-government"), not between digits ("2001-2003").
    #expect(lines("xx e-gggg", width: 30) == ["xx", "e-gggg"])
    #expect(lines("xx 2001-2003", width: 50) == ["xx", "2001-2003"])
}
