import DossierKit
import Foundation

/// Shows build progress: a redrawn bar on a terminal, plain lines otherwise, JSON lines for log collectors.
final class ProgressReporter: @unchecked Sendable {
    let quiet: Bool
    let json: Bool
    let total: Int
    let terminal = Console.isTerminal
    private let lock = NSLock()
    private var active: [String] = []
    private var counts = (built: 0, skipped: 0, failed: 0)

    init(quiet: Bool, json: Bool, total: Int) { self.quiet = quiet; self.json = json; self.total = total }

    func handle(_ event: BuildEvent) {
        lock.lock(); defer { lock.unlock() }
        switch event {
        case .started(let job, _, _):
            active.append(job.key)
            if json { emit(["event": "started", "report": job.key]) }
            if terminal && !quiet && !json { drawBar(done: counts.built + counts.skipped + counts.failed) }
        case .finished(let record, let done, _):
            active.removeAll { $0 == record.report }
            switch record.status {
            case .built: counts.built += 1
            case .skipped: counts.skipped += 1
            case .failed: counts.failed += 1
            }
            if json {
                emit(["event": "finished", "report": record.report, "status": record.status.rawValue,
                      "seconds": (record.durationSeconds * 1000).rounded() / 1000, "outputs": record.outputs.map(\.path),
                      "warnings": record.warnings, "errors": record.errors,
                      "diagnostics": (record.diagnostics ?? []).map(Self.structured)])
                return
            }
            if terminal && !quiet { clearLine() }
            if record.status == .failed {
                Console.error("✗ \(record.report)")
                for e in record.errors { Console.error(e.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")) }
            } else if !quiet {
                let what = record.status == .skipped ? "unchanged" : String(format: "%.2f s", record.durationSeconds)
                Console.error("\(record.status == .skipped ? "·" : "✓") [\(done)/\(total)] \(record.report) (\(what), \(record.outputs.count) files)")
                for w in record.warnings.prefix(5) { Console.error(w.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")) }
                if record.warnings.count > 5 { Console.error("  … and \(record.warnings.count - 5) more warnings (see manifest.json)") }
            }
            if terminal && !quiet { drawBar(done: done) }
        }
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if terminal && !quiet && !json { clearLine() }
    }

    func summary(_ records: [ReportRecord], manifest: String?) {
        let built = records.filter { $0.status == .built }.count
        let skipped = records.filter { $0.status == .skipped }.count
        let failed = records.filter { $0.status == .failed }
        if json {
            emit(["event": "summary", "built": built, "skipped": skipped, "failed": failed.count, "manifest": manifest ?? NSNull()])
            return
        }
        Console.error("built \(built), skipped \(skipped), failed \(failed.count)" + (manifest.map { " — manifest: \($0)" } ?? " — no manifest written"))
        for r in failed {
            Console.error("failed: \(r.report)")
            for e in r.errors { Console.error(e.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")) }
        }
    }

    private func drawBar(done: Int) {
        let width = 24
        let filled = total == 0 ? width : width * done / max(1, total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let current = active.last.map { " " + ($0.count > 40 ? "…" + $0.suffix(39) : $0) } ?? ""
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(done)/\(total) built \(counts.built) · skipped \(counts.skipped) · failed \(counts.failed)\(current)".utf8))
    }

    private func clearLine() { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }

    /// A diagnostic as a JSON object: severity, code, message and, where known, file, line, column and hint.
    static func structured(_ d: Diagnostic) -> [String: Any] {
        var object: [String: Any] = ["severity": d.severity.rawValue, "code": d.code.rawValue, "message": d.message]
        if let location = d.location {
            object["file"] = location.file
            if location.line > 0 { object["line"] = location.line }
            if location.column > 0 { object["column"] = location.column }
        }
        if let hint = d.hint { object["hint"] = hint }
        return object
    }

    private func emit(_ fields: [String: Any]) {
        var object = fields
        object["time"] = ISO8601DateFormatter().string(from: Date())
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
}
