import Charts
import Layout
import RenderCairo

extension ReportEngine {
    /// The title and text alternative written into an exported chart image: the spec's `alt:` when the chart's
    /// figure has one, else the chart described from its data.
    public func imageText(_ id: String, _ chart: ChartSpec, content: ReportContent) -> ImageText {
        let alternative = content.blocks.lazy.compactMap { block -> String? in
            if case .figure(let figure) = block, figure.anchor == "fig-\(id)" { return figure.alternative }
            return nil
        }.first
        return imageText(chart, alternative: alternative)
    }

    func imageText(_ chart: ChartSpec, alternative: String?) -> ImageText {
        let description = ChartDescription(chart)
        return ImageText(title: description.title, description: alternative ?? description.text,
                         language: PDFAccessibility.languageTag(chart.language))
    }
}
