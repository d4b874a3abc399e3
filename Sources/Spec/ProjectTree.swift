import Foundation

/// The folder a spec's inputs are expected under: the nearest folder at or above the spec's that holds `.git`,
/// else the folder above the spec's (a `Reports/` folder beside `Samples/` and `Styles/`). A dataset or style read from outside it makes a report that will not rebuild the
/// same on another machine (or in CI), so the loader says so.
struct ProjectTree {
    let root: String

    init(specFolder: String) {
        let start = ProjectTree.normalised(specFolder)
        var folder = start
        while true {
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(".git")) {
                root = folder
                return
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { break }
            folder = parent
        }
        root = (start as NSString).deletingLastPathComponent.isEmpty ? start : (start as NSString).deletingLastPathComponent
    }

    /// Whether `path` (absolute, or relative to the working directory) lies outside the project, symlinks followed.
    func leaves(_ path: String) -> Bool {
        let resolved = ProjectTree.normalised(path)
        return !(resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/"))
    }

    /// Absolute, `..` resolved, symlinks followed.
    static func normalised(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
