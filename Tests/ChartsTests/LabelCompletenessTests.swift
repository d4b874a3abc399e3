import Geometry
import Model
import Testing
@testable import Charts

/// Property-style checks of "labels are never truncated or dropped silently": over canvas sizes, chart kinds,
/// languages and entity counts, on synthetic data with long names, ties and gaps, every chart either labels every
/// mark in full with no two labels overlapping, or fails with an error located at the chart that names it and
/// the size. Never a third outcome.
enum Synthetic {
    static let sizes = [Size(320, 180), Size(800, 450), Size(1080, 1080), Size(600, 1200), Size(1920, 1080)]
    static let counts = [5, 15, 30, 60]
    static let kinds: [ChartKind] = [.bump, .line, .slope, .bar, .groupedBar, .dot, .heatmap, .dumbbell, .stageLadder]
    static let location = SourceLocation(file: "Reports/synthetic.yaml", line: 12, column: 5)

    static let english = ["Developed countries (the “three poles”)", "Large and medium inland cities (China)",
                          "Saint Vincent and the Grenadines", "Bosnia and Herzegovina", "Chad", "United Kingdom of Great Britain",
                          "Lao People's Democratic Republic", "Peru", "Democratic Republic of the Congo", "Oman"]
    static let chinese = ["发达国家（“三极”）", "中国大中型内陆城市", "圣文森特和格林纳丁斯", "波斯尼亚和黑塞哥维那", "乍得",
                          "大不列颠及北爱尔兰联合王国", "老挝人民民主共和国", "秘鲁", "刚果民主共和国", "阿曼"]

    /// The i-th name: long and short names mixed, made unique by a number.
    static func name(_ i: Int, chinese zh: Bool) -> String {
        let base = (zh ? chinese : english)[i % 10]
        return i < 10 ? base : base + (zh ? "\(i / 10 + 1)号" : " \(i / 10 + 1)")
    }

    /// Ranks with ties (every fourth entity shares its neighbour's rank) and gaps (every fifth misses a period).
    static func spec(_ kind: ChartKind, entities n: Int, chinese zh: Bool) -> ChartSpec {
        let periods = kind == .slope ? 2 : 4
        let categories = kind == .groupedBar || kind == .dot || kind == .dumbbell
            ? Array((zh ? ["联合国", "布朗", "埃森哲"] : ["UN", "Brown", "Accenture"]).prefix(kind == .dumbbell ? 2 : 3))
            : (0..<periods).map { "\(2000 + $0)" }
        let ranks = kind != .line && kind != .groupedBar
        let series = (0..<n).map { i -> ChartSeries in
            let values: [Double?] = categories.indices.map { c in
                if i % 5 == 4 && c == 1 && categories.count > 2 { return nil }
                let rank = Double(((i + c * 3) % n) + 1)
                let tied = i % 4 == 3 ? max(1, rank - 1) : rank
                return ranks ? tied : 100 - tied
            }
            return ChartSeries(id: "E\(i)", label: name(i, chinese: zh), group: i % 2 == 0 ? "international" : "domestic", values: values)
        }
        var spec = ChartSpec(kind: kind, number: zh ? "图 1" : "Figure 1", title: zh ? "合成数据" : "Synthetic data",
                             sourceNote: zh ? "资料来源：测试。" : "Source: test.", categories: categories, series: series,
                             valuesAreRanks: ranks, valueAxisTitle: ranks ? (zh ? "名次" : "Rank") : "%",
                             groupLabels: ["international": zh ? "国际" : "International", "domestic": zh ? "国内" : "Domestic"],
                             language: zh ? "zh-cn" : "en")
        if kind == .stageLadder {
            spec.stageNames = zh ? ["信息发布", "单向沟通", "双向互动", "事务处理", "无缝整合"]
                                 : ["Information publishing", "One-way communication", "Two-way interaction", "Transaction services", "Network integration"]
            spec.placements = series.enumerated().map { i, s in
                StagePlacement(id: s.id, label: s.label, group: s.group, low: Double(1 + i % 4), high: Double(1 + i % 4 + (i % 3 == 0 ? 1 : 0)),
                               target: i % 2 == 0 ? 5 : nil)
            }
            spec.series = []
            spec.categories = []
        }
        spec.location = location
        return spec
    }

    /// The names a chart must show: every series (or placement); in a crowded line chart only focus series.
    static func expectedLabels(_ spec: ChartSpec) -> [String] {
        if spec.kind == .stageLadder { return spec.placements.map(\.label) }
        let crowded = (spec.kind == .bump || spec.kind == .line) && spec.series.count > LinePlot.crowdedAbove
        return spec.series.filter { !crowded || $0.focus }.map(\.label)
    }
}

/// Text of a frame with spaces and soft breaks removed, in drawing order, so a wrapped name reads whole.
private func joinedText(_ frame: Frame) -> String {
    frame.flattenedTexts.map(\.text).joined().filter { !$0.isWhitespace }
}

