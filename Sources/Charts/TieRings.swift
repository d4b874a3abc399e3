/// Markers of entities tied under the share-and-stack rule sit on one point, where the last one drawn would hide
/// the others. They are drawn as nested rings instead (the first drawn largest, each later one smaller on top),
/// so every tied entity's colour shows while the position stays exact.
enum TieRings {
    /// How much wider each outer ring is than the one inside it, in marker radii.
    static let step = 0.75

    /// Radius factors keyed by series and category index, for markers that share a point with others; a marker
    /// not listed keeps factor 1. `order` is the drawing order; `points` gives a series' (category, value) pairs.
    static func factors(order: [Int], points: (Int) -> [(index: Int, value: Double)]) -> [Int: [Int: Double]] {
        struct Key: Hashable { var index: Int; var value: Double }
        var members: [Key: [Int]] = [:]
        for series in order {
            for p in points(series) { members[Key(index: p.index, value: p.value), default: []].append(series) }
        }
        var out: [Int: [Int: Double]] = [:]
        for (key, tied) in members where tied.count > 1 {
            for (j, series) in tied.enumerated() {
                out[series, default: [:]][key.index] = 1 + step * Double(tied.count - 1 - j)
            }
        }
        return out
    }
}
