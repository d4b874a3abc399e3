/// Text in several languages, keyed by language code (`zh`, `en`).
public struct LocalizedText: Hashable, Sendable, Codable {
    public var values: [String: String]
    public init(_ values: [String: String] = [:]) { self.values = values }
    public init(zh: String, en: String) { values = ["zh": zh, "en": en] }

    /// The text in a language (`zh-cn` matches `zh`), falling back to the other languages in a fixed order.
    public func resolve(_ language: String) -> String {
        let base = Language.base(language)
        if let v = values[language], !v.isEmpty { return v }
        if let v = values[base], !v.isEmpty { return v }
        for key in ["en", "zh"] + values.keys.sorted() { if let v = values[key], !v.isEmpty { return v } }
        return ""
    }

    public var isEmpty: Bool { values.values.allSatisfy(\.isEmpty) }
}

/// Language helpers: reports are written in `zh-cn` (or `zh`) or `en`.
public enum Language {
    public static func base(_ code: String) -> String {
        String(code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }
    public static func isChinese(_ code: String) -> Bool { base(code) == "zh" }
}
