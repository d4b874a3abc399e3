/// The last resort before a line-like chart (bump, line, slope) would shorten a series' name beside its line: every
/// labelled line gets a letter instead (A, B, …; a number would read as a rank or a value) and a key under the
/// chart gives each letter its name in full. Letters run top to bottom, so the key reads in the order of the labels.
enum SeriesKey {
    /// A, B, …, Z, then AA, AB, … for the n-th labelled series (from 0).
    static func letter(_ n: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var n = max(0, n)
        var result = ""
        repeat {
            result = String(letters[n % 26]) + result
            n = n / 26 - 1
        } while n >= 0
        return result
    }

    /// "Key: A United States; B Canada" / "图注：A 美国；B 加拿大".
    static func note(_ names: [String], ctx: ChartContext) -> String {
        let entries = names.enumerated().map { "\(letter($0.offset)) \($0.element)" }
        return ctx.words("图注：", "Key: ") + entries.joined(separator: ctx.words("；", "; ")) + ctx.words("。", ".")
    }
}
