/// A place in an input file (1-based line and column; 0 when unknown).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int = 0, column: Int = 0) { self.file = file; self.line = line; self.column = column }
    public var description: String {
        line > 0 ? (column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)") : file
    }
}

/// A finding about the input or the output: an error stops a build, a warning does not.
public struct Diagnostic: Hashable, Sendable, Codable, Error, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable { case error, warning, note }
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var hint: String?
    /// A short stable code for machines (e.g. "unknown-key", "rank-tie").
    public var code: DiagnosticCode
    /// Structured facts behind the message (ids, values), so reports can restate it in their own language.
    public var details: [String: String]

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, hint: String? = nil,
                code: DiagnosticCode = .general) {
        self.severity = severity; self.message = message; self.location = location; self.hint = hint; self.code = code
        self.details = [:]
    }

    /// The same diagnostic with structured details attached.
    public func with(_ details: [String: String]) -> Diagnostic {
        var copy = self
        copy.details = details
        return copy
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil,
                             code: DiagnosticCode = .general) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint, code: code)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, hint: String? = nil,
                               code: DiagnosticCode = .general) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint, code: code)
    }

    /// `file:line:col: error: message` followed by an indented `hint:` line when there is one.
    public var description: String {
        var s = location.map { "\($0): " } ?? ""
        s += "\(severity.rawValue): \(message)"
        if let hint { s += "\n  hint: \(hint)" }
        return s
    }
}

/// An error that carries one or more diagnostics (all of them, not only the first).
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Suggests the closest candidate for a misspelt name ("did you mean …?").
public enum Suggestion {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        var best: (String, Int)?
        for c in candidates {
            let d = editDistance(lower, c.lowercased())
            guard d <= max(2, c.count / 3) else { continue }
            if let current = best, current.1 <= d { continue }
            best = (c, d)
        }
        return best?.0
    }

    public static func hint(for word: String, in candidates: [String]) -> String? {
        if let c = closest(to: word, in: candidates) { return "did you mean '\(c)'?" }
        let sorted = candidates.sorted()
        guard !sorted.isEmpty else { return nil }
        let shown = sorted.prefix(12).joined(separator: ", ")
        return "expected one of: \(shown)\(sorted.count > 12 ? ", …" : "")"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
