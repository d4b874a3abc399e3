import Foundation

/// One file a build wrote.
public struct OutputRecord: Codable, Sendable, Hashable {
    /// Path relative to the output folder.
    public var path: String
    /// pdf, png or svg.
    public var kind: OutputFormat
    public var bytes: Int
    public var sha256: String
    public var pages: Int?
    public var width: Int?
    public var height: Int?
}

/// What happened to one report in a run; the manifest is a list of these.
public struct ReportRecord: Codable, Sendable {
    public enum Status: String, Codable, Sendable { case built, skipped, failed }
    /// The spec path as given, plus `?param=value` for batch members.
    public var report: String
    public var spec: String
    public var parameters: [String: String]
    public var status: Status
    public var outputs: [OutputRecord]
    /// Input file → SHA-256 (spec, style files, dataset files) and the fonts/tool fingerprint.
    public var inputs: [String: String]
    public var durationSeconds: Double
    /// The messages as printed (`file:line:col: severity: message` and a hint line).
    public var warnings: [String]
    public var errors: [String]
    /// The same findings, structured for machines: severity, code, message, location (file, line, column) and
    /// hint. Optional only so manifests written before it still read.
    public var diagnostics: [Diagnostic]?

    public init(report: String, spec: String, parameters: [String: String], status: Status, outputs: [OutputRecord],
                inputs: [String: String], durationSeconds: Double, warnings: [String] = [], errors: [String] = []) {
        self.report = report; self.spec = spec; self.parameters = parameters; self.status = status; self.outputs = outputs
        self.inputs = inputs; self.durationSeconds = durationSeconds; self.warnings = warnings; self.errors = errors
    }

    /// A failed record for one problem found before the report could be built.
    public init(failed job: String, spec: String, parameters: [String: String] = [:], _ diagnostic: Diagnostic) {
        self.init(report: job, spec: spec, parameters: parameters, status: .failed, outputs: [], inputs: [:], durationSeconds: 0)
        add([diagnostic])
    }

    /// Records findings, both as printed text and structured.
    public mutating func add(_ found: [Diagnostic]) {
        for d in found {
            if d.severity == .error { errors.append(d.description) } else { warnings.append(d.description) }
        }
        diagnostics = (diagnostics ?? []) + found
    }

    /// True when an error was recorded.
    public var hasErrors: Bool { !errors.isEmpty }
}

/// `out/manifest.json`: every report of a run with its outputs, inputs, timings and messages.
public struct Manifest: Codable, Sendable {
    public var tool: String
    public var version: String
    public var shard: String?
    public var reports: [ReportRecord]

    public init(tool: String = "dossier", version: String = DossierVersion.current, shard: String? = nil, reports: [ReportRecord]) {
        self.tool = tool; self.version = version; self.shard = shard; self.reports = reports
    }

    /// This run's reports plus those of `previous` that this run did not touch, did not fail, and whose outputs
    /// are all present in `outputFolder`; sorted by report for stable output.
    public func keeping(_ previous: Manifest?, outputFolder: String) -> Manifest {
        var byKey: [String: ReportRecord] = [:]
        for r in previous?.reports ?? [] where r.status != .failed && !r.outputs.isEmpty {
            let present = r.outputs.allSatisfy { FileManager.default.fileExists(atPath: (outputFolder as NSString).appendingPathComponent($0.path)) }
            if present { byKey[r.report] = r }
        }
        for r in reports { byKey[r.report] = r }
        return Manifest(tool: tool, version: version, shard: shard, reports: byKey.values.sorted { $0.report < $1.report })
    }

    /// Merges shard manifests: reports keyed by `report`, later files win; sorted for stable output.
    public static func merge(_ manifests: [Manifest]) -> Manifest {
        var byKey: [String: ReportRecord] = [:]
        for m in manifests { for r in m.reports { byKey[r.report] = r } }
        return Manifest(shard: nil, reports: byKey.values.sorted { $0.report < $1.report })
    }
}

/// The tool's version, part of every incremental-build fingerprint.
public enum DossierVersion {
    public static let current = "0.3.0"
}
