import Foundation
import Geometry
import Model
@testable import Charts

/// The renderer every test uses: fixed-width text, the built-in briefing style.
let renderer = ChartRenderer(style: .briefing, measurer: FixedWidthMeasurer())
let reportSize = Size(480, 300)

/// The e-government sample: five countries' Accenture ranks 2000–2003 (Canada was not ranked in 2000).
enum Sample {
    static let countries: [(id: String, zh: String, ranks: [Double?])] = [
        ("US", "美国", [1, 1, 3, 3]),
        ("CA", "加拿大", [nil, 1, 1, 1]),
        ("SG", "新加坡", [2, 2, 2, 2]),
        ("GB", "英国", [11, 8, 6, 8]),
        ("AU", "澳大利亚", [3, 5, 4, 5]),
    ]
    static let source = "资料来源：埃森哲公司《电子政务领导力》年度报告（2000—2003年）。"

    static func series(_ pick: (Int) -> [Double?] = { countries[$0].ranks }) -> [ChartSeries] {
        countries.indices.map { i in
            ChartSeries(id: countries[i].id, label: countries[i].zh, group: "international", values: pick(i))
        }
    }

    /// Singapore's five phases (two still running), Australia's law and target, Guangzhou's law and portal.
    static let timeline = TimelineData(
        lanes: [TimelineLane(id: "SG", label: "新加坡", group: "international"), TimelineLane(id: "AU", label: "澳大利亚", group: "international"),
                TimelineLane(id: "CN-GZ", label: "广州", group: "domestic")],
        marks: [
            TimelineMark(lane: 0, start: 1980, end: 1986, date: "1980—1985", text: "国家计算机化"),
            TimelineMark(lane: 0, start: 1986, end: 1992, date: "1986—1991", text: "国家 IT 计划"),
            TimelineMark(lane: 0, start: 1992, end: 2000, date: "1992—1999", text: "IT2000 计划"),
            TimelineMark(lane: 0, start: 2000, end: 2001, open: true, date: "2000—", text: "Infocomm 21 计划"),
            TimelineMark(lane: 0, start: 2000, end: 2001, open: true, date: "2000—", text: "电子政务"),
            TimelineMark(lane: 0, start: 1998.5, date: "1998", text: "签署电子交易条约"),
            TimelineMark(lane: 1, start: 1997.5, date: "1997", text: "签署《电子交易法》"),
            TimelineMark(lane: 1, start: 2001.9, target: .unknown, date: "2001年底", text: "目标：联邦服务全部上网"),
            TimelineMark(lane: 2, start: 2003.1, date: "2003年2月", text: "实施《广东省电子交易条例》"),
            TimelineMark(lane: 2, start: 2002.9, date: "2002年11月", text: "开通门户网站"),
            TimelineMark(lane: 2, start: 2008.5, target: .met, date: "2008", text: "目标：全面信息化"),
        ],
        until: 2008)

    static func spec(_ kind: ChartKind) -> ChartSpec {
        var spec = ChartSpec(kind: kind, number: "图 1", title: "埃森哲总体排名", subtitle: "名次（1 = 最好）", sourceNote: source,
                             categories: ["2000", "2001", "2002", "2003"], series: series(), outOf: [22, 22, 23, 22],
                             valuesAreRanks: true, valueAxisTitle: "名次", language: "zh-cn")
        switch kind {
        case .bump:
            break
        case .line:
            spec.title = "在线服务数量"
            spec.subtitle = ""
            spec.valuesAreRanks = false
            spec.valueAxisTitle = "项"
            spec.outOf = []
            let start: [Double] = [40, 52, 66, 79, 92]
            spec.series = series { i in (0..<4).map { j in i == 1 && j == 0 ? nil : start[i] + Double(j * (9 + i * 3)) } }
        case .bar:
            spec.categories = ["2003"]
            spec.series = series { [countries[$0].ranks[3]] }
            spec.outOf = [22]
            spec.highlight = "SG"
        case .groupedBar, .dot, .heatmap:
            spec.categories = ["联合国 2001", "布朗 2003", "埃森哲 2003"]
            let un: [Double] = [1, 6, 4, 7, 2], brown: [Double?] = [2, 3, 1, 7, nil]
            spec.series = series { [un[$0], brown[$0], countries[$0].ranks[3]] }
            spec.outOf = []
        case .slope:
            spec.categories = ["2000", "2003"]
            spec.series = series { [countries[$0].ranks[0], countries[$0].ranks[3]] }
            spec.outOf = [22, 22]
        case .dumbbell:
            spec.categories = ["成熟度", "电子参与"]
            let maturity: [Double] = [1, 6, 8, 5, 3], participation: [Double] = [2, 3, 13, 1, 8]
            spec.series = series { [maturity[$0], participation[$0]] }
            spec.outOf = []
        case .stageLadder:
            spec.title = "电子政务发展阶段"
            spec.stageNames = ["起步", "提高", "交互", "事务", "无缝"]
            spec.placements = [
                StagePlacement(id: "US", label: "美国", group: "international", low: 4, high: 4),
                StagePlacement(id: "SG", label: "新加坡", group: "international", low: 4, high: 4, target: 5),
                StagePlacement(id: "CN", label: "中国（整体）", group: "domestic", low: 3, high: 3, target: 4),
                StagePlacement(id: "CN-SH", label: "上海", group: "domestic", low: 3, high: 4, target: 5),
            ]
            spec.groupLabels = ["international": "国际", "domestic": "国内"]
            spec.series = []
            spec.categories = []
        case .timeline:
            spec.title = "发展路径"
            spec.subtitle = ""
            spec.series = []
            spec.categories = []
            spec.outOf = []
            spec.groupLabels = ["international": "国际", "domestic": "国内"]
            spec.timeline = Sample.timeline
        }
        return spec
    }
}

