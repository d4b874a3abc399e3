import Charts
import Geometry
import Layout
import Model

/// What a spec resolves to before layout: blocks in reading order and every chart (for image export).
public struct ReportContent: Sendable {
    public var blocks: [Block]
    public var charts: [(id: String, spec: ChartSpec)]
    public var metadata: LayoutMetadata
}