@Test(arguments: Synthetic.kinds)
func everyMarkIsLabelledInFullOrTheChartFailsWhereItIsDeclared(kind: ChartKind) {
    var failed = 0, drawn = 0
    for size in Synthetic.sizes {
        for zh in [true, false] {
            for n in Synthetic.counts {
                let spec = Synthetic.spec(kind, entities: n, chinese: zh)
                let chart = renderer.render(spec, size: size)
                let what = "\(kind.rawValue) \(n) \(zh ? "zh" : "en") at \(Int(size.width))x\(Int(size.height))"
                let errors = chart.warnings.filter { $0.severity == .error }
                if !errors.isEmpty {
                    failed += 1
                    // The error is located at the chart and names the chart and the size.
                    for error in errors {
                        #expect(error.code == .chartLabelsDropped, "\(what): \(error.message)")
                        #expect(error.location == Synthetic.location, "\(what)")
                        #expect(error.message.contains(spec.title) && error.message.contains("\(Int(size.width))×\(Int(size.height))"), "\(what)")
                    }
                    continue
                }
                // A chart too small for its plot says so (a warning of its own); it has no marks to label.
                if chart.warnings.contains(where: { $0.code == .chartTooSmall && $0.message.contains("to draw its plot") }) { continue }
                drawn += 1
                #expect(!chart.warnings.contains { $0.code == .chartLabelsDropped }, "\(what): labels dropped with only a warning")
                let text = joinedText(chart.frame)
                let texts = chart.frame.flattenedTexts.map(\.text)
                for label in Synthetic.expectedLabels(spec) {
                    #expect(text.contains(label.filter { !$0.isWhitespace }), "\(what): '\(label)' is not shown in full")
                }
                #expect(!texts.contains { $0.hasSuffix("…") }, "\(what): a label is shortened")
                #expect(intersections(chart.labelBoxes).isEmpty, "\(what): labels overlap")
            }
        }
    }
    // The property is not met vacuously: most of these charts are drawn.
    #expect(drawn > failed, "\(kind.rawValue): \(drawn) drawn, \(failed) refused")
}

@Test func theIssueCasesLabelEveryMarkInFull() {
    // "Developed countries (the “three p…" at 800×450 and stage names cut at 600×1200: a stage ladder of six groups.
    var ladder = Synthetic.spec(.stageLadder, entities: 6, chinese: false)
    ladder.placements = Array(ladder.placements.prefix(6))
    for size in [Size(800, 450), Size(600, 1200)] {
        let chart = renderer.render(ladder, size: size)
        #expect(chart.warnings.allSatisfy { $0.severity != .error }, "\(size)")
        #expect(!chart.frame.flattenedTexts.contains { $0.text.hasSuffix("…") }, "\(size)")
        for stage in ladder.stageNames {
            #expect(joinedText(chart.frame).contains(stage.filter { !$0.isWhitespace }), "\(size): '\(stage)' not in full")
        }
    }
    // A 30-row heat map on a slide names every row.
    let heat = Synthetic.spec(.heatmap, entities: 30, chinese: true)
    let chart = renderer.render(heat, size: Size(1920, 1080))
    #expect(chart.warnings.allSatisfy { $0.severity != .error })
    for label in Synthetic.expectedLabels(heat) { #expect(joinedText(chart.frame).contains(label)) }
}

@Test func unlabelledAllowTurnsTheErrorIntoAWarning() {
    var spec = Synthetic.spec(.bar, entities: 60, chinese: false)
    let strict = renderer.render(spec, size: Size(320, 180))
    #expect(strict.warnings.contains { $0.severity == .error && $0.code == .chartLabelsDropped })
    spec.allowUnlabelled = true
    let allowed = renderer.render(spec, size: Size(320, 180))
    #expect(allowed.warnings.allSatisfy { $0.severity != .error })
    #expect(allowed.warnings.contains { $0.code == .chartLabelsDropped && $0.message.contains("unlabelled: allow") })
}

@Test func rowLabelsWrapToThreeLinesBeforeShortening() {
    let name = "Developed countries of the northern hemisphere (the “three poles”)"
    let spec = ChartSpec(kind: .bar, title: "T", categories: ["2003"],
                         series: [ChartSeries(id: "A", label: name, values: [3]), ChartSeries(id: "B", label: "B", values: [5])],
                         language: "en")
    let ctx = ChartContext(spec: spec, theme: ChartTheme(style: .briefing, size: Size(800, 450)), measurer: FixedWidthMeasurer())
    let room = ctx.width(name, ctx.theme.labelFont) / 2.6
    let labels = RowLabels([name, "B"], ctx: ctx, rowStep: ctx.theme.labelFont.lineBoxHeight * 4, maxWidth: room)
    #expect(labels.lines[0].count == 3)
    #expect(labels.truncated == 0)
    #expect(labels.lines[0].joined(separator: " ") == name)
}
