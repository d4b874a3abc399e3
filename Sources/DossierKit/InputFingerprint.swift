import Foundation

/// Content hashes of a report's inputs. A report is skipped when these and its recorded outputs are unchanged.
enum InputFingerprint {
    /// SHA-256 of each file (missing files hash to "missing").
    static func hashes(of files: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for f in files {
            if let data = FileManager.default.contents(atPath: f) { out[f] = SHA256.hex(Array(data)) } else { out[f] = "missing" }
        }
        return out
    }

    /// Dossier's version plus the size and modification time of the running executable, so a rebuilt tool
    /// (not only a new release) invalidates earlier outputs.
    static let tool: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: exe)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let mtime = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(DossierVersion.current)+\(size).\(Int(mtime))"
    }()

    /// Installed fonts, summarised by path, size and modification time (hashing 20 MB font files on every run
    /// would cost more than the build). Computed once per process.
    static let fonts: String = {
        var h = SHA256()
        // HOME as fontconfig reads it (NSHomeDirectory ignores the variable on Linux).
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        let roots = ["/usr/share/fonts", "/usr/local/share/fonts", home + "/.fonts", home + "/.local/share/fonts"]
        for root in roots {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            var entries: [String] = []
            while let item = walker.nextObject() as? String {
                let path = (root as NSString).appendingPathComponent(item)
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                      (attributes[.type] as? FileAttributeType) == .typeRegular else { continue }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                let mtime = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                entries.append("\(path)|\(size)|\(Int(mtime))")
            }
            for e in entries.sorted() { h.update(e + "\n") }
        }
        return h.finalize().map { String($0, radix: 16).leftPadded(2) }.joined()
    }()
}
