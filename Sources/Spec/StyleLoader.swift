import Foundation
import Geometry
import Model

/// Loads `Styles/*.yaml`. A style may `extends:` another style of the same folder; keys it sets override the base.
public enum StyleLoader {
    /// Loads a style file, following `extends` (cycles are reported). Returns the files read, for dependency hashing.
    public static func load(path: String) -> (style: Style?, files: [String], diagnostics: [Diagnostic]) {
        if path.isEmpty { return (Style.briefing, [], []) }
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        let style = load(path: path, chain: [], files: &files, &diagnostics)
        return (style, files, diagnostics)
    }

    /// Resolves a style reference from a spec: a path (relative to the spec's folder) or a bare name looked up
    /// in `$DOSSIER_STYLES`, then in a `Styles/` folder next to the spec's folder or up to four folders above it,
    /// then among the shipped styles (see `shippedFolders`). Returns nil for a name found nowhere (paths are returned as they are; a missing file is reported on load).
    public static func resolve(_ reference: String, relativeTo folder: String) -> String? {
        if reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") || reference.contains("/") {
            return reference.hasPrefix("/") ? reference : (folder as NSString).appendingPathComponent(reference)
        }
        for dir in searchFolders(from: folder) {
            let candidate = (dir as NSString).appendingPathComponent(reference + ".yaml")
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Where bare style names are looked for, in order.
    public static func searchFolders(from folder: String) -> [String] {
        var out: [String] = []
        if let extra = ProcessInfo.processInfo.environment["DOSSIER_STYLES"], !extra.isEmpty { out.append(extra) }
        // Work on an absolute, standardised path so walking up always ends at "/".
        var dir = URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardizedFileURL
        for _ in 0..<5 {
            out.append(dir.appendingPathComponent("Styles").path)
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        out += shippedFolders
        return out
    }

    /// Where the shipped styles are, whatever folder the spec is in: `share/dossier/Styles` beside an installed
    /// binary (`PREFIX/bin/dossier` → `PREFIX/share/dossier/Styles`), or the `Styles/` folder of the checkout the
    /// binary was built in (`.build/<triple>/release/dossier` → `Styles/`).
    static var shippedFolders: [String] {
        guard let executable = Bundle.main.executablePath else { return [] }
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        var out = [binary.deletingLastPathComponent().appendingPathComponent("share/dossier/Styles").path]
        var dir = binary
        for _ in 0..<4 {
            dir = dir.deletingLastPathComponent()
            out.append(dir.appendingPathComponent("Styles").path)
            if dir.path == "/" { break }
        }
        return out
    }

    private static func load(path: String, chain: [String], files: inout [String], _ diagnostics: inout [Diagnostic]) -> Style? {
        let standard = (path as NSString).standardizingPath
        guard !chain.contains(standard) else {
            diagnostics.append(.error("styles extend each other in a cycle: \((chain + [standard]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → "))",
                                      at: SourceLocation(file: path), code: .styleCycle))
            return nil
        }
        files.append(path)
        guard let text = TextFile.read(path, diagnostics: &diagnostics),
              let root = YAMLNode.parse(text, file: path, diagnostics: &diagnostics),
              var m = root.mapping(&diagnostics, what: "the style") else { return nil }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var style = Style(name: name)
        if let base = m.string("extends", &diagnostics) {
            // A bare name is first looked up beside this style (Styles/slides.yaml extends briefing).
            let folder = (path as NSString).deletingLastPathComponent
            let sibling = (folder as NSString).appendingPathComponent(base + ".yaml")
            guard let basePath = !base.contains("/") && FileManager.default.fileExists(atPath: sibling) ? sibling : resolve(base, relativeTo: folder) else {
                diagnostics.append(.error("style '\(base)' not found", at: m.keyLocation("extends"),
                                          hint: "looked beside this style and in: " + searchFolders(from: folder).joined(separator: ", "), code: .styleNotFound))
                return nil
            }
            guard var baseStyle = load(path: basePath, chain: chain + [standard], files: &files, &diagnostics) else { return nil }
            baseStyle.name = name
            style = baseStyle
        }
        apply(&m, to: &style, &diagnostics)
        m.finish(&diagnostics)
        return style
    }

