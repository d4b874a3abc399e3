import Foundation
import Geometry
import Spec

/// Finds reports of one run that would write the same file, before anything is built.
enum OutputClaims {
    /// What a job writes: its PDF name and, when it exports charts, the stem its image names start with.
    static func planned(_ job: ReportJob) -> (pdf: String?, imageStem: String?)? {
        let (spec, _) = ReportSpecLoader.load(path: job.specPath, parameters: job.parameters)
        guard let spec else { return nil }   // a spec that does not load fails on its own
        let engine = ReportEngine()
        let pdf = spec.pdfName.map { job.parameters.isEmpty || $0.contains("${") ? $0 : engine.batchName($0, job: job, spec: spec) }
        return (pdf.map { (try? OutputName.normalise($0).get()) ?? $0 }, spec.chartExports == nil ? nil : engine.outputStem(spec, job: job))
    }

    /// Jobs in order, minus those that would overwrite an output of an earlier job (each a failed record
    /// naming both specs).
    static func separate(_ jobs: [ReportJob]) -> (jobs: [ReportJob], collisions: [ReportRecord]) {
        var owners: [String: ReportJob] = [:]
        var kept: [ReportJob] = []
        var failed: [ReportRecord] = []
        for job in jobs {
            guard let plan = planned(job) else { kept.append(job); continue }
            let claims = [plan.pdf.map { "pdf:" + $0 }, plan.imageStem.map { "images:" + $0 }].compactMap { $0 }
            if let claim = claims.first(where: { owners[$0] != nil }), let owner = owners[claim] {
                let what = claim.hasPrefix("pdf:") ? "'\(claim.dropFirst(4))'" : "chart images named '\(claim.dropFirst(7))-…'"
                let message = Diagnostic.error("this report writes \(what), which \(owner.key) also writes", at: SourceLocation(file: job.specPath),
                                               hint: "give one of them another name with outputs: pdf: (images are named after the spec file)",
                                               code: .outputCollision)
                failed.append(ReportRecord(failed: job.key, spec: job.specPath, parameters: job.parameters, message))
                continue
            }
            for claim in claims { owners[claim] = job }
            kept.append(job)
        }
        return (kept, failed)
    }
}
