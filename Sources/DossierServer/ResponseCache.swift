import Foundation

/// Rendered responses for identical requests, bounded by entry count (least recently used goes first).
/// Keys are content hashes of the request and of every input file, so an edited file never hits a stale entry.
public final class ResponseCache: @unchecked Sendable {
    public struct Entry: Sendable {
        public var bytes: [UInt8]
        public var contentType: String
        public var etag: String
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var order: [String] = []   // oldest first; small (hundreds), so linear updates are fine
    private let capacity: Int

    public init(capacity: Int) { self.capacity = max(0, capacity) }

    public func get(_ key: String) -> Entry? {
        lock.lock(); defer { lock.unlock() }
        guard let entry = entries[key] else { return nil }
        if let i = order.firstIndex(of: key) { order.remove(at: i) }
        order.append(key)
        return entry
    }

    public func put(_ key: String, _ entry: Entry) {
        guard capacity > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        if entries.updateValue(entry, forKey: key) == nil {
            order.append(key)
            while order.count > capacity { entries[order.removeFirst()] = nil }
        }
    }

    public var count: Int { lock.lock(); defer { lock.unlock() }; return entries.count }
}
