import Geometry
import Model

/// Lays out a table as flow units: the title, the header rows, one unit per body row and the notes.
///
/// Cells are resolved into a grid and measured once (column widths from their content, then line breaking
/// at the final widths), so a 1,000-row table costs the same per row however many pages it runs over. Rows
/// stay whole unless a single row is taller than a page, in which case it is cut into one slice per line.
struct TableLayout: Sendable {
    let typesetter: Typesetter
    /// Width of the content column (tables always take the full width).
    let width: Double
    /// Height of the page content area: no unit may be taller.
    let pageHeight: Double
    let language: String

    var style: Style { typesetter.style }
    /// Below 1 when a wide table is set smaller so that its cells need not wrap (see `layout`).
    var fontScale = 1.0
    /// Below 1 when the cell padding of a very wide table is narrowed so that no number or word is split.
    var padScale = 1.0
    /// How many times the table has been set smaller (see `layout`).
    var shrinkSteps = 0
    var cellSize: Double { style.sizes.table * fontScale }
    var font: FontSpec { style.bodyFont(size: cellSize) }
    var pitch: Double { cellSize * 1.4 }
    var padX: Double { cellSize * 0.6 * padScale }
    var padY: Double { cellSize * 0.4 }
    /// The smallest scale a wide table is set at so that its cells need not wrap (9 pt → about 7 pt).
    static let minimumFontScale = 0.78
    /// The smallest scale a very wide table is set at so that no number, date or word is split (9 pt → 5.4 pt).
    static let lastResortFontScale = 0.6
    /// The narrowest cell padding, as a share of the normal padding (0.6 em a side), a very wide table gets.
    static let minimumPadScale = 0.35
    /// How many times a table is measured again at a smaller size at most.
    static let maximumShrinkSteps = 8
    var outerRule: Double { 0.9 }
    var innerRule: Double { 0.5 }

    /// A cell placed in the grid.
    struct GridCell {
        var cell: TableCell
        var column: Int
        var span: Int
        var spans: [TextSpan]
        var isHeader: Bool
    }

    /// A measured row: its cells, their lines at the final column widths and its height.
    struct Row {
        var cells: [GridCell]
        var lines: [[SetLine]]
        var height: Double
        var isHeader: Bool
        var zebra: Bool
        /// A subheading row (`TableBlock.subheadingRows`): one cell across the table, a row header.
        var isSubheading = false
    }

    /// The layout result: units in reading order, the header repeated on continuation pages, and warnings.
    struct Result {
        var units: [FlowUnit]
        var continuation: TableContinuation
        var warnings: [Diagnostic] = []
    }

