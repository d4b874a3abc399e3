/// Names of output files, relative to the output folder (`--out`): normalised, and never leaving it.
public enum OutputName {
    /// The longest file name component most file systems accept (bytes).
    public static let maximumComponentBytes = 255
    /// The longest relative output path accepted (bytes), well under PATH_MAX with any `--out`.
    public static let maximumPathBytes = 1024

    /// The name with `.` and empty components removed and `a/..` folded, or a reason it cannot be an output:
    /// empty, a NUL byte, absolute, leaving the output folder, hidden (a leading dot), or too long.
    public static func normalise(_ name: String) -> Result<String, Problem> {
        if name.utf8.contains(0) { return .failure(Problem("contains a NUL byte")) }
        if name.hasPrefix("/") { return .failure(Problem("is an absolute path; outputs are written inside the output folder")) }
        var parts: [Substring] = []
        for part in name.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return .failure(Problem("points outside the output folder")) }
                parts.removeLast()
            default:
                if part.utf8.count > maximumComponentBytes {
                    return .failure(Problem("has a part of \(part.utf8.count) bytes, over the \(maximumComponentBytes)-byte limit of file names"))
                }
                parts.append(part)
            }
        }
        guard let last = parts.last else { return .failure(Problem("is empty")) }
        if last.hasPrefix(".") { return .failure(Problem("names a hidden file")) }
        let joined = parts.joined(separator: "/")
        if joined.utf8.count > maximumPathBytes { return .failure(Problem("is \(joined.utf8.count) bytes long, over the \(maximumPathBytes)-byte limit")) }
        return .success(joined)
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
