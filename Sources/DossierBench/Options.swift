import Foundation

/// Command-line options of `dossier-bench` (simple hand parsing; the target depends on DossierKit only).
struct BenchOptions {
    var runs = 5
    var json = false
    var only: [String] = []
    var sizes = [50, 100, 200, 400]
    var jobs = 2
    var dossier: String?
    var root: String?
    var out: String?
    var check = false
    var verbose = false

    static let usage = """
    USAGE: dossier-bench [options]

    Runs the benchmark workloads (docs/BENCHMARK.md) through the real `dossier` CLI as cold processes:
    one warm-up, then K timed runs of `dossier build SPEC --out DIR --force --quiet` each; reports the
    median and minimum wall time, the child's peak RSS (wait4 rusage), its CPU time and the output sizes,
    each beside its target.

    OPTIONS:
      --runs K          timed runs per workload after one warm-up (default 5)
      --only LIST       comma-separated workloads: w1-chart, w1-report, w2, w3 (default all)
      --sizes LIST      W2 entity counts (default 50,100,200,400; each needs Samples/bench/scale-N)
      --jobs N          --jobs passed to dossier for W3 (default 2)
      --dossier PATH    the dossier binary (default: `dossier` next to this executable)
      --root DIR        the repository (default: found upwards from this executable or the current folder)
      --out DIR         keep the outputs in DIR/<workload> (default: a temporary folder, removed afterwards)
      --json            print the results as JSON instead of a table
      --check           exit 1 when a target is not met
      --verbose         print each run's figures to standard error
      -h, --help        show this help
    """

    static func parse(_ args: [String]) throws -> BenchOptions {
        var o = BenchOptions()
        var i = 0
        func value(_ name: String) throws -> String {
            i += 1
            guard i < args.count else { throw BenchError.usage("\(name) needs a value") }
            return args[i]
        }
        func intList(_ name: String, _ s: String) throws -> [Int] {
            let parts = s.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) > 0 }) else { throw BenchError.usage("\(name) takes positive integers separated by commas") }
            return parts.compactMap { $0 }
        }
        while i < args.count {
            var a = args[i]
            // --name=value
            if a.hasPrefix("--"), let eq = a.firstIndex(of: "=") {
                let rest = Array(args[(i + 1)...])
                let name = String(a[..<eq]), v = String(a[a.index(after: eq)...])
                return try parse(Array(args[..<i]) + [name, v] + rest)
            }
            switch a {
            case "--runs", "-n":
                guard let k = Int(try value(a)), k >= 1 else { throw BenchError.usage("--runs takes a number ≥ 1") }
                o.runs = k
            case "--only":
                o.only = try value(a).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                for w in o.only where !Workload.families.contains(w) {
                    throw BenchError.usage("unknown workload '\(w)'; use \(Workload.families.joined(separator: ", "))")
                }
            case "--sizes": o.sizes = try intList(a, try value(a))
            case "--jobs", "-j":
                guard let j = Int(try value(a)), j >= 1 else { throw BenchError.usage("--jobs takes a number ≥ 1") }
                o.jobs = j
            case "--dossier": o.dossier = try value(a)
            case "--root": o.root = try value(a)
            case "--out": o.out = try value(a)
            case "--json": o.json = true
            case "--check": o.check = true
            case "--verbose", "-v": o.verbose = true
            case "-h", "--help": throw BenchError.help
            default:
                a = a.isEmpty ? "''" : a
                throw BenchError.usage("unknown argument \(a)")
            }
            i += 1
        }
        return o
    }
}

enum BenchError: Error, CustomStringConvertible {
    case help
    case usage(String)
    case setup(String)
    case failed(String)

    var description: String {
        switch self {
        case .help: return BenchOptions.usage
        case .usage(let s): return "error: \(s)\n\n\(BenchOptions.usage)"
        case .setup(let s): return "error: \(s)"
        case .failed(let s): return "error: \(s)"
        }
    }
}
