import CCairo
import Geometry

/// Draws display-list items onto a Cairo context. Text goes through the shared Pango engine.
struct CairoCanvas: Canvas {
    let cr: OpaquePointer
    let fonts: PangoFontEngine
    /// Whether link and destination tags are emitted (PDF only).
    let tagsEnabled: Bool
    private var depth = 0
    /// Nesting depth of artifact groups: nothing inside one enters the structure tree.
    private var artifactDepth = 0
    /// The alternative texts of figures in the order they were tagged, for the PDF post-pass.
    private(set) var figureAlternatives: [String] = []

    init(cr: OpaquePointer, fonts: PangoFontEngine, tagsEnabled: Bool) {
        self.cr = cr; self.fonts = fonts; self.tagsEnabled = tagsEnabled
    }

    mutating func beginGroup(transform: Transform, clip: Rect?) {
        cairo_save(cr)
        depth += 1
        if !transform.isIdentity {
            var matrix = cairo_matrix_t(xx: transform.a, yx: transform.b, xy: transform.c, yy: transform.d,
                                        x0: transform.tx, y0: transform.ty)
            cairo_transform(cr, &matrix)
        }
        if let clip {
            cairo_rectangle(cr, clip.minX, clip.minY, clip.width, clip.height)
            cairo_clip(cr)
        }
    }

    mutating func endGroup() {
        guard depth > 0 else { return }
        depth -= 1
        cairo_restore(cr)
    }

    func drawPath(_ item: PathItem) {
        cairo_new_path(cr)
        for element in item.path.elements {
            switch element {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .curve(let a, let b, let p): cairo_curve_to(cr, a.x, a.y, b.x, b.y, p.x, p.y)
            case .close: cairo_close_path(cr)
            }
        }
        if let fill = item.fill {
            setColor(fill)
            if item.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let stroke = item.stroke {
            setColor(stroke.color)
            cairo_set_line_width(cr, stroke.width)
            switch stroke.cap {
            case .butt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
            case .round: cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
            case .square: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
            }
            switch stroke.join {
            case .miter: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
            case .round: cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            case .bevel: cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
            }
            stroke.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    func drawText(_ item: TextItem) {
        guard !item.text.isEmpty else { return }
        setColor(item.color)
        _ = fonts.withLayout(item.text, item.font) { layout, baseline in
            cairo_move_to(cr, item.origin.x, item.origin.y - baseline)
            pango_cairo_show_layout(cr, layout)
        }
        cairo_new_path(cr)
    }

    func drawImage(_ item: ImageItem) {
        guard let surface = PNGReader.surface(from: item.png) else { return }
        defer { cairo_surface_destroy(surface) }
        let w = Double(cairo_image_surface_get_width(surface)), h = Double(cairo_image_surface_get_height(surface))
        guard w > 0, h > 0 else { return }
        cairo_save(cr)
        cairo_translate(cr, item.rect.minX, item.rect.minY)
        cairo_scale(cr, item.rect.width / w, item.rect.height / h)
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    /// Structure elements become cairo tags. cairo 1.16 marks only the content of elements without child
    /// elements, so decoration drawn between them (rules, fills) stays unmarked: the PDF post-pass makes it an
    /// artifact. Artifact groups open no tag for the same reason.
    mutating func beginStructure(_ tag: StructureTag) {
        guard tagsEnabled else { return }
        if tag.role == .artifact { artifactDepth += 1; return }
        guard artifactDepth == 0 else { return }
        if tag.role == .figure { figureAlternatives.append(tag.alternative ?? "") }
        cairo_tag_begin(cr, tag.role.rawValue, "")
    }

    mutating func endStructure(_ tag: StructureTag) {
        guard tagsEnabled else { return }
        if tag.role == .artifact { artifactDepth = max(0, artifactDepth - 1); return }
        guard artifactDepth == 0 else { return }
        cairo_tag_end(cr, tag.role.rawValue)
    }

    func addLink(_ item: LinkItem) {
        guard tagsEnabled else { return }
        let r = deviceRect(item.rect)
        let target: String
        switch item.target {
        case .uri(let uri): target = "uri='\(Self.escape(Self.percentEncoded(uri)))'"
        case .destination(let name): target = "dest='\(Self.escape(name))'"
        }
        withIdentityMatrix {
            cairo_tag_begin(cr, CAIRO_TAG_LINK, "rect=[\(r.minX) \(r.minY) \(r.width) \(r.height)] \(target)")
            cairo_tag_end(cr, CAIRO_TAG_LINK)
        }
    }

    func addDestination(name: String, at point: Point) {
        guard tagsEnabled else { return }
        var x = point.x, y = point.y
        cairo_user_to_device(cr, &x, &y)
        withIdentityMatrix {
            cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(Self.escape(name))' x=\(x) y=\(y)")
            cairo_tag_end(cr, CAIRO_TAG_DEST)
        }
    }

    private func withIdentityMatrix(_ body: () -> Void) {
        cairo_save(cr)
        cairo_identity_matrix(cr)
        body()
        cairo_restore(cr)
    }

    private func deviceRect(_ rect: Rect) -> Rect {
        var x0 = rect.minX, y0 = rect.minY, x1 = rect.maxX, y1 = rect.maxY
        cairo_user_to_device(cr, &x0, &y0)
        cairo_user_to_device(cr, &x1, &y1)
        return Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0))
    }

    private func setColor(_ c: Color) {
        if c.alpha >= 1 { cairo_set_source_rgb(cr, c.red, c.green, c.blue) } else { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }
    }

    /// cairo 1.16 writes the URI into a PDF string without escaping parentheses or non-ASCII bytes, which
    /// corrupts the file; percent-encoding them keeps the link working and the PDF valid.
    static func percentEncoded(_ uri: String) -> String {
        var out = ""
        for byte in uri.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, byte > 0x20, !"()\\<>\"'{}|^`% ".contains(c) { out.append(c) } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// Cairo tag attribute strings are single-quoted; backslash and quote must be escaped.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }
}
