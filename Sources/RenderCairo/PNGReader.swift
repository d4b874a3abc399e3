import CCairo

/// Decodes PNG bytes into a Cairo image surface (for images embedded in reports).
enum PNGReader {
    final class Cursor {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    static func surface(from png: [UInt8]) -> OpaquePointer? {
        let cursor = Cursor(png)
        let surface = withExtendedLifetime(cursor) {
            cairo_image_surface_create_from_png_stream(readFromCursor, Unmanaged.passUnretained(cursor).toOpaque())
        }
        guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            if let surface { cairo_surface_destroy(surface) }
            return nil
        }
        return surface
    }
}

private func readFromCursor(_ closure: UnsafeMutableRawPointer?, _ data: UnsafeMutablePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
    let cursor = Unmanaged<PNGReader.Cursor>.fromOpaque(closure).takeUnretainedValue()
    let count = Int(length)
    guard cursor.offset + count <= cursor.bytes.count else { return CAIRO_STATUS_READ_ERROR }
    cursor.bytes.withUnsafeBufferPointer { buffer in
        if let base = buffer.baseAddress { data.update(from: base + cursor.offset, count: count) }
    }
    cursor.offset += count
    return CAIRO_STATUS_SUCCESS
}
