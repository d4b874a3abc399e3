import ArgumentParser
import DossierKit
import DossierServer
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a resident HTTP service that renders charts and reports of specs under a folder.",
        discussion: """
        Fonts, datasets and styles stay loaded between requests; identical requests are answered from a cache with an ETag. \
        SIGTERM or Ctrl-C stops accepting connections and finishes the renders in flight. One JSON line per request goes to standard error.
        Example: dossier serve --root . --listen 127.0.0.1:8080, then curl 'http://127.0.0.1:8080/v1/charts?spec=Reports/gallery.yaml&id=bar&size=960x600' -o bar.png
        """
    )

    @Option(help: "HOST:PORT to listen on. Beyond loopback needs --token-file.")
    var listen = "127.0.0.1:8080"

    @Option(help: "The folder whose specs, styles and datasets may be rendered; nothing outside it is read.")
    var root = "."

    @Option(help: "A file holding the bearer token clients must send (Authorization: Bearer TOKEN).")
    var tokenFile: String?

    @Option(help: "Render workers (each keeps its own fonts loaded).")
    var jobs = 2

    @Option(help: "Requests that may wait for a worker before the service answers 503.")
    var queue = 16

    @Option(help: "Response cache entries for identical requests.")
    var cacheEntries = 256

    func run() throws {
        guard let address = ServeOptions.parseListen(listen) else {
            throw ValidationError("--listen takes HOST:PORT, e.g. 127.0.0.1:8080")
        }
        let host = address.host
        var token: String?
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile) else { throw ValidationError("cannot read --token-file \(tokenFile)") }
            token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let options = ServeOptions(host: host, port: address.port, root: root, token: token, jobs: jobs, queueLimit: queue, cacheEntries: cacheEntries)
        do { try options.check() } catch let error as ServeError {
            Console.error(error.description)
            throw ExitCode.validationFailure
        }
        let service = DossierService(options: options, log: { Console.error($0) })
        // The root command is synchronous; the service runs on Swift's concurrency threads while this one waits.
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await service.run { port in Console.error("dossier serve: listening on \(host):\(port), root \(service.jail.root)") }
            } catch { failure.set(error) }
            done.signal()
        }
        done.wait()
        if let error = failure.get() {
            Console.error("dossier serve: error: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Carries the service's error from its task back to the waiting command.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: Error?
    func set(_ error: Error) { lock.lock(); self.error = error; lock.unlock() }
    func get() -> Error? { lock.lock(); defer { lock.unlock() }; return error }
}
