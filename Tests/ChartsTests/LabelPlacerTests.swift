import Geometry
import Testing
@testable import Charts

private func boxes(_ tops: [Double], heights: [Double]) -> [Rect] {
    zip(tops, heights).map { Rect(x: 0, y: $0, width: 10, height: $1) }
}

@Test func labelsThatDoNotCollideStayWhereTheyWant() {
    let items = [10.0, 40, 70].map { LabelPlacer.Item(desired: $0, height: 10) }
    #expect(LabelPlacer.dodge(items, span: 0...100, gap: 1) == [5, 35, 65])
}

@Test func tiedLabelsStackInInputOrderAroundTheirPosition() {
    let items = [50.0, 50, 50].map { LabelPlacer.Item(desired: $0, height: 10) }
    let tops = LabelPlacer.dodge(items, span: 0...100, gap: 0)
    #expect(tops == [35, 45, 55])
    #expect(intersections(boxes(tops, heights: [10, 10, 10])).isEmpty)
}

@Test func labelsPushedPastAnEdgeStayInside() {
    let items = [0.0, 1, 2, 99].map { LabelPlacer.Item(desired: $0, height: 10) }
    let tops = LabelPlacer.dodge(items, span: 0...100, gap: 2)
    #expect(tops[0] == 0)
    #expect(tops[3] == 90)
    #expect(intersections(boxes(tops, heights: [10, 10, 10, 10])).isEmpty)
}

@Test func manyRandomLabelsNeverIntersectAndStayInTheSpan() {
    var seed: UInt64 = 7
    func next() -> Double {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Double(seed >> 11) / Double(1 << 53)
    }
    for _ in 0..<50 {
        let count = 1 + Int(next() * 40)
        let items = (0..<count).map { _ in LabelPlacer.Item(desired: next() * 400, height: 6 + next() * 6) }
        let tops = LabelPlacer.dodge(items, span: 0...400, gap: 1)
        let placed = boxes(tops, heights: items.map(\.height))
        #expect(intersections(placed).isEmpty)
        if LabelPlacer.fits(items.map(\.height), span: 0...400, gap: 1) {
            #expect(placed.allSatisfy { $0.minY >= -1e-9 && $0.maxY <= 400 + 1e-9 })
        }
    }
}

@Test func nonOverlappingKeepsEarlierBoxesFirst() {
    let b = [Rect(x: 0, y: 0, width: 10, height: 10), Rect(x: 5, y: 0, width: 10, height: 10), Rect(x: 12, y: 0, width: 10, height: 10)]
    #expect(LabelPlacer.nonOverlapping(b) == [0, 2])
    #expect(LabelPlacer.nonOverlapping(b, priority: [2, 0, 1]) == [1])
}
