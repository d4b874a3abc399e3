#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nice tick values, ported from d3-array's `ticks.js` so axes read the same as the charts readers know.
///
/// Steps are 1, 2 or 5 times a power of ten. For negative powers the step is kept as an inverse integer
/// (`-10` means 1/10) and ticks are computed as `i / 10`, which gives 0.3 rather than 0.30000000000000004.
public enum Ticks {
    private static let e10 = 50.0.squareRoot(), e5 = 10.0.squareRoot(), e2 = 2.0.squareRoot()

    /// (first index, last index, increment) with d3's inverse-increment convention.
    static func spec(_ start: Double, _ stop: Double, _ count: Double) -> (Double, Double, Double) {
        let step = (stop - start) / max(0, count)
        let power = floor(log10(step))
        let error = step / pow(10, power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        var i1: Double, i2: Double, inc: Double
        if power < 0 {
            inc = pow(10, -power) / factor
            i1 = jsRound(start * inc)
            i2 = jsRound(stop * inc)
            if i1 / inc < start { i1 += 1 }
            if i2 / inc > stop { i2 -= 1 }
            inc = -inc
        } else {
            inc = pow(10, power) * factor
            i1 = jsRound(start / inc)
            i2 = jsRound(stop / inc)
            if i1 * inc < start { i1 += 1 }
            if i2 * inc > stop { i2 -= 1 }
        }
        if i2 < i1 && 0.5 <= count && count < 2 { return spec(start, stop, count * 2) }
        return (i1, i2, inc)
    }

    /// JavaScript's `Math.round`: halves go toward +∞ (−0.5 → 0), which decides some edge ticks.
    static func jsRound(_ x: Double) -> Double {
        let down = x.rounded(.down)
        return x - down >= 0.5 ? down + 1 : down
    }

    /// About `count` nice values covering start...stop (in the order given); d3's `ticks`.
    public static func ticks(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        guard count > 0, start.isFinite, stop.isFinite else { return [] }
        if start == stop { return [start] }
        let reverse = stop < start
        let (i1, i2, inc) = reverse ? spec(stop, start, Double(count)) : spec(start, stop, Double(count))
        guard i2 >= i1, inc.isFinite, inc != 0 else { return [] }
        let n = Int(i2 - i1) + 1
        return (0..<n).map { i in
            let k = reverse ? i2 - Double(i) : i1 + Double(i)
            return inc < 0 ? k / -inc : k * inc
        }
    }

    /// d3's `tickIncrement`: the step, or its negated inverse when the step is below 1.
    public static func increment(_ start: Double, _ stop: Double, count: Int) -> Double {
        spec(start, stop, Double(count)).2
    }

    /// d3's `tickStep`: the signed distance between ticks.
    public static func step(_ start: Double, _ stop: Double, count: Int) -> Double {
        let reverse = stop < start
        let inc = reverse ? increment(stop, start, count: count) : increment(start, stop, count: count)
        return (reverse ? -1 : 1) * (inc < 0 ? 1 / -inc : inc)
    }

    /// Extends a domain outward to tick boundaries (d3's `linear.nice`).
    public static func nice(_ start: Double, _ stop: Double, count: Int) -> (Double, Double) {
        var lo = min(start, stop), hi = max(start, stop)
        guard lo.isFinite, hi.isFinite, lo < hi, count > 0 else { return (start, stop) }
        var previous: Double?
        for _ in 0..<10 {
            let step = increment(lo, hi, count: count)
            if step == previous { break }
            if step > 0 {
                lo = floor(lo / step) * step
                hi = ceil(hi / step) * step
            } else if step < 0 {
                lo = ceil(lo * step) / step
                hi = floor(hi * step) / step
            } else {
                break
            }
            previous = step
        }
        return start <= stop ? (lo, hi) : (hi, lo)
    }
}
