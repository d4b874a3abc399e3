import Geometry

/// Shortens text with an ellipsis to fit a width.
enum Truncation {
    static func fit(_ text: String, font: FontSpec, maxWidth: Double, ctx: ChartContext) -> String {
        if ctx.width(text, font) <= maxWidth { return text }
        var characters = Array(text)
        // Binary search on the kept prefix length keeps this logarithmic in measurements.
        var lo = 0, hi = characters.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if ctx.width(String(characters[0..<mid]) + "…", font) <= maxWidth { lo = mid } else { hi = mid - 1 }
        }
        characters = Array(characters[0..<lo])
        return String(characters) + "…"
    }
}
