import Foundation
import Geometry
import Model

/// Loads a dataset folder (entities.csv, indicators.yaml, sources.yaml, observations.csv; see docs/DATASET.md).
public enum DatasetLoader {
    /// Loads everything it can and returns all diagnostics; the dataset is nil only when a file is unusable.
    public static func load(folder: String) -> (dataset: Dataset?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (nil, [.error("dataset folder not found", at: SourceLocation(file: folder),
                                 hint: "a dataset is a folder with entities.csv, indicators.yaml, sources.yaml and observations.csv", code: .fileNotFound)])
        }
        let path = { (name: String) in (folder as NSString).appendingPathComponent(name) }
        let entities = loadEntities(path("entities.csv"), &diagnostics)
        let (indicators, relations, stages) = loadIndicators(path("indicators.yaml"), &diagnostics)
        let sources = loadSources(path("sources.yaml"), &diagnostics)
        let observations = loadObservations(path("observations.csv"), indicators: indicators, &diagnostics)
        let events = loadEvents(path("events.csv"), &diagnostics)
        let targets = loadTargets(path("targets.csv"), &diagnostics)
        guard let entities, let indicators, let sources, let observations else { return (nil, diagnostics) }
        let dataset = Dataset(folder: folder, entities: entities, indicators: indicators, sources: sources,
                              relations: relations, stages: stages, observations: observations, events: events, targets: targets)
        return (dataset, diagnostics)
    }

    /// The files a dataset consists of (for dependency hashing).
    public static func files(folder: String) -> [String] {
        ["entities.csv", "indicators.yaml", "sources.yaml", "observations.csv"].map { (folder as NSString).appendingPathComponent($0) }
            + pathFiles(folder: folder)
    }

    static let idCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.:"))

    static func loadEntities(_ file: String, _ diagnostics: inout [Diagnostic]) -> [Entity]? {
        guard let text = TextFile.read(file, diagnostics: &diagnostics) else { return nil }
        let rows = CSVReader.table(text, file: file, columns: ["id", "name_zh", "name_en", "kind", "parent", "tags"],
                                   required: ["id", "kind"], diagnostics: &diagnostics)
        var out: [Entity] = []
        for (line, row) in rows {
            let at = SourceLocation(file: file, line: line)
            let id = row["id", default: ""].trimmedSpaces
            guard !id.isEmpty, id.unicodeScalars.allSatisfy(idCharacters.contains) else {
                diagnostics.append(.error("entity id '\(id)' is empty or has characters other than letters, digits, '-', '_', '.'", at: at, code: .badId))
                continue
            }
            let kindText = row["kind", default: ""].trimmedSpaces
            guard let kind = EntityKind(rawValue: kindText) else {
                diagnostics.append(.error("unknown entity kind '\(kindText)'", at: at, hint: Suggestion.hint(for: kindText, in: EntityKind.allCases.map(\.rawValue)), code: .badKind))
                continue
            }
            let parent = row["parent", default: ""].trimmedSpaces
            let tags = row["tags", default: ""].split(separator: ";").map { String($0).trimmedSpaces }.filter { !$0.isEmpty }
            out.append(Entity(id: id, name: LocalizedText(zh: row["name_zh", default: ""], en: row["name_en", default: ""]), kind: kind,
                              parent: parent.isEmpty ? nil : parent, tags: tags, location: at))
        }
        return out
    }

    static func loadObservations(_ file: String, indicators: [Indicator]?, _ diagnostics: inout [Diagnostic]) -> [Observation]? {
        guard let text = TextFile.read(file, diagnostics: &diagnostics) else { return nil }
        let units = Dictionary((indicators ?? []).map { ($0.id, $0.unit) }, uniquingKeysWith: { a, _ in a })
        let rows = CSVReader.table(text, file: file, columns: ["entity", "indicator", "period", "value", "note", "quote", "qualifier"],
                                   required: ["entity", "indicator", "period", "value"], diagnostics: &diagnostics)
        var out: [Observation] = []
        out.reserveCapacity(rows.count)
        for (line, row) in rows {
            let at = SourceLocation(file: file, line: line)
            let periodText = row["period", default: ""]
            guard let period = Period(periodText) else {
                diagnostics.append(.error("period '\(periodText)' is not a year (2003), a month (2002-10), a date (2002-09-15) or a range (2001/2003)",
                                          at: at, code: .badPeriod))
                continue
            }
            let indicator = row["indicator", default: ""].trimmedSpaces
            let raw = row["value", default: ""].trimmedSpaces
            guard let value = parseValue(raw, unit: units[indicator], at: at, &diagnostics) else { continue }
            var qualifier: Qualifier?
            let qualifierText = row["qualifier", default: ""].trimmedSpaces
            if !qualifierText.isEmpty {
                qualifier = Qualifier(rawValue: qualifierText)
                if qualifier == nil {
                    diagnostics.append(.error("unknown qualifier '\(qualifierText)'", at: at,
                                              hint: Suggestion.hint(for: qualifierText, in: Qualifier.allCases.map(\.rawValue)), code: .badQualifier))
                }
            }
            out.append(Observation(entity: row["entity", default: ""].trimmedSpaces, indicator: indicator, period: period, value: value,
                                   note: row["note", default: ""], quote: row["quote", default: ""], qualifier: qualifier, location: at))
        }
        return out
    }

    static func parseValue(_ raw: String, unit: IndicatorUnit?, at: SourceLocation, _ diagnostics: inout [Diagnostic]) -> Value? {
        if raw.isEmpty {
            diagnostics.append(.error("value is empty", at: at, hint: "leave the row out when there is no figure; missing values are shown as —", code: .emptyValue))
            return nil
        }
        if unit == .text || unit == .date { return .text(raw) }
        if unit == .stage, raw.contains("/") {
            let parts = raw.split(separator: "/")
            if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a <= b { return .stageRange(a, b) }
            diagnostics.append(.error("stage range '\(raw)' must be written low/high, e.g. 1/3", at: at, code: .wrongType))
            return nil
        }
        let lower = raw.lowercased()
        if ["nan", "inf", "-inf", "infinity", "+inf"].contains(lower) {
            diagnostics.append(.error("value '\(raw)' is not a finite number", at: at, code: .wrongType))
            return nil
        }
        if let n = Double(raw) {
            guard n.isFinite, abs(n) < 1e15 else {
                diagnostics.append(.error("value '\(raw)' is too large (limit 10^15)", at: at, code: .wrongType))
                return nil
            }
            return .number(n)
        }
        if unit == nil { return .text(raw) }   // unknown indicator: reported by the checker, keep the row
        return .text(raw)                       // wrong type: reported by the checker with the indicator's unit
    }

    static func loadSources(_ file: String, _ diagnostics: inout [Diagnostic]) -> [Source]? {
        guard let text = TextFile.read(file, diagnostics: &diagnostics),
              let root = YAMLNode.parse(text, file: file, diagnostics: &diagnostics),
              var top = root.mapping(&diagnostics, what: "sources.yaml") else { return nil }
        var out: [Source] = []
        if let list = top.required("sources", &diagnostics)?.sequence(&diagnostics, what: "'sources'") {
            for item in list {
                guard var m = item.mapping(&diagnostics, what: "a source") else { continue }
                guard let id = m.required("id", &diagnostics)?.string(&diagnostics, what: "'id'") else { m.finish(&diagnostics); continue }
                let publisher = localized(&m, "publisher", &diagnostics)
                let title = localized(&m, "title", &diagnostics)
                let citation = localized(&m, "citation", &diagnostics)
                var years: [Int] = []
                if let y = m.value("years") {
                    if let one = y.scalarText, let n = Int(one) { years = [n] } else {
                        years = y.sequence(&diagnostics, what: "'years'")?.compactMap { $0.int(&diagnostics, what: "a year") } ?? []
                    }
                }
                let url = m.string("url", &diagnostics)
                m.finish(&diagnostics)
                out.append(Source(id: id, publisher: publisher, title: title, years: years, citation: citation,
                                  url: url?.isEmpty == false ? url : nil, location: item.location))
            }
        }
        top.finish(&diagnostics)
        return out
    }

    static func localized(_ m: inout MappingReader, _ key: String, _ diagnostics: inout [Diagnostic]) -> LocalizedText {
        guard let node = m.value(key), let values = node.localized(&diagnostics, what: "'\(key)'") else { return LocalizedText() }
        if let all = values["*"] { return LocalizedText(zh: all, en: all) }
        return LocalizedText(values)
    }

    static func loadIndicators(_ file: String, _ diagnostics: inout [Diagnostic]) -> ([Indicator]?, [Relation], [Stage]) {
        guard let text = TextFile.read(file, diagnostics: &diagnostics),
              let root = YAMLNode.parse(text, file: file, diagnostics: &diagnostics),
              var top = root.mapping(&diagnostics, what: "indicators.yaml") else { return (nil, [], []) }
        var indicators: [Indicator] = []
        if let list = top.required("indicators", &diagnostics)?.sequence(&diagnostics, what: "'indicators'") {
            for item in list {
                guard var m = item.mapping(&diagnostics, what: "an indicator") else { continue }
                guard let id = m.required("id", &diagnostics)?.string(&diagnostics, what: "'id'") else { m.finish(&diagnostics); continue }
                let label = localized(&m, "label", &diagnostics)
                var unit = IndicatorUnit.number
                if let u = m.required("unit", &diagnostics), let s = u.string(&diagnostics, what: "'unit'") {
                    if let parsed = IndicatorUnit(rawValue: s) { unit = parsed } else {
                        diagnostics.append(.error("unknown unit '\(s)'", at: u.location, hint: Suggestion.hint(for: s, in: IndicatorUnit.allCases.map(\.rawValue)), code: .badUnit))
                    }
                }
                var direction: Direction = unit == .rank ? .lowerBetter : .none
                if let d = m.value("direction"), let s = d.string(&diagnostics, what: "'direction'") {
                    if let parsed = Direction(rawValue: s) { direction = parsed } else {
                        diagnostics.append(.error("unknown direction '\(s)'", at: d.location, hint: Suggestion.hint(for: s, in: Direction.allCases.map(\.rawValue)), code: .badDirection))
                    }
                }
                let source = m.string("source", &diagnostics)
                var format = NumberFormat()
                if var f = m.value("format")?.mapping(&diagnostics, what: "'format'") {
                    if let node = f.value("decimals"), let d = node.int(&diagnostics, what: "'decimals'") {
                        if (0...6).contains(d) { format.decimals = d } else {
                            diagnostics.append(.error("decimals must be between 0 and 6, got \(d)", at: node.location, code: .badFormat))
                        }
                    }
                    format.prefix = f.string("prefix", &diagnostics) ?? ""
                    format.suffix = f.string("suffix", &diagnostics) ?? ""
                    f.finish(&diagnostics)
                }
                let scale = localized(&m, "scale", &diagnostics)
                var surveySize: [String: Int] = [:]
                if let s = m.value("survey_size") {
                    if let n = s.scalarText.flatMap({ Int($0) }) { surveySize["*"] = n } else if var sm = s.mapping(&diagnostics, what: "'survey_size'") {
                        for key in sm.keys { if let n = sm.int(key, &diagnostics) { surveySize[key] = n } }
                        sm.finish(&diagnostics)
                    }
                }
                let multiple = m.bool("multiple", &diagnostics) ?? false
                var valueLabels: [String: LocalizedText] = [:]
                if var vl = m.value("value_labels")?.mapping(&diagnostics, what: "'value_labels'") {
                    for key in vl.keys {
                        if let node = vl.value(key), let values = node.localized(&diagnostics, what: "'\(key)'") {
                            valueLabels[key] = values["*"].map { LocalizedText(zh: $0, en: $0) } ?? LocalizedText(values)
                        }
                    }
                    vl.finish(&diagnostics)
                }
                let range = validRange(&m, unit: unit, &diagnostics)   // min:, max: (DatasetLoader+ValidRange.swift)
                m.finish(&diagnostics)
                var indicator = Indicator(id: id, label: label, unit: unit, direction: direction, source: source, format: format,
                                          scale: scale, surveySize: surveySize, multiple: multiple, valueLabels: valueLabels,
                                          location: item.location)
                (indicator.minimum, indicator.maximum) = range
                indicators.append(indicator)
            }
        }
        var relations: [Relation] = []
        if let list = top.value("relations")?.sequence(&diagnostics, what: "'relations'") {
            for item in list {
                guard var m = item.mapping(&diagnostics, what: "a relation") else { continue }
                let id = m.string("id", &diagnostics) ?? "relation"
                if let kind = m.string("kind", &diagnostics), kind != "ratio" {
                    diagnostics.append(.error("unknown relation kind '\(kind)'", at: m.keyLocation("kind"), hint: "the only kind is 'ratio'", code: .badRelation))
                }
                let stated = m.required("stated", &diagnostics)?.string(&diagnostics, what: "'stated'")
                let numerator = m.required("numerator", &diagnostics)?.string(&diagnostics, what: "'numerator'")
                let denominator = m.required("denominator", &diagnostics)?.string(&diagnostics, what: "'denominator'")
                let factor = m.double("factor", &diagnostics) ?? 1
                let tolerance = m.double("tolerance", &diagnostics) ?? 0.5
                m.finish(&diagnostics)
                if let stated, let numerator, let denominator {
                    relations.append(Relation(id: id, stated: stated, numerator: numerator, denominator: denominator,
                                              factor: factor, tolerance: tolerance, location: item.location))
                }
            }
        }
        var stages: [Stage] = []
        if let list = top.value("stages")?.sequence(&diagnostics, what: "'stages'") {
            for item in list {
                guard var m = item.mapping(&diagnostics, what: "a stage") else { continue }
                let level = m.required("level", &diagnostics)?.int(&diagnostics, what: "'level'")
                let zh = m.string("zh", &diagnostics) ?? ""
                let en = m.string("en", &diagnostics) ?? ""
                m.finish(&diagnostics)
                if let level { stages.append(Stage(level: level, name: LocalizedText(zh: zh, en: en))) }
            }
        }
        top.finish(&diagnostics)
        return (indicators, relations, stages)
    }
}
