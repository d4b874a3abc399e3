import ArgumentParser
import DossierKit
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build reports: specs or folders of specs, in parallel, skipping those whose inputs did not change.",
        discussion: """
        Every output is written atomically (a temporary file renamed into place), so an interrupted or failed build leaves the previous outputs intact. A report is skipped when its spec, style, dataset, fonts and Dossier's version are unchanged and its outputs are still there (use --force to rebuild). Writes OUT/manifest.json listing every output with its hash, size, pages, inputs, duration and warnings. One failing report never stops the others; the run ends with a summary and exits 1 if any failed.
        """
    )

    @Argument(help: "Spec files (.yaml) or folders of specs.")
    var specs: [String]

    @Option(name: .shortAndLong, help: "Output folder.")
    var out: String = "out"

    @Option(name: .long, parsing: .singleValue, help: "A spec parameter, key=value (repeatable), e.g. --param entity=CN-SH.")
    var param: [String] = []

    @Option(name: .shortAndLong, help: "Reports built at once (the default is the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Rebuild even when nothing changed.")
    var force = false

    @Option(help: "Build only share K of N of the batch (e.g. 2/4), for Kubernetes Indexed Jobs, CI matrices or Slurm arrays.")
    var shard: String?

    @Option(help: "Log format: text or json (one JSON object per line, for log collectors).")
    var logFormat: String = "text"

    @Flag(name: .shortAndLong, help: "Print only errors and the final summary.")
    var quiet = false

    @Option(name: .customLong("pdf-standard"), help: "A standard every PDF must meet (repeatable): ua-1 makes a missing title, language or chart alternative text an error; a-2b writes PDF/A-2b (archival).")
    var pdfStandard: [String] = []

    @Flag(help: "When another build is writing to --out, fail at once instead of waiting for it.")
    var noWait = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 1/4") }
        if !["text", "json"].contains(logFormat) { throw ValidationError("--log-format is text or json") }
        for name in pdfStandard where PDFStandard(rawValue: name) == nil {
            throw ValidationError("--pdf-standard '\(name)' is not known; use one of: \(PDFStandard.names)")
        }
    }

    func run() throws {
        let parameters = try parseParameters(param)
        let cache = InputCache()
        let (files, fileDiagnostics) = BatchBuilder.specFiles(specs)
        if !quiet || logFormat == "json" { for d in fileDiagnostics { Console.error(d.description) } }
        var (jobsList, expandDiagnostics) = BatchBuilder.expand(files, parameters: parameters, cache: cache)
        for d in expandDiagnostics { Console.error(d.description) }
        var shardValue: Shard?
        if let shard, let s = Shard(shard) {
            shardValue = s
            jobsList = s.select(jobsList)
        }
        let stop = StopRequest()
        let signalSources = Signals.handleStop(stop) { number in
            Console.error("\(number == SIGINT ? "interrupted" : "terminated"): finishing the reports in progress, starting no more (again to exit at once)")
        }
        defer { signalSources.forEach { $0.cancel() } }
        // One writer per output folder: a second process waits (or, with --no-wait, fails) instead of interleaving.
        let lock: OutputLock
        do {
            lock = try OutputLock(outputFolder: out, wait: !noWait) {
                Console.error("\(out): another dossier build is writing to this folder; waiting for it to finish")
            }
        } catch {
            Console.error(String(describing: error))
            Console.error("  hint: wait for the other build, or build into another --out folder")
            throw ExitCode.failure
        }
        defer { withExtendedLifetime(lock) {} }
        AtomicWriter.sweep(folder: out)   // temporaries left by an interrupted earlier run (its process is gone)
        let separated = BatchBuilder.separateCollisions(jobsList)
        let reporter = ProgressReporter(quiet: quiet, json: logFormat == "json", total: separated.jobs.count)
        var options = BuildOptions(outputDirectory: out, force: force)
        options.pdfStandards = Set(pdfStandard.compactMap(PDFStandard.init(rawValue:)))
        let builder = BatchBuilder(options: options, jobs: jobs)
        // Problems found before any build (missing specs, empty batches, collisions) count as failed reports too.
        let early = (fileDiagnostics + expandDiagnostics).filter { $0.severity == .error }.map(BatchBuilder.failedRecord) + separated.collisions
        let records = early + builder.run(separated.jobs, cache: cache, stop: stop) { event in reporter.handle(event) }
        reporter.finish()
        let manifestPath = (out as NSString).appendingPathComponent(shardValue.map { "manifest-\($0.index)-of-\($0.count).json" } ?? "manifest.json")
        var manifestWritten = true
        do {
            try BatchBuilder.updateManifest(Manifest(shard: shardValue?.description, reports: records), at: manifestPath, outputFolder: out)
        } catch {
            manifestWritten = false
            Console.error("\(manifestPath): error: cannot write the manifest: \(BuildError.describe(error))")
        }
        reporter.summary(records, manifest: manifestWritten ? manifestPath : nil)
        if let number = stop.signal {
            Console.error("stopped by \(number == SIGINT ? "SIGINT" : "SIGTERM"): \(separated.jobs.count - records.count + early.count) report(s) not built")
            throw ExitCode(128 + number)
        }
        if records.contains(where: { $0.status == .failed }) || !manifestWritten { throw ExitCode.failure }
    }
}
