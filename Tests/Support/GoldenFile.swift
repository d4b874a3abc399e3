import Foundation

/// Golden text files, accepted one at a time by a person.
///
/// A dump that differs from `DIR/NAME.txt` fails, showing the first differing line (expected and actual).
/// `DOSSIER_UPDATE_GOLDENS=NAME[,NAME…]` rewrites exactly the named goldens — and still fails, asking for the
/// diff to be reviewed and the tests rerun without the variable. No setting rewrites every golden, and no run
/// that rewrites one passes.
public enum GoldenFile {
    public static let variable = "DOSSIER_UPDATE_GOLDENS"

    /// nil when the dump matches its golden, else what is wrong (a difference, a rewrite to review, a missing file).
    public static func check(_ text: String, name: String, directory: URL) -> String? {
        let url = directory.appendingPathComponent(name + ".txt")
        let requested = (ProcessInfo.processInfo.environment[variable] ?? "").split(separator: ",").map(String.init)
        if requested.contains(name) {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
                return "rewrote \(url.path): review `git diff` of it, then rerun without \(variable)"
            } catch {
                return "could not write \(url.path): \(error)"
            }
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "missing golden \(url.path); create it with \(variable)=\(name) and review it"
        }
        if expected == text { return nil }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : "<end>", y = i < b.count ? String(b[i]) : "<end>"
            if x != y { return "\(name).txt line \(i + 1):\n  expected: \(x)\n  actual:   \(y)\naccept it with \(variable)=\(name) after checking the change" }
        }
        return "\(name).txt differs"
    }
}
