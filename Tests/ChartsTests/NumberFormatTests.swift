import Testing
@testable import Charts

@Test func numbersTrimTrailingZerosAndGroupThousands() {
    let f = ChartNumberFormat(language: "zh-cn")
    #expect(f.format(3) == "3")
    #expect(f.format(98.30) == "98.3")
    #expect(f.format(89.6) == "89.6")
    #expect(f.format(0.125) == "0.13")
    #expect(f.format(12345.5) == "12,345.5")
    #expect(f.format(-0.001) == "0")
    #expect(f.format(-2.5) == "−2.5")
}

@Test func missingValuesAreADashNeverZero() {
    let f = ChartNumberFormat(language: "en")
    #expect(f.label(nil) == "—")
    #expect(f.label(0) == "0")
    #expect(f.label(3, preformatted: "3=") == "3=")
}

@Test func ticksShareOneNumberOfDecimals() {
    let f = ChartNumberFormat(language: "en")
    #expect(f.ticks([0, 0.5, 1, 1.5]) == ["0.0", "0.5", "1.0", "1.5"])
    #expect(f.ticks([0, 20, 40]) == ["0", "20", "40"])
    #expect(f.ticks([-0.2, 0, 0.2]) == ["−0.2", "0.0", "0.2"])
}

@Test func surveySizeWordingFollowsTheLanguage() {
    #expect(ChartNumberFormat(language: "zh-cn").outOf(22) == "共22个")
    #expect(ChartNumberFormat(language: "en").outOf(22) == "of 22")
}
