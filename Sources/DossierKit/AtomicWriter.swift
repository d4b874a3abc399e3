import Foundation

/// Writes the files of one report so that each appears whole, and all appear together as far as a file system
/// allows.
///
/// The promise that holds: every file is written to a temporary beside it and synced (`fsync`) before anything
/// is renamed, so a failure while writing (a full disk, a file-size limit, a bad path) changes nothing. Then the
/// files are renamed into place one by one, the report's build record last, and the folders are synced. Each
/// file is always either its old or its new version, never half written. A crash during the renames (a few
/// microseconds) can leave some files new and some old; the build record, renamed last, still describes the old
/// set, so the next run sees outputs that do not match it and rebuilds the report.
///
/// Temporaries are named `.NAME.PID-RANDOM.dossier-tmp`, written only with POSIX calls (never Foundation's own
/// atomic writes, which leave `.dat.nosync…` files behind), removed on every error, and swept by the next run
/// once their process is gone.
public struct AtomicWriter {
    public static let temporarySuffix = ".dossier-tmp"
    private var staged: [(temporary: String, final: String)] = []

    public init() {}

    /// Writes `bytes` to a synced temporary beside `path`; nothing is visible at `path` until `commit`.
    public mutating func stage(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw BuildError.write(path: path, reason: "\(folder) is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw BuildError.write(path: path, reason: "cannot create the folder \(folder): \(BuildError.describe(error))")
        }
        let name = (path as NSString).lastPathComponent
        let temporary = (directory as NSString).appendingPathComponent(
            ".\(name.prefix(160)).\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))\(AtomicWriter.temporarySuffix)")
        if let failure = Self.write(bytes, to: temporary) {
            unlink(temporary)
            throw BuildError.write(path: path, reason: failure)
        }
        staged.append((temporary, path))
    }

    /// Renames every staged file into place, in the order staged (the build record last), then syncs the folders.
    public mutating func commit() throws {
        var folders: [String] = []
        for (temporary, final) in staged {
            if rename(temporary, final) != 0 {
                let reason = Self.reason(errno)
                discard()
                throw BuildError.write(path: final, reason: reason)
            }
            let folder = (final as NSString).deletingLastPathComponent
            if !folders.contains(folder) { folders.append(folder) }
        }
        staged.removeAll()
        for folder in folders { Self.sync(folder: folder.isEmpty ? "." : folder) }
    }

    /// Removes staged temporaries (after a failure).
    public mutating func discard() {
        for (temporary, _) in staged { unlink(temporary) }
        staged.removeAll()
    }

    /// Writes and syncs a new file; returns the reason on failure.
    static func write(_ bytes: [UInt8], to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return reason(errno) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                Foundation.write(fd, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return reason(errno)
            }
            offset += n
        }
        if fsync(fd) != 0 { return reason(errno) }
        return nil
    }

    static func sync(folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// What an errno means for a write, in words a user can act on.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "no space left on the device"
        case EFBIG: return "the file is larger than the file-size limit (ulimit -f)"
        case EDQUOT: return "the disk quota is exhausted"
        case EROFS: return "the file system is read-only"
        default: return String(cString: strerror(code))
        }
    }

    /// Deletes temporaries left by interrupted runs in the output folder and its subfolders (not following
    /// links): Dossier's own whose process is gone, and Foundation's `.dat.nosync` files that earlier versions
    /// left. A temporary of a process still running (a concurrent `watch`) is kept.
    public static func sweep(folder: String, depth: Int = 4) {
        guard depth >= 0, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                sweep(folder: path, depth: depth - 1)
            } else if info.st_mode & S_IFMT == S_IFREG, isStale(name) {
                unlink(path)
            }
        }
    }

    /// Whether a file name is a temporary whose writer has exited.
    static func isStale(_ name: String) -> Bool {
        if name.hasPrefix(".dat.nosync") { return true }
        guard name.hasSuffix(temporarySuffix) else { return false }
        // `….PID-RANDOM.dossier-tmp` (or `….PID.dossier-tmp` from earlier versions).
        let stem = name.dropLast(temporarySuffix.count)
        guard let dot = stem.lastIndex(of: ".") else { return true }
        let tag = stem[stem.index(after: dot)...]
        guard let pid = Int32(tag.prefix { $0 != "-" }), pid > 0 else { return true }
        if pid == getpid() { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
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
