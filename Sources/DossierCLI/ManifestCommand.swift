import ArgumentParser
import DossierKit
import Foundation

struct ManifestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manifest",
        abstract: "Work with build manifests.",
        subcommands: [Merge.self]
    )

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge shard manifests (manifest-K-of-N.json) into one manifest.json.",
            discussion: "Reports are keyed by spec and parameters; a report present in several inputs keeps the last one given."
        )

        @Argument(help: "Manifest files to merge.")
        var manifests: [String]

        @Option(name: .shortAndLong, help: "Where to write the merged manifest.")
        var output: String = "out/manifest.json"

        func run() throws {
            var loaded: [Manifest] = []
            for path in manifests {
                guard let data = FileManager.default.contents(atPath: path) else {
                    Console.error("\(path): error: file not found")
                    throw ExitCode.failure
                }
                do { loaded.append(try JSONDecoder().decode(Manifest.self, from: data)) } catch {
                    Console.error("\(path): error: not a Dossier manifest (\(error))")
                    throw ExitCode.failure
                }
            }
            let merged = Manifest.merge(loaded)
            try BatchBuilder.writeManifest(merged, to: output)
            Console.error("merged \(manifests.count) manifests, \(merged.reports.count) reports → \(output)")
        }
    }
}
