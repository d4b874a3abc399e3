import Geometry

/// Sentences under a chart that say how ties and missing data are drawn (CHARTS.md asks charts to say so).
enum ChartNotes {
    static func ties(_ rule: TieRule, _ ctx: ChartContext) -> String {
        switch rule {
        case .shareAndStack:
            return ctx.words("名次并列者共用同一位置（标记套叠显示），标签依次排列。",
                             "Tied entities share a position (nested markers); their labels are stacked.")
        case .offset:
            return ctx.words("名次并列者的线条略作上下错开。", "Tied lines are offset slightly so each stays visible.")
        }
    }

    static func missing(_ rule: MissingRule, _ ctx: ChartContext) -> String {
        switch rule {
        case .gap:
            return ctx.words("线条中断处表示该期缺少数据。", "A break in a line marks a period without data.")
        case .dashedBridge:
            return ctx.words("虚线段跨越缺少数据的时期。", "Dashed segments bridge periods without data.")
        }
    }

    /// Ranks are drawn as positions on a rank axis, never as bar lengths.
    static func rankAxis(_ ctx: ChartContext) -> String {
        ctx.words("圆点表示名次，第1名（最好）在左端。", "Dots mark ranks; rank 1 (best) is at the left.")
    }
}
