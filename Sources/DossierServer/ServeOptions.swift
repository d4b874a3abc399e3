import Foundation

/// Settings of one `dossier serve` process. Limits have defaults sized for slide images on a small machine.
public struct ServeOptions: Sendable {
    public var host: String
    public var port: Int
    /// Every spec, dataset and style the service reads must resolve (after symlinks) inside this folder.
    public var root: String
    /// When set, every endpoint but `/health` needs `Authorization: Bearer <token>`.
    public var token: String?
    /// Render workers, each with its own warm engine (fonts, layouts).
    public var jobs: Int
    /// Requests allowed to wait for a worker; one more is answered 503 with Retry-After.
    public var queueLimit: Int
    public var maxBodyBytes: Int
    /// Pixels of one image (width × height × scale²); more is answered 422.
    public var maxPixels: Double
    /// Rendered responses kept for identical requests.
    public var cacheEntries: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, root: String, token: String? = nil, jobs: Int = 2,
                queueLimit: Int = 16, maxBodyBytes: Int = 256 * 1024, maxPixels: Double = 7680 * 4320, cacheEntries: Int = 256) {
        self.host = host; self.port = port; self.root = root; self.token = token; self.jobs = jobs
        self.queueLimit = queueLimit; self.maxBodyBytes = maxBodyBytes; self.maxPixels = maxPixels; self.cacheEntries = cacheEntries
    }

    /// Parses `HOST:PORT`, `[V6]:PORT` or `:PORT`.
    public static func parseListen(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }

    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Refuses settings that would expose the service or cannot work.
    public func check() throws {
        if !Self.isLoopback(host), token == nil {
            throw ServeError("refusing to listen on \(host) without a token",
                             hint: "listen on 127.0.0.1, or pass --token-file FILE so clients must send Authorization: Bearer <token>")
        }
        if let token, token.count < 16 {
            throw ServeError("the token is \(token.count) characters long", hint: "use at least 16 random characters, e.g. openssl rand -hex 32")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ServeError("--root \(root) is not a folder", hint: "pass the folder that holds your specs, styles and datasets")
        }
        guard jobs >= 1, jobs <= 64 else { throw ServeError("--jobs must be between 1 and 64", hint: "use the number of cores") }
    }
}

/// A startup error with a hint, printed as `error: … hint: …`.
public struct ServeError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var hint: String
    public init(_ message: String, hint: String) { self.message = message; self.hint = hint }
    public var description: String { "error: \(message)\n  hint: \(hint)" }
}