    func layout(_ table: TableBlock, index: Int) -> Result {
        let columnCount = max(1, (table.headerRows + table.rows).map { $0.reduce(0) { $0 + max(1, $1.columnSpan) } }.max() ?? 1)
        let header = table.headerRows.map { grid($0, columns: columnCount, isHeader: true) }
        let body = table.rows.map { grid($0, columns: columnCount, isHeader: false) }
        // A table too wide for comfortable columns (names and numbers on one line) is set smaller first,
        // before any cell is asked to wrap. Hinted glyph widths do not scale exactly with the size, so the
        // table is measured again at the new size, a few times at most, until it fits.
        let levels = columnLevels(header + body, columns: columnCount)
        if let smaller = smaller(levels, columns: columnCount) { return smaller.layout(table, index: index) }
        let columns = columnWidths(levels)
        var xs = [0.0]
        for w in columns { xs.append((xs.last ?? 0) + w) }
        let decimals = decimalColumns(body, columns: columns)

        let headerRows = header.map { measure($0, xs: xs, isHeader: true, zebra: false) }
        let bodyRows = measureBody(body, table: table, xs: xs)
        let what = table.number.isEmpty ? "table" : "table \(table.number)"

        var units: [FlowUnit] = []
        // Title line: number and title in bold above the table.
        let titleText = Caption.text(number: table.number, title: table.title)
        let titleFrame = titleFrame(titleText)
        if var titleFrame {
            titleFrame.items = [GroupItem.tagged(StructureTag(.caption), titleFrame.items)]
            var unit = FlowUnit(frame: titleFrame, height: titleFrame.size.height, keepWithNext: true, what: what)
            unit.table = index
            units.append(unit)
        }

        let headerFrame = self.headerFrame(headerRows, xs: xs, decimals: decimals)
        var headerUnit = FlowUnit(frame: headerFrame, height: headerFrame.size.height, keepWithNext: !bodyRows.isEmpty, what: what)
        headerUnit.table = index
        units.append(headerUnit)

        // The continuation header: "续表 1  title" / "Table 1  title (continued)" and the header rows again.
        var continuation = Frame(size: Size(width, 0))
        if let marker = self.titleFrame(Self.continuedTitle(number: table.number, title: table.title, language: language)) {
            continuation.merge(marker, at: .zero)
            continuation.size.height += marker.size.height
        }
        continuation.merge(headerFrame, at: Point(0, continuation.size.height))
        continuation.size.height += headerFrame.size.height

        // A row may be at most as tall as a page under the repeated header; taller rows are cut by lines.
        let maxRowHeight = max(pitch + 2 * padY, pageHeight - continuation.size.height)
        var rows: [[FlowUnit]] = []
        for (rowIndex, row) in bodyRows.enumerated() {
            let isLast = rowIndex == bodyRows.count - 1
            let lineCount = row.lines.map(\.count).max() ?? 0
            var rowUnits: [FlowUnit] = []
            for (sliceIndex, slice) in slices(of: row, maxHeight: maxRowHeight).enumerated() {
                var frame = draw(row, lines: slice.range, height: slice.height, xs: xs, decimals: decimals, top: slice.top)
                if isLast && slice.range.upperBound >= lineCount {
                    frame.rule(from: 0, to: width, at: slice.height, color: style.colors.text, width: outerRule)
                }
                var unit = FlowUnit(frame: frame, height: slice.height,
                                    what: "\(what), row \(rowIndex + 1)" + (sliceIndex > 0 ? " (continued)" : ""))
                unit.table = index
                unit.repeatsTableHeader = true
                // A subheading stays with the first row under it.
                if row.isSubheading && !isLast { unit.keepWithNext = true }
                rowUnits.append(unit)
            }
            // A row cut into lines keeps the widow/orphan rules of a paragraph.
            ParagraphLayout.keepLinesTogether(&rowUnits)
            rows.append(rowUnits)
        }
        if bodyRows.isEmpty, !units.isEmpty {
            units[units.count - 1].frame.rule(from: 0, to: width, at: headerFrame.size.height, color: style.colors.text, width: outerRule)
        }
        let notes = notesFrame(table)
        let total = units.reduce(0) { $0 + $1.height } + rows.joined().reduce(0) { $0 + $1.height } + (notes?.size.height ?? 0)
        let keepTogether = Self.keepsTogether(rows: rows.count, height: total, pageHeight: pageHeight)
        Self.glueRows(&rows, keepTogether: keepTogether)
        units += rows.joined()

        // Notes and source under the table, kept with the last row.
        if let notes {
            if !units.isEmpty { units[units.count - 1].keepWithNext = true }
            var unit = FlowUnit(frame: notes, height: notes.size.height, what: what + " notes")
            unit.table = index
            // A paragraph of its own: a table element holds only its caption and rows.
            unit.structure = [StructureContainer(id: 0, tag: StructureTag(.paragraph))]
            units.append(unit)
        }
        // A table kept whole floats like a figure: moved whole, it would leave a hole where it did not fit.
        if keepTogether, !units.isEmpty {
            units[0].floats = true
            units[0].floatLength = units.count
        }
        return Result(units: units, continuation: TableContinuation(header: continuation, height: continuation.size.height,
                                                                    width: width, ruleColor: style.colors.rule,
                                                                    ruleWidth: innerRule),
                      warnings: wideTableWarnings(levels, columns: columnCount, what: what))
    }

