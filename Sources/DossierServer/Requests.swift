import DossierKit
import Foundation

/// `POST /v1/charts` (or the query of `GET /v1/charts`): one chart of a spec under the root.
struct ChartRequest: Decodable, Sendable {
    var spec: String
    var id: String
    var format: String?
    var size: String?
    var scale: Double?
    var transparent: Bool?
    var params: [String: String]?

    init(spec: String, id: String, format: String?, size: String?, scale: Double?, transparent: Bool?, params: [String: String]?) {
        self.spec = spec; self.id = id; self.format = format; self.size = size; self.scale = scale
        self.transparent = transparent; self.params = params
    }

    /// The checked values; sizes and pixel counts beyond the limits are 422.
    func checked(maxPixels: Double) throws(APIError) -> (format: OutputFormat, size: Size, scale: Double) {
        let formatName = (format ?? "png").lowercased()
        guard let format = OutputFormat(rawValue: formatName) else {
            throw APIError(.unprocessableContent, "bad-format", "format '\(formatName)' is not png, svg or pdf", hint: "use png, svg or pdf")
        }
        let sizeText = size ?? "1920x1080"
        guard let size = Self.parseSize(sizeText) else {
            throw APIError(.unprocessableContent, "bad-size", "size '\(sizeText)' is not WIDTHxHEIGHT in pixels (16–16384)", hint: "e.g. 1920x1080")
        }
        let scale = scale ?? 1
        guard scale >= 0.25, scale <= 8 else {
            throw APIError(.unprocessableContent, "bad-scale", "scale \(scale) is outside 0.25–8", hint: "use 2 for a 2× PNG")
        }
        let pixels = size.width * scale * size.height * scale
        guard pixels <= maxPixels else {
            throw APIError(.unprocessableContent, "too-many-pixels",
                           "\(Int(size.width * scale))×\(Int(size.height * scale)) pixels is more than this server's limit of \(Int(maxPixels))",
                           hint: "ask for a smaller size or scale")
        }
        return (format, size, scale)
    }

    static func parseSize(_ s: String) -> Size? {
        let parts = s.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (16...16384).contains(w), (16...16384).contains(h) else { return nil }
        return Size(Double(w), Double(h))
    }

    /// Identical requests give identical keys (parameters sorted).
    var canonical: String {
        let p = (params ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        return "chart|\(spec)|\(id)|\((format ?? "png").lowercased())|\(size ?? "1920x1080")|\(scale ?? 1)|\(transparent ?? false)|\(p)"
    }
}

/// `POST /v1/validate` and `POST /v1/reports`: a spec under the root and its parameters.
struct SpecRequest: Decodable, Sendable {
    var spec: String
    var params: [String: String]?

    var canonical: String {
        "report|\(spec)|" + (params ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }
}
