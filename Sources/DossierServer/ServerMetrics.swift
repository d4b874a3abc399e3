import Foundation

/// Counters for `GET /metrics`, written out in Prometheus' text format.
public final class ServerMetrics: @unchecked Sendable {
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private let lock = NSLock()
    private var requests: [String: Int] = [:]   // "method status" → count
    private var bucketCounts = [Int](repeating: 0, count: buckets.count)
    private var latencyCount = 0
    private var latencySum = 0.0
    private var renders: [String: Int] = [:]
    private var cacheHits = 0
    private var cacheMisses = 0

    public init() {}

    func request(method: String, status: Int, seconds: Double) {
        lock.lock(); defer { lock.unlock() }
        requests["\(method) \(status)", default: 0] += 1
        for (i, bound) in Self.buckets.enumerated() where seconds <= bound { bucketCounts[i] += 1 }
        latencyCount += 1
        latencySum += seconds
    }

    func rendered(_ kind: String) { lock.lock(); renders[kind, default: 0] += 1; lock.unlock() }
    func cache(hit: Bool) { lock.lock(); if hit { cacheHits += 1 } else { cacheMisses += 1 }; lock.unlock() }

    func text(queued: Int, busy: Int) -> String {
        lock.lock(); defer { lock.unlock() }
        var out = "# HELP dossier_requests_total HTTP requests answered.\n# TYPE dossier_requests_total counter\n"
        for (key, n) in requests.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: " ")
            out += "dossier_requests_total{method=\"\(parts[0])\",status=\"\(parts[1])\"} \(n)\n"
        }
        out += "# HELP dossier_request_duration_seconds Time from request to response.\n# TYPE dossier_request_duration_seconds histogram\n"
        for (i, bound) in Self.buckets.enumerated() {
            out += "dossier_request_duration_seconds_bucket{le=\"\(bound)\"} \(bucketCounts[i])\n"
        }
        out += "dossier_request_duration_seconds_bucket{le=\"+Inf\"} \(latencyCount)\n"
        out += "dossier_request_duration_seconds_sum \(latencySum)\ndossier_request_duration_seconds_count \(latencyCount)\n"
        out += "# HELP dossier_renders_total Charts and reports rendered (cache misses).\n# TYPE dossier_renders_total counter\n"
        for kind in ["chart", "report"] { out += "dossier_renders_total{kind=\"\(kind)\"} \(renders[kind, default: 0])\n" }
        out += "# HELP dossier_cache_hits_total Requests answered from the response cache.\n# TYPE dossier_cache_hits_total counter\n"
        out += "dossier_cache_hits_total \(cacheHits)\n"
        out += "# HELP dossier_cache_misses_total Cacheable requests that had to render.\n# TYPE dossier_cache_misses_total counter\n"
        out += "dossier_cache_misses_total \(cacheMisses)\n"
        out += "# HELP dossier_queue_depth Requests waiting for a render worker.\n# TYPE dossier_queue_depth gauge\n"
        out += "dossier_queue_depth \(queued)\n"
        out += "# HELP dossier_workers_busy Render workers busy now.\n# TYPE dossier_workers_busy gauge\n"
        out += "dossier_workers_busy \(busy)\n"
        return out
    }
}
