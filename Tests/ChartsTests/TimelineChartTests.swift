import Foundation
import Geometry
import Model
import Testing
@testable import Charts

/// A synthetic timeline: `lanes` entities and `events` marks spread over 1970–2010 with a fixed pseudo-random
/// sequence (crowded years, spans, open spans, targets in every state, long Chinese and English texts).
private func synthetic(lanes: Int, events: Int, language: String = "zh-cn") -> ChartSpec {
    var seed: UInt64 = 0x9E3779B97F4A7C15 &+ UInt64(lanes * 1000 + events)
    func next(_ n: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int((seed >> 33) % UInt64(max(1, n)))
    }
    let names = ["新加坡", "澳大利亚", "United Kingdom of Great Britain", "广州", "北京市朝阳区人民政府", "Canada"]
    var data = TimelineData(lanes: (0..<lanes).map { TimelineLane(id: "E\($0)", label: names[$0 % names.count] + ($0 >= names.count ? " \($0)" : ""),
                                                                   group: $0 % 2 == 0 ? "international" : "domestic") }, until: 2011)
    let texts = ["签署《电子交易法》，确立数字认证和电子签名的法律地位", "Portal opens", "发布国家信息化五年计划",
                 "Government On-Line strategy: all information and services online", "成立信息与通信发展局"]
    for i in 0..<events {
        let lane = i < lanes ? i : next(lanes)
        // Half the marks crowd into two years so numbers must stack.
        let year = Double(i % 2 == 0 ? 1998 + next(2) : 1970 + next(40)) + 0.5
        var mark = TimelineMark(lane: lane, start: year, date: String(Int(year)), text: texts[i % texts.count])
        switch i % 7 {
        case 1: mark.end = year + Double(1 + next(8))
        case 3: mark.end = year + 1; mark.open = true
        case 5: mark.target = [TargetStatus.met, .missed, .unknown][next(3)]
        default: break
        }
        data.marks.append(mark)
    }
    var spec = ChartSpec(kind: .timeline, number: "图 3", title: "各国发展路径", sourceNote: "资料来源：测试数据。", language: language)
    spec.groupLabels = ["international": "国际", "domestic": "国内"]
    spec.timeline = data
    return spec
}

private let monochrome: Style = { var s = Style.briefing; s.monochrome = true; return s }()
private let dark: Style = {
    var s = slidesStyle
    s.colors.background = Color(hex: "#14181f") ?? .black
    s.colors.text = Color(hex: "#f2f4f7") ?? .white
    s.colors.muted = Color(hex: "#aab3bf") ?? .white
    return s
}()

/// No label touches another, no text leaves the frame, nothing was dropped, and every mark has its number; the
/// key lists every number unless the chart says it was left out.
private func expectClean(_ chart: RenderedChart, events: Int, size: Size, _ what: String) {
    let boxes = chart.labelBoxes
    for i in boxes.indices {
        for j in boxes.indices where j > i && boxes[i].intersects(boxes[j]) {
            Issue.record("\(what): labels overlap at \(boxes[i]) and \(boxes[j])")
            return
        }
    }
    let bounds = Rect(origin: .zero, size: size)
    let texts = chart.frame.flattenedTexts
    #expect(texts.allSatisfy { bounds.contains($0.bounds, tolerance: 0.5) }, "\(what): text outside the frame")
    let codes = chart.warnings.map(\.code)
    #expect(!codes.contains(.chartLabelsDropped) && !codes.contains(.chartTextClipped) && !codes.contains(.chartTooSmall),
            "\(what): \(chart.warnings.map(\.message))")
    let numbers = texts.map(\.text)
    let counts = Dictionary(numbers.map { ($0, 1) }, uniquingKeysWith: +)
    let keyed = codes.contains(.chartKeyOmitted) ? 1 : 2
    for n in 1...events where (counts[String(n)] ?? 0) < keyed {
        Issue.record("\(what): number \(n) appears \(counts[String(n)] ?? 0) times, expected \(keyed) (badge and key)")
        return
    }
    if keyed == 1 {
        #expect(numbers.contains { $0.contains("大事记表") }, "\(what): a left-out key is explained in the notes")
    }
}

// Denser timelines (12 lanes × 60 events and more) still drop some numbers at some sizes (with a warning); see the issue.
@Test(arguments: [(1, 10), (3, 12), (5, 30)])
func timelinesOfEverySizeHaveNoCollisionsAndNoTruncation(lanes: Int, events: Int) {
    let spec = synthetic(lanes: lanes, events: events)
    // Report figures get the height the layout gives them (up to a page), slides their fixed sizes.
    let reportHeight = min(700, 120 + Double(lanes) * 20 + Double(events) * 6)
    let cases: [(Style, Size, String)] = [
        (.briefing, Size(480, reportHeight), "briefing"), (monochrome, Size(480, reportHeight), "monochrome"),
        (slidesStyle, Size(1920, 1080), "slides 1920"), (slidesStyle, Size(1280, 720), "slides 1280"), (dark, Size(1920, 1080), "dark"),
    ]
    for (style, size, name) in cases {
        let chart = ChartRenderer(style: style, measurer: FixedWidthMeasurer()).render(spec, size: size)
        expectClean(chart, events: events, size: size, "\(lanes) lanes × \(events) events, \(name) \(Int(size.width))×\(Int(size.height))")
    }
}

@Test func aSmallTimelineKeepsItsKeyAtFullSize() {
    let chart = renderer.render(Sample.spec(.timeline), size: reportSize)
    #expect(!chart.warnings.contains { $0.code == .chartKeyOmitted })
    let texts = chart.frame.flattenedTexts.map(\.text)
    #expect(texts.contains(CJKSpacing.normalised("2000—  Infocomm 21 计划")) && texts.contains(CJKSpacing.normalised("2003年2月  实施《广东省电子交易条例》")))
    #expect(texts.contains { $0.hasPrefix("注：空心圆为目标") })
}

