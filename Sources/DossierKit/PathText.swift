import Foundation

/// Lexical path arithmetic (no file system access, no symlink resolution), for paths shown and recorded.
public enum PathText {
    /// `a/./b/../c` → `a/c`; keeps leading `..` of relative paths; `""` → `.`.
    public static func normalise(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if part == "..", absolute { continue }   // "/.." is "/"
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `path` relative to the folder `base` (both made absolute against the working directory first).
    public static func relative(_ path: String, to base: String = FileManager.default.currentDirectoryPath) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ p: String) -> [Substring] {
            normalise(p.hasPrefix("/") ? p : cwd + "/" + p).split(separator: "/")
        }
        let target = absolute(path), from = absolute(base)
        var common = 0
        while common < target.count, common < from.count, target[common] == from[common] { common += 1 }
        let ups = Array(repeating: Substring(".."), count: from.count - common)
        let rest = ups + target[common...]
        return rest.isEmpty ? "." : rest.joined(separator: "/")
    }
}
