import TestSupport
import Foundation

/// Runs the built `dossier` executable and the PDF tools, as a user would.
enum CLI {
    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static var dossier: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dossier").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return TestPaths.repo(".build/debug/dossier")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], tool: String? = nil, executable: String? = nil) throws -> Result {
        let process = Process()
        if let tool {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [tool] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable ?? dossier)
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: TestPaths.root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func tool(_ name: String, _ arguments: [String]) throws -> Result { try run(arguments, tool: name) }

    static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func bytes(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map { Array($0) } ?? [] }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ path: String) -> (Int, Int)? {
        let b = bytes(path)
        guard b.count > 24, b[12...15].elementsEqual(Array("IHDR".utf8)) else { return nil }
        func u32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        return (u32(16), u32(20))
    }
}
