/// Read access to series values that treats short arrays and non-finite numbers as missing.
enum SeriesData {
    /// The value of a series in a category, nil when missing.
    static func value(_ series: ChartSeries, _ index: Int) -> Double? {
        guard index >= 0, index < series.values.count, let v = series.values[index], v.isFinite else { return nil }
        return v
    }

    /// The preformatted label of a value, if the spec gives one.
    static func valueLabel(_ series: ChartSeries, _ index: Int) -> String? {
        guard index >= 0, index < series.valueLabels.count else { return nil }
        return series.valueLabels[index]
    }

    /// Observed (category index, value) pairs in category order.
    static func observations(_ series: ChartSeries, count: Int) -> [(index: Int, value: Double)] {
        var out: [(index: Int, value: Double)] = []
        for i in 0..<min(count, series.values.count) {
            if let v = value(series, i) { out.append((i, v)) }
        }
        return out
    }

    /// Number of categories: the labels given, or the longest value list when labels are missing.
    static func categoryCount(_ spec: ChartSpec) -> Int {
        max(spec.categories.count, spec.series.map(\.values.count).max() ?? 0)
    }

    static func category(_ spec: ChartSpec, _ index: Int) -> String {
        index < spec.categories.count ? spec.categories[index] : ""
    }

    static func outOf(_ spec: ChartSpec, _ index: Int) -> Int? {
        index < spec.outOf.count ? spec.outOf[index] : nil
    }
}
