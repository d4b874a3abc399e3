import Foundation

/// The machine the figures were measured on.
struct Machine: Codable {
    var cpu: String
    var cores: Int
    var memoryGiB: Double
    var system: String

    static func current() -> Machine {
        var cpu = "unknown"
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            cpu = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var system = ProcessInfo.processInfo.operatingSystemVersionString
        if let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) {
            system = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        var u = utsname()
        uname(&u)
        let release = withUnsafeBytes(of: &u.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if !release.isEmpty { system += ", Linux \(release)" }
        return Machine(cpu: cpu, cores: ProcessInfo.processInfo.activeProcessorCount,
                       memoryGiB: Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824, system: system)
    }
}

struct BenchReport: Codable {
    var machine: Machine
    var dossier: String
    var runs: Int
    var results: [WorkloadResult]
    var growth: Growth?
    var allTargetsMet: Bool

    func json() throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try e.encode(self), as: UTF8.self)
    }

    /// A plain-text table: each figure with its target beside it.
    func table() -> String {
        var lines: [String] = []
        lines.append("Machine: \(machine.cpu), \(machine.cores) cores, \(String(format: "%.1f", machine.memoryGiB)) GiB; \(machine.system)")
        lines.append("dossier: \(dossier)")
        lines.append("Cold processes: one warm-up, then \(runs) run\(runs == 1 ? "" : "s") each; wall = spawn to reaped; RSS = the child's ru_maxrss (wait4).")
        lines.append("")
        let header = ["workload", "median", "min", "max", "CPU", "peak RSS", "bg load", "outputs", "target", ""]
        var rows: [[String]] = []
        for r in results {
            let o = r.outputs
            var outs: [String] = []
            if o.pdfCount > 0 {
                outs.append(o.pdfCount == 1 ? "PDF \(kb(o.pdfBytes)) (\(o.pdfPages) p)" : "\(o.pdfCount) PDF \(kb(o.pdfBytes)) (\(o.pdfPages) p)")
            }
            if o.pngCount > 0 { outs.append(o.pngCount == 1 ? "PNG \(kb(o.pngBytes))" : "\(o.pngCount) PNG \(kb(o.pngBytes))") }
            if o.otherCount > 0 { outs.append("other \(kb(o.otherBytes))") }
            let figures = [r.id, secs(r.wallMedian), secs(r.wallMin), secs(r.wallMax), secs(r.cpuMedian),
                           String(format: "%.1f MiB", r.peakRSSMiB), r.backgroundLoad.map { String(format: "%.2f", $0) } ?? "?",
                           outs.joined(separator: ", ")]
            if r.targets.isEmpty {
                rows.append(figures + ["—", ""])
            } else {
                for (i, t) in r.targets.enumerated() {
                    let value: String
                    switch t.metric {
                    case .wallMedian: value = String(format: "%.3f s", t.value)
                    case .peakRSS: value = String(format: "%.0f MB", t.value)
                    case .pdfBytes: value = String(format: "%.0f KB", t.value)
                    case .growth: value = String(format: "%.2f", t.value)
                    }
                    let cells = i == 0 ? figures : Array(repeating: "", count: figures.count)
                    rows.append(cells + ["\(t.text) (\(value))", t.met ? "met" : "NOT MET"])
                }
            }
        }
        lines += Self.align([header] + rows)
        if let g = growth {
            lines.append("")
            lines.append(String(format: "W2 growth N=%d→%d: time ×%.2f for ×%.0f entities (linear: ≤ ×%.0f) — %@; %.2f ms per extra entity",
                                g.fromN, g.toN, g.ratio, g.linearRatio, g.linearRatio, g.met ? "met" : "NOT MET", g.secondsPerEntity * 1000))
        }
        lines.append("")
        lines.append("CPU = the child's user + system time (median). bg load = CPU used by other processes during the timed runs,")
        lines.append("in cores (from /proc/stat); above ~0.1 the wall times are inflated by contention: measure again on a quiet machine.")
        if results.contains(where: { ($0.backgroundLoad ?? 0) > 0.1 }) {
            lines.append("WARNING: some workloads ran while other processes used the CPU (bg load > 0.1).")
        }
        lines.append(allTargetsMet ? "All targets met." : "Some targets are not met.")
        return lines.joined(separator: "\n")
    }

    func secs(_ s: Double) -> String { String(format: "%.3f s", s) }
    func kb(_ b: Int) -> String { b >= 1_000_000 ? String(format: "%.2f MB", Double(b) / 1e6) : String(format: "%.0f KB", Double(b) / 1e3) }

    /// Left-aligned columns, two spaces apart (widths counted in characters).
    static func align(_ rows: [[String]]) -> [String] {
        let n = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: n)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }
}
