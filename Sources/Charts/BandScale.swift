/// Divides a range into `count` equal bands with inner and outer padding (d3's `scaleBand`, centred).
public struct BandScale: Sendable {
    public let count: Int
    public let range: (Double, Double)
    /// Distance from the start of one band to the start of the next.
    public let step: Double
    /// Width of one band.
    public let bandwidth: Double
    private let first: Double

    /// `paddingInner` is the fraction of a step left between bands; `paddingOuter` the fraction of a step
    /// left before the first and after the last band.
    public init(count: Int, range: (Double, Double), paddingInner: Double = 0, paddingOuter: Double = 0) {
        self.count = count
        self.range = range
        let inner = min(max(paddingInner, 0), 1)
        let n = Double(max(count, 0))
        step = (range.1 - range.0) / max(1, n - inner + max(paddingOuter, 0) * 2)
        first = range.0 + (range.1 - range.0 - step * (n - inner)) / 2
        bandwidth = step * (1 - inner)
    }

    /// Start of band `index`.
    public func start(_ index: Int) -> Double { first + Double(index) * step }
    /// Centre of band `index`.
    public func center(_ index: Int) -> Double { start(index) + bandwidth / 2 }
}
