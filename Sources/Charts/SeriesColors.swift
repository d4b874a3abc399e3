import Geometry

/// Colours of series in line-like charts (bump, line, slope).
///
/// Focus series take their group colour when the focus set spans two or more groups or is a single series, so "domestic" is the same
/// orange in every chart of a report. When every focus series is in one group the group colour would paint all
/// lines alike and tell the reader nothing, so the palette is used by position instead. The rest are grey.
enum SeriesColors {
    static func lineColors(_ series: [ChartSeries], theme: ChartTheme) -> [Color] {
        // A single highlighted series (Shanghai among its neighbours) also keeps its group colour.
        let byGroup = !byPosition(series)
        var focusIndex = 0
        var groupIndex: [String: Int] = [:]
        return series.map { s in
            guard s.focus else { return theme.context }
            defer { focusIndex += 1 }
            if byGroup {
                let key = s.group ?? ""
                let index = groupIndex[key] ?? groupIndex.count
                groupIndex[key] = index
                return theme.color(group: s.group, index: index)
            }
            // Beyond the palette a colour would repeat, and two lines of one colour read as one series: the rest
            // are drawn in greys, each with its own dash pattern and marker shape (`SeriesMark.forLines`), and
            // told apart by their direct labels.
            let paletteCount = theme.style.colors.palette.count
            guard paletteCount > 0, focusIndex >= paletteCount else { return theme.color(group: nil, index: focusIndex) }
            return theme.overflowGrey(focusIndex - paletteCount)
        }
    }

    /// Whether focus series are coloured by position in the palette (not by group), as `lineColors` decides.
    static func byPosition(_ series: [ChartSeries]) -> Bool {
        let focused = series.filter(\.focus)
        return Set(focused.map { $0.group ?? "" }).count < 2 && focused.count != 1
    }

    /// Colours for bars and markers of entities: one per group (first-seen order picks palette colours for
    /// groups without a fixed colour); a single colour when no series has a group.
    static func groupColors(_ groups: [String?], theme: ChartTheme) -> [Color] {
        var index: [String: Int] = [:]
        return groups.map { group in
            guard let group else { return theme.color(group: nil, index: 0) }
            let i = index[group] ?? index.count
            index[group] = i
            return theme.color(group: group, index: i)
        }
    }

    /// Colours of the categories of a dot or dumbbell chart: the colour of each category's group when the spec
    /// gives groups (so "domestic best" is the domestic colour of the stage ladder), else the palette by index.
    /// Groups that would paint two categories alike fall back to the palette, which keeps them apart.
    static func categoryColors(_ spec: ChartSpec, count: Int, theme: ChartTheme) -> [Color] {
        let palette = (0..<count).map { theme.color(group: nil, index: $0) }
        guard spec.categoryGroups.contains(where: { $0 != nil }) else { return palette }
        let grouped = (0..<count).map { c in
            theme.color(group: c < spec.categoryGroups.count ? spec.categoryGroups[c] : nil, index: c)
        }
        return Set(grouped.map(\.hex)).count == grouped.count ? grouped : palette
    }

    /// Legend entries for the groups that appear, in first-seen order, labelled from `groupLabels`
    /// (a group without a label is left out rather than showing its id).
    static func groupLegend(_ groups: [String?], labels: [String: String], theme: ChartTheme, swatch: Legend.Swatch) -> [Legend.Entry] {
        let colors = groupColors(groups, theme: theme)
        var seen: Set<String> = []
        var entries: [Legend.Entry] = []
        for (group, color) in zip(groups, colors) {
            guard let group, !seen.contains(group), let label = labels[group] else { continue }
            seen.insert(group)
            entries.append(Legend.Entry(label: label, color: color, swatch: swatch))
        }
        return entries
    }
}
