import Foundation

/// Confines request paths to one folder: relative paths only, no `..`, and the real path (symlinks resolved)
/// must lie inside the real root, so a link pointing outside is refused like `..` is.
public struct RootJail: Sendable {
    public let root: String

    public enum Failure: Error, Equatable, Sendable {
        case forbidden(String)
        case notFound(String)
    }

    public init(root: String) {
        self.root = Self.realPath(root) ?? (root as NSString).standardizingPath
    }

    /// The real path of a request path, or why it is refused.
    public func resolve(_ relative: String) throws(Failure) -> String {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\0") else { throw .forbidden(relative) }
        guard !relative.split(separator: "/").contains("..") else { throw .forbidden(relative) }
        let joined = (root as NSString).appendingPathComponent(relative)
        guard let real = Self.realPath(joined) else { throw .notFound(relative) }
        guard contains(real) else { throw .forbidden(relative) }
        return real
    }

    /// True when an absolute path (a spec's dataset or style) resolves inside the root.
    public func contains(_ path: String) -> Bool {
        guard let real = Self.realPath(path) else { return false }
        return real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
