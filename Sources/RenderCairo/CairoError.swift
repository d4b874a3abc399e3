import CCairo

/// A failure inside Cairo, Pango or the PNG encoder, with the Cairo status text when there is one.
public struct CairoError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var reason: String
    public init(_ operation: String, _ reason: String) { self.operation = operation; self.reason = reason }
    public var description: String { "\(operation) failed: \(reason)" }

    static func check(_ status: cairo_status_t, _ operation: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw CairoError(operation, String(cString: cairo_status_to_string(status)))
        }
    }
}

/// Collects bytes written by a Cairo stream surface.
final class ByteSink {
    var bytes: [UInt8] = []
}

/// The `cairo_write_func_t` shared by the PDF and SVG exporters; the sink arrives through the closure pointer.
func writeToSink(_ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}
