import DossierServer
import Foundation
import Hummingbird

/// Log lines the service wrote, kept for assertions.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

/// A served folder built in the test: a three-row dataset, a spec with one bar chart and a PDF, and an outside
/// folder (with a secret and a dataset) that a symlink and a spec inside the root point at.
struct ServedFolder {
    let base: String
    var root: String { base + "/root" }

    static let spec = """
        version: 1
        title: 服务测试
        date: 2024-01-01
        language: zh-cn
        dataset: ../data
        sections:
          - heading: 调查份额
          - chart: {id: share, kind: bar, indicator: survey.share, title: 三地份额}
        outputs:
          pdf: r.pdf

        """

    static func make() throws -> ServedFolder {
        let base = NSTemporaryDirectory() + "dossier-serve-\(UUID().uuidString)"
        let folder = ServedFolder(base: base)
        let fm = FileManager.default
        for dir in ["/root/Reports", "/root/data", "/outside/data"] { try fm.createDirectory(atPath: base + dir, withIntermediateDirectories: true) }
        try writeDataset(base + "/root/data", shares: [50.5, 30, 12])
        try writeDataset(base + "/outside/data", shares: [1, 2, 3])
        try spec.write(toFile: folder.root + "/Reports/r.yaml", atomically: true, encoding: .utf8)
        try spec.replacingOccurrences(of: "indicator: survey.share", with: "indicator: survey.nothing")
            .write(toFile: folder.root + "/Reports/bad.yaml", atomically: true, encoding: .utf8)
        try spec.replacingOccurrences(of: "dataset: ../data", with: "dataset: ../../outside/data")
            .write(toFile: folder.root + "/Reports/escape.yaml", atomically: true, encoding: .utf8)
        try "secret: do-not-serve\n".write(toFile: base + "/outside/secret.yaml", atomically: true, encoding: .utf8)
        try spec.write(toFile: base + "/outside/r.yaml", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: folder.root + "/Reports/link.yaml", withDestinationPath: base + "/outside/r.yaml")
        return folder
    }

    static func writeDataset(_ dir: String, shares: [Double]) throws {
        try "id,name_zh,name_en,kind,parent,tags\nUS,美国,United States,country,,\nCN,中国,China,country,,\nCN-SH,上海,Shanghai,city,CN,\n"
            .write(toFile: dir + "/entities.csv", atomically: true, encoding: .utf8)
        try "indicators:\n  - id: survey.share\n    label: {zh: 比例, en: Share}\n    unit: percent\n    source: survey\n"
            .write(toFile: dir + "/indicators.yaml", atomically: true, encoding: .utf8)
        try "sources:\n  - id: survey\n    publisher: {zh: 调查机构, en: Survey body}\n    title: {zh: 调查, en: Survey}\n    years: [2000, 2010]\n"
            .write(toFile: dir + "/sources.yaml", atomically: true, encoding: .utf8)
        let rows = zip(["US", "CN", "CN-SH"], shares).map { "\($0),survey.share,2001,\($1),," }.joined(separator: "\n")
        try ("entity,indicator,period,value,note,quote\n" + rows + "\n").write(toFile: dir + "/observations.csv", atomically: true, encoding: .utf8)
    }
}

/// The service started in-process on a free loopback port.
struct TestServer {
    let service: DossierService
    let port: Int
    let folder: ServedFolder
    let logs: LogLines
    let task: Task<Void, Error>

    static func start(token: String? = nil, jobs: Int = 1, queueLimit: Int = 4, maxBodyBytes: Int = 4096,
                      maxPixels: Double = 4_000_000) async throws -> TestServer {
        let folder = try ServedFolder.make()
        let logs = LogLines()
        let options = ServeOptions(port: 0, root: folder.root, token: token, jobs: jobs, queueLimit: queueLimit,
                                   maxBodyBytes: maxBodyBytes, maxPixels: maxPixels, cacheEntries: 16)
        let service = DossierService(options: options, log: { logs.append($0) })
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = service.application(onRunning: { continuation.yield($0) })
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw HTTPTestClient.Failure(description: "server did not start") }
        return TestServer(service: service, port: port, folder: folder, logs: logs, task: task)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
        try? FileManager.default.removeItem(atPath: folder.base)
    }

    /// Sends on a Dispatch thread: the blocking socket never holds one of Swift's few cooperative threads.
    func send(_ path: String, method: String = "GET", headers: [String: String] = [:], body: [UInt8] = []) async throws -> HTTPAnswer {
        let port = self.port
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try HTTPTestClient.send(port: port, method: method, path: path, headers: headers, body: body) })
            }
        }
    }

    func post(_ path: String, json: String, headers: [String: String] = [:]) async throws -> HTTPAnswer {
        try await send(path, method: "POST", headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a }, body: Array(json.utf8))
    }
}

/// Width and height from a PNG's IHDR chunk, or nil when the bytes are not a PNG.
func pngSize(_ bytes: [UInt8]) -> (Int, Int)? {
    guard bytes.count > 24, Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
          Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
    func be(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (be(16), be(20))
}

/// Text of a PDF through poppler's pdftotext.
func pdfText(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "dossier-serve-\(UUID().uuidString).pdf"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    process.arguments = [path, "-"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
