import CCairo
import Foundation
import Geometry

/// Pango text shaping shared by measuring and drawing, so both agree to the last point.
///
/// One engine per language and per thread: the font map and context are created once and the layouts are
/// cached by text and font. Hint metrics are off so PDF, PNG and SVG lay out identically, and the language
/// is set explicitly so `zh-cn` picks the Simplified Chinese CJK face whatever the process locale is.
public final class PangoFontEngine: TextMeasurer, @unchecked Sendable {
    public let language: String
    private let lock = NSRecursiveLock()   // characterWidths may fall back to width(of:)
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private var layouts: [LayoutKey: OpaquePointer] = [:]
    private var descriptions: [FontSpec: OpaquePointer] = [:]
    /// Whether a text in a font needs glyphs no installed font has: a property of the text and the fonts, so
    /// it can be cached across reports without one report's answer leaking into another's warnings.
    private var missingGlyphCache: [LayoutKey: Bool] = [:]
    /// Advances of short texts (table cells, labels), which repeat a lot; paragraphs are not kept.
    private var characterWidthCache: [LayoutKey: [Double]] = [:]

    struct LayoutKey: Hashable {
        var text: String
        var font: FontSpec
    }

    public init(language: String) {
        self.language = language
        // Pango only returns nil here when GLib cannot allocate, which it treats as fatal anyway.
        guard let map = pango_cairo_font_map_new(), let created = pango_font_map_create_context(map) else {
            preconditionFailure("Pango could not create a font map")
        }
        fontMap = map
        context = created
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        // Rounded glyph positions make every 10.5 pt ideograph 11 pt wide; typeset text needs true advances.
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_language(context, pango_language_from_string(PangoFontEngine.pangoLanguage(language)))
    }

    deinit {
        for layout in layouts.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
        for description in descriptions.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(fontMap)
    }

    /// Maps report languages to Pango language tags (`zh` alone means Simplified Chinese here).
    static func pangoLanguage(_ language: String) -> String {
        let lower = language.lowercased().replacingOccurrences(of: "_", with: "-")
        switch lower {
        case "zh", "zh-hans", "zh-cn", "zh-sg": return "zh-cn"
        case "zh-hant", "zh-tw": return "zh-tw"
        case "zh-hk": return "zh-hk"
        default: return lower
        }
    }

    public func width(of text: String, font: FontSpec) -> Double {
        lock.lock()
        defer { lock.unlock() }
        guard let layout = layoutLocked(text, font) else { return 0 }
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return Double(logical.width) / Double(PANGO_SCALE)
    }

    public func characterWidths(of text: String, font: FontSpec) -> [Double] {
        lock.lock()
        defer { lock.unlock() }
        let key = LayoutKey(text: text, font: font)
        if let cached = characterWidthCache[key] { return cached }
        let widths = shapeCharacterWidths(text, font)
        if text.utf8.count <= 64 { characterWidthCache[key] = widths }
        return widths
    }

