import Foundation

/// Writes a set of files so that either all of them are replaced or none is: each is written to a temporary
/// file in the same folder first, then all are renamed into place. An interrupted build (even kill -9)
/// leaves the previous outputs intact; stray temporaries carry a `.dossier-tmp` suffix and are swept later.
public struct AtomicWriter {
    public static let temporarySuffix = ".dossier-tmp"
    private var staged: [(temporary: String, final: String)] = []

    public init() {}

    public mutating func stage(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw BuildError.write(path: path, reason: "\(folder) is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        } catch {
            throw BuildError.write(path: path, reason: "cannot create the folder \(folder): \(BuildError.describe(error))")
        }
        let temporary = path + ".\(getpid())" + AtomicWriter.temporarySuffix
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw BuildError.write(path: path, reason: "cannot create a file in \(folder.isEmpty ? "." : folder)")
        }
        staged.append((temporary, path))
    }

    /// Renames every staged file into place.
    public mutating func commit() throws {
        for (temporary, final) in staged where rename(temporary, final) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw BuildError.write(path: final, reason: reason)
        }
        staged.removeAll()
    }

    /// Removes staged temporaries (after a failure).
    public mutating func discard() {
        for (temporary, _) in staged { try? FileManager.default.removeItem(atPath: temporary) }
        staged.removeAll()
    }

    /// Deletes temporaries left by interrupted runs in a folder.
    public static func sweep(folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasSuffix(temporarySuffix) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }
}

/// Failures of a build that are not input diagnostics.
public enum BuildError: Error, CustomStringConvertible, Sendable {
    case write(path: String, reason: String)

    public var description: String {
        switch self {
        case .write(let path, let reason): return "\(path): error: cannot write output: \(reason)"
        }
    }

    /// A short reason for a Foundation error (its POSIX message), not the whole NSError dump.
    public static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return String(describing: error)
    }
}
