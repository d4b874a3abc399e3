import DossierKit
import Foundation

/// Content hashes of a spec's input files, for cache keys and ETags. The file list of a spec (itself, its style
/// files, its dataset files) is learnt when it is first loaded; an edit to the spec changes its own hash, so a
/// spec that now names other files never matches an old key.
final class InputKeys: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [String]] = [:]
    /// A file's content hash, reused while its size, modification time and inode are unchanged: hashing a dataset
    /// on every request would cost more than answering from the cache.
    private var digests: [String: (stamp: String, hash: String)] = [:]

    func learn(spec: String, files list: [String]) {
        lock.lock(); files[spec] = list; lock.unlock()
    }

    /// nil until the spec's files are known (the request then renders, and the next one can hit the cache).
    func key(spec: String, request: String) -> String? {
        lock.lock(); let list = files[spec]; lock.unlock()
        guard let list else { return nil }
        var text = request
        for file in list { text += "\n\(file)=\(digest(file))" }
        return SHA256.hex(text)
    }

    func digest(_ file: String) -> String {
        let attributes = (try? FileManager.default.attributesOfItem(atPath: file)) ?? [:]
        let stamp = "\(attributes[.size] ?? "-")|\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)|\(attributes[.systemFileNumber] ?? "-")"
        lock.lock()
        if let known = digests[file], known.stamp == stamp { lock.unlock(); return known.hash }
        lock.unlock()
        let hash = SHA256.hex(FileManager.default.contents(atPath: file).map { Array($0) } ?? [])
        lock.lock(); digests[file] = (stamp, hash); lock.unlock()
        return hash
    }
}
