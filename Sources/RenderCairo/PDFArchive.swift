import Foundation

/// What PDF/A-2b needs beyond a tagged PDF: an output intent naming the colour space every colour is meant in.
/// Dossier draws in sRGB, so the intent carries the sRGB ICC profile of Debian's `icc-profiles-free`
/// (installed by `make setup`), read from disk rather than shipped in the source.
public struct PDFArchive: Hashable, Sendable {
    public static let profilePath = "/usr/share/color/icc/sRGB.icc"
    /// The ICC profile's bytes.
    public var profile: [UInt8]

    public init(profile: [UInt8]) { self.profile = profile }

    /// Reads and checks the sRGB profile: an ICC profile (signature `acsp` at byte 36) of an RGB colour space.
    public static func load(from path: String = profilePath) throws -> PDFArchive {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CairoError("PDF/A output intent", "no ICC profile at \(path); install Debian's icc-profiles-free (make setup does)")
        }
        let bytes = [UInt8](data)
        guard bytes.count > 128, Array(bytes[36..<40]) == Array("acsp".utf8), Array(bytes[16..<20]) == Array("RGB ".utf8) else {
            throw CairoError("PDF/A output intent", "\(path) is not an RGB ICC profile")
        }
        return PDFArchive(profile: bytes)
    }

    /// The output intent's condition, as the ICC registry names sRGB.
    static let condition = "sRGB IEC61966-2.1"
}

/// PDF dates from the ISO 8601 dates Dossier keeps: "2026-11-29T00:00:00Z" → "D:20261129000000Z",
/// "2026-11-29T08:30:00+08:00" → "D:20261129083000+08'00'".
enum PDFDate {
    static func from(iso: String) -> String {
        let digits = iso.prefix(19).filter(\.isNumber)
        var zone = ""
        if iso.hasSuffix("Z") {
            zone = "Z"
        } else if iso.count >= 25, let sign = iso.dropFirst(19).first, sign == "+" || sign == "-" {
            let offset = iso.dropFirst(20).filter(\.isNumber)
            if offset.count == 4 { zone = "\(sign)\(offset.prefix(2))'\(offset.suffix(2))'" }
        }
        return "D:" + digits + zone
    }
}

/// A document ID for the trailer (PDF/A requires one; cairo 1.16 writes none): derived from the file's bytes, so
/// identical input gives identical output. Two 64-bit FNV-1a hashes with different bases make its 16 bytes.
enum PDFDocumentID {
    static func of(_ bytes: [UInt8]) -> String {
        var a: UInt64 = 0xcbf29ce484222325, b: UInt64 = 0x84222325cbf29ce4
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x100000001b3
            b = (b ^ UInt64(byte ^ 0x5c)) &* 0x100000001b3
        }
        let hex = String(format: "%016llX%016llX", a, b)
        return "[<\(hex)> <\(hex)>]"
    }
}
