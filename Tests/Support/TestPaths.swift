import Foundation

/// Paths of the repository, found from this file's location so tests run from any working directory.
public enum TestPaths {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }   // Tests/Support/TestPaths.swift → repository root
        return url.path
    }()
    public static func repo(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }
    public static var sample: String { repo("Samples/egov") }
    public static var fixtures: String { repo("Tests/Fixtures") }
    /// The seed chapter, beside the repository (shared/ is a sibling of the clone in CI and in sessions).
    public static var seed: String? {
        let candidates = [repo("../shared/seed/000_73824e29137d7e7c.txt"), repo("../../shared/seed/000_73824e29137d7e7c.txt")]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// A fresh temporary folder.
    public static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "dossier-test-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
