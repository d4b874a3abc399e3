import Foundation
import Hummingbird

/// Writes one JSON line per request and counts it for `/metrics`; turns `APIError`s into their JSON answers.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    let log: @Sendable (String) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now()
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = error.response
        } catch is RenderPool.Busy {
            var busy = APIError(.serviceUnavailable, "busy", "every render worker is busy and the queue is full", hint: "retry after a second")
            busy.retryAfter = 1
            response = busy.response
        } catch let error as HTTPResponseError {
            response = APIError(error.status, "http", error.status.reasonPhrase).response
        } catch {
            response = APIError(.internalServerError, "internal", "\(error)").response
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let status = response.status.code
        metrics.request(method: request.method.rawValue, status: status, seconds: seconds)
        let line = RequestLogLine(time: Date().ISO8601Format(), method: request.method.rawValue, path: request.uri.path, status: status,
                        ms: (seconds * 1e5).rounded() / 100, bytes: response.body.contentLength)
        log(String(decoding: JSON.encode(line), as: UTF8.self))
        return response
    }
}

/// One request in the log.
struct RequestLogLine: Encodable {
    var time: String
    var method: String
    var path: String
    var status: Int
    var ms: Double
    var bytes: Int?
}

/// Requires `Authorization: Bearer <token>` on every path but `/health`, compared in constant time.
struct BearerAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path != "/health" else { return try await next(request, context) }
        let given = request.headers[.authorization].map { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : "" } ?? ""
        guard Self.constantTimeEqual(Array(given.utf8), Array(token.utf8)) else {
            throw APIError(.unauthorized, "unauthorized", "missing or wrong bearer token", hint: "send Authorization: Bearer <token from --token-file>")
        }
        return try await next(request, context)
    }

    /// Time depends on the lengths only, never on where the first difference is.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) {
            difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return difference == 0
    }
}
