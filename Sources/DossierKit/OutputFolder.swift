import Foundation
import Spec

/// Where a report's outputs go: names are normalised and confined to the output folder (`--out`).
enum OutputFolder {
    /// The full path for an output name, after checking that it stays inside `root` and that no folder between
    /// `root` and the file is a symbolic link (which could lead out of it).
    static func path(for name: String, in root: String) throws -> (relative: String, full: String) {
        let relative: String
        switch OutputName.normalise(name) {
        case .success(let n): relative = n
        case .failure(let problem): throw BuildError.write(path: name.replacingOccurrences(of: "\0", with: "\\0"), reason: "the output name \(problem)")
        }
        var folder = root
        for part in relative.split(separator: "/").dropLast() {
            folder = (folder as NSString).appendingPathComponent(String(part))
            var info = stat()
            if lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                throw BuildError.write(path: folder, reason: "it is a symbolic link; outputs are only written to real folders inside the output folder")
            }
        }
        return (relative, (root as NSString).appendingPathComponent(relative))
    }
}