/// Line segments of a path (moves start new polylines; curves count from their end point).
func segments(_ path: Path) -> [(Point, Point)] {
    var out: [(Point, Point)] = []
    var pen: Point?
    for element in path.elements {
        switch element {
        case .move(let p): pen = p
        case .line(let p):
            if let a = pen { out.append((a, p)) }
            pen = p
        case .curve(_, _, let p): pen = p
        case .close: break
        }
    }
    return out
}

/// Top-level path items of a frame.
func paths(_ frame: Frame) -> [PathItem] {
    frame.items.compactMap { if case .path(let p) = $0 { return p } else { return nil } }
}

/// Pairs of label boxes that overlap.
func intersections(_ boxes: [Rect]) -> [(Rect, Rect)] {
    var out: [(Rect, Rect)] = []
    for i in boxes.indices {
        for j in boxes.indices where j > i && boxes[i].intersects(boxes[j]) { out.append((boxes[i], boxes[j])) }
    }
    return out
}

/// The palette colour the chart gives the i-th focus series when all share one group.
func paletteColor(_ index: Int) -> Color { Style.briefing.color(forGroup: nil, index: index) }

/// A slide style like Styles/slides.yaml: larger chart type, heavier lines.
let slidesStyle: Style = {
    var style = Style.briefing
    style.sizes.chartTitle = 22
    style.sizes.chartLabel = 15
    style.sizes.chartTick = 14
    style.sizes.small = 13
    style.focusLineWidth = 3.2
    style.markerRadius = 5
    return style
}()

/// Every point a path passes through or bends toward (curve control points lie inside a circle's box).
func points(_ path: Path) -> [Point] {
    path.elements.flatMap { e -> [Point] in
        switch e {
        case .move(let p), .line(let p): return [p]
        case .curve(let a, let b, let p): return [a, b, p]
        case .close: return []
        }
    }
}

/// The bounding box of a path.
func box(_ path: Path) -> Rect {
    let ps = points(path)
    let xs = ps.map(\.x), ys = ps.map(\.y)
    guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return Rect(x: 0, y: 0, width: 0, height: 0) }
    return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
}

/// The tallest horizontal band of the frame with nothing drawn in it, edges included: a chart that leaves the
/// bottom of a slide empty has a large one.
func largestEmptyBand(_ frame: Frame) -> Double {
    var spans: [(Double, Double)] = frame.flattenedTexts.map { ($0.bounds.minY, $0.bounds.maxY) }
    for item in paths(frame) {
        let b = box(item.path), pad = (item.stroke?.width ?? 0) / 2
        spans.append((b.minY - pad, b.maxY + pad))
    }
    var largest = 0.0, reached = 0.0
    for (top, bottom) in spans.sorted(by: { $0.0 < $1.0 }) {
        largest = max(largest, top - reached)
        reached = max(reached, bottom)
    }
    return max(largest, frame.size.height - reached)
}
