import Foundation

/// Prints how long each phase of a build took when `DOSSIER_TIMING=1` is set (for profiling; off by default).
struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["DOSSIER_TIMING"] == "1"
    private var last = DispatchTime.now()
    let label: String

    init(_ label: String) { self.label = label }

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        FileHandle.standardError.write(Data(String(format: "timing %@ %@ %.1f ms\n", label, phase, ms).utf8))
        last = now
    }
}
