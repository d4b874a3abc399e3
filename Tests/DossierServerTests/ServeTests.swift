import DossierServer
import Foundation
import Testing

private let chartPath = "/v1/charts?spec=Reports/r.yaml&id=share&size=320x200"

@Suite struct ServeTests {
    @Test func healthAnswersAndEveryRequestLogsOneJSONLine() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let answer = try await server.send("/health")
        #expect(answer.status == 200)
        #expect(answer.json()["status"] as? String == "ok")
        _ = try await server.send("/nope")
        let lines = server.logs.all
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["path"] as? String == "/health")
        #expect(first["status"] as? Int == 200)
        #expect(first["ms"] is Double)
        #expect(lines[1].contains(#""status":404"#))
    }

    @Test func rendersAChartAsPNGSVGAndPDFAtTheAskedSize() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let png = try await server.send(chartPath)
        #expect(png.status == 200)
        #expect(png.headers["content-type"] == "image/png")
        let size = try #require(pngSize(png.body))
        #expect(size.0 == 320 && size.1 == 200)
        let doubled = try await server.post("/v1/charts", json: #"{"spec":"Reports/r.yaml","id":"share","size":"320x200","scale":2}"#)
        #expect(pngSize(doubled.body).map { $0.0 == 640 && $0.1 == 400 } == true)
        let svg = try await server.post("/v1/charts", json: #"{"spec":"Reports/r.yaml","id":"share","format":"svg","size":"320x200"}"#)
        #expect(svg.status == 200 && svg.headers["content-type"] == "image/svg+xml")
        #expect(svg.text.contains("<svg"))
        let pdf = try await server.post("/v1/charts", json: #"{"spec":"Reports/r.yaml","id":"share","format":"pdf","size":"320x200"}"#)
        #expect(Array(pdf.body.prefix(5)) == Array("%PDF-".utf8))
        #expect(try pdfText(pdf.body).contains("三地份额"))
        let missing = try await server.send("/v1/charts?spec=Reports/r.yaml&id=nope")
        #expect(missing.status == 404)
        #expect(missing.json()["error"].flatMap { ($0 as? [String: Any])?["hint"] as? String }?.contains("share") == true)
    }

    @Test func buildsAReportToPDFBytes() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let answer = try await server.post("/v1/reports", json: #"{"spec":"Reports/r.yaml"}"#)
        #expect(answer.status == 200)
        #expect(answer.headers["content-type"] == "application/pdf")
        let text = try pdfText(answer.body)
        #expect(text.contains("调查份额"))
        #expect(text.contains("三地份额"))
    }

    @Test func pathsOutsideTheRootAreRefused() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        for spec in ["../outside/secret.yaml", "Reports/../../outside/r.yaml", "/etc/passwd", "Reports/link.yaml"] {
            let answer = try await server.post("/v1/charts", json: #"{"spec":"\#(spec)","id":"share"}"#)
            #expect(answer.status == 403, "\(spec)")
            #expect(answer.json()["error"].flatMap { ($0 as? [String: Any])?["code"] as? String } == "path-outside-root")
            #expect(!answer.text.contains("do-not-serve") && !answer.text.contains(server.folder.base))
        }
        // A spec inside the root whose dataset lies outside it.
        let escape = try await server.post("/v1/reports", json: #"{"spec":"Reports/escape.yaml"}"#)
        #expect(escape.status == 403)
        let validated = try await server.post("/v1/validate", json: #"{"spec":"Reports/escape.yaml"}"#)
        #expect(validated.json()["ok"] as? Bool == false)
        #expect(validated.text.contains("outside-root"))
        #expect(try await server.send("/v1/charts?spec=Reports/missing.yaml&id=share").status == 404)
        #expect(try await server.send("/v1/charts?spec=..%2Foutside%2Fr.yaml&id=share").status == 403)
    }

    @Test func oversizeBodiesAndImagesAreRefusedWithJSON() async throws {
        let server = try await TestServer.start(maxBodyBytes: 4096, maxPixels: 1_000_000)
        defer { Task { await server.stop() } }
        let padding = String(repeating: " ", count: 5000)
        let big = try await server.post("/v1/charts", json: #"{"spec":"Reports/r.yaml","id":"share"\#(padding)}"#)
        #expect(big.status == 413)
        #expect(big.json()["error"].flatMap { ($0 as? [String: Any])?["code"] as? String } == "body-too-large")
        let huge = try await server.send("/v1/charts?spec=Reports/r.yaml&id=share&size=2000x1000")
        #expect(huge.status == 422)
        #expect(huge.text.contains("too-many-pixels"))
        let scaled = try await server.post("/v1/charts", json: #"{"spec":"Reports/r.yaml","id":"share","size":"800x600","scale":4}"#)
        #expect(scaled.status == 422)
        #expect(try await server.send("/v1/charts?spec=Reports/r.yaml&id=share&size=99999x10").status == 422)
        #expect(try await server.send("/v1/charts?spec=Reports/r.yaml&id=share&format=gif").status == 422)
    }

    @Test func malformedJSONIs400() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let broken = try await server.post("/v1/charts", json: #"{"spec": "Reports/r.yaml", "id": "#)
        #expect(broken.status == 400)
        #expect(broken.json()["error"].flatMap { ($0 as? [String: Any])?["code"] as? String } == "malformed-json")
        let missingKey = try await server.post("/v1/reports", json: #"{"path":"Reports/r.yaml"}"#)
        #expect(missingKey.status == 400)
        #expect(missingKey.text.contains("spec"))
        #expect(try await server.post("/v1/validate", json: #"{"spec": 3}"#).status == 400)
    }

    @Test func aTokenIsRequiredEverywhereButHealth() async throws {
        let token = "0123456789abcdef0123456789abcdef"
        let server = try await TestServer.start(token: token)
        defer { Task { await server.stop() } }
        #expect(try await server.send("/health").status == 200)
        #expect(try await server.send(chartPath).status == 401)
        #expect(try await server.send("/metrics").status == 401)
        #expect(try await server.send(chartPath, headers: ["Authorization": "Bearer wrong"]).status == 401)
        #expect(try await server.send(chartPath, headers: ["Authorization": "Bearer \(token)x"]).status == 401)
        #expect(try await server.send(chartPath, headers: ["Authorization": token]).status == 401)
        #expect(try await server.send(chartPath, headers: ["Authorization": "Bearer \(token)"]).status == 200)
    }

    @Test func listeningBeyondLoopbackNeedsAToken() throws {
        let root = NSTemporaryDirectory()
        #expect(throws: ServeError.self) { try ServeOptions(host: "0.0.0.0", root: root).check() }
        #expect(throws: ServeError.self) { try ServeOptions(host: "192.168.1.5", root: root, token: "short").check() }
        #expect(throws: ServeError.self) { try ServeOptions(root: root + "/no-such-folder-\(UUID().uuidString)").check() }
        try ServeOptions(host: "0.0.0.0", root: root, token: String(repeating: "k", count: 32)).check()
        try ServeOptions(host: "127.0.0.1", root: root).check()
        try ServeOptions(host: "::1", root: root).check()
        #expect(ServeOptions.parseListen("0.0.0.0:9000").map { $0.host == "0.0.0.0" && $0.port == 9000 } == true)
        #expect(ServeOptions.parseListen("[::1]:80").map { $0.host == "::1" && $0.port == 80 } == true)
        #expect(ServeOptions.parseListen("nonsense") == nil)
    }

    @Test func identicalRequestsAreCachedWithETagsAndFileEditsInvalidate() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let first = try await server.send(chartPath)
        let etag = try #require(first.headers["etag"])
        let second = try await server.send(chartPath)
        #expect(second.headers["etag"] == etag)
        #expect(second.body == first.body)
        let notModified = try await server.send(chartPath, headers: ["If-None-Match": etag])
        #expect(notModified.status == 304)
        #expect(notModified.body.isEmpty)
        var metrics = try await server.send("/metrics").text
        #expect(metrics.contains("dossier_renders_total{kind=\"chart\"} 1\n"))
        #expect(metrics.contains("dossier_cache_hits_total 2\n"))
        // An edited dataset file is a new input: a new render with a new ETag, even with the old If-None-Match.
        try ServedFolder.writeDataset(server.folder.root + "/data", shares: [10, 90, 40])
        let edited = try await server.send(chartPath, headers: ["If-None-Match": etag])
        #expect(edited.status == 200)
        #expect(edited.headers["etag"] != etag)
        #expect(edited.body != first.body)
        metrics = try await server.send("/metrics").text
        #expect(metrics.contains("dossier_renders_total{kind=\"chart\"} 2\n"))
    }

    @Test func aFullQueueAnswers503WithRetryAfter() async throws {
        let server = try await TestServer.start(jobs: 1, queueLimit: 0)
        defer { Task { await server.stop() } }
        let release = try await server.service.pool.hold()
        let busy = try await server.send(chartPath)
        #expect(busy.status == 503)
        #expect(busy.headers["retry-after"] == "1")
        #expect(busy.json()["error"].flatMap { ($0 as? [String: Any])?["code"] as? String } == "busy")
        await release()
        #expect(try await server.send(chartPath).status == 200)
    }

    @Test func queuedRequestsWaitForAWorkerAndAllSucceed() async throws {
        let server = try await TestServer.start(jobs: 2, queueLimit: 8)
        defer { Task { await server.stop() } }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<6 {
                group.addTask { try await server.send("/v1/charts?spec=Reports/r.yaml&id=share&size=\(320 + i)x200").status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == [Int](repeating: 200, count: 6))
        #expect(await server.service.pool.queued == 0)
    }

    @Test func validateAnswersJSONDiagnosticsWithPathsRelativeToTheRoot() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let good = try await server.post("/v1/validate", json: #"{"spec":"Reports/r.yaml"}"#)
        #expect(good.status == 200)
        #expect(good.json()["ok"] as? Bool == true)
        let bad = try await server.post("/v1/validate", json: #"{"spec":"Reports/bad.yaml"}"#)
        #expect(bad.json()["ok"] as? Bool == false)
        let diagnostics = try #require(bad.json()["diagnostics"] as? [[String: Any]])
        #expect(!diagnostics.isEmpty)
        let file = (diagnostics.first?["location"] as? [String: Any])?["file"] as? String
        #expect(file == "Reports/bad.yaml")
        #expect(!bad.text.contains(server.folder.base))
    }

    @Test func metricsArePrometheusText() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        _ = try await server.send("/health")
        let metrics = try await server.send("/metrics")
        #expect(metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
        #expect(metrics.text.contains("dossier_requests_total{method=\"GET\",status=\"200\"} 1\n"))
        #expect(metrics.text.contains("# TYPE dossier_request_duration_seconds histogram"))
        #expect(metrics.text.contains("dossier_request_duration_seconds_bucket{le=\"+Inf\"} 1\n"))
        #expect(metrics.text.contains("dossier_queue_depth 0\n"))
    }
}

@Suite struct RootJailTests {
    @Test func resolvesInsideAndRefusesEscapes() throws {
        let folder = try ServedFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder.base) }
        let jail = RootJail(root: folder.root)
        #expect(try jail.resolve("Reports/r.yaml").hasSuffix("/root/Reports/r.yaml"))
        #expect(throws: RootJail.Failure.forbidden("../outside/r.yaml")) { try jail.resolve("../outside/r.yaml") }
        #expect(throws: RootJail.Failure.forbidden("Reports/link.yaml")) { try jail.resolve("Reports/link.yaml") }
        #expect(throws: RootJail.Failure.forbidden("/etc/passwd")) { try jail.resolve("/etc/passwd") }
        #expect(throws: RootJail.Failure.notFound("Reports/none.yaml")) { try jail.resolve("Reports/none.yaml") }
        #expect(!jail.contains(folder.base + "/outside/data"))
        #expect(jail.contains(folder.root + "/data"))
        // A sibling folder sharing the root's name as a prefix is still outside.
        try FileManager.default.createDirectory(atPath: folder.root + "-evil", withIntermediateDirectories: true)
        #expect(!jail.contains(folder.root + "-evil"))
    }
}
