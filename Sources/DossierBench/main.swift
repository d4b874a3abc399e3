// dossier-bench: runs the benchmark workloads of docs/BENCHMARK.md through the real `dossier` CLI,
// as cold processes, and prints each figure beside its target (issue 7).
import Foundation

func fail(_ e: Error, code: Int32) -> Never {
    FileHandle.standardError.write(Data(("\(e)\n").utf8))
    exit(code)
}

/// The repository: the first folder, upwards from `start`, that holds Reports/bench/w1-chart.yaml.
func findRoot(from start: String) -> String? {
    var dir = URL(fileURLWithPath: start).standardizedFileURL.path
    while true {
        if FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("Reports/bench/w1-chart.yaml")) { return dir }
        let parent = (dir as NSString).deletingLastPathComponent
        if parent == dir || parent.isEmpty { return nil }
        dir = parent
    }
}

let options: BenchOptions
do {
    options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch BenchError.help {
    print(BenchOptions.usage)
    exit(0)
} catch {
    fail(error, code: 64)
}

let selfPath = ChildProcess.selfPath() ?? ""
let selfFolder = (selfPath as NSString).deletingLastPathComponent
let dossier = options.dossier ?? (selfFolder as NSString).appendingPathComponent("dossier")
guard FileManager.default.isExecutableFile(atPath: dossier) else {
    fail(BenchError.setup("no dossier binary at \(dossier); build it into the same folder (swift build -c release --product dossier) or pass --dossier PATH"), code: 1)
}
guard let root = options.root ?? findRoot(from: FileManager.default.currentDirectoryPath) ?? findRoot(from: selfFolder) else {
    fail(BenchError.setup("cannot find Reports/bench/ upwards from here or from \(selfFolder); pass --root DIR"), code: 1)
}

let temporary = options.out == nil
let outBase: String
do {
    if let out = options.out {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        outBase = URL(fileURLWithPath: out).standardizedFileURL.path
    } else {
        outBase = try ChildProcess.temporaryFolder(prefix: "dossier-bench")
    }
} catch {
    fail(error, code: 1)
}

let bench = Bench(options: options, dossier: URL(fileURLWithPath: dossier).standardizedFileURL.path, root: root, outBase: outBase)
var results: [WorkloadResult] = []
do {
    for w in Workload.all(options) { results.append(try bench.measure(w)) }
} catch {
    if temporary { try? FileManager.default.removeItem(atPath: outBase) } else { bench.progress("outputs and logs kept in \(outBase)") }
    fail(error, code: 1)
}
if temporary { try? FileManager.default.removeItem(atPath: outBase) }

let growth = Bench.growth(results)
let met = results.allSatisfy { $0.targets.allSatisfy(\.met) } && (growth?.met ?? true)
let report = BenchReport(machine: Machine.current(), dossier: bench.dossier, runs: options.runs, results: results, growth: growth, allTargetsMet: met)
if options.json {
    do { print(try report.json()) } catch { fail(error, code: 1) }
} else {
    print(report.table())
    if !temporary { print("\nOutputs kept in \(outBase)/<workload>/") }
}
exit(options.check && !met ? 1 : 0)
