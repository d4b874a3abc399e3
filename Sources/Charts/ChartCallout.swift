/// A short text attached to one mark of a chart (`callouts:`): the value of a series in a category, with a thin
/// leader from the mark to the text.
public struct ChartCallout: Hashable, Sendable {
    /// The series (entity) id.
    public var series: String
    /// The category (period or indicator column) index of the value.
    public var category: Int
    /// The text, in the report language; wrapped to at most three lines.
    public var text: String
    public init(series: String, category: Int, text: String) { self.series = series; self.category = category; self.text = text }
}
