import ArgumentParser
import DossierKit
import Foundation

struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild a spec whenever it or its style or dataset changes (for authors). Stop with Ctrl-C.",
        discussion: "Polls the inputs' content hashes every --interval seconds; unchanged inputs cost only a hash."
    )

    @Argument(help: "The spec file.")
    var spec: String

    @Option(name: .shortAndLong, help: "Output folder.")
    var out: String = "out"

    @Option(name: .long, parsing: .singleValue, help: "A spec parameter, key=value (repeatable).")
    var param: [String] = []

    @Option(help: "Seconds between checks.")
    var interval: Double = 0.5

    @Option(help: "Stop after this many builds (for scripts and tests); 0 = run until interrupted.")
    var maxBuilds: Int = 0

    func validate() throws {
        if maxBuilds < 0 { throw ValidationError("--max-builds must be 0 (run until interrupted) or more, got \(maxBuilds)") }
        if !interval.isFinite || interval <= 0 || interval > 3600 { throw ValidationError("--interval must be between 0 and 3600 seconds, got \(interval)") }
    }

    func run() throws {
        // A spec that is not there now is a mistake in the command, not a file still being written.
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: spec, isDirectory: &isDirectory), !isDirectory.boolValue else {
            Console.error("\(spec): error: \(isDirectory.boolValue ? "expected a spec file but found a folder" : "spec file not found")")
            Console.error("  hint: watch takes one spec file (.yaml); check the path")
            throw ExitCode.failure
        }
        let job = ReportJob(specPath: spec, parameters: try parseParameters(param))
        let engine = ReportEngine()
        var builds = 0
        var lastInputs: [String: String] = [:]
        while true {
            let inputs = engine.inputHashes(job)
            if inputs != lastInputs {
                lastInputs = inputs
                let record = engine.build(job, options: BuildOptions(outputDirectory: out))
                let stamp = ISO8601DateFormatter().string(from: Date())
                switch record.status {
                case .failed:
                    Console.error("[\(stamp)] ✗ \(spec)")
                    for e in record.errors { Console.error(e) }
                case .built, .skipped:
                    Console.error("[\(stamp)] ✓ \(spec) → \(record.outputs.map(\.path).joined(separator: ", ")) (\(String(format: "%.2f", record.durationSeconds)) s)")
                    for w in record.warnings { Console.error(w) }
                }
                builds += 1
                if maxBuilds > 0 && builds >= maxBuilds { return }
            }
            Thread.sleep(forTimeInterval: max(0.05, interval))
        }
    }
}
