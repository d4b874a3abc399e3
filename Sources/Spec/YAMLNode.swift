import Foundation
import Geometry
import Yams

/// A YAML node with its file and position, and typed accessors that record located errors.
public struct YAMLNode {
    public let node: Node
    public let file: String

    public var location: SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// Parses YAML text into a node tree. Aliases are allowed but the tree is walked with a node budget,
    /// so an alias bomb is reported instead of hanging; duplicate keys are reported by `MappingReader`.
    public static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> YAMLNode? {
        // Checked before parsing: the parser recurses per level and overflows the stack on deep nesting.
        if let (line, column) = YAMLDepth.firstExcess(in: text) {
            diagnostics.append(.error("YAML nests more than \(YAMLDepth.maximum) levels deep", at: SourceLocation(file: file, line: line, column: column),
                                      hint: "specs, styles and indicator files need only a few levels; check for unclosed '[' or '{'",
                                      code: .yamlTooDeep))
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                diagnostics.append(.error("file is empty", at: SourceLocation(file: file), code: .emptyFile))
                return nil
            }
            let root = YAMLNode(node: node, file: file)
            var budget = maximumNodes
            guard root.fitsBudget(&budget) else {
                diagnostics.append(.error("YAML expands to more than \(maximumNodes) nodes", at: root.location,
                                          hint: "remove anchors/aliases (&name / *name) that repeat large parts of the document",
                                          code: .yamlTooLarge))
                return nil
            }
            if let big = root.firstOversizedScalar() {
                diagnostics.append(.error("a value of \(big.count / 1024) KB is over the \(maximumScalarBytes / 1024) KB limit", at: big.location,
                                          hint: "split long text into several paragraphs or sections", code: .valueTooLarge))
                return nil
            }
            return root
        } catch let error as YamlError {
            diagnostics.append(describe(error, file: file))
            return nil
        } catch {
            diagnostics.append(.error("cannot parse YAML: \(error)", at: SourceLocation(file: file), code: .yamlSyntax))
            return nil
        }
    }

    /// The most nodes (after alias expansion) a spec, style or indicator file may have.
    public static let maximumNodes = 200_000

    /// The longest text one value may have: a long chapter, far more than a page holds, and small enough
    /// that layout time and memory stay bounded.
    public static let maximumScalarBytes = 256 * 1024

    /// The first scalar longer than `maximumScalarBytes` (walked after the node budget, so the walk is bounded).
    private func firstOversizedScalar() -> (count: Int, location: SourceLocation)? {
        switch node {
        case .scalar(let s):
            let count = s.string.utf8.count
            return count > Self.maximumScalarBytes ? (count, location) : nil
        case .mapping(let m):
            for (k, v) in m {
                if let found = YAMLNode(node: k, file: file).firstOversizedScalar() ?? YAMLNode(node: v, file: file).firstOversizedScalar() { return found }
            }
        case .sequence(let s):
            for v in s { if let found = YAMLNode(node: v, file: file).firstOversizedScalar() { return found } }
        }
        return nil
    }

    private func fitsBudget(_ budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .mapping(let m):
            for (k, v) in m {
                guard YAMLNode(node: k, file: file).fitsBudget(&budget), YAMLNode(node: v, file: file).fitsBudget(&budget) else { return false }
            }
        case .sequence(let s):
            for v in s { guard YAMLNode(node: v, file: file).fitsBudget(&budget) else { return false } }
        default: break
        }
        return true
    }

    static func describe(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " \(context.text)" }
            var hint = "check indentation (spaces, not tabs) and quote values that contain ':' or '#'"
            if problem.contains("tab") { hint = "YAML does not allow tabs for indentation; use spaces" }
            return .error(message, at: SourceLocation(file: file, line: mark.line, column: mark.column), hint: hint, code: .yamlSyntax)
        case let .reader(problem, offset, _, _):
            return .error("invalid YAML text: \(problem)\(offset.map { " at byte \($0)" } ?? "")", at: SourceLocation(file: file), code: .yamlSyntax)
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(file: file), code: .yamlSyntax)
        }
    }

    // MARK: typed access

    public var isNull: Bool {
        if case .scalar(let s) = node { return ["", "~", "null", "Null", "NULL"].contains(s.string) && s.style == .plain }
        return false
    }

    public var scalarText: String? {
        if case .scalar(let s) = node { return s.string }
        return nil
    }

    public var kindName: String {
        switch node {
        case .scalar: return "a value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    public func string(_ diagnostics: inout [Diagnostic], what: String) -> String? {
        guard let s = scalarText else {
            diagnostics.append(.error("\(what) must be text, not \(kindName)", at: location, code: .wrongType))
            return nil
        }
        return s
    }

    public func double(_ diagnostics: inout [Diagnostic], what: String) -> Double? {
        guard let s = scalarText else {
            diagnostics.append(.error("\(what) must be a number, not \(kindName)", at: location, code: .wrongType))
            return nil
        }
        guard let v = Double(s.trimmingCharacters(in: .whitespaces)), v.isFinite, abs(v) < 1e15 else {
            diagnostics.append(.error("\(what) must be a finite number, got '\(s)'", at: location, code: .wrongType))
            return nil
        }
        return v
    }

    public func int(_ diagnostics: inout [Diagnostic], what: String) -> Int? {
        guard let s = scalarText else {
            diagnostics.append(.error("\(what) must be a whole number, not \(kindName)", at: location, code: .wrongType))
            return nil
        }
        guard let v = Int(s.trimmingCharacters(in: .whitespaces)), abs(v) < 1_000_000_000 else {
            diagnostics.append(.error("\(what) must be a whole number, got '\(s)'", at: location, code: .wrongType))
            return nil
        }
        return v
    }

    public func bool(_ diagnostics: inout [Diagnostic], what: String) -> Bool? {
        switch scalarText?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(.error("\(what) must be true or false", at: location, code: .wrongType))
            return nil
        }
    }

    public func sequence(_ diagnostics: inout [Diagnostic], what: String) -> [YAMLNode]? {
        guard case .sequence(let s) = node else {
            diagnostics.append(.error("\(what) must be a list, not \(kindName)", at: location, hint: "write each item on its own line starting with '- '", code: .wrongType))
            return nil
        }
        return s.map { YAMLNode(node: $0, file: file) }
    }

    /// A list of strings; a single scalar is accepted as a one-item list.
    public func stringList(_ diagnostics: inout [Diagnostic], what: String) -> [String]? {
        if let s = scalarText { return [s] }
        guard let items = sequence(&diagnostics, what: what) else { return nil }
        return items.compactMap { $0.string(&diagnostics, what: "an item of \(what)") }
    }

    public func mapping(_ diagnostics: inout [Diagnostic], what: String) -> MappingReader? {
        guard case .mapping(let m) = node else {
            diagnostics.append(.error("\(what) must be a mapping (key: value lines), not \(kindName)", at: location, code: .wrongType))
            return nil
        }
        return MappingReader(mapping: m, file: file, location: location, what: what, diagnostics: &diagnostics)
    }

    /// Text in several languages: either a plain string (all languages) or `{zh: …, en: …}`.
    public func localized(_ diagnostics: inout [Diagnostic], what: String) -> [String: String]? {
        if let s = scalarText { return ["*": s] }
        guard case .mapping(let m) = node else {
            diagnostics.append(.error("\(what) must be text or {zh: …, en: …}", at: location, code: .wrongType))
            return nil
        }
        var out: [String: String] = [:]
        for (k, v) in m {
            let key = YAMLNode(node: k, file: file)
            guard let lang = key.scalarText else { continue }
            if out[lang] != nil {
                diagnostics.append(.error("duplicate key '\(lang)'", at: key.location, code: .duplicateKey))
            }
            out[lang] = YAMLNode(node: v, file: file).string(&diagnostics, what: "\(what).\(lang)")
        }
        return out
    }
}

