import Geometry
import Layout
import Model

extension ReportBuilder {
    /// Notes on the data: what `dossier data check` finds, stated plainly, and how the report treats it.
    /// Findings of one kind are listed together and their treatment is said once, after them.
    mutating func addDataNotes(title: String?) {
        // Only findings about what this report shows (or about the dataset as a whole).
        let findings = DataChecker().check(dataset).filter { f in
            // Findings about events.csv or targets.csv count only when the report shows them (see citePaths).
            let indicators = [f.details["indicator"], f.details["numerator"], f.details["denominator"], f.details["file"]].compactMap { $0 }
            return indicators.isEmpty || indicators.contains(where: citedIndicators.contains)
        }
        if let title { blocks.append(.heading(level: 2, text: title, numbered: true, anchor: "")) }
        guard !findings.isEmpty else {
            blocks.append(.paragraph([InlineSpan(words(.dataCheckClean))]))
            return
        }
        blocks.append(.paragraph([InlineSpan(words(.dataCheckIntro, String(findings.count)))]))
        var codes: [DiagnosticCode] = []
        for f in findings where !codes.contains(f.code) { codes.append(f.code) }
        for code in codes {
            let items = findings.filter { $0.code == code }.map { [InlineSpan(restate($0))] }
            blocks.append(.list(items: items, ordered: false))
            if let treatment = treatment(code) { blocks.append(.paragraph([InlineSpan(treatment)])) }
        }
    }

    /// A finding restated in the report's language from its structured details.
    func restate(_ f: Diagnostic) -> String {
        let d = f.details
        func entity(_ id: String?) -> String { id.flatMap { dataset.entity($0) }.map(inProse) ?? (id ?? "") }
        func label(_ id: String?) -> String { id.flatMap { dataset.indicator($0)?.label.resolve(language) } ?? (id ?? "") }
        func period(_ p: String?) -> String { p.flatMap(Period.init)?.display(language) ?? (p ?? "") }
        switch f.code {
        case .rankTie:
            let names = (d["entities"] ?? "").split(separator: ",").map { entity(String($0)) }
            return capitalized(words(.rankTie, words.list(names), label(d["indicator"]), period(d["period"]), d["rank"] ?? ""))
        case .relationMismatch:
            let percent = dataset.indicator(d["indicator"] ?? "")?.unit == .percent ? "%" : ""
            let when = d["period"].flatMap(Period.init)?.inProse(language) ?? ""
            return capitalized(words(.relationMismatch, entity(d["entity"]), when, words.midSentence(label(d["indicator"])), (d["stated"] ?? "") + percent,
                                     label(d["numerator"]), label(d["denominator"]), d["num"] ?? "", d["den"] ?? "", (d["computed"] ?? "") + percent))
        case .periodSource:
            let source = d["source"].flatMap { dataset.source($0)?.publisher.resolve(language) } ?? (d["source"] ?? "")
            return capitalized(words(.periodOutsideSource, entity(d["entity"]), label(d["indicator"]), period(d["period"]), source, d["from"] ?? "", d["to"] ?? ""))
        case .valueRange:   // ReportBuilder+ValidRange.swift
            return restateRange(f)
        default:
            return restatePath(f) ?? f.message
        }
    }

    /// How the report treats a kind of finding; nil when it has nothing to add.
    func treatment(_ code: DiagnosticCode) -> String? {
        switch code {
        case .rankTie: return words(.treatmentRankTie)
        case .relationMismatch: return words(.treatmentRelation)
        case .periodSource: return words(.treatmentPeriod)
        case .duplicateObservation: return words(.treatmentDuplicate)
        case .valueRange: return words(.treatmentRange)
        default: return pathTreatment(code)
        }
    }
}