    /// A number that must lie in `range` (a line height of 0 or -3 would draw lines over each other).
    static func positive(_ key: String, in m: inout MappingReader, range: ClosedRange<Double>, _ diagnostics: inout [Diagnostic]) -> Double? {
        guard let node = m.value(key), let v = node.double(&diagnostics, what: "'\(key)'") else { return nil }
        guard range.contains(v) else {
            diagnostics.append(.error("'\(key)' is \(v), outside \(range.lowerBound.formatted0)–\(range.upperBound.formatted0)", at: node.location,
                                      hint: key == "line_height" ? "line_height is a multiple of the font size, e.g. 1.6" : nil, code: .badValue))
            return nil
        }
        return v
    }

    static func color(_ node: YAMLNode?, _ diagnostics: inout [Diagnostic]) -> Color? {
        guard let node, let s = node.string(&diagnostics, what: "a colour") else { return nil }
        guard let c = Color(hex: s) else {
            diagnostics.append(.error("'\(s)' is not a colour", at: node.location, hint: "write colours as \"#rrggbb\" (quoted, since # starts a comment)", code: .badColor))
            return nil
        }
        return c
    }

    static func apply(_ m: inout MappingReader, to style: inout Style, _ diagnostics: inout [Diagnostic]) {
        if var page = m.value("page")?.mapping(&diagnostics, what: "'page'") {
            if let sizeNode = page.value("size") {
                if let name = sizeNode.scalarText {
                    switch name.lowercased() {
                    case "a4": style.page.size = PageTemplate.a4.size
                    case "letter": style.page.size = PageTemplate.letter.size
                    case "slide", "16:9": style.page.size = PageTemplate.slide.size
                    default:
                        diagnostics.append(.error("unknown page size '\(name)'", at: sizeNode.location, hint: "use A4, letter, slide, or [width, height] in points", code: .badPage))
                    }
                } else if let pair = sizeNode.sequence(&diagnostics, what: "'size'"), pair.count == 2,
                          let w = pair[0].double(&diagnostics, what: "width"), let h = pair[1].double(&diagnostics, what: "height"), w >= 144, h >= 144, w <= 14400, h <= 14400 {
                    style.page.size = Size(w, h)
                } else {
                    diagnostics.append(.error("page size must be A4, letter, slide or [width, height] in points (144–14400)", at: sizeNode.location, code: .badPage))
                }
            }
            if let o = page.value("orientation"), let s = o.string(&diagnostics, what: "'orientation'") {
                let (w, h) = (style.page.size.width, style.page.size.height)
                switch s {
                case "portrait": style.page.size = Size(min(w, h), max(w, h))
                case "landscape": style.page.size = Size(max(w, h), min(w, h))
                default: diagnostics.append(.error("orientation must be portrait or landscape", at: o.location, code: .badPage))
                }
            }
            if let margins = page.value("margins") {
                if let n = margins.scalarText.flatMap(Double.init) { style.page.margins = Insets(all: n) } else if var mm = margins.mapping(&diagnostics, what: "'margins'") {
                    style.page.margins.top = mm.double("top", &diagnostics) ?? style.page.margins.top
                    style.page.margins.right = mm.double("right", &diagnostics) ?? style.page.margins.right
                    style.page.margins.bottom = mm.double("bottom", &diagnostics) ?? style.page.margins.bottom
                    style.page.margins.left = mm.double("left", &diagnostics) ?? style.page.margins.left
                    mm.finish(&diagnostics)
                }
            }
            let margins = style.page.margins
            if [margins.top, margins.right, margins.bottom, margins.left].contains(where: { $0 < 0 }) {
                diagnostics.append(.error("page margins cannot be negative", at: page.keyLocation("margins"), code: .badPage))
            } else if style.page.contentRect.width < 144 || style.page.contentRect.height < 144 {
                diagnostics.append(.error("the margins leave \(Int(style.page.contentRect.width))×\(Int(style.page.contentRect.height)) pt for the text; at least 144×144 pt is needed",
                                          at: page.location, hint: "make the margins smaller or the page larger", code: .badPage))
            }
            style.page.header = page.bool("header", &diagnostics) ?? style.page.header
            style.page.footer = page.bool("footer", &diagnostics) ?? style.page.footer
            page.finish(&diagnostics)
        }
        if var fonts = m.value("fonts")?.mapping(&diagnostics, what: "'fonts'") {
            if let body = fonts.value("body")?.stringList(&diagnostics, what: "'body'"), !body.isEmpty { style.fonts.body = body }
            if let heading = fonts.value("heading")?.stringList(&diagnostics, what: "'heading'"), !heading.isEmpty { style.fonts.heading = heading }
            fonts.finish(&diagnostics)
        }
        if var sizes = m.value("sizes")?.mapping(&diagnostics, what: "'sizes'") {
            let fields: [(String, WritableKeyPath<StyleSizes, Double>)] = [
                ("body", \.body), ("small", \.small), ("title", \.title), ("subtitle", \.subtitle), ("h1", \.h1), ("h2", \.h2),
                ("h3", \.h3), ("table", \.table), ("caption", \.caption), ("chart_title", \.chartTitle),
                ("chart_label", \.chartLabel), ("chart_tick", \.chartTick), ("callout", \.callout),
            ]
            for (key, path) in fields {
                guard let node = sizes.value(key), let v = node.double(&diagnostics, what: "'\(key)'") else { continue }
                if v < 3 || v > 200 {
                    diagnostics.append(.error("size \(key) = \(v) is outside 3–200 pt", at: node.location, code: .badSize))
                } else {
                    style.sizes[keyPath: path] = v
                }
            }
            sizes.finish(&diagnostics)
        }
        if var colors = m.value("colors")?.mapping(&diagnostics, what: "'colors'") {
            let fields: [(String, WritableKeyPath<StyleColors, Color>)] = [
                ("text", \.text), ("muted", \.muted), ("accent", \.accent), ("background", \.background), ("rule", \.rule),
                ("grid", \.grid), ("axis", \.axis), ("context", \.context), ("table_header", \.tableHeader), ("zebra", \.zebra),
                ("callout_fill", \.calloutFill), ("focus_row", \.focusRow), ("scale_low", \.scaleLow), ("scale_high", \.scaleHigh),
            ]
            for (key, path) in fields { if let c = color(colors.value(key), &diagnostics) { style.colors[keyPath: path] = c } }
            if let palette = colors.value("palette")?.sequence(&diagnostics, what: "'palette'") {
                let parsed = palette.compactMap { color($0, &diagnostics) }
                if !parsed.isEmpty { style.colors.palette = parsed }
            }
            if var groups = colors.value("groups")?.mapping(&diagnostics, what: "'groups'") {
                for key in groups.keys { if let c = color(groups.value(key), &diagnostics) { style.colors.groups[key] = c } }
                groups.finish(&diagnostics)
            }
            colors.finish(&diagnostics)
        }
        style.lineHeight = positive("line_height", in: &m, range: 0.8...4, &diagnostics) ?? style.lineHeight
        style.paragraphSpacing = positive("paragraph_spacing", in: &m, range: 0...200, &diagnostics) ?? style.paragraphSpacing
        style.justify = m.bool("justify", &diagnostics) ?? style.justify
        if let n = m.value("heading_numbering"), let s = n.string(&diagnostics, what: "'heading_numbering'") {
            if let scheme = HeadingScheme(rawValue: s) { style.headingNumbering = scheme } else {
                diagnostics.append(.error("heading_numbering must be chinese, decimal or none", at: n.location,
                                          hint: Suggestion.hint(for: s, in: HeadingScheme.allCases.map(\.rawValue)), code: .badValue))
            }
        }
        style.lineWidth = positive("line_width", in: &m, range: 0.1...20, &diagnostics) ?? style.lineWidth
        style.focusLineWidth = positive("focus_line_width", in: &m, range: 0.1...20, &diagnostics) ?? style.focusLineWidth
        style.markerRadius = positive("marker_radius", in: &m, range: 0.5...30, &diagnostics) ?? style.markerRadius
        style.monochrome = m.bool("monochrome", &diagnostics) ?? style.monochrome
        style.cjkLatinSpace = m.bool("cjk_latin_space", &diagnostics) ?? style.cjkLatinSpace
    }
}

private extension Double {
    /// 0.8 → "0.8", 4.0 → "4".
    var formatted0: String { self == rounded() ? String(Int(self)) : String(self) }
}
