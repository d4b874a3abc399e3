import ArgumentParser
import DossierKit
import Foundation

struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Work with datasets.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Integrity and consistency checks of a dataset folder.",
            discussion: """
            Reports unknown references, duplicate observations, values of the wrong type or unit, ranks that are not positive whole numbers, ties (two entities with the same rank in one survey and period), stated values that disagree with their declared relation (both numbers shown) and periods out of range, each located at file:line. Exits 1 only when there are errors (warnings alone exit 0).
        """
        )

        @Argument(help: "The dataset folder (entities.csv, indicators.yaml, sources.yaml, observations.csv).")
        var dataset: String

        @Flag(help: "Print findings as JSON.")
        var json = false

        func run() throws {
            let (data, loadDiagnostics) = DatasetLoader.load(folder: dataset)
            var findings = loadDiagnostics
            if let data { findings += DataChecker().check(data) }
            if json {
                try printJSON(findings)
            } else {
                for f in findings { Console.out(f.description) }
                let errors = findings.filter { $0.severity == .error }.count
                let warnings = findings.filter { $0.severity == .warning }.count
                if let data {
                    Console.out("\(dataset): \(data.entities.count) entities, \(data.indicators.count) indicators, \(data.sources.count) sources, \(data.observations.count) observations; \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
                } else {
                    Console.out("\(dataset): not loaded; \(errors) error\(errors == 1 ? "" : "s")")
                }
            }
            if findings.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        }
    }
}
