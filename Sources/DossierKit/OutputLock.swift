import Foundation

/// An advisory lock (`flock`) on `OUT/.dossier/lock`, held for a whole build so two processes never write one
/// output folder (or its manifest) at the same time. Released when the process exits, however it exits.
public final class OutputLock: @unchecked Sendable {
    private let fd: Int32

    public enum Failure: Error, CustomStringConvertible {
        case busy(String), cannotOpen(String, String)
        public var description: String {
            switch self {
            case .busy(let folder): return "\(folder): error: another dossier build is writing to this folder"
            case .cannotOpen(let path, let reason): return "\(path): error: cannot create the lock file: \(reason)"
            }
        }
    }

    /// Takes the lock; when another process holds it, calls `waiting` once and then waits (or, with
    /// `wait: false`, throws `busy`).
    public init(outputFolder: String, wait: Bool, waiting: () -> Void) throws {
        let folder = (outputFolder as NSString).appendingPathComponent(".dossier")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("lock")
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.cannotOpen(path, String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return }
        guard wait else { close(fd); throw Failure.busy(outputFolder) }
        waiting()
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { close(fd); throw Failure.cannotOpen(path, String(cString: strerror(errno))) }
        }
    }

    deinit { close(fd) }
}
