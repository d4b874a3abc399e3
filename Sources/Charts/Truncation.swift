import Geometry

/// Shortens text with an ellipsis to fit a width.
enum Truncation {
    /// The text, or its longest prefix with "…" that fits; empty when not even "…" fits, so the caller draws nothing
    /// rather than a lone ellipsis reaching past its room.
    static func fit(_ text: String, font: FontSpec, maxWidth: Double, ctx: ChartContext) -> String {
        if ctx.width(text, font) <= maxWidth { return text }
        let characters = Array(text)
        // Binary search on the kept prefix length keeps this logarithmic in measurements.
        var lo = 0, hi = characters.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if ctx.width(String(characters[0..<mid]) + "…", font) <= maxWidth { lo = mid } else { hi = mid - 1 }
        }
        // A lone "…" tells the reader nothing.
        guard lo > 0 else { return "" }
        return String(characters[0..<lo]) + "…"
    }

    /// Like `fit`, but a short last word (the rank in "上海 3" or "Puerto Rico 12") is kept and the words before it
    /// are shortened, since the number is what the label is for. A lone value is never cut ("96.…" would misread);
    /// the caller's checks leave it out when it does not fit.
    static func fitKeepingLastWord(_ text: String, font: FontSpec, maxWidth: Double, ctx: ChartContext) -> String {
        if ctx.width(text, font) <= maxWidth { return text }
        guard let space = text.lastIndex(of: " ") else { return text }
        let tail = String(text[space...])
        guard tail.count <= 7 else { return fit(text, font: font, maxWidth: maxWidth, ctx: ctx) }
        let head = fit(String(text[..<space]), font: font, maxWidth: maxWidth - ctx.width(tail, font), ctx: ctx)
        return head.isEmpty ? String(tail.dropFirst()) : head + tail
    }
}
