import DossierKit
import Foundation

/// What the outputs of the last run weighed, from OUT/manifest.json.
struct OutputSummary: Codable {
    var reports = 0
    var pdfCount = 0
    var pdfBytes = 0
    var pdfPages = 0
    var largestPDFBytes = 0
    var pngCount = 0
    var pngBytes = 0
    var otherCount = 0
    var otherBytes = 0
    var warnings = 0
}

struct TargetResult: Codable {
    var metric: Target.Metric
    var text: String
    var value: Double
    var limit: Double
    var met: Bool
}

struct WorkloadResult: Codable {
    var id: String
    var label: String
    var command: [String]
    var samples: [RunSample]
    var wallMedian: Double
    var wallMin: Double
    var wallMax: Double
    /// User + system CPU seconds of the child, median over the runs.
    var cpuMedian: Double
    /// The largest peak RSS over the runs, MiB.
    var peakRSSMiB: Double
    var outputs: OutputSummary
    var targets: [TargetResult]
    var entities: Int?
    /// CPU used by other processes while this workload ran, in cores (0 = a quiet machine; 2 = both cores busy).
    /// From /proc/stat over the measurement window, minus the children's own CPU time.
    var backgroundLoad: Double?
}

/// Machine-wide CPU time from /proc/stat (Linux), to tell how busy the machine was besides the benchmark.
enum CPUClock {
    /// Busy CPU seconds since boot, summed over all cores; nil where /proc/stat is missing.
    static func busySeconds() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first, line.hasPrefix("cpu ") else { return nil }
        let f = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard f.count >= 8 else { return nil }
        // user nice system idle iowait irq softirq steal
        let busy = f[0] + f[1] + f[2] + f[5] + f[6] + f[7]
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        return busy / (hz > 0 ? hz : 100)
    }
}

/// Growth of W2 from the smallest to the largest N: compared with linear growth (time ratio ≤ entity ratio).
struct Growth: Codable {
    var fromN: Int
    var toN: Int
    var ratio: Double
    var linearRatio: Double
    /// Extra seconds per extra entity between the two sizes.
    var secondsPerEntity: Double
    var met: Bool
}

enum Stats {
    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

struct Bench {
    var options: BenchOptions
    var dossier: String
    var root: String
    var outBase: String