@Test func numbersThatWouldTouchAreStackedWithLeaders() throws {
    var spec = Sample.spec(.timeline)
    // Five events in one month of one lane.
    spec.timeline = TimelineData(lanes: [TimelineLane(id: "A", label: "甲")], marks: (0..<5).map {
        TimelineMark(lane: 0, start: 2000.5 + Double($0) * 0.01, date: "2000", text: "事件 \($0)")
    } + [TimelineMark(lane: 0, start: 1990.5, date: "1990", text: "早")])
    let chart = renderer.render(spec, size: reportSize)
    #expect(!chart.warnings.contains { $0.code == .chartLabelsDropped })
    let boxes = chart.labelBoxes
    #expect(boxes.indices.allSatisfy { i in boxes.indices.allSatisfy { j in i == j || !boxes[i].intersects(boxes[j]) } })
    let leaders = chart.frame.items.compactMap { item -> PathItem? in
        if case .path(let p) = item, p.fill == nil, p.stroke?.color == ChartTheme(style: .briefing, size: reportSize).muted { return p }
        return nil
    }
    #expect(leaders.count >= 4, "a leader line for every stacked number")
}

@Test func targetsAreHollowWithTheirOutcome() {
    var spec = Sample.spec(.timeline)
    spec.timeline = TimelineData(lanes: [TimelineLane(id: "A", label: "甲")], marks: [
        TimelineMark(lane: 0, start: 2000.5, target: .met, date: "2000", text: "达成"),
        TimelineMark(lane: 0, start: 2004.5, target: .missed, date: "2004", text: "未达成"),
        TimelineMark(lane: 0, start: 2008.5, target: .unknown, date: "2008", text: "不详"),
    ])
    let chart = renderer.render(spec, size: reportSize)
    let strokes = chart.frame.items.compactMap { item -> PathItem? in
        if case .path(let p) = item, p.stroke != nil, p.path.elements.count > 4 { return p }
        return nil
    }
    // Three hollow circles (background fill drawn separately), one of them dashed (unknown).
    #expect(strokes.count == 3)
    #expect(strokes.filter { !($0.stroke?.dash.isEmpty ?? true) }.count == 1)
}

@Test func anOpenSpanRunsToTheEndOfTheAxisWithAnArrow() {
    var spec = Sample.spec(.timeline)
    spec.timeline = TimelineData(lanes: [TimelineLane(id: "A", label: "甲")], marks: [
        TimelineMark(lane: 0, start: 2000, end: 2001, open: true, date: "2000—", text: "至今"),
        TimelineMark(lane: 0, start: 1995.5, date: "1995", text: "点"),
    ], until: 2011)
    let chart = renderer.render(spec, size: reportSize)
    let texts = chart.frame.flattenedTexts.map(\.text)
    #expect(texts.contains("2010"), "the axis reaches `until` (the end of 2010)")
    #expect(texts.contains("箭头表示至今仍在进行。") || texts.contains { $0.contains("箭头表示") })
}

@Test func aYearsTickSitsOnThatYearsEventsAndAPhaseEndsWithItsLastYear() throws {
    var spec = Sample.spec(.timeline)
    let phase = TimelineMark.years(of: .range(1996, 2000))
    let point = TimelineMark.years(of: .year(2000))
    spec.timeline = TimelineData(lanes: [TimelineLane(id: "A", label: "甲")], marks: [
        TimelineMark(lane: 0, start: phase.start, end: phase.end, date: "1996—2000", text: "一期"),
        TimelineMark(lane: 0, start: point.start, date: "2000", text: "点"),
    ], until: 2003)
    let chart = renderer.render(spec, size: reportSize)
    let ticks = chart.frame.flattenedTexts.filter { $0.text.count == 4 && Int($0.text) != nil }
    let x1996 = try #require(ticks.first { $0.text == "1996" }).bounds.midX
    let x2000 = try #require(ticks.first { $0.text == "2000" }).bounds.midX
    let x2001 = try #require(ticks.first { $0.text == "2001" }).bounds.midX
    let year = x2001 - x2000
    // The phase bar: the one wide, low filled shape.
    let bar = try #require(paths(chart.frame).filter { $0.fill != nil }.map { box($0.path) }.first { $0.width > year * 3 && $0.height < year })
    #expect(abs(bar.minX - (x1996 - year / 2)) < 1, "the phase starts at the beginning of 1996")
    #expect(bar.maxX > x2000 && bar.maxX < x2000 + year / 2 + 0.5, "the phase ends with 2000, before the 2001 tick: \(bar.maxX) vs \(x2000)…\(x2001)")
    // The 2000 event's dot sits on the 2000 tick.
    let dots = paths(chart.frame).filter { $0.fill != nil }.map { box($0.path) }.filter { $0.width < year / 2 && abs($0.width - $0.height) < 0.01 }
    #expect(dots.contains { abs($0.midX - x2000) < 0.5 }, "a point event of 2000 is drawn at the 2000 tick")
}

@Test func aLegendAppearsOnlyWhenLanesOfSeveralGroupsShareTheChart() {
    var spec = Sample.spec(.timeline)
    let mixed = renderer.render(spec, size: reportSize).frame.flattenedTexts.map(\.text)
    #expect(mixed.contains("国际") && mixed.contains("国内"), "two groups: a legend")
    spec.timeline.lanes = spec.timeline.lanes.map { var lane = $0; lane.group = "international"; return lane }
    let single = renderer.render(spec, size: reportSize).frame.flattenedTexts.map(\.text)
    #expect(!single.contains("国际"), "one group: no one-entry legend")
}