    /// The same table set smaller, or nil when it fits as it is (or cannot get any smaller).
    ///
    /// In order: the type goes down to `minimumFontScale` until every column has its `tight` width (names
    /// and numbers on one line); then, as long as even the longest unbreakable units (numbers, dates, single
    /// words) do not fit, the cell padding narrows to half, the type goes on down to `lastResortFontScale`
    /// and the padding narrows to `minimumPadScale`. Only a table too wide for all that has words split (see
    /// `columnWidths`).
    private func smaller(_ levels: ColumnLevels, columns: Int) -> TableLayout? {
        guard shrinkSteps < Self.maximumShrinkSteps else { return nil }
        let tight = levels.tight.reduce(0, +), hard = levels.hard.reduce(0, +)
        var next = self
        next.shrinkSteps += 1
        if tight > width + 0.01 && fontScale > Self.minimumFontScale + 1e-9 {
            next.fontScale = max(Self.minimumFontScale, fontScale * width / tight)
            return next
        }
        guard hard > width + 0.01 else { return nil }
        /// Just the padding that makes the longest units fit, down to `floor`; nil when already there.
        func narrowerPadding(floor: Double) -> TableLayout? {
            guard padScale > floor + 1e-9 else { return nil }
            let pad = 2 * padX * Double(columns)
            next.padScale = max(floor, padScale * (width - (hard - pad)) / pad)
            return next.padScale < padScale - 1e-9 ? next : nil
        }
        if let narrower = narrowerPadding(floor: 0.5) { return narrower }
        if fontScale > Self.lastResortFontScale + 1e-9 {
            next.padScale = padScale
            next.fontScale = max(Self.lastResortFontScale, fontScale * width / hard)
            return next
        }
        return narrowerPadding(floor: Self.minimumPadScale)
    }

    /// A warning for a table set in type below `minimumFontScale`, or so wide that even then words are split.
    private func wideTableWarnings(_ levels: ColumnLevels, columns: Int, what: String) -> [Diagnostic] {
        let size = String(format: "%.1f", cellSize)
        let hint = "show fewer columns (fewer periods or indicators), split the table in two, or use a landscape page"
        if levels.hard.reduce(0, +) > width + 0.01 {
            return [.warning("\(what) has \(columns) columns, too many for the page: even at \(size) pt some numbers or words are split across lines",
                             hint: hint, code: .tableTooWide).with(["columns": String(columns), "size": size, "split": "true"])]
        }
        if fontScale < Self.minimumFontScale - 1e-9 {
            return [.warning("\(what) has \(columns) columns and is set at \(size) pt to fit the page", hint: hint, code: .tableTooWide)
                .with(["columns": String(columns), "size": size, "split": "false"])]
        }
        return []
    }

    /// Whether a table is short enough to be moved whole to the next page rather than split: it fits on one
    /// page and has at most a dozen body rows or takes at most 40% of the page. Splitting such a table
    /// saves little space and makes the reader turn the page for a few rows.
    static func keepsTogether(rows: Int, height: Double, pageHeight: Double) -> Bool {
        height <= pageHeight && (rows <= 12 || height <= pageHeight * 0.4)
    }

    /// Glue between body rows (each row is one unit, or one per line when cut). A split leaves at least three
    /// rows on each side (a page of one or two rows under a repeated header reads as a fragment), so the
    /// first three and the last three rows are glued hard; a short table is glued
    /// softly throughout, so it moves whole when it fits a page and still splits cleanly when it does not
    /// (say, under a heading that takes the rest of the room).
    static func glueRows(_ rows: inout [[FlowUnit]], keepTogether: Bool) {
        for r in rows.indices where r < rows.count - 1 {
            guard let lastSlice = rows[r].indices.last else { continue }
            if r < 2 || r >= rows.count - 3 { rows[r][lastSlice].keepWithNext = true }
            if keepTogether { rows[r][lastSlice].softKeepWithNext = true }
        }
    }

