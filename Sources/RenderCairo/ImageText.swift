/// What an exported chart image says about itself: a title and a text alternative, in a language. Written as
/// SVG `<title>`/`<desc>` (with `role="img"`) and PNG `iTXt` Title/Description chunks, so an image on a slide
/// or a web page is described without the report around it.
public struct ImageText: Hashable, Sendable {
    public var title: String
    public var description: String
    /// BCP 47 language tag (zh-CN, en).
    public var language: String
    public init(title: String, description: String, language: String) {
        self.title = title; self.description = description; self.language = language
    }

    /// An SVG document with `role="img"` on its root element and `<title>` and `<desc>` as its first children.
    func described(svg bytes: [UInt8]) -> [UInt8] {
        let open = Array("<svg".utf8)
        guard let start = (0...(max(0, bytes.count - open.count))).first(where: { Array(bytes[$0..<($0 + open.count)]) == open }),
              let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { return bytes }
        let lang = Self.escaped(language)
        let head = Array(" role=\"img\" xml:lang=\"\(lang)\"".utf8)
        let children = Array("\n<title>\(Self.escaped(title))</title>\n<desc>\(Self.escaped(description))</desc>".utf8)
        let selfClosing = end > start && bytes[end - 1] == UInt8(ascii: "/")
        guard !selfClosing else { return bytes }
        var out = Array(bytes[..<end])
        out += head
        out.append(UInt8(ascii: ">"))
        out += children
        out += bytes[(end + 1)...]
        return out
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A PNG with `iTXt` Title and Description chunks right after its header chunk.
    func described(png bytes: [UInt8]) -> [UInt8] {
        // Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC).
        let afterHeader = 8 + 25
        guard bytes.count > afterHeader, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return bytes }
        var out = Array(bytes[..<afterHeader])
        for (key, text) in [("Title", title), ("Description", description)] where !text.isEmpty {
            // keyword, NUL, not compressed, method 0, language tag, NUL, no translated keyword, NUL, UTF-8 text.
            var data: [UInt8] = Array(key.utf8)
            data += [0, 0, 0]
            data += Array(language.utf8)
            data += [0, 0]
            data += Array(text.utf8)
            out += Self.chunk("iTXt", data)
        }
        out += bytes[afterHeader...]
        return out
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)] }

    /// CRC-32 as PNG defines it (ISO 3309, reflected, polynomial 0xEDB88320).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
