import Foundation
import Geometry
import Model
import Spec
import TestSupport
import Testing

/// Entity parents that loop (a self-parent, or A → B → A) are errors at the entity's row.
@Test func parentCyclesAreReported() throws {
    let folder = TestPaths.temporaryFolder() + "/d"
    try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/datasets/base", toPath: folder)
    let csv = "id,name_zh,name_en,kind,parent,tags\nUS,美国,United States,country,US,international\nCN,中国,China,country,CN-SH,domestic\nCN-SH,上海,Shanghai,city,CN,domestic\n"
    try csv.write(toFile: folder + "/entities.csv", atomically: false, encoding: .utf8)
    let (data, _) = DatasetLoader.load(folder: folder)
    let findings = try #require(data.map { DataChecker().check($0) }).filter { $0.code == .parentCycle }
    #expect(findings.count == 2, "\(findings.map(\.description))")
    #expect(findings.first?.message == "entity 'US' is its own parent")
    #expect(findings.first?.location?.line == 2)
    #expect(findings.last?.message.contains("CN → CN-SH → CN") == true)
    #expect(findings.last?.location?.line == 3)
}

@Test(arguments: ["0", "-3", "100"])
func lineHeightOutOfRangeIsALocatedError(value: String) throws {
    let path = TestPaths.temporaryFolder() + "/s.yaml"
    try "line_height: \(value)\n".write(toFile: path, atomically: false, encoding: .utf8)
    let (style, _, diagnostics) = StyleLoader.load(path: path)
    let error = diagnostics.first { $0.code == .badValue }
    #expect(error?.location?.line == 1, "\(diagnostics.map(\.description))")
    #expect(style?.lineHeight != Double(value))
}
