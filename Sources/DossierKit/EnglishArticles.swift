/// Which English place names take "the" inside a sentence ("the United States", "the Netherlands",
/// "the Republic of Korea"), so generated prose does not read "in 2003 it was United States".
enum EnglishArticles {
    static let leadingWords: Set<String> = ["United", "Republic", "Kingdom", "Federated", "Democratic", "People's", "Principality",
                                            "State", "Commonwealth", "Sultanate", "Union", "Grand", "Holy", "Islamic", "Plurinational",
                                            "Bolivarian", "Czech", "Dominican", "Central", "Russian", "Syrian", "Lao"]
    static let trailingWords: Set<String> = ["Islands", "States", "Emirates", "Republic", "Kingdom", "Federation", "Netherlands",
                                             "Philippines", "Bahamas", "Gambia", "Maldives", "Seychelles", "Comoros", "Union"]
    static let exceptions: Set<String> = ["Republic of Ireland"]   // "Ireland" reads without the article

    static func needsThe(_ name: String) -> Bool {
        guard !name.hasPrefix("the ") && !name.hasPrefix("The "), !exceptions.contains(name) else { return false }
        let words = name.split(separator: " ").map(String.init)
        guard let first = words.first, let last = words.last else { return false }
        return leadingWords.contains(first) || trailingWords.contains(last) || (words.count > 2 && words.contains("of"))
    }
}
