#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What one cold run of a child process cost, from `wait4`'s rusage of that very child.
struct RunSample: Codable {
    var wallSeconds: Double
    var userSeconds: Double
    var systemSeconds: Double
    /// Peak resident set of the child, bytes (`ru_maxrss` is KiB on Linux, bytes on macOS).
    var peakRSSBytes: Int
    var exitStatus: Int32
}

enum ChildProcess {
    /// Spawns `executable` with `arguments`, its standard output and error going to `logPath`, waits for it
    /// with `wait4` and returns the wall time (spawn to reaped) and the child's own resource usage.
    static func run(_ executable: String, _ arguments: [String], logPath: String) throws -> RunSample {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let env: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + env { free(p) } }

        var pid: pid_t = 0
        let start = now()
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, env)
        guard rc == 0 else { throw BenchError.setup("cannot start \(executable): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError.setup("wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let wall = now() - start
        #if os(Linux)
        let rss = Int(usage.ru_maxrss) * 1024
        #else
        let rss = Int(usage.ru_maxrss)
        #endif
        // WIFEXITED / WEXITSTATUS by hand (the macros are not imported): low 7 bits = signal, next byte = exit code.
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return RunSample(wallSeconds: wall, userSeconds: seconds(usage.ru_utime), systemSeconds: seconds(usage.ru_stime),
                         peakRSSBytes: rss, exitStatus: exitStatus)
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }

    /// The running executable's path (/proc/self/exe on Linux).
    static func selfPath() -> String? {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        if let p = Bundle.main.executablePath { return p }
        let a = CommandLine.arguments.first ?? ""
        return a.isEmpty ? nil : URL(fileURLWithPath: a).standardizedFileURL.path
    }

    /// A fresh private temporary folder.
    static func temporaryFolder(prefix: String) throws -> String {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(prefix)-XXXXXX")
        var template = Array(base.utf8CString)
        guard let p = mkdtemp(&template) else { throw BenchError.setup("cannot create a temporary folder under \(NSTemporaryDirectory())") }
        return String(cString: p)
    }
}