    /// "续表 1  title" in Chinese, "Table 1  title (continued)" otherwise.
    static func continuedTitle(number: String, title: String, language: String) -> String {
        if Language.isChinese(language) {
            let marker = number.isEmpty ? "续表" : (number.hasPrefix("表") ? "续" + number : "续表 " + number)
            return [marker, title].filter { !$0.isEmpty }.joined(separator: "  ")
        }
        let base = [number, title].filter { !$0.isEmpty }.joined(separator: "  ")
        return base.isEmpty ? "(continued)" : base + " (continued)"
    }

    // MARK: Grid and widths

    /// Places the cells of a row in columns; short rows are padded with empty cells, spans are clipped.
    private func grid(_ cells: [TableCell], columns: Int, isHeader: Bool) -> [GridCell] {
        var out: [GridCell] = []
        var column = 0
        for cell in cells where column < columns {
            let span = min(max(1, cell.columnSpan), columns - column)
            let cellFont = font.with(bold: cell.bold || isHeader)
            let color = cell.textColor ?? textColor(on: cell.fill)
            out.append(GridCell(cell: cell, column: column, span: span,
                                spans: typesetter.spans(cell.spans, font: cellFont, color: color), isHeader: isHeader))
            column += span
        }
        while column < columns {
            out.append(GridCell(cell: TableCell(""), column: column, span: 1, spans: [], isHeader: isHeader))
            column += 1
        }
        return out
    }

    /// Dark fills (rank shading) get white text unless the cell says otherwise; so do light fills dark text
    /// when the style's text is light (a dark style), in the background colour when that is dark.
    private func textColor(on fill: Color?) -> Color {
        guard let fill, fill.alpha > 0.5 else { return style.colors.text }
        if fill.luminance < 0.3 { return .white }
        if style.colors.text.luminance > 0.5 {
            let background = style.colors.background
            return background.alpha > 0.5 && background.luminance < 0.1 ? background : .black
        }
        return style.colors.text
    }

    /// Per-column widths at increasing levels of comfort, each at least the one before: `hard` (the longest
    /// unbreakable unit), `tight` (headers on two lines, text labels up to 6 em, numbers and dates whole),
    /// `comfortable` (short headers on one line, text labels up to 10 em) and `max` (every cell on one line).
    struct ColumnLevels {
        var hard: [Double]
        var tight: [Double]
        var comfortable: [Double]
        var max: [Double]
        var all: [[Double]] { [hard, tight, comfortable, max] }
    }

    /// Column widths from content, spanning the text column. The width is shared out level by level: no
    /// column grows past its `tight` width before every column has that much, and so on up to one line per
    /// cell, so a long text column cannot starve a column of dates into wrapping.
    private func columnWidths(_ levels: ColumnLevels) -> [Double] {
        let sums = levels.all.map { $0.reduce(0, +) }
        if let sumMax = sums.last, sumMax <= width {
            // Everything fits on one line: spread the spare width in proportion.
            return levels.max.map { $0 + (width - sumMax) * $0 / sumMax }
        }
        // The richest level that fits, widened towards the next. A table set smaller to fit lands on its
        // tight width only up to rounding; that counts as fitting, or every column would lose a hair of
        // width and its longest label would wrap.
        for k in stride(from: sums.count - 2, through: 0, by: -1) where sums[k] <= width + 0.01 {
            let low = levels.all[k], high = levels.all[k + 1]
            guard sums[k + 1] > sums[k] else { return low }
            let t = min(1, max(0, width - sums[k]) / (sums[k + 1] - sums[k]))
            return zip(low, high).map { $0 + ($1 - $0) * t }
        }
        // Not even the longest words fit: the widest columns give up width first, down to a common cap, so
        // numbers in narrow columns stay whole and the split falls in the longest words; the line breaker
        // then splits them.
        return Self.capped(levels.hard, to: width)
    }