    /// One warm-up then `runs` timed cold runs of `dossier build SPEC --out DIR --force --quiet …`.
    func measure(_ w: Workload) throws -> WorkloadResult {
        let spec = (root as NSString).appendingPathComponent(w.spec)
        guard FileManager.default.fileExists(atPath: spec) else { throw BenchError.setup("\(w.id): no spec at \(spec)") }
        if let n = w.entities {
            let data = (root as NSString).appendingPathComponent("Samples/bench/scale-\(n)")
            guard FileManager.default.fileExists(atPath: (data as NSString).appendingPathComponent("observations.csv")) else {
                throw BenchError.setup("\(w.id): no dataset at \(data); make it with: python3 Samples/bench/convert.py \(n)")
            }
        }
        let out = (outBase as NSString).appendingPathComponent(w.id)
        try? FileManager.default.removeItem(atPath: out)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let arguments = ["build", spec, "--out", out, "--force", "--quiet"] + w.extraArguments
        let log = (outBase as NSString).appendingPathComponent("\(w.id).log")

        progress("\(w.id): warm-up")
        _ = try runChecked(arguments, log: log, what: "\(w.id) warm-up")
        let busyStart = CPUClock.busySeconds(), clockStart = ChildProcess.now()
        var samples: [RunSample] = []
        for k in 1...options.runs {
            let s = try runChecked(arguments, log: log, what: "\(w.id) run \(k)")
            samples.append(s)
            if options.verbose {
                progress(String(format: "%@: run %d: wall %.4f s, cpu %.4f s, peak RSS %.1f MiB", w.id, k, s.wallSeconds,
                                s.userSeconds + s.systemSeconds, Double(s.peakRSSBytes) / 1_048_576))
            }
        }
        let window = ChildProcess.now() - clockStart
        var background: Double?
        if let a = busyStart, let b = CPUClock.busySeconds(), window > 0 {
            let own = samples.reduce(0) { $0 + $1.userSeconds + $1.systemSeconds }
            background = max(0, (b - a - own) / window)
        }
        let outputs = try summarise(out, id: w.id)
        let walls = samples.map(\.wallSeconds)
        var r = WorkloadResult(id: w.id, label: w.label, command: [dossier] + arguments, samples: samples,
                               wallMedian: Stats.median(walls), wallMin: walls.min() ?? .nan, wallMax: walls.max() ?? .nan,
                               cpuMedian: Stats.median(samples.map { $0.userSeconds + $0.systemSeconds }),
                               peakRSSMiB: Double(samples.map(\.peakRSSBytes).max() ?? 0) / 1_048_576,
                               outputs: outputs, targets: [], entities: w.entities, backgroundLoad: background)
        r.targets = w.targets.map { t in
            let value: Double
            switch t.metric {
            case .wallMedian: value = r.wallMedian
            case .peakRSS: value = Double(samples.map(\.peakRSSBytes).max() ?? 0) / 1e6
            case .pdfBytes: value = Double(outputs.largestPDFBytes) / 1e3
            case .growth: value = .nan
            }
            return TargetResult(metric: t.metric, text: t.text, value: value, limit: t.limit, met: value <= t.limit)
        }
        progress(String(format: "%@: median %.3f s (min %.3f), peak RSS %.1f MiB, background load %.2f cores", w.id, r.wallMedian, r.wallMin,
                        r.peakRSSMiB, background ?? .nan))
        return r
    }

    func runChecked(_ arguments: [String], log: String, what: String) throws -> RunSample {
        let s = try ChildProcess.run(dossier, arguments, logPath: log)
        if s.exitStatus != 0 {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw BenchError.failed("\(what) failed (exit \(s.exitStatus)): \(dossier) \(arguments.joined(separator: " "))\n\(text)")
        }
        return s
    }

    /// Reads the run's manifest: every report must have been built (not skipped: --force) and the sizes are summed.
    func summarise(_ out: String, id: String) throws -> OutputSummary {
        let path = (out as NSString).appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError.failed("\(id): no manifest at \(path)") }
        let manifest = try JSONDecoder().decode(Manifest.self, from: data)
        var s = OutputSummary()
        for r in manifest.reports {
            guard r.status == .built else {
                throw BenchError.failed("\(id): report \(r.report) was \(r.status.rawValue), not built\n" + r.errors.joined(separator: "\n"))
            }
            s.reports += 1
            s.warnings += r.warnings.count
            for o in r.outputs {
                switch o.kind {
                case .pdf:
                    s.pdfCount += 1; s.pdfBytes += o.bytes; s.pdfPages += o.pages ?? 0
                    s.largestPDFBytes = max(s.largestPDFBytes, o.bytes)
                case .png: s.pngCount += 1; s.pngBytes += o.bytes
                default: s.otherCount += 1; s.otherBytes += o.bytes
                }
            }
        }
        return s
    }

    static func growth(_ results: [WorkloadResult]) -> Growth? {
        let w2 = results.filter { $0.entities != nil }.sorted { $0.entities! < $1.entities! }
        guard let a = w2.first, let b = w2.last, let na = a.entities, let nb = b.entities, nb > na else { return nil }
        let ratio = b.wallMedian / a.wallMedian
        let linear = Double(nb) / Double(na)
        return Growth(fromN: na, toN: nb, ratio: ratio, linearRatio: linear,
                      secondsPerEntity: (b.wallMedian - a.wallMedian) / Double(nb - na), met: ratio <= linear)
    }

    func progress(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}
