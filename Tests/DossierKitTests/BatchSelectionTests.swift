import DossierKit
import Foundation
import Testing
import TestSupport

/// A dataset on disk of two countries and three cities (one tagged coastal), and a spec batched over a selection.
private func batchJobs(_ batch: String) throws -> (parameters: [String], diagnostics: [Diagnostic]) {
    let folder = TestPaths.temporaryFolder()
    let data = folder + "/data"
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    try """
    id,name_zh,name_en,kind,parent,tags
    AA,甲国,Aland,country,,
    BB,乙国,Bland,country,,
    C1,一市,One City,city,AA,coastal
    C2,二市,Two City,city,AA,
    C3,三市,Three City,city,BB,coastal
    """.write(toFile: data + "/entities.csv", atomically: true, encoding: .utf8)
    try "entity,indicator,period,value,note,quote\nC1,x.count,2001,3,,\n".write(toFile: data + "/observations.csv", atomically: true, encoding: .utf8)
    try "indicators:\n  - id: x.count\n    label: {zh: 数, en: Count}\n    unit: count\n    source: s\n"
        .write(toFile: data + "/indicators.yaml", atomically: true, encoding: .utf8)
    try "sources:\n  - id: s\n    publisher: {zh: 甲, en: A}\n    title: {zh: 甲, en: A}\n    years: [2001]\n    citation: {zh: 甲, en: A}\n"
        .write(toFile: data + "/sources.yaml", atomically: true, encoding: .utf8)
    let spec = folder + "/profile.yaml"
    try """
    version: 1
    title: "{{name $entity}}"
    date: 2026-01-01
    dataset: data
    params:
      entity: {default: AA}
    batch:
    \(batch)
    sections:
      - text: hi
    """.write(toFile: spec, atomically: true, encoding: .utf8)
    let (jobs, diagnostics) = BatchBuilder.expand([spec], parameters: [:], cache: InputCache())
    return (jobs.compactMap { $0.parameters["entity"] }, diagnostics)
}

@Test func aBatchBuildsOncePerSelectedEntity() throws {
    #expect(try batchJobs("  param: entity\n  over: {kinds: [city]}").parameters == ["C1", "C2", "C3"])
    #expect(try batchJobs("  param: entity\n  over: {tags: [coastal]}").parameters == ["C1", "C3"])
    // Listed values come first, and an entity listed and selected is built once.
    #expect(try batchJobs("  param: entity\n  values: [BB, C3]\n  over: {tags: [coastal]}").parameters == ["BB", "C3", "C1"])
}

@Test func aBatchThatSelectsNothingIsAnError() throws {
    let (parameters, diagnostics) = try batchJobs("  param: entity\n  over: {tags: [inland]}")
    #expect(parameters.isEmpty)
    #expect(diagnostics.contains { $0.code == .emptyBatch && $0.severity == .error }, "\(diagnostics)")
}

@Test func aBatchOverAParentBuildsOncePerMember() throws {
    // The same selection code as sections: `in:` in either form, combinable with tags.
    #expect(try batchJobs("  param: entity\n  over: {in: AA}").parameters == ["C1", "C2"])
    #expect(try batchJobs("  param: entity\n  over: [in:BB]").parameters == ["C3"])
    #expect(try batchJobs("  param: entity\n  over: {in: [AA, BB], tags: [coastal]}").parameters == ["C1", "C3"])
    // An unknown parent is a located error with the closest id, and the batch selects nothing.
    let (parameters, diagnostics) = try batchJobs("  param: entity\n  over: {in: AAX}")
    #expect(parameters.isEmpty)
    #expect(diagnostics.contains { $0.code == .unknownEntity && $0.hint?.hasPrefix("did you mean") == true && $0.location?.line == 9 }, "\(diagnostics)")
}