    /// Widths no wider than a common cap chosen so that they sum to `total` (each at least 1 pt).
    static func capped(_ widths: [Double], to total: Double) -> [Double] {
        let sorted = widths.sorted()
        var below = 0.0
        var cap = total / Double(max(1, widths.count))
        for (k, w) in sorted.enumerated() {
            // With the k narrowest columns whole, the rest share what is left.
            let share = (total - below) / Double(sorted.count - k)
            if w >= share { cap = share; break }
            below += w
        }
        return widths.map { max(1, min($0, cap)) }
    }

    /// Measures every cell once and derives the column width levels.
    private func columnLevels(_ rows: [[GridCell]], columns: Int) -> ColumnLevels {
        let pad = 2 * padX
        var hard = [Double](repeating: pad, count: columns)
        var maxW = hard, tight = hard, comfortable = hard
        var spanning: [(GridCell, Double, Double)] = []
        for row in rows {
            for cell in row {
                let natural = typesetter.naturalWidths(cell.spans)
                let lo = natural.min + pad, hi = natural.max + pad
                if cell.span == 1 {
                    let c = cell.column
                    hard[c] = max(hard[c], lo)
                    maxW[c] = max(maxW[c], hi)
                    let wants = preferredWidths(cell, natural: natural)
                    tight[c] = max(tight[c], wants.tight + pad)
                    comfortable[c] = max(comfortable[c], wants.comfortable + pad)
                } else {
                    spanning.append((cell, lo, hi))
                }
            }
        }
        // Spanning cells widen their columns evenly when the columns alone are too narrow for them.
        for (cell, lo, hi) in spanning {
            let range = cell.column..<(cell.column + cell.span)
            let minSum = range.reduce(0) { $0 + hard[$1] }
            if minSum < lo { for c in range { hard[c] += (lo - minSum) / Double(cell.span) } }
            let maxSum = range.reduce(0) { $0 + maxW[$1] }
            if maxSum < hi { for c in range { maxW[c] += (hi - maxSum) / Double(cell.span) } }
        }
        // Each level lies between the hard minimum and the one-line width, and never below the level before.
        for c in 0..<columns {
            maxW[c] = max(maxW[c], hard[c])
            tight[c] = min(maxW[c], max(hard[c], tight[c]))
            comfortable[c] = min(maxW[c], max(tight[c], comfortable[c]))
        }
        return ColumnLevels(hard: hard, tight: tight, comfortable: comfortable, max: maxW)
    }

    /// The widths (padding excluded) below which a cell starts to look broken rather than wrapped: `tight`
    /// before the table is set smaller, `comfortable` before a long text column gets more room.
    ///
    /// Chinese breaks between any two characters, so the longest unbreakable unit is often a single
    /// character; short labels ("项目") would then wrap letter by letter beside a long text column. A text
    /// cell keeps its single-line width up to 6 em (10 em when there is room); a number, date or code (any
    /// cell not set flush start) reads as one token and keeps it up to 10 em ("2004年1月29日" and
    /// "5,793.95万人次" never wrap). A header may take two lines when room is short (a narrow column of
    /// numbers under a long heading), which is better than setting the whole table smaller, but stays on
    /// one line up to 6 em when there is room.
    private func preferredWidths(_ cell: GridCell, natural: (min: Double, max: Double)) -> (tight: Double, comfortable: Double) {
        let em = font.size
        if cell.isHeader {
            // Half the text plus most of an em: two lines even when the break falls mid-character.
            let twoLines = min(natural.max, natural.max / 2 + em * 0.75)
            return (max(natural.min, twoLines), max(natural.min, twoLines, min(natural.max, 6 * em)))
        }
        if cell.cell.alignment != .start && natural.max <= 10 * em {
            return (natural.max, natural.max)
        }
        // Names such as "United Kingdom" stay on one line when there is room.
        return (max(natural.min, min(natural.max, 6 * em)), max(natural.min, min(natural.max, 10 * em)))
    }

