import DossierKit
import Foundation
import Hummingbird

/// The resident render service behind `dossier serve`: routes, warm render workers, the response cache and metrics.
public struct DossierService: Sendable {
    public let options: ServeOptions
    public let jail: RootJail
    public let pool: RenderPool
    public let cache: ResponseCache
    public let metrics = ServerMetrics()
    let keys = InputKeys()
    let log: @Sendable (String) -> Void

    public init(options: ServeOptions, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.jail = RootJail(root: options.root)
        self.pool = RenderPool(workers: options.jobs, queueLimit: options.queueLimit, cache: InputCache())
        self.cache = ResponseCache(capacity: options.cacheEntries)
        self.log = log
    }

    /// The HTTP application; `onRunning` gets the bound port (useful with port 0).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: RequestLogMiddleware(metrics: metrics, log: log))
        if let token = options.token { router.add(middleware: BearerAuthMiddleware(token: token)) }
        router.get("/health") { _, _ in
            Self.json(["status": "ok", "version": DossierVersion.current])
        }
        router.get("/metrics") { _, _ in
            let text = metrics.text(queued: await pool.queued, busy: await pool.busy)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/v1/charts") { request, _ in
            let q = request.uri.queryParameters
            guard let spec = q["spec"], let id = q["id"] else {
                throw APIError(.badRequest, "missing-parameter", "GET /v1/charts needs spec and id", hint: "e.g. /v1/charts?spec=Reports/a.yaml&id=bar")
            }
            var params: [String: String] = [:]
            for (k, v) in q where k.hasPrefix("param.") { params[String(k.dropFirst(6))] = String(v) }
            let chart = ChartRequest(spec: String(spec), id: String(id), format: q["format"].map { String($0) }, size: q["size"].map { String($0) },
                                     scale: q["scale"].flatMap { Double($0) }, transparent: q["transparent"].map { $0 == "true" || $0 == "1" },
                                     params: params)
            return try await renderChart(chart, request: request)
        }
        router.post("/v1/charts") { request, _ in
            try await renderChart(try await decode(ChartRequest.self, request), request: request)
        }
        router.post("/v1/reports") { request, _ in
            try await renderReport(try await decode(SpecRequest.self, request), request: request)
        }
        router.post("/v1/validate") { request, _ in
            try await validate(try await decode(SpecRequest.self, request))
        }
        let configuration = ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "dossier")
        return Application(router: router, configuration: configuration, onServerRunning: { channel in
            await onRunning(channel.localAddress?.port ?? 0)
        })
    }

    /// Serves until SIGTERM or SIGINT, then stops accepting connections and lets requests in flight finish.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onRunning: onRunning).runService()
    }

    // MARK: Handlers

    func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > options.maxBodyBytes { throw tooLarge }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: options.maxBodyBytes)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(body.readableBytesView))
        } catch {
            throw APIError(.badRequest, "malformed-json", "the request body is not the expected JSON: \(Self.describe(error))",
                           hint: #"send {"spec": "Reports/x.yaml", …} with Content-Type: application/json"#)
        }
    }

    var tooLarge: APIError {
        APIError(.contentTooLarge, "body-too-large", "the request body is over \(options.maxBodyBytes) bytes", hint: "requests name files under --root; they need no large body")
    }

    func renderChart(_ chart: ChartRequest, request: Request) async throws -> Response {
        let (format, size, scale) = try chart.checked(maxPixels: options.maxPixels)
        let specPath = try resolve(chart.spec)
        return try await cached(spec: specPath, request: chart.canonical, headers: request.headers) {
            let jail = self.jail
            let outcome: Result<[UInt8], APIError> = try await pool.run { engine in
                let loaded = try Self.load(specPath, params: chart.params ?? [:], engine: engine, jail: jail)
                let composed = engine.content(loaded)
                guard !composed.failed else {
                    return .failure(APIError(.unprocessableContent, "spec-errors", "the spec has errors", diagnostics: jail.relative(composed.diagnostics)))
                }
                guard let found = composed.value.charts.first(where: { $0.id == chart.id }) else {
                    return .failure(APIError(.notFound, "no-such-chart", "no chart with id '\(chart.id)' in \(chart.spec)",
                                             hint: "the spec's charts are: " + composed.value.charts.map(\.id).joined(separator: ", ")))
                }
                let (bytes, warnings) = try engine.exportChart(found.spec, size: size, format: format, scale: scale,
                                                               transparent: chart.transparent ?? false, loaded: loaded)
                // A chart that cannot label every mark at this size is refused, as `dossier chart` refuses it.
                let errors = warnings.filter { $0.severity == .error }
                guard errors.isEmpty else {
                    return .failure(APIError(.unprocessableContent, "chart-labels-dropped", errors.map(\.message).joined(separator: "; "),
                                             diagnostics: jail.relative(errors)))
                }
                return .success(bytes)
            }
            metrics.rendered("chart")
            return (try outcome.get(), format.contentType)
        }
    }

    func renderReport(_ spec: SpecRequest, request: Request) async throws -> Response {
        let specPath = try resolve(spec.spec)
        return try await cached(spec: specPath, request: spec.canonical, headers: request.headers) {
            let jail = self.jail
            let outcome: Result<[UInt8], APIError> = try await pool.run { engine in
                let loaded = try Self.load(specPath, params: spec.params ?? [:], engine: engine, jail: jail)
                let composed = engine.content(loaded)
                guard !composed.failed else {
                    return .failure(APIError(.unprocessableContent, "spec-errors", "the spec has errors", diagnostics: jail.relative(composed.diagnostics)))
                }
                return .success(try engine.reportPDF(composed.value, loaded: loaded).bytes)
            }
            metrics.rendered("report")
            return (try outcome.get(), "application/pdf")
        }
    }

    func validate(_ spec: SpecRequest) async throws -> Response {
        let specPath = try resolve(spec.spec)
        let jail = self.jail
        let diagnostics: [Diagnostic] = try await pool.run { engine in
            if let refused = Self.outsideRoot(specPath, params: spec.params ?? [:], jail: jail) { return [refused] }
            return engine.validate(ReportJob(specPath: specPath, parameters: spec.params ?? [:]))
        }
        struct Answer: Encodable { var ok: Bool; var errors: Int; var warnings: Int; var diagnostics: [Diagnostic] }
        let shown = jail.relative(diagnostics)
        let answer = Answer(ok: !shown.contains { $0.severity == .error }, errors: shown.filter { $0.severity == .error }.count,
                            warnings: shown.filter { $0.severity == .warning }.count, diagnostics: shown)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: JSON.encode(answer))))
    }

    // MARK: Helpers

    func resolve(_ path: String) throws(APIError) -> String {
        do { return try jail.resolve(path) } catch { throw APIError.path(error) }
    }

    /// Answers from the response cache when the request and every input file are unchanged; 304 when the client has it.
    func cached(spec: String, request: String, headers: HTTPFields,
                render: () async throws -> (bytes: [UInt8], contentType: String)) async throws -> Response {
        if let key = keys.key(spec: spec, request: request), let entry = cache.get(key) {
            metrics.cache(hit: true)
            return Self.answer(entry, ifNoneMatch: headers[.ifNoneMatch])
        }
        metrics.cache(hit: false)
        let (bytes, contentType) = try await render()
        // The spec loaded, so its file list is known now: store under the key later identical requests compute.
        keys.learn(spec: spec, files: Self.inputFiles(spec))
        let key = keys.key(spec: spec, request: request) ?? SHA256.hex(request)
        let entry = ResponseCache.Entry(bytes: bytes, contentType: contentType, etag: "\"\(key.prefix(32))\"")
        cache.put(key, entry)
        return Self.answer(entry, ifNoneMatch: headers[.ifNoneMatch])
    }

    static func answer(_ entry: ResponseCache.Entry, ifNoneMatch: String?) -> Response {
        if let ifNoneMatch, ifNoneMatch.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == entry.etag }) {
            return Response(status: .notModified, headers: [.eTag: entry.etag])
        }
        return Response(status: .ok, headers: [.contentType: entry.contentType, .eTag: entry.etag, .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(bytes: entry.bytes)))
    }

    static func inputFiles(_ spec: String) -> [String] {
        guard let parsed = ReportSpecLoader.load(path: spec).spec else { return [spec] }
        let styleFiles = parsed.stylePath.isEmpty ? [] : StyleLoader.load(path: parsed.stylePath).files
        return [spec] + styleFiles + DatasetLoader.files(folder: parsed.datasetPath)
    }

    /// A dataset or style named by the spec that lies outside the root, as an error diagnostic.
    static func outsideRoot(_ spec: String, params: [String: String], jail: RootJail) -> Diagnostic? {
        guard let parsed = ReportSpecLoader.load(path: spec, parameters: params).spec else { return nil }
        for (what, path) in [("dataset", parsed.datasetPath), ("style", parsed.stylePath)] where !path.isEmpty && !jail.contains(path) {
            return .error("the \(what) is outside the served folder", at: SourceLocation(file: jail.relative(spec)),
                          hint: "keep datasets and styles under --root", code: .outsideRoot)
        }
        return nil
    }

    /// Loads a spec on a worker, refusing datasets and styles outside the root before reading them.
    static func load(_ spec: String, params: [String: String], engine: ReportEngine, jail: RootJail) throws -> LoadedReport {
        if let refused = outsideRoot(spec, params: params, jail: jail) {
            throw APIError(.forbidden, "path-outside-root", refused.message, hint: refused.hint)
        }
        let (loaded, diagnostics) = engine.load(ReportJob(specPath: spec, parameters: params))
        guard let loaded, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw APIError(.unprocessableContent, "spec-errors", "the spec has errors", hint: "POST /v1/validate lists them",
                           diagnostics: jail.relative(diagnostics))
        }
        return loaded
    }

    static func json(_ object: [String: String]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: JSON.encode(object))))
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "wrong type at '\(c.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted: return "not valid JSON"
        default: return "\(error)"
        }
    }
}

extension RootJail {
    /// Paths in answers are relative to the root: clients never learn where the server keeps its files.
    func relative(_ path: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    func relative(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { d in
            var d = d
            if let location = d.location { d.location?.file = relative(location.file) }
            return d
        }
    }
}

extension OutputFormat {
    var contentType: String {
        switch self {
        case .png: return "image/png"
        case .svg: return "image/svg+xml"
        case .pdf: return "application/pdf"
        }
    }
}
