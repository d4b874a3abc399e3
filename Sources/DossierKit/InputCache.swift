import Foundation
import Geometry
import Model
import Spec

/// Datasets and styles loaded once per process and shared by every report of a batch (keyed by path and
/// content hash, so an edit between watch rebuilds is picked up).
public final class InputCache: @unchecked Sendable {
    private let lock = NSLock()
    private var datasets: [String: (hash: String, dataset: Dataset?, diagnostics: [Diagnostic])] = [:]
    private var styles: [String: (hash: String, style: Style?, files: [String], diagnostics: [Diagnostic])] = [:]

    public init() {}

    static func folderHash(_ files: [String]) -> String {
        InputFingerprint.hashes(of: files).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    public func dataset(_ folder: String) -> (Dataset?, [Diagnostic]) {
        let hash = Self.folderHash(DatasetLoader.files(folder: folder))
        lock.lock()
        if let cached = datasets[folder], cached.hash == hash { lock.unlock(); return (cached.dataset, cached.diagnostics) }
        lock.unlock()
        let (dataset, diagnostics) = DatasetLoader.load(folder: folder)
        lock.lock()
        datasets[folder] = (hash, dataset, diagnostics)
        lock.unlock()
        return (dataset, diagnostics)
    }

    public func style(_ path: String) -> (Style?, [String], [Diagnostic]) {
        lock.lock()
        if let cached = styles[path], cached.hash == Self.folderHash(cached.files) { lock.unlock(); return (cached.style, cached.files, cached.diagnostics) }
        lock.unlock()
        let (style, files, diagnostics) = StyleLoader.load(path: path)
        lock.lock()
        styles[path] = (Self.folderHash(files), style, files, diagnostics)
        lock.unlock()
        return (style, files, diagnostics)
    }
}