    /// Per column, the widest integer part and fraction part of decimal-aligned body cells, so every number
    /// can put its decimal point at the same x; nil for columns without decimal cells or too narrow for it.
    private func decimalColumns(_ rows: [[GridCell]], columns: [Double]) -> [Int: (integer: Double, fraction: Double)] {
        var out: [Int: (integer: Double, fraction: Double)] = [:]
        for row in rows {
            for cell in row where cell.cell.alignment == .decimal && cell.span == 1 {
                let (integer, fraction) = decimalParts(cell)
                let current = out[cell.column] ?? (0, 0)
                out[cell.column] = (max(current.integer, integer), max(current.fraction, fraction))
            }
        }
        return out.filter { $0.value.integer + $0.value.fraction <= columns[$0.key] - 2 * padX + 0.01 }
    }

    /// Widths of the text before the decimal point and of the point and what follows.
    private func decimalParts(_ cell: GridCell) -> (Double, Double) {
        let cellFont = cell.spans.first?.font ?? font
        // The text as set (with its CJK spacing), not as given.
        let text = cell.spans.map(\.text).joined()
        let total = typesetter.width(text, cellFont)
        guard let dot = text.firstIndex(of: ".") else { return (total, 0) }
        let integer = typesetter.width(String(text[..<dot]), cellFont)
        return (integer, max(0, total - integer))
    }

    // MARK: Rows

    /// The body rows measured; zebra stripes count from each subheading, so every group starts unshaded.
    private func measureBody(_ body: [[GridCell]], table: TableBlock, xs: [Double]) -> [Row] {
        var stripe = 0
        return body.enumerated().map { index, cells in
            if table.subheadingRows.contains(index) {
                stripe = 0
                var row = measure(cells, xs: xs, isHeader: false, zebra: false)
                row.isSubheading = true
                return row
            }
            defer { stripe += 1 }
            return measure(cells, xs: xs, isHeader: false, zebra: table.zebra && stripe % 2 == 1)
        }
    }

    private func measure(_ cells: [GridCell], xs: [Double], isHeader: Bool, zebra: Bool) -> Row {
        let lines = cells.map { cell -> [SetLine] in
            guard !cell.spans.isEmpty else { return [] }
            let inner = xs[cell.column + cell.span] - xs[cell.column] - 2 * padX
            return isHeader ? balancedLines(cell.spans, width: inner) : typesetter.lines(cell.spans, width: inner)
        }
        let count = max(1, lines.map(\.count).max() ?? 1)
        return Row(cells: cells, lines: lines, height: Double(count) * pitch + 2 * padY, isHeader: isHeader, zebra: zebra)
    }

    /// A wrapped header cell broken into lines of similar length ("联合国电 / 子参与", not "联合国电子参 / 与"):
    /// the narrowest width that needs no more lines than the full width does. Only header cells are
    /// balanced (a few per table), so body rows are still broken once each.
    private func balancedLines(_ spans: [TextSpan], width: Double) -> [SetLine] {
        let greedy = typesetter.lines(spans, width: width)
        guard greedy.count > 1 else { return greedy }
        var best = greedy
        // Never narrower than the longest word, or a word would be split to keep the line count.
        var low = min(width, typesetter.naturalWidths(spans).min), high = width
        for _ in 0..<8 {
            let mid = (low + high) / 2
            let candidate = typesetter.lines(spans, width: mid)
            if candidate.count <= greedy.count { best = candidate; high = mid } else { low = mid }
        }
        return best
    }

