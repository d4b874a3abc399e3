/// Rows of a row-based chart (bars, dots, dumbbells, heat maps, stage ladders) spread over the height they are
/// given, so a slide or a tall report figure is filled rather than left empty at the bottom, and a single row gets
/// the whole plot instead of a thin strip.
///
/// The marks keep at least `paddingInner` of the step free and are never thicker than `maxBand`: on a tall slide
/// the extra room goes into the gaps between rows rather than into bloated bars.
enum Rows {
    static func band(count: Int, top: Double, bottom: Double, maxBand: Double = .infinity, paddingInner: Double) -> BandScale {
        let step = max(0, bottom - top) / Double(max(count, 1))
        let inner = step > 0 ? min(0.9, max(paddingInner, 1 - maxBand / step)) : paddingInner
        // Outer padding of half the inner padding makes every step exactly `step` long.
        return BandScale(count: count, range: (top, top + step * Double(max(count, 1))), paddingInner: inner, paddingOuter: inner / 2)
    }
}
