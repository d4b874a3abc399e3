/// An sRGB colour with alpha, components in 0...1.
public struct Color: Hashable, Sendable {
    public var red, green, blue, alpha: Double
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }
    public init(gray: Double, alpha: Double = 1) { self.init(red: gray, green: gray, blue: gray, alpha: alpha) }

    public static let black = Color(gray: 0)
    public static let white = Color(gray: 1)
    public static let clear = Color(gray: 0, alpha: 0)

    /// Parses `#rgb`, `#rrggbb` or `#rrggbbaa`; nil when malformed.
    public init?(hex: String) {
        var digits = Substring(hex)
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        if digits.count == 3 { digits = Substring(digits.map { "\($0)\($0)" }.joined()) }
        guard digits.count == 6 || digits.count == 8, let value = UInt64(digits, radix: 16) else { return nil }
        let hasAlpha = digits.count == 8
        let v = hasAlpha ? value : (value << 8) | 0xff
        self.init(red: Double((v >> 24) & 0xff) / 255, green: Double((v >> 16) & 0xff) / 255,
                  blue: Double((v >> 8) & 0xff) / 255, alpha: Double(v & 0xff) / 255)
    }

    /// `#rrggbb` (alpha omitted when opaque).
    public var hex: String {
        func byte(_ c: Double) -> String {
            let s = String(Int((max(0, min(1, c)) * 255).rounded()), radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + byte(red) + byte(green) + byte(blue) + (alpha < 1 ? byte(alpha) : "")
    }

    /// Linear mix: t = 0 gives self, t = 1 gives other.
    public func mixed(with other: Color, _ t: Double) -> Color {
        let t = max(0, min(1, t))
        return Color(red: red + (other.red - red) * t, green: green + (other.green - green) * t,
                     blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
    }

    /// Relative luminance (WCAG), used to choose dark or light text on a fill.
    public var luminance: Double {
        func channel(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    public var grayscale: Color {
        let g = 0.299 * red + 0.587 * green + 0.114 * blue
        return Color(gray: g, alpha: alpha)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
