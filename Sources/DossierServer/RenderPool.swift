import DossierKit
import Foundation

/// A fixed set of render workers, each a warm `ReportEngine` (fonts and layouts stay loaded) on its own thread,
/// so blocking Cairo work never occupies Swift's cooperative threads. Requests beyond the workers wait in a
/// bounded queue; beyond that they are refused at once (the caller answers 503).
public actor RenderPool {
    public struct Busy: Error {}

    final class Worker: @unchecked Sendable {
        // Used only on `queue`, one job at a time (ReportEngine is not thread-safe).
        let engine: ReportEngine
        let queue: DispatchQueue
        init(engine: ReportEngine, index: Int) {
            self.engine = engine
            self.queue = DispatchQueue(label: "dossier.render.\(index)")
        }
    }

    private var free: [Worker]
    private var waiters: [CheckedContinuation<Worker, Never>] = []
    private let queueLimit: Int
    public let workers: Int

    public init(workers: Int, queueLimit: Int, cache: InputCache) {
        self.workers = workers
        self.queueLimit = queueLimit
        self.free = (0..<workers).map { Worker(engine: ReportEngine(cache: cache), index: $0) }
    }

    /// Requests waiting for a worker.
    public var queued: Int { waiters.count }
    /// Workers rendering now.
    public var busy: Int { workers - free.count }

    func acquire() async throws -> Worker {
        if let worker = free.popLast() { return worker }
        guard waiters.count < queueLimit else { throw Busy() }
        return await withCheckedContinuation { waiters.append($0) }
    }

    func release(_ worker: Worker) {
        if waiters.isEmpty { free.append(worker) } else { waiters.removeFirst().resume(returning: worker) }
    }

    /// Holds one worker until `release` is called; lets tests fill the pool deterministically.
    public func hold() async throws -> @Sendable () async -> Void {
        let worker = try await acquire()
        return { await self.release(worker) }
    }

    /// Runs `body` on a free worker's thread. Throws `Busy` when the queue is full.
    public func run<T: Sendable>(_ body: @escaping @Sendable (ReportEngine) throws -> T) async throws -> T {
        let worker = try await acquire()
        defer { release(worker) }
        return try await withCheckedThrowingContinuation { continuation in
            worker.queue.async { continuation.resume(with: Result { try body(worker.engine) }) }
        }
    }
}
