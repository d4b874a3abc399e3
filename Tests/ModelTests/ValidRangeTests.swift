import TestSupport
import Geometry
import Model
import Spec
import Testing

// An indicator's valid range (`min:`, `max:` in indicators.yaml) and the data check that flags values outside it.

private func loaded(_ name: String) -> (Dataset?, [Diagnostic]) {
    DatasetLoader.load(folder: TestPaths.fixtures + "/datasets/" + name)
}

@Test func theRangeIsReadFromIndicatorsYaml() throws {
    let (data, diagnostics) = loaded("out-of-range")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let index = try #require(data?.indicator("survey.index"))
    #expect(index.minimum == 0 && index.maximum == 1)
    let share = try #require(data?.indicator("survey.share"))
    #expect(share.minimum == nil && share.maximum == 100)
}

@Test func aValueOutsideTheRangeIsAWarningAtItsLine() throws {
    let (data, _) = loaded("out-of-range")
    let findings = DataChecker().check(try #require(data)).filter { $0.code == .valueRange }
    // Only CN's 1.422 in a 0–1 index: 0 and 100 are on the bounds, −2 is below no declared minimum.
    #expect(findings.count == 1, "\(findings)")
    let f = try #require(findings.first)
    #expect(f.severity == .warning)
    #expect(f.location?.file.hasSuffix("out-of-range/observations.csv") == true)
    #expect(f.location?.line == 4)
    #expect(f.message.contains("1.422") && f.message.contains("0–1"))
    #expect(f.hint?.contains("indicators.yaml") == true)
    #expect(f.details["entity"] == "CN" && f.details["value"] == "1.422" && f.details["min"] == "0" && f.details["max"] == "1")
}

@Test func minAboveMaxAndARangeOnTextAreLocatedErrors() {
    let (_, diagnostics) = loaded("bad-range")
    let swapped = diagnostics.first { $0.message.contains("min 1 is larger than max 0") }
    #expect(swapped?.severity == .error)
    #expect(swapped?.location?.file.hasSuffix("indicators.yaml") == true)
    #expect(swapped?.location?.line == 11, "at the max key: \(String(describing: swapped))")
    #expect(swapped?.hint?.contains("swap") == true)
    let text = diagnostics.first { $0.message.contains("needs a numeric indicator") }
    #expect(text?.location?.line == 16, "\(diagnostics)")
}
