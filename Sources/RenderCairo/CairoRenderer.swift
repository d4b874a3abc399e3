import CCairo
import CPNG
import Foundation
import Geometry

/// Options for PNG export.
public struct PNGOptions: Hashable, Sendable {
    public var pixelWidth: Int
    public var pixelHeight: Int
    public var transparent: Bool
    /// zlib level 0–9; the default favours speed, as slide images are re-encoded by presentation tools anyway.
    public var compressionLevel: Int
    public init(pixelWidth: Int, pixelHeight: Int, transparent: Bool = false, compressionLevel: Int = 1) {
        self.pixelWidth = pixelWidth; self.pixelHeight = pixelHeight
        self.transparent = transparent; self.compressionLevel = compressionLevel
    }

    /// The largest image Dossier will allocate (100 megapixels, 400 MB of pixels).
    public static let maximumPixels = 100_000_000
}

/// Exports display lists to PDF, PNG and SVG through Cairo. Create one per thread; it caches fonts and layouts.
public final class CairoRenderer: @unchecked Sendable {
    public let fonts: PangoFontEngine

    public init(language: String) { fonts = PangoFontEngine(language: language) }

    /// The measurer that matches what this renderer draws.
    public var measurer: TextMeasurer { fonts }

    // MARK: PDF

    /// A multi-page tagged PDF with metadata, outline, page labels, links and named destinations: structure
    /// elements come from tagged groups of the display list, the rest of PDF/UA from `PDFAccessibilityUpdate`.
    /// `standards` containing `.a2b` makes it PDF/A-2b (an sRGB output intent and the PDF/A identification).
    public func pdf(_ document: Document, standards: Set<PDFStandard> = []) throws -> [UInt8] {
        guard let first = document.pages.first else { throw CairoError("pdf export", "the document has no pages") }
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_pdf_surface_create_for_stream(writeToSink, closure, first.size.width, first.size.height) else {
            throw CairoError("pdf surface", "could not be created")
        }
        try CairoError.check(cairo_surface_status(surface), "pdf surface")
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        let meta = document.metadata
        let date = Self.pdfDate(meta.date)
        for (key, value) in [(CAIRO_PDF_METADATA_TITLE, meta.title), (CAIRO_PDF_METADATA_AUTHOR, meta.author),
                             (CAIRO_PDF_METADATA_SUBJECT, meta.subject), (CAIRO_PDF_METADATA_KEYWORDS, meta.keywords),
                             (CAIRO_PDF_METADATA_CREATOR, meta.creator),
                             (CAIRO_PDF_METADATA_CREATE_DATE, date), (CAIRO_PDF_METADATA_MOD_DATE, date)] where !value.isEmpty {
            cairo_pdf_surface_set_metadata(surface, key, value)
        }
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw CairoError("pdf context", "could not be created")
        }
        // Workaround for cairo 1.16: a document with link tags is only valid (qpdf --check) when the whole
        // content sits inside a structure tag that ends before the last page does.
        var canvas = CairoCanvas(cr: cr, fonts: fonts, tagsEnabled: true)
        cairo_tag_begin(cr, "Document", "")
        var currentSize = first.size
        for (index, page) in document.pages.enumerated() {
            // cairo 1.16 writes a damaged PDF when set_size is called for a page whose size did not change
            // (the tag interchange loses track of the page), so only call it on a real change.
            if page.size != currentSize {
                cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
                currentSize = page.size
            }
            if let label = page.label { cairo_pdf_surface_set_page_label(surface, label) }
            DisplayListWalker.walk(page.items, on: &canvas)
            if index == document.pages.count - 1 { cairo_tag_end(cr, "Document") }
            cairo_show_page(cr)
        }
        addOutline(document.outline, parent: Int32(CAIRO_PDF_OUTLINE_ROOT), surface: surface)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let surfaceStatus = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        try CairoError.check(status, "pdf drawing")
        try CairoError.check(surfaceStatus, "pdf writing")
        var accessibility = PDFAccessibility(title: meta.title, author: meta.author,
                                             language: PDFAccessibility.languageTag(document.language), date: date,
                                             figureAlternatives: canvas.figureAlternatives)
        accessibility.subject = meta.subject
        accessibility.keywords = meta.keywords
        accessibility.producer = "Dossier (cairo \(String(cString: cairo_version_string())))"
        if standards.contains(.a2b) { accessibility.archive = try PDFArchive.load() }
        return try PDFAccessibilityUpdate.apply(to: sink.bytes, accessibility)
    }

    private func addOutline(_ entries: [OutlineEntry], parent: Int32, surface: OpaquePointer) {
        for entry in entries {
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title,
                                                   "dest='\(CairoCanvas.escape(entry.destination))'",
                                                   cairo_pdf_outline_flags_t(rawValue: 0))
            addOutline(entry.children, parent: id, surface: surface)
        }
    }

    /// Cairo 1.16 writes the metadata date as given; it expects ISO 8601 with a time zone.
    static func pdfDate(_ date: String) -> String {
        if date.count == 10 { return date + "T00:00:00Z" }
        return date
    }

    // MARK: PNG

    /// Renders a frame to PNG at a pixel size; the frame is scaled to fit (its aspect ratio is kept by the caller).
    public func png(_ frame: Frame, options: PNGOptions, text: ImageText? = nil) throws -> [UInt8] {
        try raster(frame, options: options).encodePNG(text: text)
    }

    /// Draws a frame into pixels; `RasterImage.encodePNG` may then run on another thread while this renderer
    /// goes on (PNG encoding is the slowest step of a slide export and needs no fonts).
    public func raster(_ frame: Frame, options: PNGOptions) throws -> RasterImage {
        let surface = try drawRaster(frame, width: options.pixelWidth, height: options.pixelHeight, transparent: options.transparent)
        return RasterImage(surface: surface, options: options)
    }

    /// Renders a frame to raw RGBA pixels (for pixel tests): rows top to bottom, 4 bytes a pixel, on white.
    public func pixels(_ frame: Frame, scale: Double = 1) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        let w = Int((frame.size.width * scale).rounded()), h = Int((frame.size.height * scale).rounded())
        let rgba = try withRaster(frame, width: w, height: h, transparent: false) { data, stride in
            var rgba = [UInt8](repeating: 0, count: w * h * 4)
            for y in 0..<h {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<w {
                    let p = row[x], i = (y * w + x) * 4
                    rgba[i] = UInt8((p >> 16) & 0xff); rgba[i + 1] = UInt8((p >> 8) & 0xff)
                    rgba[i + 2] = UInt8(p & 0xff); rgba[i + 3] = UInt8(p >> 24)
                }
            }
            return rgba
        }
        return (w, h, rgba)
    }

    /// Draws a frame into an ARGB32 image of the given pixel size and hands the pixels to `body`.
    private func withRaster<R>(_ frame: Frame, width w: Int, height h: Int, transparent: Bool,
                               _ body: (UnsafeMutablePointer<UInt8>, Int) throws -> R) throws -> R {
        let surface = try drawRaster(frame, width: w, height: h, transparent: transparent)
        defer { cairo_surface_destroy(surface) }
        guard let pixels = cairo_image_surface_get_data(surface) else { throw CairoError("raster", "no pixel data") }
        return try body(pixels, Int(cairo_image_surface_get_stride(surface)))
    }

    /// An image surface with the frame drawn on it; the caller owns (destroys) it.
    private func drawRaster(_ frame: Frame, width w: Int, height h: Int, transparent: Bool) throws -> OpaquePointer {
        guard w > 0, h > 0 else { throw CairoError("raster", "the image size \(w)×\(h) is empty") }
        guard w.multipliedReportingOverflow(by: h).partialValue <= PNGOptions.maximumPixels, w <= 32767, h <= 32767 else {
            throw CairoError("raster", "the image size \(w)×\(h) is over the limit of \(PNGOptions.maximumPixels / 1_000_000) megapixels")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h)) else {
            throw CairoError("image surface", "could not be created")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw CairoError("image surface", String(cString: cairo_status_to_string(status)))
        }
        if !transparent {
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
        }
        cairo_scale(cr, Double(w) / frame.size.width, Double(h) / frame.size.height)
        var canvas = CairoCanvas(cr: cr, fonts: fonts, tagsEnabled: false)
        DisplayListWalker.walk(frame.items, on: &canvas)
        let drawing = cairo_status(cr)
        cairo_destroy(cr)
        guard drawing == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw CairoError("drawing", String(cString: cairo_status_to_string(drawing)))
        }
        cairo_surface_flush(surface)
        return surface
    }

    // MARK: SVG

    /// Renders a frame to SVG (user units = frame points, written as px so slide sizes come out as given).
    public func svg(_ frame: Frame, text: ImageText? = nil) throws -> [UInt8] {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_svg_surface_create_for_stream(writeToSink, closure, frame.size.width, frame.size.height) else {
            throw CairoError("svg surface", "could not be created")
        }
        try CairoError.check(cairo_surface_status(surface), "svg surface")
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw CairoError("svg context", "could not be created")
        }
        var canvas = CairoCanvas(cr: cr, fonts: fonts, tagsEnabled: false)
        DisplayListWalker.walk(frame.items, on: &canvas)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let surfaceStatus = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        try CairoError.check(status, "svg drawing")
        try CairoError.check(surfaceStatus, "svg writing")
        let svg = SVGNormalizer.renumberIDs(sink.bytes)
        return text.map { $0.described(svg: svg) } ?? svg
    }
}
