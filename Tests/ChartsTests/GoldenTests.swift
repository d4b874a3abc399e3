import Model
import Testing
@testable import Charts

/// One golden text dump per kind at report size with the fixed-width measurer. After an intended change, accept
/// one golden at a time with DOSSIER_UPDATE_GOLDENS=NAME and review its diff (see TestSupport's GoldenFile).
@Test(arguments: ChartKind.allCases)
func goldenDumpMatches(kind: ChartKind) {
    let chart = renderer.render(Sample.spec(kind), size: reportSize)
    let problem = Golden.check(FrameDump.dump(chart.frame), name: kind.rawValue)
    #expect(problem == nil, "\(problem ?? "")")
}

@Test func goldenDumpOfTiesAndBridges() {
    var spec = Sample.spec(.bump)
    spec.series[0].values[3] = 1
    spec.series[4].values[2] = nil
    spec.missingRule = .dashedBridge
    let problem = Golden.check(FrameDump.dump(renderer.render(spec, size: reportSize).frame), name: "bump-ties-bridge")
    #expect(problem == nil, "\(problem ?? "")")
}
