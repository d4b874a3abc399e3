import Foundation
import Geometry
import Model
import Spec

/// A deterministic share of a batch: `--shard K/N` builds the jobs whose index ≡ K−1 (mod N) in sorted order.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        index = k; count = n
    }
    public var description: String { "\(index)/\(count)" }

    public func select(_ jobs: [ReportJob]) -> [ReportJob] {
        jobs.sorted { $0.key < $1.key }.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}

/// Progress events for the command line (called from worker threads, serialised by the builder).
public enum BuildEvent: Sendable {
    case started(job: ReportJob, index: Int, total: Int)
    case finished(record: ReportRecord, done: Int, total: Int)
}

/// Expands specs and folders into jobs and builds them in parallel; one failure never stops the others.
public struct BatchBuilder: Sendable {
    public var options: BuildOptions
    public var jobs: Int
    public init(options: BuildOptions, jobs: Int) { self.options = options; self.jobs = max(1, jobs) }

    /// Spec files from the given paths: files as they are, folders searched (not recursively) for `*.yaml`.
    public static func specFiles(_ paths: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error("no such spec file or folder", at: SourceLocation(file: path), code: .fileNotFound))
                continue
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                // Only report specs: other YAML files (styles, indicators) in the folder have no `version:` line.
                let specs = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }.filter(isSpec)
                if specs.isEmpty {
                    diagnostics.append(.error("no report specs in this folder", at: SourceLocation(file: path),
                                              hint: "a spec is a .yaml file with a `version: 1` line", code: .noSpecs))
                }
                files += specs
            } else {
                files.append(path)
            }
        }
        // `a.yaml ./a.yaml` is one spec: build it once, under its normalised name.
        var seen: Set<String> = []
        files = files.map(PathText.normalise).filter { seen.insert($0).inserted }
        return (files, diagnostics)
    }

    /// Whether a YAML file is a report spec (has a top-level `version:` key) rather than a style or data file.
    static func isSpec(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return true }   // unreadable: let the build say so
        return String(decoding: data.prefix(65_536), as: UTF8.self).split(separator: "\n").contains { $0.hasPrefix("version:") }
    }

    /// Jobs for spec files: one per spec, or one per batch value for specs that declare `batch:`.
    public static func expand(_ files: [String], parameters: [String: String], cache: InputCache) -> (jobs: [ReportJob], diagnostics: [Diagnostic]) {
        var jobs: [ReportJob] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            let (spec, specDiagnostics) = ReportSpecLoader.load(path: file, parameters: parameters)
            guard let spec, let batch = spec.batch, parameters[batch.parameter] == nil else {
                // Errors surface when the job builds, so one broken spec does not stop the others.
                _ = specDiagnostics
                jobs.append(ReportJob(specPath: file, parameters: parameters))
                continue
            }
            var values = batch.values
            if let over = batch.over {
                let (dataset, _) = cache.dataset(spec.datasetPath)
                if let dataset {
                    var d: [Diagnostic] = []
                    values += EntityResolver(dataset: dataset, groups: spec.groups.map(\.tag)).resolve(over, fallback: [], diagnostics: &d).map(\.id)
                    diagnostics += d
                }
            }
            var seen: Set<String> = []
            values = values.filter { seen.insert($0).inserted }
            if values.isEmpty {
                diagnostics.append(.error("the batch selects no entities", at: SourceLocation(file: file), hint: "check the tags or kinds under batch.over", code: .emptyBatch))
            }
            for v in values {
                var p = parameters
                p[batch.parameter] = v
                jobs.append(ReportJob(specPath: file, parameters: p))
            }
        }
        return (jobs, diagnostics)
    }

    /// Builds the jobs on `jobs` threads, each with its own engine (fonts and layouts cached per thread).
    /// Jobs that can run together, and a failed record for each job that would overwrite an earlier job's output.
    public static func separateCollisions(_ jobs: [ReportJob]) -> (jobs: [ReportJob], collisions: [ReportRecord]) {
        OutputClaims.separate(jobs)
    }

    /// Builds the jobs on `jobs` threads; once `stop` is requested no new job starts (those running finish).
    public func run(_ work: [ReportJob], cache: InputCache, stop: StopRequest = StopRequest(),
                    progress: @escaping @Sendable (BuildEvent) -> Void) -> [ReportRecord] {
        let total = work.count
        let state = BatchState(count: total)
        let threads = min(jobs, max(1, total))
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            let thread = Thread { [options] in
                let engine = ReportEngine(cache: cache)
                while !stop.isRequested, let index = state.next() {
                    progress(.started(job: work[index], index: index, total: total))
                    let record = engine.build(work[index], options: options)
                    let done = state.finish(index, record)
                    progress(.finished(record: record, done: done, total: total))
                }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return state.records()
    }

    /// A failed record for a problem found before any job could start (a missing spec, an empty batch).
    public static func failedRecord(_ d: Diagnostic) -> ReportRecord {
        let file = d.location?.file ?? "?"
        return ReportRecord(failed: file, spec: file, d)
    }

    /// Writes `manifest.json` atomically in the output folder, keeping the reports of earlier runs into the same
    /// folder whose outputs are all still there (so one-at-a-time builds describe every output present).
    public static func updateManifest(_ manifest: Manifest, at path: String, outputFolder: String) throws {
        let previous = FileManager.default.contents(atPath: path).flatMap { try? JSONDecoder().decode(Manifest.self, from: $0) }
        try writeManifest(manifest.keeping(previous, outputFolder: outputFolder), to: path)
    }

    /// Writes `manifest.json` atomically in the output folder.
    public static func writeManifest(_ manifest: Manifest, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var writer = AtomicWriter()
        try writer.stage(Array(try encoder.encode(manifest)), to: path)
        try writer.commit()
    }
}

/// Work queue and results shared by the worker threads.
final class BatchState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private var results: [ReportRecord?]
    init(count: Int) { results = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < results.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func finish(_ index: Int, _ record: ReportRecord) -> Int {
        lock.lock(); defer { lock.unlock() }
        results[index] = record
        done += 1
        return done
    }

    func records() -> [ReportRecord] {
        lock.lock(); defer { lock.unlock() }
        return results.compactMap { $0 }
    }
}

/// A request to stop a batch (SIGINT or SIGTERM), set from a signal handler's queue and read by the workers.
public final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var signalNumber: Int32?
    public init() {}
    public func request(_ signal: Int32) {
        lock.lock(); defer { lock.unlock() }
        if signalNumber == nil { signalNumber = signal }
    }
    /// The first signal that asked to stop, if any.
    public var signal: Int32? { lock.lock(); defer { lock.unlock() }; return signalNumber }
    public var isRequested: Bool { signal != nil }
}
