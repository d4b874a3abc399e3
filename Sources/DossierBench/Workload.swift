import Foundation

/// A limit one measured figure is held to (from issue 7).
struct Target: Codable {
    enum Metric: String, Codable { case wallMedian = "wall-median-s", peakRSS = "peak-rss-mb", pdfBytes = "pdf-kb", growth = "growth-400-over-50" }
    var metric: Metric
    /// The limit, in the metric's unit: seconds, MB (10^6 bytes), KB (10^3 bytes) or a ratio.
    var limit: Double
    var text: String
}

/// One benchmark workload: a spec built by `dossier build` with fixed extra arguments (docs/BENCHMARK.md).
struct Workload {
    static let families = ["w1-chart", "w1-report", "w2", "w3"]

    var id: String
    var family: String
    var label: String
    /// Spec path relative to the repository.
    var spec: String
    var extraArguments: [String]
    var targets: [Target]
    /// For W2: the number of entities (the dataset Samples/bench/scale-N must exist).
    var entities: Int?

    static func all(_ o: BenchOptions) -> [Workload] {
        var out: [Workload] = [
            Workload(id: "w1-chart", family: "w1-chart", label: "W1-chart: bump chart → PNG 1920×1080 + PDF",
                     spec: "Reports/bench/w1-chart.yaml", extraArguments: [],
                     targets: [Target(metric: .wallMedian, limit: 0.04, text: "≤ 0.04 s")]),
            Workload(id: "w1-report", family: "w1-report", label: "W1-report: briefing PDF + figure PNGs",
                     spec: "Reports/bench/w1-report.yaml", extraArguments: [],
                     targets: [Target(metric: .wallMedian, limit: 0.10, text: "≤ 0.10 s"),
                               Target(metric: .pdfBytes, limit: 250, text: "PDF ≤ 250 KB")]),
        ]
        for n in o.sizes {
            var targets: [Target] = []
            if n == 400 { targets.append(Target(metric: .wallMedian, limit: 0.20, text: "≤ 0.20 s")) }
            out.append(Workload(id: "w2-n\(n)", family: "w2", label: "W2-scale N=\(n): table + bump chart",
                                spec: "Reports/bench/w2-scale.yaml", extraArguments: ["--param", "n=\(n)"], targets: targets, entities: n))
        }
        out.append(Workload(id: "w3", family: "w3", label: "W3-batch: 100 two-page reports, --jobs \(o.jobs)",
                            spec: "Reports/bench/w3-batch.yaml", extraArguments: ["--jobs", String(o.jobs)],
                            targets: [Target(metric: .wallMedian, limit: 1.5, text: "≤ 1.5 s"),
                                      Target(metric: .peakRSS, limit: 200, text: "RSS ≤ 200 MB")]))
        return o.only.isEmpty ? out : out.filter { o.only.contains($0.family) }
    }
}