    private func shapeCharacterWidths(_ text: String, _ font: FontSpec) -> [Double] {
        // A throwaway layout: paragraphs rarely repeat, so caching them would only hold memory.
        guard !text.isEmpty, let layout = pango_layout_new(context), let description = descriptionLocked(font) else {
            return text.map { _ in 0 }
        }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        pango_layout_set_font_description(layout, description)
        pango_layout_set_text(layout, text, -1)
        setPunctuationAttributes(layout, text, font)
        // Byte offset of each Character, to map Pango's clusters (byte indexes) to characters.
        var characterAtByte: [Int: Int] = [:]
        var offset = 0
        for (index, character) in text.enumerated() {
            characterAtByte[offset] = index
            offset += character.utf8.count
        }
        var widths = [Double](repeating: 0, count: text.count)
        guard let iterator = pango_layout_get_iter(layout) else { return text.map { width(of: String($0), font: font) } }
        defer { pango_layout_iter_free(iterator) }
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_cluster_extents(iterator, nil, &logical)
            let byte = Int(pango_layout_iter_get_index(iterator))
            // A cluster that starts inside a Character (rare: combining sequences) adds to that Character.
            var b = byte
            while b > 0 && characterAtByte[b] == nil { b -= 1 }
            if let index = characterAtByte[b] { widths[index] += Double(logical.width) / Double(PANGO_SCALE) }
        } while pango_layout_iter_next_cluster(iterator) != 0
        return widths
    }

    /// The texts among `runs` that need glyphs no installed font has (drawn as boxes), sorted, each once.
    /// Asked per report about what that report draws, so the answer never depends on what was drawn before.
    public func textsWithMissingGlyphs(_ runs: [TextItem]) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        var out: Set<String> = []
        for run in runs where !run.text.isEmpty {
            let key = LayoutKey(text: run.text, font: run.font)
            let missing: Bool
            if let cached = missingGlyphCache[key] { missing = cached } else {
                missing = layoutLocked(run.text, run.font).map { pango_layout_get_unknown_glyphs_count($0) > 0 } ?? false
                missingGlyphCache[key] = missing
            }
            if missing { out.insert(run.text) }
        }
        return out.sorted()
    }

    /// Runs `body` with a cached layout and its baseline offset; the lock is held, so `body` must not re-enter.
    func withLayout<R>(_ text: String, _ font: FontSpec, _ body: (OpaquePointer, Double) -> R) -> R? {
        lock.lock()
        defer { lock.unlock() }
        guard let layout = layoutLocked(text, font) else { return nil }
        let baseline = Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE)
        return body(layout, baseline)
    }

    private func layoutLocked(_ text: String, _ font: FontSpec) -> OpaquePointer? {
        let key = LayoutKey(text: text, font: font)
        if let cached = layouts[key] { return cached }
        guard let layout = pango_layout_new(context), let description = descriptionLocked(font) else { return nil }
        pango_layout_set_font_description(layout, description)
        pango_layout_set_text(layout, text, -1)
        setPunctuationAttributes(layout, text, font)
        layouts[key] = layout
        return layout
    }

    /// Chinese punctuation as clreq sets it (see `CJKPunctuation`): in Chinese text, quotes, dashes and
    /// ellipses from the CJK face (full width) instead of the Latin face first in the font list, and `halt`
    /// on the mark of an adjacent pair that gives up its empty half. The font has no `chws` to decide that
    /// itself. Measuring and drawing both come through here, so they agree.
    private func setPunctuationAttributes(_ layout: OpaquePointer, _ text: String, _ font: FontSpec) {
        guard isChinese else { return }
        let face = CJKPunctuation.cjkFaceOffsets(in: text)
        let halt = CJKPunctuation.compressedOffsets(in: text)
        guard !face.isEmpty || !halt.isEmpty, let list = pango_attr_list_new() else { return }
        defer { pango_attr_list_unref(list) }
        var starts: [Int] = []
        var offset = 0
        for character in text {
            starts.append(offset)
            offset += character.utf8.count
        }
        starts.append(offset)
        func insert(_ attribute: UnsafeMutablePointer<PangoAttribute>?, at index: Int) {
            guard let attribute, index + 1 < starts.count else { return }
            attribute.pointee.start_index = UInt32(starts[index])
            attribute.pointee.end_index = UInt32(starts[index + 1])
            pango_attr_list_insert(list, attribute)
        }
        // The CJK faces are the families from the first one whose name says so (the Latin face comes first).
        let cjk = font.families.drop { !$0.contains("CJK") }
        if !cjk.isEmpty {
            let families = cjk.joined(separator: ",")
            for index in face { insert(pango_attr_family_new(families), at: index) }
        }
        for index in halt { insert(pango_attr_font_features_new("halt 1"), at: index) }
        pango_layout_set_attributes(layout, list)
    }

    private var isChinese: Bool { Self.pangoLanguage(language).hasPrefix("zh") }

    private func descriptionLocked(_ font: FontSpec) -> OpaquePointer? {
        if let cached = descriptions[font] { return cached }
        guard let description = pango_font_description_new() else { return nil }
        pango_font_description_set_family(description, font.families.joined(separator: ","))
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        descriptions[font] = description
        return description
    }
}
