import Geometry
import Model
import Testing
@testable import Charts

private let mono: ChartRenderer = {
    var style = Style.briefing
    style.monochrome = true
    return ChartRenderer(style: style, measurer: FixedWidthMeasurer())
}()

/// Focus lines: the strokes drawn at the focus width.
private func focusLines(_ frame: Frame, size: Size) -> [PathItem] {
    let width = Style.briefing.focusLineWidth * ChartTheme.scale(for: size)
    return paths(frame).filter { $0.fill == nil && abs(($0.stroke?.width ?? 0) - width) < 1e-9 }
}

/// Focus markers: filled and outlined in the background colour.
private func focusMarkers(_ frame: Frame) -> [PathItem] {
    paths(frame).filter { $0.fill != nil && $0.stroke != nil }
}

@Test(arguments: [ChartKind.bump, .line, .slope])
func monochromeLineSeriesDifferByDashAndMarker(kind: ChartKind) {
    let spec = Sample.spec(kind)
    let frame = mono.render(spec, size: reportSize).frame
    let lines = focusLines(frame, size: reportSize)
    // Every series with two or more points has a line (Canada misses the slope chart's first year).
    #expect(lines.count >= spec.series.count - 1)
    #expect(Set(lines.map { $0.stroke?.dash ?? [] }).count == lines.count, "\(kind): dash patterns repeat")
    // Marker outlines differ too: the first marker's kind of edges and where its outline starts within its box.
    let shapes = Set(focusMarkers(frame).map { shapeSignature($0.path) })
    #expect(shapes.count >= min(4, spec.series.count), "\(kind)")
}

/// Curved or straight, and the start of the outline relative to the box of the first marker in a path: tells
/// circles, squares, diamonds and both triangles apart.
private func shapeSignature(_ path: Path) -> String {
    var first: [PathElement] = []
    for e in path.elements {
        if case .move = e, !first.isEmpty { break }
        first.append(e)
    }
    let b = box(Path(first))
    guard case .move(let start)? = first.first, b.width > 0, b.height > 0 else { return "?" }
    let curved = first.contains { if case .curve = $0 { return true } else { return false } }
    let rx = ((start.x - b.minX) / b.width * 2).rounded(), ry = ((start.y - b.minY) / b.height * 2).rounded()
    return "\(curved) \(rx) \(ry)"
}

@Test func colourLinesStaySolidWithRoundMarkers() {
    let frame = renderer.render(Sample.spec(.bump), size: reportSize).frame
    #expect(focusLines(frame, size: reportSize).allSatisfy { $0.stroke?.dash.isEmpty == true })
}

@Test(arguments: [ChartKind.dot, .dumbbell])
func monochromeCategoriesDifferByMarkerShape(kind: ChartKind) {
    let frame = mono.render(Sample.spec(kind), size: reportSize).frame
    let greys = [0, 1].map { i in
        var style = Style.briefing
        style.monochrome = true
        return style.color(forGroup: nil, index: i)
    }
    let counts = greys.map { grey in Set(paths(frame).filter { $0.fill == grey }.map(\.path.elements.count)) }
    #expect(!counts[0].isEmpty && !counts[1].isEmpty)
    #expect(counts[0].isDisjoint(with: counts[1]), "\(kind): both categories drawn with the same shape")
}
