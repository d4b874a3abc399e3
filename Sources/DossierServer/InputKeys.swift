import DossierKit
import Foundation

/// Content hashes of a spec's input files, for cache keys and ETags. The file list of a spec (itself, its style
/// files, its dataset files) is learnt when it is first loaded; an edit to the spec changes its own hash, so a
/// spec that now names other files never matches an old key.
final class InputKeys: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [String]] = [:]

    func learn(spec: String, files list: [String]) {
        lock.lock(); files[spec] = list; lock.unlock()
    }

    /// nil until the spec's files are known (the request then renders, and the next one can hit the cache).
    func key(spec: String, request: String) -> String? {
        lock.lock(); let list = files[spec]; lock.unlock()
        guard let list else { return nil }
        var text = request
        for file in list {
            let bytes = FileManager.default.contents(atPath: file).map { Array($0) } ?? []
            text += "\n\(file)=\(SHA256.hex(bytes))"
        }
        return SHA256.hex(text)
    }
}
