import TestSupport
import DossierKit
import Foundation
import Testing

// A batch of 20 reports is stopped 30 times at spread-out moments: 20 times by SIGKILL, 10 times by SIGTERM or
// SIGINT. After each stop every PDF in the output folder passes `qpdf --check`, every PNG is whole, and the manifest
// (when present) parses; after all of them a plain rerun completes and leaves no temporary behind.

private let reports = 20

/// Twenty small specs, each with a PDF and a PNG chart, over the fixture dataset.
private func batchFolder() throws -> String {
    let root = TestPaths.temporaryFolder()
    try FileManager.default.createDirectory(atPath: root + "/specs", withIntermediateDirectories: true)
    for i in 1...reports {
        let spec = """
            version: 1
            title: 报告\(i)
            date: 2024-01-01
            language: zh-cn
            dataset: \(TestPaths.fixtures)/datasets/base
            sections:
              - heading: 一
              - text: "美国排名第{{rank US survey.rank 2001}}。"
              - chart: {id: ranks, kind: bump, indicator: survey.rank, title: 排名}
            outputs:
              charts: {formats: [png], sizes: [640x360]}

            """
        try spec.write(toFile: root + "/specs/r\(String(format: "%02d", i)).yaml", atomically: true, encoding: .utf8)
    }
    return root
}

/// A PNG is whole when its chunks chain from the signature to IEND with consistent lengths.
private func pngIsWhole(_ bytes: [UInt8]) -> Bool {
    let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    guard bytes.count > 8, Array(bytes[0..<8]) == signature else { return false }
    var at = 8
    while at + 12 <= bytes.count {
        let length = Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
        let type = String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self)
        at += 12 + length
        if type == "IEND" { return at == bytes.count }
    }
    return false
}

private func temporaries(_ out: String) -> [String] {
    let all = (FileManager.default.enumerator(atPath: out)?.allObjects as? [String]) ?? []
    return all.filter { $0.hasSuffix(AtomicWriter.temporarySuffix) || $0.contains(".dat.nosync") }
}

@Test func stoppingABatchAtAnyMomentLeavesOnlyWholeFiles() throws {
    let root = try batchFolder()
    let out = root + "/out"
    // How long an uninterrupted build takes here, to spread the stops over it.
    let started = Date()
    let first = try CLI.run(["build", root + "/specs", "--out", out, "-q", "--jobs", "2"])
    #expect(first.status == 0, "\(first.stderr)")
    let duration = max(0.2, Date().timeIntervalSince(started))

    let signals = Array(repeating: SIGKILL, count: 20) + Array(repeating: SIGTERM, count: 5) + Array(repeating: SIGINT, count: 5)
    var generator = SystemRandomNumberGenerator()
    for (round, signal) in signals.enumerated() {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.dossier)
        process.arguments = ["build", root + "/specs", "--out", out, "--force", "-q", "--jobs", "2"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Spread over the build: the i-th stop lands in the i-th slice, at a random point inside it.
        let slice = duration / Double(signals.count)
        let delay = slice * (Double(round) + Double.random(in: 0..<1, using: &generator))
        usleep(useconds_t(delay * 1_000_000))
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        if signal != SIGKILL {
            // A graceful stop ends with 130/143, or 0 when the build finished before the signal arrived.
            #expect([0, 130, 143].contains(process.terminationStatus), "round \(round): exit \(process.terminationStatus)")
            if let data = FileManager.default.contents(atPath: out + "/manifest.json") {
                #expect((try? JSONDecoder().decode(Manifest.self, from: data)) != nil, "round \(round): manifest does not parse")
            }
        }
        for name in CLI.files(in: out) {
            let path = out + "/" + name
            if name.hasSuffix(".pdf") {
                #expect(try CLI.tool("qpdf", ["--check", path]).status == 0, "round \(round): \(name) fails qpdf --check")
            } else if name.hasSuffix(".png") {
                #expect(pngIsWhole(CLI.bytes(path)), "round \(round): \(name) is not a whole PNG")
            }
        }
    }
    let again = try CLI.run(["build", root + "/specs", "--out", out, "-q", "--jobs", "2"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(CLI.files(in: out).filter { $0.hasSuffix(".pdf") }.count == reports)
    #expect(CLI.files(in: out).filter { $0.hasSuffix(".png") }.count == reports)
    #expect(temporaries(out).isEmpty, "temporaries left: \(temporaries(out))")
}
