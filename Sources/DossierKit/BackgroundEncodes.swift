import Dispatch
import Foundation
import RenderCairo

/// An output planned during a build: its bytes, or the index of a PNG still being encoded.
struct PlannedOutput {
    var name: String
    var kind: OutputFormat
    var bytes: [UInt8] = []
    var pages: Int?
    var width: Int?
    var height: Int?
    var encode: Int?
}

/// Chart images rasterised and PNG-encoded on a background queue while the build thread lays out and writes
/// the PDF (one serial queue per build, so a report uses at most one extra core). Rasterising shares the
/// build's Pango engine, whose lock serialises only the text drawing.
final class BackgroundEncodes: @unchecked Sendable {
    private let queue = DispatchQueue(label: "dossier.png-encode")
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var results: [Int: Result<[UInt8], Error>] = [:]
    private var count = 0

    /// Starts making an image; returns the index to read its bytes with after `wait`.
    func start(_ work: @escaping @Sendable () throws -> [UInt8]) -> Int {
        let index = count
        count += 1
        queue.async(group: group) { [self] in
            let result = Result { try work() }
            lock.lock()
            results[index] = result
            lock.unlock()
        }
        return index
    }

    /// Waits for every encode; the first failure is thrown.
    func wait() throws -> [Int: [UInt8]] {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        var out: [Int: [UInt8]] = [:]
        for index in 0..<count {
            guard let result = results[index] else { continue }
            out[index] = try result.get()
        }
        return out
    }
}
