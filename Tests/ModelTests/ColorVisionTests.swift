import Foundation
import Geometry
import Model
import Spec
import Testing
import TestSupport

/// Simulated colour-vision deficiencies (Machado, Oliveira & Fernandes 2009, severity 1, applied in linear RGB)
/// and CIELAB distances, to check that every pair of a style's series colours stays apart for readers with
/// protanopia, deuteranopia or tritanopia.
enum ColorVision: String, CaseIterable, CustomStringConvertible {
    case normal, protanopia, deuteranopia, tritanopia
    var description: String { rawValue }

    var matrix: [[Double]] {
        switch self {
        case .normal: return [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
        case .protanopia: return [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
        case .deuteranopia: return [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
        case .tritanopia: return [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
        }
    }

    /// CIELAB (D65) of the colour as this reader sees it.
    func lab(_ c: Color) -> (Double, Double, Double) {
        func linear(_ v: Double) -> Double { v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
        let rgb = [linear(c.red), linear(c.green), linear(c.blue)]
        let seen = matrix.map { row in min(1, max(0, zip(row, rgb).map { $0 * $1 }.reduce(0, +))) }
        let x = 0.4124 * seen[0] + 0.3576 * seen[1] + 0.1805 * seen[2]
        let y = 0.2126 * seen[0] + 0.7152 * seen[1] + 0.0722 * seen[2]
        let z = 0.0193 * seen[0] + 0.1192 * seen[1] + 0.9505 * seen[2]
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16 / 116 }
        let fx = f(x / 0.95047), fy = f(y), fz = f(z / 1.08883)
        return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
    }

    /// CIE76 colour difference as this reader sees the two colours.
    func distance(_ a: Color, _ b: Color) -> Double {
        let p = lab(a), q = lab(b)
        return ((p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1) + (p.2 - q.2) * (p.2 - q.2)).squareRoot()
    }
}

/// Pairs of colour styles are apart by at least this CIE76 ΔE under every simulation. The Okabe–Ito palette the
/// styles use keeps about 16 at its closest (bluish green and sky blue under tritanopia); 15 leaves no pair that
/// a reader could mistake.
private let minimumDistance = 15.0

@Test(arguments: ["briefing", "slides", "slides-dark"])
func seriesColoursStayApartUnderSimulatedColourBlindness(styleName: String) throws {
    let (loaded, _, diagnostics) = StyleLoader.load(path: TestPaths.repo("Styles/\(styleName).yaml"))
    let style = try #require(loaded, "\(diagnostics)")
    // The colours series can take: the palette and the declared group colours.
    var colours = style.colors.palette
    for group in style.colors.groups.values where !colours.contains(group) { colours.append(group) }
    #expect(colours.count >= 6)
    for vision in ColorVision.allCases {
        for i in colours.indices {
            for j in colours.indices where j > i {
                let d = vision.distance(colours[i], colours[j])
                #expect(d >= minimumDistance, "\(styleName), \(vision): colours \(i) and \(j) are only \(Int(d)) apart")
            }
        }
    }
}

@Test func theSimulationMatchesKnownConfusions() {
    // Red and green, told apart with normal vision, nearly merge for protanopes and deuteranopes.
    let red = Color(red: 0.8, green: 0.2, blue: 0.1), green = Color(red: 0.45, green: 0.5, blue: 0.1)
    #expect(ColorVision.normal.distance(red, green) > 40)
    #expect(ColorVision.deuteranopia.distance(red, green) < ColorVision.normal.distance(red, green) / 2)
    #expect(ColorVision.protanopia.distance(red, green) < ColorVision.normal.distance(red, green) / 2)
    // Blue and green merge for tritanopes more than for others.
    let blue = Color(red: 0.0, green: 0.45, blue: 0.7), teal = Color(red: 0.0, green: 0.6, blue: 0.45)
    #expect(ColorVision.tritanopia.distance(blue, teal) < ColorVision.normal.distance(blue, teal))
    #expect(ColorVision.normal.distance(red, red) == 0)
}
