/// Evenly divided rows, top-aligned, that never grow thicker than `maxStep` (a few bars should not look bloated).
enum Rows {
    static func band(count: Int, top: Double, bottom: Double, maxStep: Double, paddingInner: Double) -> BandScale {
        let available = max(0, bottom - top)
        let height = min(available, maxStep * Double(max(count, 1)))
        return BandScale(count: count, range: (top, top + height), paddingInner: paddingInner, paddingOuter: paddingInner / 2)
    }
}
