import Geometry
import Model
import Testing
@testable import Charts

@Test func datesArePlacedByDateWithOneLabelFormat() {
    let periods: [Period?] = ["2002-05", "2003", "2004-01-29", "2005-01"].map { Period($0) }
    #expect(TimeAxis.positions(periods) != nil)
    #expect(TimeAxis.labels(periods.compactMap { $0 }, language: "zh-cn") == ["2002年5月", "2003年", "2004年1月", "2005年1月"])
    #expect(TimeAxis.labels(periods.compactMap { $0 }, language: "en") == ["May 2002", "2003", "Jan 2004", "Jan 2005"])
    // Survey editions 2003, 2004, 2005, 2008: 2008 sits three years after 2005, not one.
    let editions = TimeAxis.positions(["2003", "2004", "2005", "2008"].map { Period($0) }) ?? []
    let scale = PeriodScale(count: 4, range: (0, 500), times: editions)
    #expect(abs(scale(1) - 100) < 1e-9 && abs(scale(3) - 500) < 1e-9)
    #expect(abs(scale.step - 100) < 1e-9)
}

@Test func degenerateTimeDomainsKeepEvenSpacing() {
    // One period, identical dates, unordered dates, ranges and text: evenly spaced, never a division by zero.
    for texts in [["2003"], ["2003", "2003"], ["2004-01", "2004-01"], ["2005", "2003"], ["2001/2003", "2004"]] {
        #expect(TimeAxis.positions(texts.map { Period($0) }) == nil, "\(texts)")
    }
    #expect(TimeAxis.positions([nil, Period("2003")]) == nil)
    let single = PeriodScale(count: 1, range: (10, 10), times: [2003.5])
    #expect(single(0) == 10)
    let mismatched = PeriodScale(count: 3, range: (0, 100), times: [2000, 2001])
    #expect(mismatched(2) == 100 && mismatched.step == 50)
}

@Test func aBumpChartOfDatesLabelsItsPeriodsByDate() {
    for categories in [["2002-05", "2003", "2004-01-29", "2005-01"], ["2003"], ["2003", "2003"], ["2003", "2004", "2005", "2008"]] {
        var spec = Sample.spec(.bump)
        spec.language = "en"
        spec.categories = categories
        spec.periods = categories.map { Period($0) }
        spec.outOf = []
        spec.series = spec.series.map { s in
            var s = s
            s.values = Array((s.values + [1, 2, 3, 4]).prefix(categories.count))
            return s
        }
        let chart = renderer.render(spec, size: Size(800, 450))
        let texts = chart.frame.flattenedTexts.map(\.text)
        #expect(chart.warnings.allSatisfy { $0.severity != .error }, "\(categories)")
        if categories.first == "2002-05" {
            #expect(texts.contains("May 2002") && texts.contains("Jan 2004") && !texts.contains("2004-01-29"))
        }
        if categories.last == "2008" {
            // Every edition labelled, 2008 three steps right of 2005.
            let xs = ["2003", "2004", "2005", "2008"].compactMap { t in chart.frame.flattenedTexts.first { $0.text == t }.map { $0.origin.x + $0.width / 2 } }
            #expect(xs.count == 4)
            if xs.count == 4 { #expect(abs((xs[3] - xs[2]) - 3 * (xs[1] - xs[0])) < 1) }
        }
    }
}
