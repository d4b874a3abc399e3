import Geometry
import Model
import Spec

/// Fills `{{ function arg … }}` placeholders in spec text from the dataset. A placeholder that names
/// something missing is an error (located at the text), never an empty string. See docs/SPEC.md.
struct TemplateEngine {
    let dataset: Dataset
    let language: String
    let parameters: [String: String]
    var formatter: ValueFormatter { ValueFormatter(dataset: dataset, language: language) }
    var phrases: Words { Words(language) }

    static let functions = ["name", "rank", "value", "latest", "period", "count", "indicator", "stage", "best", "param", "outof", "source", "changes"]
        + pathFunctions + computedFunctions

    /// Fills the placeholders of a text; `cited` collects the indicators whose values were used and, as
    /// `source:ID`, the sources quoted (for the references). Linear in the text: placeholder locations are
    /// counted forward, and parameter values (`text.literals`) are copied as written, never scanned for placeholders.
    func render(_ text: SpecText, diagnostics: inout [Diagnostic], cited: inout [String]) -> String {
        var out = ""
        var rest = Substring(text.text)
        var position = TextPosition(text)
        var literalIndex = 0   // literals are in increasing order, like the placeholders
        while let open = rest.utf8.firstRange(of: "{{".utf8) {   // not Foundation's range(of:), which copies the rest
            out += rest[rest.startIndex..<open.lowerBound]
            let offset = text.text.utf8.distance(from: text.text.startIndex, to: open.lowerBound)
            while literalIndex < text.literals.count, text.literals[literalIndex].upperBound <= offset { literalIndex += 1 }
            if literalIndex < text.literals.count, text.literals[literalIndex].contains(offset) {
                let literal = text.literals[literalIndex]
                // A `{{` inside a parameter value: data, printed as written up to the value's end.
                let end = text.text.utf8.index(text.text.startIndex, offsetBy: literal.upperBound)
                out += rest[open.lowerBound..<end]
                rest = rest[end...]
                continue
            }
            guard let close = rest[open.upperBound...].utf8.firstRange(of: "}}".utf8) else {
                diagnostics.append(.error("placeholder '{{' is never closed", at: position.location(at: open.lowerBound), hint: "write {{ name US }}", code: .template))
                return out + rest[open.lowerBound...]
            }
            let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            out += evaluate(inner, at: position.location(at: open.lowerBound), &diagnostics, cited: &cited)
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The location of a placeholder inside a text: line offsets are exact for block scalars (`|`).
    func location(_ text: SpecText, _ index: String.Index) -> SourceLocation {
        var position = TextPosition(text)
        return position.location(at: index)
    }

    func evaluate(_ expression: String, at location: SourceLocation, _ diagnostics: inout [Diagnostic], cited: inout [String]) -> String {
        var unknownParameter: String?
        let words = expression.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { word -> String in
            let w = String(word)
            guard w.hasPrefix("$") else { return w }
            if let v = parameters[String(w.dropFirst())] { return v }
            unknownParameter = unknownParameter ?? String(w.dropFirst())
            return w
        }
        if let name = unknownParameter {
            diagnostics.append(.error("unknown parameter '$\(name)' in {{\(expression)}}", at: location,
                                      hint: parameters.isEmpty ? "declare it under params:" : Suggestion.hint(for: name, in: Array(parameters.keys)),
                                      code: .unknownParam))
            return "{{\(expression)}}"
        }
        guard let function = words.first else {
            diagnostics.append(.error("empty placeholder {{ }}", at: location, code: .template))
            return ""
        }
        let args = Array(words.dropFirst())
        func fail(_ message: String, hint: String? = nil) -> String {
            diagnostics.append(.error(message, at: location, hint: hint, code: .template))
            return "{{\(expression)}}"
        }
        func need(_ n: Int, _ usage: String) -> Bool {
            if args.count < n { _ = fail("{{\(function)}} needs \(n) argument\(n == 1 ? "" : "s")", hint: "write {{ \(usage) }}"); return false }
            return true
        }
        func entity(_ id: String) -> Entity? {
            if let e = dataset.entity(id) { return e }
            _ = fail("unknown entity '\(id)' in {{\(expression)}}", hint: Suggestion.hint(for: id, in: dataset.entities.map(\.id)))
            return nil
        }
        func indicator(_ id: String) -> Indicator? {
            if let x = dataset.indicator(id) {
                if !cited.contains(x.id) { cited.append(x.id) }
                return x
            }
            _ = fail("unknown indicator '\(id)' in {{\(expression)}}", hint: Suggestion.hint(for: id, in: dataset.indicators.map(\.id)))
            return nil
        }
        func observation(_ e: Entity, _ x: Indicator, _ periodText: String?) -> Observation? {
            if let periodText {
                guard let p = Period(periodText) else { _ = fail("'\(periodText)' is not a period"); return nil }
                if let o = dataset.observation(entity: e.id, indicator: x.id, period: p) { return o }
                let have = dataset.observations(entity: e.id, indicator: x.id).map { $0.period.description }
                _ = fail("no observation for \(e.id) · \(x.id) · \(periodText)",
                         hint: have.isEmpty ? "\(e.id) has no \(x.id) data at all" : "periods with data: \(have.joined(separator: ", "))")
                return nil
            }
            if let o = dataset.latest(entity: e.id, indicator: x.id) { return o }
            _ = fail("no observation for \(e.id) · \(x.id)")
            return nil
        }

        switch function {
        case "name":
            guard need(1, "name ENTITY"), let e = entity(args[0]) else { return "" }
            return e.name(language)
        case "param":
            guard need(1, "param NAME") else { return "" }
            if let v = parameters[args[0]] { return v }
            return fail("unknown parameter '\(args[0])'", hint: Suggestion.hint(for: args[0], in: Array(parameters.keys)))
        case "indicator":
            guard need(1, "indicator ID"), let x = indicator(args[0]) else { return "" }
            return x.label.resolve(language)
        case "rank", "value", "latest":
            let usage = function == "latest" ? "latest ENTITY INDICATOR" : "\(function) ENTITY INDICATOR PERIOD"
            guard need(function == "latest" ? 2 : 2, usage), let e = entity(args[0]), let x = indicator(args[1]) else { return "" }
            guard let o = observation(e, x, function == "latest" ? nil : args.count > 2 ? args[2] : nil) else { return "" }
            if function == "rank" {
                guard x.unit == .rank, let n = o.value.number else { return fail("{{rank}} needs a rank indicator; \(x.id) has unit \(x.unit.rawValue)", hint: "use {{value …}}") }
                return String(Int(n))
            }
            return formatter.format(o, indicator: x)
        case "period":
            guard need(2, "period ENTITY INDICATOR"), let e = entity(args[0]), let x = indicator(args[1]),
                  let o = observation(e, x, nil) else { return "" }
            return o.period.display(language)
        case "outof":
            guard need(2, "outof INDICATOR PERIOD"), let x = indicator(args[0]) else { return "" }
            if let n = x.surveySize[args[1]] ?? x.surveySize["*"] { return String(n) }
            return fail("the survey size of \(x.id) in \(args[1]) is not in the dataset", hint: "add survey_size to the indicator")
        case "count":
            guard need(1, "count tag:TAG | kind:KIND | INDICATOR") else { return "" }
            let a = args[0]
            if a.hasPrefix("tag:") {
                let tag = String(a.dropFirst(4))
                let n = dataset.entities(tagged: tag).count
                if n == 0 { return fail("no entity has the tag '\(tag)'", hint: Suggestion.hint(for: tag, in: dataset.tags)) }
                return String(n)
            }
            if a.hasPrefix("kind:") {
                guard let k = EntityKind(rawValue: String(a.dropFirst(5))) else { return fail("unknown kind '\(a.dropFirst(5))'") }
                return String(dataset.entities(kind: k).count)
            }
            guard let x = indicator(a) else { return "" }
            return String(Set(dataset.observations(indicator: x.id).map(\.entity)).count)
        case "best":
            guard need(2, "best INDICATOR PERIOD [tag:TAG]"), let x = indicator(args[0]), let p = Period(args[1]) else {
                return args.count >= 2 && Period(args[1]) == nil ? fail("'\(args[1])' is not a period") : ""
            }
            let tag = args.count > 2 && args[2].hasPrefix("tag:") ? String(args[2].dropFirst(4)) : nil
            let candidates = dataset.observations(indicator: x.id).filter { o in
                o.period == p && (tag == nil || dataset.entity(o.entity)?.tags.contains(tag ?? "") == true)
            }.compactMap { o in o.value.number.map { (o.entity, $0) } }
            guard !candidates.isEmpty else { return fail("no \(x.id) data in \(args[1])") }
            let bestValue = x.direction == .higherBetter ? candidates.map(\.1).max() : candidates.map(\.1).min()
            let names = candidates.filter { $0.1 == bestValue }.compactMap { dataset.entity($0.0)?.name(language) }
            return phrases.list(names)
        case "stage":
            guard need(1, "stage ENTITY [INDICATOR]"), let e = entity(args[0]) else { return "" }
            // Without an indicator: the dataset's first `unit: stage` indicator (its stage model, not a fixed id).
            guard let id = args.count > 1 ? args[1] : dataset.indicators.first(where: { $0.unit == .stage })?.id else {
                return fail("the dataset has no stage indicator", hint: "add an indicator with unit: stage, or write {{ stage ENTITY INDICATOR }}")
            }
            guard let x = indicator(id), let o = observation(e, x, nil) else { return "" }
            return formatter.format(o.value, indicator: x)
        case "source":
            guard need(1, "source ID") else { return "" }
            if let s = dataset.source(args[0]) {
                if !cited.contains("source:" + s.id) { cited.append("source:" + s.id) }   // listed under References
                return s.citation.resolve(language)
            }
            return fail("unknown source '\(args[0])'", hint: Suggestion.hint(for: args[0], in: dataset.sources.map(\.id)))
        case "changes":
            // {{changes ENTITY INDICATOR}}: "2000年：第1名 → 2003年：第3名" / "2000: 1st → 2003: 3rd".
            guard need(2, "changes ENTITY INDICATOR"), let e = entity(args[0]), let x = indicator(args[1]) else { return "" }
            let obs = dataset.observations(entity: e.id, indicator: x.id)
            guard !obs.isEmpty else { return fail("no observation for \(e.id) · \(x.id)") }
            return obs.map { o in
                let value = x.unit == .rank ? o.value.number.map { formatter.rankPhrase(Int($0)) } ?? formatter.format(o.value, indicator: x)
                                            : formatter.format(o, indicator: x)
                return phrases(.periodValue, o.period.inProse(language), value)
            }.joined(separator: " → ")
        case _ where Self.computedFunctions.contains(function):   // TemplateEngine+Computed.swift
            return evaluateComputed(function, args, cited: &cited, fail: fail)
        case _ where Self.pathFunctions.contains(function):
            return evaluatePath(function, args, fail: fail)
        default:
            return fail("unknown placeholder function '\(function)'", hint: Suggestion.hint(for: function, in: TemplateEngine.functions))
        }
    }
}

/// Placeholder locations inside one text, counted forward from the last one asked for (so a text with many
/// placeholders costs one pass, not one pass per placeholder). Indices must be asked for in increasing order.
struct TextPosition {
    let text: SpecText
    private var scanned: String.Index
    private var newlines = 0
    private var column = 0   // characters since the last newline (or since the start)

    init(_ text: SpecText) { self.text = text; scanned = text.text.startIndex }

    mutating func location(at index: String.Index) -> SourceLocation {
        for c in text.text[scanned..<index] {
            if c == "\n" { newlines += 1; column = 0 } else { column += 1 }
        }
        scanned = index
        var loc = text.location
        if newlines > 0 {
            loc.line += newlines + 1   // block scalars start on the line after the key
            loc.column = column + 1
        } else {
            loc.column += column
        }
        return loc
    }
}
