import DossierKit
import Foundation
import Hummingbird

/// A refused request, answered with its status and a JSON body `{"error": {code, message, hint}, "diagnostics": […]}`.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var hint: String?
    public var diagnostics: [Diagnostic] = []
    public var retryAfter: Int?

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String, hint: String? = nil, diagnostics: [Diagnostic] = []) {
        self.status = status; self.code = code; self.message = message; self.hint = hint; self.diagnostics = diagnostics
    }

    static func path(_ failure: RootJail.Failure) -> APIError {
        switch failure {
        case .forbidden(let p):
            return APIError(.forbidden, "path-outside-root", "'\(p)' is outside the served folder",
                            hint: "give a path relative to --root, without '..', that does not lead out through a symlink")
        case .notFound(let p):
            return APIError(.notFound, "not-found", "no file '\(p)' under the served folder", hint: "paths are relative to --root")
        }
    }

    var response: Response {
        struct Body: Encodable {
            struct Detail: Encodable { var code: String; var message: String; var hint: String? }
            var error: Detail
            var diagnostics: [Diagnostic]
        }
        var headers: HTTPFields = [.contentType: "application/json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        let body = Body(error: .init(code: code, message: message, hint: hint), diagnostics: diagnostics)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: JSON.encode(body))))
    }
}

enum JSON {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? Array(encoder.encode(value))) ?? Array(#"{"error":{"code":"encode","message":"could not encode the answer"}}"#.utf8)
    }
}
