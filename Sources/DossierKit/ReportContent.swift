import Charts
import Geometry
import Layout
import Model

/// What a spec resolves to before layout: blocks in reading order and every chart (for image export).
public struct ReportContent: Sendable {
    public var blocks: [Block]
    public var charts: [(id: String, spec: ChartSpec)]
    public var metadata: LayoutMetadata
    public var warnings: [Diagnostic]
}

/// Words that change with the report language.
struct Vocabulary {
    let zh: Bool
    init(_ language: String) { zh = Language.isChinese(language) }
    func figure(_ n: Int) -> String { zh ? "图 \(n)" : "Figure \(n)" }
    func table(_ n: Int) -> String { zh ? "表 \(n)" : "Table \(n)" }
    func source(_ citations: [String]) -> String {
        citations.isEmpty ? "" : (zh ? "资料来源：" : "Source: ") + citations.joined(separator: zh ? "；" : "; ")
    }
    /// The heading of an entity column, named after what the rows are.
    func entityHeader(_ entities: [Entity]) -> String {
        switch Set(entities.map(\.kind)) {
        case [.country]: return zh ? "国家" : "Country"
        case [.city]: return zh ? "城市" : "City"
        case [.country, .city]: return zh ? "国家/城市" : "Country or city"
        default: return zh ? "对象" : "Entity"
        }
    }
    var indicatorHeader: String { zh ? "指标" : "Indicator" }
    var rank: String { zh ? "排名" : "Rank" }
    var missingNote: String { zh ? "注：“—”表示该年份无数据。" : "Note: “—” means no data for that year." }
}
