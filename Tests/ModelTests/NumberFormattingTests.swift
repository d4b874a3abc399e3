import Model
import Testing

@Test(arguments: [
    (1.005, 2, "1.01"), (2.5, 0, "3"), (3.5, 0, "4"), (2.675, 2, "2.68"), (-0.0001, 2, "0.00"), (-0.04, 1, "0.0"),
    (1_234_567.891, 2, "1,234,567.89"), (999.995, 2, "1,000.00"), (-4851.7, 1, "−4,851.7"), (0.000001, 2, "0.00"),
    (98.3, 1, "98.3"), (64.0 / 71.0 * 100, 1, "90.1"), (0, 0, "0"), (-2.5, 0, "−3"),
])
func numbersRoundHalfAwayFromZeroOnTheirDecimalDigits(value: Double, decimals: Int, expected: String) {
    #expect(NumberFormatting.grouped(value, decimals: decimals) == expected)
}

@Test func chineseTextsCanOmitThousandsSeparators() {
    #expect(NumberFormatting.grouped(5793.95, decimals: 2, separator: "") == "5793.95")
    #expect(NumberFormatting.plain(98.3) == "98.3" && NumberFormatting.plain(3700) == "3700")
}
