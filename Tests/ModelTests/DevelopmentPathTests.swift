import TestSupport
import Foundation
import Geometry
import Model
import Spec
import Testing

/// A copy of the base fixture with the given events.csv and targets.csv (nil: no file).
private func dataset(events: String?, targets: String?) -> (Dataset?, [Diagnostic]) {
    let folder = TestPaths.temporaryFolder()
    let base = TestPaths.fixtures + "/datasets/base"
    for name in ["entities.csv", "indicators.yaml", "sources.yaml", "observations.csv"] {
        try? FileManager.default.copyItem(atPath: base + "/" + name, toPath: folder + "/" + name)
    }
    if let events { _ = FileManager.default.createFile(atPath: folder + "/events.csv", contents: Data(events.utf8)) }
    if let targets { _ = FileManager.default.createFile(atPath: folder + "/targets.csv", contents: Data(targets.utf8)) }
    return DatasetLoader.load(folder: folder)
}

private let eventHeader = "id,entity,kind,date,end,programme,step,text_zh,text_en,source,quote,note\n"
private let targetHeader = "id,entity,goal_zh,goal_en,indicator,value,set,deadline,status,met,source,quote,note\n"

@Test func aDatasetWithoutPathFilesLoadsWithNoEvents() throws {
    let (data, diagnostics) = dataset(events: nil, targets: nil)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let d = try #require(data)
    #expect(d.events.isEmpty && d.targets.isEmpty)
}

@Test func eventsAndTargetsLoadWithSpansOpenEndsAndStatus() throws {
    let (data, diagnostics) = dataset(events: eventHeader + """
        US-p1,US,phase,2001/2003,,prog,,一期,Phase 1,survey,,
        US-p2,US,phase,2004,open,prog,,二期,Phase 2,survey,,
        CN-law,CN,law,2005-03-01,,,e-law,法,Law,survey,"a ""quoted"" text",
        """, targets: targetHeader + """
        US-t,US,全部上网,All online,,100,2001,2005,met,2004-06,survey,,
        """)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let d = try #require(data)
    #expect(d.events.map(\.id) == ["US-p1", "US-p2", "CN-law"])
    #expect(d.events[0].date == .range(2001, 2003) && d.events[0].end == nil && d.events[0].isSpan)
    #expect(d.events[1].end == .open && d.events[1].endYear(openUntil: 2010) == 2010)
    #expect(d.events[2].date == .day(2005, 3, 1) && d.events[2].step == "e-law" && d.events[2].quote == "a \"quoted\" text")
    #expect(d.targets.first?.status == .met && d.targets.first?.metWhen == .month(2004, 6) && d.targets.first?.deadline == .year(2005))
}

@Test(arguments: [
    (eventHeader + "x,US,treaty,2001,,,,,,,,\n", "bad-kind", "events.csv", 2, 3),
    (eventHeader + "x,US,target,2001,,,,,,,,\n", "bad-kind", "events.csv", 2, 3),
    (eventHeader + "x,US,law,20011,,,,,,,,\n", "bad-period", "events.csv", 2, 4),
    (eventHeader + "x,US,phase,2005,2001,,,,,,,\n", "bad-period", "events.csv", 2, 5),
    (eventHeader + "x y,US,law,2001,,,,,,,,\n", "bad-id", "events.csv", 2, 1),
])
func brokenEventRowsAreLocated(text: String, code: String, file: String, line: Int, column: Int) {
    let (_, diagnostics) = dataset(events: text, targets: nil)
    let hit = diagnostics.first { $0.code.rawValue == code }
    #expect(hit?.location?.file.hasSuffix(file) == true && hit?.location?.line == line && hit?.location?.column == column, "\(diagnostics)")
    #expect(hit?.hint?.isEmpty == false, "every loading error carries a hint")
}

@Test func brokenTargetRowsAreLocated() {
    let (_, diagnostics) = dataset(events: nil, targets: targetHeader + """
        a,US,g,g,,,2001,2005,done,,,,
        b,US,g,g,,,2001,soon,unknown,,,,
        c,US,g,g,,,2001,2005,unknown,2004,,,
        """)
    let codes = diagnostics.map { "\($0.code)@\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
    #expect(codes == ["bad-status@2:9", "bad-period@3:8", "bad-status@4:10"], "\(diagnostics)")
}

@Test func checkerFindsLateTargetsOutOfRangeEventsAndOverlappingPhases() throws {
    let (data, diagnostics) = dataset(events: eventHeader + """
        p1,US,phase,2001/2004,,prog,,,,survey,,
        p2,US,phase,2004/2006,,prog,,,,survey,,
        p3,US,phase,2005,open,prog,,,,survey,,
        p4,US,phase,2007,,other,,,,survey,,
        old,CN,plan,1995,,,,,,survey,,
        ok,CN,plan,2003,,,,,,survey,,
        ghost,XX,plan,2003,,,,,,survey,,
        """, targets: targetHeader + """
        late,US,g,g,,,2001,2005,unknown,,survey,,
        done,US,g,g,,,2001,2005,met,2005,survey,,
        future,US,g,g,,,2001,2012,unknown,,survey,,
        none,US,g,g,,,2001,,unknown,,survey,,
        """)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let findings = DataChecker().check(try #require(data))
    let late = findings.filter { $0.code == .targetNoOutcome }
    #expect(late.map { $0.details["target"] } == ["late"])
    #expect(late.first?.severity == .note && late.first?.location?.line == 2)
    let outside = findings.filter { $0.code == .eventSourceYears }
    #expect(outside.map { $0.details["event"] } == ["old"] && outside.first?.severity == .warning)
    // p1 and p2 share only the hand-over year 2004 (not an overlap); p3 starts inside p2.
    let overlaps = findings.filter { $0.code == .phaseOverlap }
    #expect(overlaps.map { "\($0.details["first"] ?? "")+\($0.details["second"] ?? "")" } == ["p2+p3"])
    #expect(overlaps.first?.severity == .warning && overlaps.first?.location?.line == 4)
    #expect(findings.contains { $0.code == .unknownEntity && $0.location?.line == 8 && $0.location?.file.hasSuffix("events.csv") == true })
}
