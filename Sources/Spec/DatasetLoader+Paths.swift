import Foundation
import Geometry
import Model

/// Loading of the optional development-path files: events.csv (plans, laws, agencies, launches, phases) and
/// targets.csv (goals with deadlines). A dataset without them loads as before.
extension DatasetLoader {
    static let eventColumns = ["id", "entity", "kind", "date", "end", "programme", "step", "text_zh", "text_en", "source", "quote", "note"]
    static let targetColumns = ["id", "entity", "goal_zh", "goal_en", "indicator", "value", "set", "deadline", "status", "met",
                                "source", "quote", "note"]

    static let periodHint = "write a year (2003), a month (2002-10), a date (2002-09-15) or a range (2001/2003)"

    /// The optional path files that exist in a folder.
    static func pathFiles(folder: String) -> [String] {
        ["events.csv", "targets.csv"].map { (folder as NSString).appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    static func loadEvents(_ file: String, _ diagnostics: inout [Diagnostic]) -> [Event] {
        guard FileManager.default.fileExists(atPath: file), let text = TextFile.read(file, diagnostics: &diagnostics) else { return [] }
        let rows = CSVReader.table(text, file: file, columns: eventColumns, required: ["id", "entity", "kind", "date"], diagnostics: &diagnostics)
        var out: [Event] = []
        for (line, row) in rows {
            func at(_ column: String) -> SourceLocation {
                SourceLocation(file: file, line: line, column: (eventColumns.firstIndex(of: column) ?? 0) + 1)
            }
            let id = row["id", default: ""].trimmedSpaces
            guard !id.isEmpty, id.unicodeScalars.allSatisfy(idCharacters.contains) else {
                diagnostics.append(.error("event id '\(id)' is empty or has characters other than letters, digits, '-', '_', '.'", at: at("id"),
                                          hint: "an id such as SG-1980-plan", code: .badId))
                continue
            }
            let kindText = row["kind", default: ""].trimmedSpaces
            guard let kind = EventKind(rawValue: kindText), kind != .target else {
                let hint = kindText == "target" ? "targets go in targets.csv, with a deadline and a status"
                    : Suggestion.hint(for: kindText, in: EventKind.allCases.filter { $0 != .target }.map(\.rawValue))
                diagnostics.append(.error("unknown event kind '\(kindText)'", at: at("kind"), hint: hint, code: .badKind))
                continue
            }
            let dateText = row["date", default: ""]
            guard let date = Period(dateText) else {
                diagnostics.append(.error("event date '\(dateText)' is not a period", at: at("date"), hint: periodHint, code: .badPeriod))
                continue
            }
            var end: EventEnd?
            let endText = row["end", default: ""].trimmedSpaces
            if endText == "open" {
                end = .open
            } else if !endText.isEmpty {
                guard let p = Period(endText) else {
                    diagnostics.append(.error("event end '\(endText)' is not a period", at: at("end"),
                                              hint: periodHint + ", or 'open' for a span still running", code: .badPeriod))
                    continue
                }
                guard p.endYear >= date.startYear else {
                    diagnostics.append(.error("event ends (\(p)) before it starts (\(date))", at: at("end"), hint: "swap date and end", code: .badPeriod))
                    continue
                }
                end = .period(p)
            }
            func optional(_ key: String) -> String? {
                let v = row[key, default: ""].trimmedSpaces
                return v.isEmpty ? nil : v
            }
            out.append(Event(id: id, entity: row["entity", default: ""].trimmedSpaces, kind: kind, date: date, end: end,
                             programme: optional("programme"), step: optional("step"),
                             text: LocalizedText(zh: row["text_zh", default: ""], en: row["text_en", default: ""]),
                             source: optional("source"), quote: row["quote", default: ""], note: row["note", default: ""],
                             location: SourceLocation(file: file, line: line)))
        }
        return out
    }

    static func loadTargets(_ file: String, _ diagnostics: inout [Diagnostic]) -> [Target] {
        guard FileManager.default.fileExists(atPath: file), let text = TextFile.read(file, diagnostics: &diagnostics) else { return [] }
        let rows = CSVReader.table(text, file: file, columns: targetColumns, required: ["id", "entity", "deadline", "status"], diagnostics: &diagnostics)
        var out: [Target] = []
        for (line, row) in rows {
            func at(_ column: String) -> SourceLocation {
                SourceLocation(file: file, line: line, column: (targetColumns.firstIndex(of: column) ?? 0) + 1)
            }
            let id = row["id", default: ""].trimmedSpaces
            guard !id.isEmpty, id.unicodeScalars.allSatisfy(idCharacters.contains) else {
                diagnostics.append(.error("target id '\(id)' is empty or has characters other than letters, digits, '-', '_', '.'", at: at("id"),
                                          hint: "an id such as GB-2005-all-online", code: .badId))
                continue
            }
            var periods: [String: Period] = [:]
            var ok = true
            for key in ["set", "deadline", "met"] {
                let t = row[key, default: ""].trimmedSpaces
                guard !t.isEmpty else { continue }
                if let p = Period(t) { periods[key] = p } else {
                    diagnostics.append(.error("\(key) '\(t)' is not a period", at: at(key), hint: periodHint + "; leave it empty when the source gives none",
                                              code: .badPeriod))
                    ok = false
                }
            }
            let statusText = row["status", default: ""].trimmedSpaces
            let status = TargetStatus(rawValue: statusText)
            if status == nil {
                diagnostics.append(.error("unknown target status '\(statusText)'", at: at("status"),
                                          hint: Suggestion.hint(for: statusText, in: TargetStatus.allCases.map(\.rawValue)) ?? "met, missed or unknown",
                                          code: .badStatus))
                ok = false
            }
            if periods["met"] != nil, status != .met {
                diagnostics.append(.error("target has a 'met' date but status '\(statusText)'", at: at("met"),
                                          hint: "set status to met, or leave 'met' empty", code: .badStatus))
                ok = false
            }
            guard ok, let status else { continue }
            let indicator = row["indicator", default: ""].trimmedSpaces
            let source = row["source", default: ""].trimmedSpaces
            out.append(Target(id: id, entity: row["entity", default: ""].trimmedSpaces,
                              goal: LocalizedText(zh: row["goal_zh", default: ""], en: row["goal_en", default: ""]),
                              indicator: indicator.isEmpty ? nil : indicator, value: row["value", default: ""].trimmedSpaces,
                              set: periods["set"], deadline: periods["deadline"], status: status, metWhen: periods["met"],
                              source: source.isEmpty ? nil : source, quote: row["quote", default: ""], note: row["note", default: ""],
                              location: SourceLocation(file: file, line: line)))
        }
        return out
    }
}
