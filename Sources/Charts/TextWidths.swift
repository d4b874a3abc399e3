import Geometry

/// Caches measured widths for one render call: bump charts measure the same tick and label strings many times,
/// and a Pango measurement costs far more than a dictionary lookup.
final class TextWidths {
    private struct Key: Hashable {
        var text: String
        var font: FontSpec
    }
    private let measurer: TextMeasurer
    private var cache: [Key: Double] = [:]

    init(measurer: TextMeasurer) { self.measurer = measurer }

    func width(_ text: String, _ font: FontSpec) -> Double {
        let key = Key(text: text, font: font)
        if let w = cache[key] { return w }
        let w = measurer.width(of: text, font: font)
        cache[key] = w
        return w
    }
}