/// Reads a YAML mapping key by key, reporting duplicate keys on creation and unknown keys in `finish`.
public struct MappingReader {
    public let file: String
    public let location: SourceLocation
    public let what: String
    private var values: [String: YAMLNode] = [:]
    private var keyLocations: [String: SourceLocation] = [:]
    private var order: [String] = []
    private var used: Set<String> = []

    init(mapping: Node.Mapping, file: String, location: SourceLocation, what: String, diagnostics: inout [Diagnostic]) {
        self.file = file; self.location = location; self.what = what
        for (k, v) in mapping {
            let key = YAMLNode(node: k, file: file)
            guard let name = key.scalarText else {
                diagnostics.append(.error("keys in \(what) must be plain text", at: key.location, code: .wrongType))
                continue
            }
            if let first = keyLocations[name] {
                diagnostics.append(.error("duplicate key '\(name)' in \(what) (first at line \(first.line))", at: key.location,
                                          hint: "remove one of them", code: .duplicateKey))
                continue
            }
            values[name] = YAMLNode(node: v, file: file)
            keyLocations[name] = key.location
            order.append(name)
        }
    }

    /// Keys in document order.
    public var keys: [String] { order }

    public func has(_ key: String) -> Bool { values[key] != nil }

    public func keyLocation(_ key: String) -> SourceLocation { keyLocations[key] ?? location }

    /// The value of a key (marking it as known); nil when absent.
    public mutating func value(_ key: String) -> YAMLNode? {
        used.insert(key)
        return values[key]
    }

    public mutating func required(_ key: String, _ diagnostics: inout [Diagnostic]) -> YAMLNode? {
        used.insert(key)
        guard let v = values[key] else {
            diagnostics.append(.error("\(what) is missing the required key '\(key)'", at: location, code: .missingKey))
            return nil
        }
        return v
    }

    public mutating func string(_ key: String, _ diagnostics: inout [Diagnostic]) -> String? {
        value(key)?.string(&diagnostics, what: "'\(key)'")
    }

    public mutating func double(_ key: String, _ diagnostics: inout [Diagnostic]) -> Double? {
        value(key)?.double(&diagnostics, what: "'\(key)'")
    }

    public mutating func int(_ key: String, _ diagnostics: inout [Diagnostic]) -> Int? {
        value(key)?.int(&diagnostics, what: "'\(key)'")
    }

    public mutating func bool(_ key: String, _ diagnostics: inout [Diagnostic]) -> Bool? {
        value(key)?.bool(&diagnostics, what: "'\(key)'")
    }

    /// Marks keys as known without reading them (keys handled elsewhere).
    public mutating func accept(_ keys: [String]) { used.formUnion(keys) }

    /// Reports every key not read, with a "did you mean" hint from the keys that were asked for.
    public func finish(_ diagnostics: inout [Diagnostic]) {
        let known = used.sorted()
        for key in order where !used.contains(key) {
            diagnostics.append(.error("unknown key '\(key)' in \(what)", at: keyLocations[key],
                                      hint: Suggestion.hint(for: key, in: known), code: .unknownKey))
        }
    }
}
