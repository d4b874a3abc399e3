import CCairo
import CPNG

/// Pixels drawn by `CairoRenderer.raster`, ready to encode. Nothing else touches the surface once it is drawn,
/// so encoding may happen on any one thread.
public final class RasterImage: @unchecked Sendable {
    private let surface: OpaquePointer
    public let options: PNGOptions

    init(surface: OpaquePointer, options: PNGOptions) {
        self.surface = surface
        self.options = options
    }

    deinit { cairo_surface_destroy(surface) }

    /// Encodes the pixels as PNG through libpng (fast zlib level, no row filters).
    public func encodePNG(text: ImageText? = nil) throws -> [UInt8] {
        guard let pixels = cairo_image_surface_get_data(surface) else { throw CairoError("png export", "no pixel data") }
        let stride = cairo_image_surface_get_stride(surface)
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        var message = [CChar](repeating: 0, count: 256)
        let result = dossier_png_encode(pixels, Int32(options.pixelWidth), Int32(options.pixelHeight), stride,
                                        options.transparent ? 1 : 0, Int32(options.compressionLevel), &out, &length, &message, message.count)
        guard result == 0, let out else {
            throw CairoError("png encoding", String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { dossier_png_free(out) }
        let png = Array(UnsafeBufferPointer(start: out, count: length))
        return text.map { $0.described(png: png) } ?? png
    }
}
