import TestSupport
import DossierKit
import Foundation
import Testing

private let okSpec = "Tests/Fixtures/specs/ok.yaml"

/// A copy of the fixture spec and its dataset in a temporary folder, so tests can edit inputs.
private func sandbox() throws -> (root: String, spec: String, dataset: String) {
    let root = TestPaths.temporaryFolder()
    try FileManager.default.createDirectory(atPath: root + "/specs", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/datasets/base", toPath: root + "/datasets/base")
    let spec = try String(contentsOfFile: TestPaths.repo(okSpec), encoding: .utf8)
        + "  - chart: {id: ranks, kind: bump, indicator: survey.rank, title: 排名}\noutputs:\n  charts: {formats: [png, svg], sizes: [640x360]}\n"
    try spec.write(toFile: root + "/specs/ok.yaml", atomically: true, encoding: .utf8)
    try "extends: \(TestPaths.repo("Styles/briefing.yaml"))\n".write(toFile: root + "/specs/local.yaml", atomically: true, encoding: .utf8)
    return (root, root + "/specs/ok.yaml", root + "/datasets/base")
}

private func statuses(_ out: String) throws -> [String: String] {
    let data = try #require(FileManager.default.contents(atPath: out + "/manifest.json"))
    let manifest = try JSONDecoder().decode(Manifest.self, from: data)
    return Dictionary(uniqueKeysWithValues: manifest.reports.map { ($0.report, $0.status.rawValue) })
}

@Suite(.serialized) struct BuildBehaviourTests {
    @Test func identicalInputGivesIdenticalBytesWhateverTheLocale() throws {
        let a = TestPaths.temporaryFolder(), b = TestPaths.temporaryFolder(), c = TestPaths.temporaryFolder()
        let spec = "Reports/egov-slides.yaml"
        #expect(try CLI.run(["build", "Reports/egov-gap-briefing.yaml", spec, "--out", a, "-q"]).status == 0)
        #expect(try CLI.run(["build", "Reports/egov-gap-briefing.yaml", spec, "--out", b, "-q", "--jobs", "1"]).status == 0)
        #expect(try CLI.run(["build", "Reports/egov-gap-briefing.yaml", spec, "--out", c, "-q"], environment: ["LANG": "ja_JP.UTF-8", "LC_ALL": "ja_JP.UTF-8"]).status == 0)
        let files = CLI.files(in: a)
        #expect(files.contains("egov-gap-briefing.pdf") && files.contains { $0.hasSuffix(".svg") } && files.contains { $0.hasSuffix(".png") })
        for f in files where f != "manifest.json" {
            #expect(CLI.bytes(a + "/" + f) == CLI.bytes(b + "/" + f), "\(f) differs between two builds")
            #expect(CLI.bytes(a + "/" + f) == CLI.bytes(c + "/" + f), "\(f) differs under LANG=ja_JP.UTF-8")
        }
    }

    @Test func missingInputFailsCleanlyWithNothingWritten() throws {
        let out = TestPaths.temporaryFolder()
        let r = try CLI.run(["build", "Tests/Fixtures/specs/missing-dataset.yaml", "--out", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("datasets/does-not-exist: error: dataset folder not found"), "\(r.stderr)")
        #expect(!CLI.files(in: out).contains { $0.hasSuffix(".pdf") })
        #expect(!((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).contains { $0.contains(AtomicWriter.temporarySuffix) })
    }

    @Test func usageErrorsExit64() throws {
        #expect(try CLI.run(["build"]).status == 64)
        #expect(try CLI.run(["build", okSpec, "--shard", "5/4"]).status == 64)
        #expect(try CLI.run(["chart", okSpec, "--id", "x", "--size", "20000x20000", "-o", "/tmp/x.png"]).status == 64)
    }

    @Test func unchangedReportsAreSkippedAndEachInputKindTriggersARebuild() throws {
        let box = try sandbox()
        let out = box.root + "/out"
        let key = box.spec
        #expect(try CLI.run(["build", box.spec, "--out", out, "-q"]).status == 0)
        #expect(try statuses(out)[key] == "built")
        #expect(try CLI.run(["build", box.spec, "--out", out, "-q"]).status == 0)
        #expect(try statuses(out)[key] == "skipped")

        // The dataset changes.
        let obs = box.dataset + "/observations.csv"
        try (try String(contentsOfFile: obs, encoding: .utf8) + "US,survey.count,2002,13,,\n").write(toFile: obs, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["build", box.spec, "--out", out, "-q"]).status == 0)
        #expect(try statuses(out)[key] == "built")

        // The spec changes (its style now is a local file), then the style file changes.
        let spec = try String(contentsOfFile: box.spec, encoding: .utf8).replacingOccurrences(of: "language: zh-cn", with: "language: zh-cn\nstyle: local.yaml")
        try spec.write(toFile: box.spec, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["build", box.spec, "--out", out, "-q"]).status == 0)
        #expect(try statuses(out)[key] == "built")
        #expect(try CLI.run(["build", box.spec, "--out", out, "-q"]).status == 0)
        #expect(try statuses(out)[key] == "skipped")
        try "extends: \(TestPaths.repo("Styles/briefing.yaml"))\nsizes: {body: 11}\n".write(toFile: box.root + "/specs/local.yaml", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["build", box.spec, "--out", out, "-q"]).status == 0)
        #expect(try statuses(out)[key] == "built")

        // An output deleted or damaged is rebuilt; --force rebuilds anyway.
        try FileManager.default.removeItem(atPath: out + "/ok.pdf")
        #expect(try CLI.run(["build", box.spec, "--out", out, "-q"]).status == 0)
        #expect(try statuses(out)[key] == "built")
        #expect(try CLI.run(["build", box.spec, "--out", out, "-q", "--force"]).status == 0)
        #expect(try statuses(out)[key] == "built")
    }

    @Test func oneFailingReportDoesNotStopTheOthers() throws {
        let out = TestPaths.temporaryFolder()
        let r = try CLI.run(["build", okSpec, "Tests/Fixtures/specs/unknown-key.yaml", "Tests/Fixtures/specs/missing-value.yaml", "--out", out, "--jobs", "2"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("built 1, skipped 0, failed 2"), "\(r.stderr)")
        #expect(r.stderr.contains("unknown-key.yaml:6:1: error: unknown key 'titel'"))
        #expect(FileManager.default.fileExists(atPath: out + "/ok.pdf"))
    }

    @Test func shardsPartitionTheBatchExactly() throws {
        let jobs = (0..<23).map { ReportJob(specPath: "r.yaml", parameters: ["entity": "E\($0)"]) }
        var seen: [String] = []
        for k in 1...4 {
            let share = try #require(Shard("\(k)/4")).select(jobs)
            #expect(share == (try #require(Shard("\(k)/4"))).select(jobs.reversed()), "shards must not depend on input order")
            seen += share.map(\.key)
        }
        #expect(seen.sorted() == jobs.map(\.key).sorted())
        #expect(Shard("0/4") == nil && Shard("5/4") == nil && Shard("x") == nil)
    }

    @Test func shardManifestsMerge() throws {
        let out = TestPaths.temporaryFolder()
        #expect(try CLI.run(["build", "Reports/city-profile.yaml", "--out", out, "--shard", "1/2", "-q"]).status == 0)
        #expect(try CLI.run(["build", "Reports/city-profile.yaml", "--out", out, "--shard", "2/2", "-q"]).status == 0)
        let merged = out + "/manifest.json"
        #expect(try CLI.run(["manifest", "merge", out + "/manifest-1-of-2.json", out + "/manifest-2-of-2.json", "-o", merged]).status == 0)
        let manifest = try JSONDecoder().decode(Manifest.self, from: try #require(FileManager.default.contents(atPath: merged)))
        #expect(manifest.reports.count == 7)
        #expect(Set(manifest.reports.map { $0.parameters["entity"] ?? "" }).isSuperset(of: ["CN-SH", "CN-BJ", "CN-GZ", "CN-SZ"]))
    }

    @Test func unfinishedWritesLeaveThePreviousOutputsIntact() throws {
        let folder = TestPaths.temporaryFolder()
        var first = AtomicWriter()
        try first.stage(Array("old".utf8), to: folder + "/a.pdf")
        try first.stage(Array("old".utf8), to: folder + "/b.png")
        try first.commit()
        // A second build stages new bytes but dies before committing (as under kill -9).
        var second = AtomicWriter()
        try second.stage(Array("new".utf8), to: folder + "/a.pdf")
        #expect(CLI.bytes(folder + "/a.pdf") == Array("old".utf8))
        let all = { (try? FileManager.default.contentsOfDirectory(atPath: folder).sorted()) ?? [] }
        #expect(all().contains { $0.hasSuffix(AtomicWriter.temporarySuffix) })
        // The sweep leaves a live process's temporaries alone (a concurrent build's); discarding removes them.
        AtomicWriter.sweep(folder: folder)
        #expect(all().contains { $0.hasSuffix(AtomicWriter.temporarySuffix) })
        second.discard()
        #expect(all() == ["a.pdf", "b.png"])
    }

    @Test func killedBuildLeavesValidOutputsAndTheNextRunCompletes() throws {
        let out = TestPaths.temporaryFolder()
        #expect(try CLI.run(["build", "Reports/city-profile.yaml", "--out", out, "-q"]).status == 0)
        let before = Dictionary(uniqueKeysWithValues: CLI.files(in: out).map { ($0, CLI.bytes(out + "/" + $0)) })
        // Start a forced rebuild and kill it hard while it works.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.dossier)
        process.arguments = ["build", "Reports/city-profile.yaml", "Reports/egov-gap-briefing.yaml", "--out", out, "--force", "-q", "--jobs", "1"]
        process.currentDirectoryURL = URL(fileURLWithPath: TestPaths.root)
        try process.run()
        usleep(300_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        for (name, bytes) in before where name.hasSuffix(".pdf") {
            let now = CLI.bytes(out + "/" + name)
            #expect(now == bytes, "\(name) changed under a killed build")   // same inputs: old or renamed-new bytes are identical
            #expect(try CLI.tool("qpdf", ["--check", out + "/" + name]).status == 0)
        }
        let again = try CLI.run(["build", "Reports/city-profile.yaml", "Reports/egov-gap-briefing.yaml", "--out", out, "-q"])
        #expect(again.status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/egov-gap-briefing.pdf"))
        #expect(!CLI.files(in: out).contains { $0.contains(AtomicWriter.temporarySuffix) })
    }

    @Test func chartCommandExportsAStandaloneImage() throws {
        let out = TestPaths.temporaryFolder()
        let r = try CLI.run(["chart", "Reports/egov-gap-briefing.yaml", "--id", "accenture-bump", "--format", "png", "--size", "1280x720", "--scale", "2", "-o", out + "/c.png"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(CLI.pngSize(out + "/c.png").map { [$0.0, $0.1] } == [2560, 1440])
        let missing = try CLI.run(["chart", "Reports/egov-gap-briefing.yaml", "--id", "nope", "-o", out + "/d.png"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("accenture-bump"))
    }

    @Test func dataCheckReportsTheSamplesFindings() throws {
        let r = try CLI.run(["data", "check", "Samples/egov"])
        #expect(r.status == 0, "warnings only must exit 0: \(r.stdout)")
        #expect(r.stdout.contains("observations.csv:") && r.stdout.contains("warning: CA breadth.stated_pct 2001 states 91 but 64 / 71 × 100 = 90.1"))
        let json = try CLI.run(["data", "check", "Samples/egov", "--json"])
        #expect(json.stdout.contains("\"code\" : \"rank-tie\""))
        #expect(try CLI.run(["data", "check", "Tests/Fixtures/datasets/duplicate"]).status == 1)
    }

    @Test func everySpecInReportsValidates() throws {
        let r = try CLI.run(["validate", "Reports"])
        #expect(r.status == 0, "\(r.stderr)")
    }
}

@Suite(.serialized) struct FingerprintAndWatchTests {
    @Test func fontAndToolChangesTriggerARebuild() throws {
        let out = TestPaths.temporaryFolder()
        let home = TestPaths.temporaryFolder()
        let bin = TestPaths.temporaryFolder() + "/dossier"
        try FileManager.default.copyItem(atPath: CLI.dossier, toPath: bin)
        func build() throws -> String {
            let process = try CLI.run(["build", "Tests/Fixtures/specs/ok.yaml", "--out", out, "-q"], environment: ["HOME": home], executable: bin)
            #expect(process.status == 0, "\(process.stderr)")
            let manifest = try JSONDecoder().decode(Manifest.self, from: try #require(FileManager.default.contents(atPath: out + "/manifest.json")))
            return manifest.reports.first?.status.rawValue ?? ""
        }
        #expect(try build() == "built")
        #expect(try build() == "skipped")
        // A font added to the user's font folder.
        try FileManager.default.createDirectory(atPath: home + "/.fonts", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", toPath: home + "/.fonts/Extra.ttf")
        #expect(try build() == "built")
        #expect(try build() == "skipped")
        // A different build of the tool.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: bin)
        #expect(try build() == "built")
    }

    @Test func watchRebuildsWhenTheDatasetChanges() throws {
        let root = TestPaths.temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/specs", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/datasets/base", toPath: root + "/datasets/base")
        try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/specs/ok.yaml", toPath: root + "/specs/ok.yaml")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.dossier)
        process.arguments = ["watch", root + "/specs/ok.yaml", "--out", root + "/out", "--interval", "0.1", "--max-builds", "2"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        // Wait for the first build, then change the dataset.
        let pdf = root + "/out/ok.pdf"
        var waited = 0
        while !FileManager.default.fileExists(atPath: pdf) && waited < 200 { usleep(50_000); waited += 1 }
        #expect(FileManager.default.fileExists(atPath: pdf))
        let obs = root + "/datasets/base/observations.csv"
        try (try String(contentsOfFile: obs, encoding: .utf8) + "US,survey.count,2003,14,,\n").write(toFile: obs, atomically: true, encoding: .utf8)
        waited = 0
        while process.isRunning && waited < 200 { usleep(50_000); waited += 1 }
        if process.isRunning { process.terminate() }
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(log.components(separatedBy: "✓").count - 1 == 2, "\(log)")
    }
}

@Test func optionalChartsAreLeftOutForEntitiesWithoutData() throws {
    let out = TestPaths.temporaryFolder()
    for entity in ["CN-BJ", "KR-SEL"] {
        let r = try CLI.run(["build", "Reports/city-profile.yaml", "--param", "entity=\(entity)", "--out", out, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
    }
    let beijing = try CLI.tool("pdftotext", [out + "/city-profile-CN-BJ.pdf", "-"]).stdout
    let seoul = try CLI.tool("pdftotext", [out + "/city-profile-KR-SEL.pdf", "-"]).stdout
    #expect(!beijing.contains("图 1"), "Beijing is not in the city survey, so its profile has no ranking chart")
    #expect(beijing.contains("北京电子政务概况"))
    #expect(seoul.contains("图 1") && seoul.contains("首尔"))
}

@Test func jsonLogsAreOneObjectPerLine() throws {
    let out = TestPaths.temporaryFolder()
    let r = try CLI.run(["build", "Tests/Fixtures/specs/ok.yaml", "Tests/Fixtures/specs/unknown-key.yaml", "--out", out, "--log-format", "json"])
    #expect(r.status == 1)
    let events = try r.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    let finished = events.filter { $0["event"] as? String == "finished" }
    #expect(finished.count == 2)
    let failed = try #require(finished.first { $0["status"] as? String == "failed" })
    #expect((failed["errors"] as? [String])?.first?.contains("unknown key 'titel'") == true)
    let summary = try #require(events.last)
    #expect(summary["event"] as? String == "summary" && summary["built"] as? Int == 1 && summary["failed"] as? Int == 1)
}

/// Warnings belong to the report that caused them: a missing-glyph warning of one report never appears in the
/// record of a clean report built after it by the same engine (as `--jobs 1` does).
@Test func warningsStayWithTheReportThatCausedThem() throws {
    let root = TestPaths.temporaryFolder()
    try FileManager.default.createDirectory(atPath: root + "/specs", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/datasets/base", toPath: root + "/datasets/base")
    let base = try String(contentsOfFile: TestPaths.repo(okSpec), encoding: .utf8)
    // Linear B syllables: no font installed covers them, so report A draws boxes and is warned.
    try (base + "  - text: \"𐀀𐀁\"\n").write(toFile: root + "/specs/a.yaml", atomically: true, encoding: .utf8)
    try base.write(toFile: root + "/specs/b.yaml", atomically: true, encoding: .utf8)
    let engine = ReportEngine()
    let options = BuildOptions(outputDirectory: root + "/out", force: true)
    let a = engine.build(ReportJob(specPath: root + "/specs/a.yaml"), options: options)
    let b = engine.build(ReportJob(specPath: root + "/specs/b.yaml"), options: options)
    let a2 = engine.build(ReportJob(specPath: root + "/specs/a.yaml"), options: options)
    #expect(a.status == .built && b.status == .built)
    #expect(a.warnings.contains { $0.contains("no installed font has glyphs") }, "\(a.warnings)")
    #expect(b.warnings.isEmpty, "report B inherited: \(b.warnings)")
    // Asked again, A is warned again (cached answers are per text, not spent).
    #expect(a2.warnings.filter { $0.contains("no installed font has glyphs") }.count == 1, "\(a2.warnings)")
}
