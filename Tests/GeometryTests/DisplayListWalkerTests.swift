import Testing
@testable import Geometry

/// Records the calls a walker makes, as text, so the order and nesting can be asserted.
struct RecordingCanvas: Canvas {
    var log: [String] = []
    mutating func beginGroup(transform: Transform, clip: Rect?) {
        log.append("begin tx=\(transform.tx) ty=\(transform.ty) clip=\(clip.map { "\($0.width)x\($0.height)" } ?? "none")")
    }
    mutating func endGroup() { log.append("end") }
    mutating func drawPath(_ item: PathItem) { log.append("path fill=\(item.fill?.hex ?? "none") stroke=\(item.stroke?.width ?? 0)") }
    mutating func drawText(_ item: TextItem) { log.append("text '\(item.text)' at \(item.origin.x),\(item.origin.y)") }
    mutating func drawImage(_ item: ImageItem) { log.append("image \(item.png.count)B") }
    mutating func addLink(_ item: LinkItem) { log.append("link \(item.target)") }
    mutating func addDestination(name: String, at point: Point) { log.append("dest \(name)") }
}

@Test func walkerVisitsItemsInOrderAndBalancesGroups() {
    let font = FontSpec(families: ["Sans"], size: 10)
    let items: [DisplayItem] = [
        .destination(name: "top", at: .zero),
        .path(PathItem(path: .rect(Rect(x: 0, y: 0, width: 5, height: 5)), fill: .black)),
        .group(GroupItem(transform: .translation(10, 20), clip: Rect(x: 0, y: 0, width: 50, height: 40), items: [
            .text(TextItem(text: "上海", font: font, color: .black, origin: Point(1, 2), width: 20)),
            .group(GroupItem(items: [.link(LinkItem(rect: Rect(x: 0, y: 0, width: 1, height: 1), target: .destination("top")))])),
        ])),
        .image(ImageItem(png: [1, 2, 3], rect: Rect(x: 0, y: 0, width: 1, height: 1))),
    ]
    var canvas = RecordingCanvas()
    DisplayListWalker.walk(items, on: &canvas)
    #expect(canvas.log == [
        "dest top",
        "path fill=#000000 stroke=0.0",
        "begin tx=10.0 ty=20.0 clip=50.0x40.0",
        "text '上海' at 1.0,2.0",
        "begin tx=0.0 ty=0.0 clip=none",
        "link destination(\"top\")",
        "end",
        "end",
        "image 3B",
    ])
}

@Test func flattenedTextsResolveGroupOffsets() {
    let font = FontSpec(families: ["Sans"], size: 10)
    var frame = Frame(size: Size(100, 100))
    var inner = Frame(size: Size(10, 10))
    inner.append(.text(TextItem(text: "a", font: font, color: .black, origin: Point(1, 2), width: 5)))
    frame.place(inner, at: Point(10, 20))
    #expect(frame.flattenedTexts.map(\.origin) == [Point(11, 22)])
}