    /// A slice of a row: some of its lines, the slice height and where the first line starts (nil: centred).
    struct Slice {
        var range: Range<Int>
        var height: Double
        var top: Double?
    }

    /// The whole row (text centred vertically) when it fits `maxHeight`; otherwise one slice per line, so the
    /// paginator fills the page the row starts on and continues it under the repeated header.
    private func slices(of row: Row, maxHeight: Double) -> [Slice] {
        let count = max(1, row.lines.map(\.count).max() ?? 1)
        if row.height <= maxHeight { return [Slice(range: 0..<count, height: row.height, top: nil)] }
        return (0..<count).map { line in
            let top = line == 0 ? padY : 0
            return Slice(range: line..<(line + 1), height: top + pitch + (line == count - 1 ? padY : 0), top: top)
        }
    }

    /// Draws the lines `range` of a row into a frame of the given height; cells in `skipText` get their
    /// fill but no text (the header draws those across several rows).
    private func draw(_ row: Row, lines range: Range<Int>, height: Double, xs: [Double],
                      decimals: [Int: (integer: Double, fraction: Double)], top: Double?, skipText: Set<Int> = []) -> Frame {
        var frame = Frame(size: Size(width, height))
        for cell in row.cells {
            let x0 = xs[cell.column], x1 = xs[cell.column + cell.span]
            let fill = cell.cell.fill ?? (row.isHeader || row.isSubheading ? style.colors.tableHeader : (row.zebra ? style.colors.zebra : nil))
            if let fill { frame.fill(Rect(x: x0, y: 0, width: x1 - x0, height: height), fill) }
        }
        for (index, cell) in row.cells.enumerated() where !skipText.contains(index) {
            let lines = row.lines[index]
            let shown = Array(lines[min(range.lowerBound, lines.count)..<min(range.upperBound, lines.count)])
            let y = top ?? (height - Double(shown.count) * pitch) / 2
            let text = drawText(cell, shown, wrapped: lines.count > 1, x0: xs[cell.column], x1: xs[cell.column + cell.span],
                                top: y, decimals: decimals)
            // A subheading is a header cell of its row (Scope Row in the PDF), like the header's are of their columns.
            if !text.isEmpty { frame.append(GroupItem.tagged(StructureTag(row.isHeader || row.isSubheading ? .headerCell : .dataCell), text)) }
        }
        // The fills stay outside the cells: decoration, not content.
        frame.items = [GroupItem.tagged(StructureTag(.tableRow), frame.items)]
        return frame
    }

    /// The lines of one cell, aligned as the cell asks, starting at `top`.
    private func drawText(_ cell: GridCell, _ lines: [SetLine], wrapped: Bool, x0: Double, x1: Double, top: Double,
                          decimals: [Int: (integer: Double, fraction: Double)]) -> [DisplayItem] {
        var items: [DisplayItem] = []
        let inner = x1 - x0 - 2 * padX
        for (lineIndex, line) in lines.enumerated() {
            let baseline = top + Double(lineIndex) * pitch + Typesetter.baseline(font: font, pitch: pitch)
            var x = x0 + padX
            let alignment: LineAlignment
            switch cell.cell.alignment {
            case .start: alignment = .start
            case .center: alignment = .center
            case .end: alignment = .end
            case .decimal:
                if let stats = decimals[cell.column], !wrapped {
                    // Put the decimal point at the same x in every row of the column.
                    let (integer, _) = decimalParts(cell)
                    x = x1 - padX - stats.fraction - integer
                    alignment = .start
                } else {
                    alignment = .end
                }
            }
            items += typesetter.draw(line, x: x, baseline: baseline, width: inner - (x - x0 - padX), alignment: alignment)
        }
        return items
    }

    /// Header cells with only empty cells below them ("国家" over a blank) are treated as spanning those rows:
    /// their text is centred over the whole header instead of sitting in the top row.
    private func tallHeaderCells(_ rows: [Row]) -> [Int: Set<Int>] {
        var out: [Int: Set<Int>] = [:]
        for (r, row) in rows.enumerated() where r < rows.count - 1 {
            for (k, cell) in row.cells.enumerated() where cell.span == 1 && !cell.cell.text.isEmpty {
                let below = rows[(r + 1)...].map { $0.cells.first { $0.column == cell.column } }
                if below.allSatisfy({ $0.map { $0.span == 1 && $0.cell.text.trimmingSpaces.isEmpty } ?? false }) {
                    out[r, default: []].insert(k)
                }
            }
        }
        return out
    }

    /// All header rows with the top rule, a rule under spanning group cells and the rule under the header.
    private func headerFrame(_ rows: [Row], xs: [Double], decimals: [Int: (integer: Double, fraction: Double)]) -> Frame {
        var frame = Frame(size: Size(width, 0))
        var overlay = Frame(size: .zero)
        let tall = tallHeaderCells(rows)
        let total = rows.reduce(0) { $0 + $1.height }
        var y = 0.0
        for (rowIndex, row) in rows.enumerated() {
            let skip = tall[rowIndex] ?? []
            frame.merge(draw(row, lines: 0..<Int.max, height: row.height, xs: xs, decimals: decimals, top: nil, skipText: skip), at: Point(0, y))
            for k in skip {
                let cell = row.cells[k], lines = row.lines[k]
                let height = total - y
                let text = drawText(cell, lines, wrapped: lines.count > 1, x0: xs[cell.column], x1: xs[cell.column + 1],
                                    top: y + (height - Double(lines.count) * pitch) / 2, decimals: decimals)
                overlay.append(GroupItem.tagged(StructureTag(.tableRow), [GroupItem.tagged(StructureTag(.headerCell), text)]))
            }
            if rowIndex < rows.count - 1 {
                for cell in row.cells where cell.span > 1 && !cell.cell.text.isEmpty {
                    // Booktabs-style group rule, inset so neighbouring groups stay visibly apart; drawn after
                    // all rows so the next row's fill does not cover it.
                    overlay.rule(from: xs[cell.column] + padX / 2, to: xs[cell.column + cell.span] - padX / 2, at: y + row.height,
                                 color: style.colors.axis, width: innerRule)
                }
            }
            y += row.height
        }
        frame.append(contentsOf: overlay.items)
        frame.size.height = y
        frame.rule(from: 0, to: width, at: 0, color: style.colors.text, width: outerRule)
        if !rows.isEmpty { frame.rule(from: 0, to: width, at: y, color: style.colors.text, width: innerRule) }
        frame.items = [GroupItem.tagged(StructureTag(.tableHead), frame.items)]
        return frame
    }

    /// The bold title line(s) above the table, in the caption style figures share; nil when there is no
    /// number and no title.
    private func titleFrame(_ text: String) -> Frame? {
        Caption(typesetter: typesetter, width: width).frame(text)
    }

    /// Notes, then the source line, in small muted type under the table (the order figures use); nil when
    /// there are none.
    private func notesFrame(_ table: TableBlock) -> Frame? {
        let texts = (table.notes + [table.sourceNote]).filter { !$0.trimmingSpaces.isEmpty }
        guard !texts.isEmpty else { return nil }
        let noteFont = style.bodyFont(size: style.sizes.small)
        let notePitch = noteFont.size * 1.45
        let top = noteFont.size * 0.4
        var y = top
        var frame = Frame(size: Size(width, 0))
        for text in texts {
            for line in typesetter.lines(text, font: noteFont, color: style.colors.muted, width: width) {
                frame.append(contentsOf: typesetter.draw(line, x: 0, baseline: y + Typesetter.baseline(font: noteFont, pitch: notePitch),
                                                         width: width))
                y += notePitch
            }
        }
        frame.size.height = y
        return frame
    }
}
