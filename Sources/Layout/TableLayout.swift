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
    var cellSize: Double { style.sizes.table * fontScale }
    var font: FontSpec { style.bodyFont(size: cellSize) }
    var pitch: Double { cellSize * 1.4 }
    var padX: Double { cellSize * 0.6 }
    var padY: Double { cellSize * 0.4 }
    /// The smallest scale a wide table may be set at (9 pt → about 7 pt).
    static let minimumFontScale = 0.78
    var outerRule: Double { 0.9 }
    var innerRule: Double { 0.5 }

    /// A cell placed in the grid.
    struct GridCell {
        var cell: TableCell
        var column: Int
        var span: Int
        var spans: [TextSpan]
    }

    /// A measured row: its cells, their lines at the final column widths and its height.
    struct Row {
        var cells: [GridCell]
        var lines: [[SetLine]]
        var height: Double
        var isHeader: Bool
        var zebra: Bool
    }

    /// The layout result: units in reading order and the header repeated on continuation pages.
    struct Result {
        var units: [FlowUnit]
        var continuation: TableContinuation
    }

    func layout(_ table: TableBlock, index: Int) -> Result {
        let columnCount = max(1, (table.headerRows + table.rows).map { $0.reduce(0) { $0 + max(1, $1.columnSpan) } }.max() ?? 1)
        let header = table.headerRows.map { grid($0, columns: columnCount, isHeader: true) }
        let body = table.rows.map { grid($0, columns: columnCount, isHeader: false) }
        // A table too wide for comfortable columns (names and numbers on one line) is set smaller first,
        // once, before any cell is asked to wrap.
        if fontScale == 1 {
            let needed = comfortableWidth(header + body, columns: columnCount)
            if needed > width {
                var smaller = self
                smaller.fontScale = max(Self.minimumFontScale, width / needed)
                return smaller.layout(table, index: index)
            }
        }
        let columns = columnWidths(header + body, columns: columnCount)
        var xs = [0.0]
        for w in columns { xs.append((xs.last ?? 0) + w) }
        let decimals = decimalColumns(body, columns: columns)

        let headerRows = header.map { measure($0, xs: xs, isHeader: true, zebra: false) }
        let bodyRows = body.enumerated().map { measure($1, xs: xs, isHeader: false, zebra: table.zebra && $0 % 2 == 1) }
        let what = table.number.isEmpty ? "table" : "table \(table.number)"

        var units: [FlowUnit] = []
        // Title line: number and title in bold above the table.
        let titleText = [table.number, table.title].filter { !$0.isEmpty }.joined(separator: "  ")
        let titleFrame = titleFrame(titleText)
        if let titleFrame {
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
                rowUnits.append(unit)
            }
            // A row cut into lines keeps the widow/orphan rules of a paragraph.
            ParagraphLayout.keepLinesTogether(&rowUnits)
            units += rowUnits
        }
        if bodyRows.isEmpty, !units.isEmpty {
            units[units.count - 1].frame.rule(from: 0, to: width, at: headerFrame.size.height, color: style.colors.text, width: outerRule)
        }

        // Source and notes under the table, kept with the last row.
        if let notes = notesFrame(table) {
            if !units.isEmpty { units[units.count - 1].keepWithNext = true }
            var unit = FlowUnit(frame: notes, height: notes.size.height, what: what + " notes")
            unit.table = index
            units.append(unit)
        }
        return Result(units: units, continuation: TableContinuation(header: continuation, height: continuation.size.height,
                                                                    width: width, ruleColor: style.colors.rule,
                                                                    ruleWidth: innerRule))
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
                                spans: typesetter.spans(cell.spans, font: cellFont, color: color)))
            column += span
        }
        while column < columns {
            out.append(GridCell(cell: TableCell(""), column: column, span: 1, spans: []))
            column += 1
        }
        return out
    }

    /// Dark fills (rank shading) get white text unless the cell says otherwise.
    private func textColor(on fill: Color?) -> Color {
        if let fill, fill.alpha > 0.5, fill.luminance < 0.3 { return .white }
        return style.colors.text
    }

    /// Column widths from content: each column gets at least its longest unbreakable unit and at most its
    /// single-line width; the available width is shared in proportion to how much each column wants.
    /// The width the table needs for every column at its comfortable minimum.
    private func comfortableWidth(_ rows: [[GridCell]], columns: Int) -> Double {
        minimumWidths(rows, columns: columns).comfortable.reduce(0, +)
    }

    private func columnWidths(_ rows: [[GridCell]], columns: Int) -> [Double] {
        let (hardMin, minW, maxW) = minimumWidths(rows, columns: columns)
        let sumMin = minW.reduce(0, +), sumMax = maxW.reduce(0, +)
        if sumMax <= width {
            // Everything fits on one line: spread the spare width in proportion, so the table spans the column.
            return maxW.map { $0 + (width - sumMax) * $0 / sumMax }
        }
        if sumMin >= width {
            let sumHard = hardMin.reduce(0, +)
            if sumHard < width {
                let t = (width - sumHard) / (sumMin - sumHard)
                return zip(hardMin, minW).map { $0 + ($1 - $0) * t }
            }
            // Not even the longest words fit: shrink proportionally; the line breaker then splits words.
            return hardMin.map { $0 * width / sumHard }
        }
        let t = (width - sumMin) / (sumMax - sumMin)
        return zip(minW, maxW).map { $0 + ($1 - $0) * t }
    }

    /// Per column: the longest unbreakable unit, a comfortable minimum (short labels unwrapped) and the one-line width.
    private func minimumWidths(_ rows: [[GridCell]], columns: Int) -> (hard: [Double], comfortable: [Double], max: [Double]) {
        var minW = [Double](repeating: 2 * padX, count: columns)
        var maxW = minW
        var spanning: [(GridCell, Double, Double)] = []
        for row in rows {
            for cell in row {
                let natural = naturalWidths(cell.spans)
                let lo = natural.min + 2 * padX, hi = natural.max + 2 * padX
                if cell.span == 1 {
                    minW[cell.column] = max(minW[cell.column], lo)
                    maxW[cell.column] = max(maxW[cell.column], hi)
                } else {
                    spanning.append((cell, lo, hi))
                }
            }
        }
        // Spanning cells widen their columns evenly when the columns alone are too narrow for them.
        for (cell, lo, hi) in spanning {
            let range = cell.column..<(cell.column + cell.span)
            let minSum = range.reduce(0) { $0 + minW[$1] }
            if minSum < lo { for c in range { minW[c] += (lo - minSum) / Double(cell.span) } }
            let maxSum = range.reduce(0) { $0 + maxW[$1] }
            if maxSum < hi { for c in range { maxW[c] += (hi - maxSum) / Double(cell.span) } }
        }
        for c in 0..<columns { maxW[c] = max(maxW[c], minW[c]) }
        // The true minimum (longest unbreakable unit) is kept: when the comfortable minimum below does not fit,
        // columns fall back towards it before any word has to be split.
        let hardMin = minW
        for c in 0..<columns {
            // Chinese breaks between any two characters, so the longest unbreakable unit is often a single
            // character; short labels ("项目") would then wrap letter by letter beside a long text column.
            // A column keeps its single-line width up to a few ems before it is asked to wrap.
            minW[c] = max(minW[c], min(maxW[c], 6 * font.size + 2 * padX))
        }
        return (hardMin, minW, maxW)
    }

    /// The longest unbreakable unit and the widest hard line of some styled text.
    private func naturalWidths(_ spans: [TextSpan]) -> (min: Double, max: Double) {
        var longestLine = 0.0, line = 0.0
        var longestWord = 0.0, word = 0.0
        var previous: Character?
        for span in spans {
            var chunk = ""
            func flushChunk() {
                if !chunk.isEmpty { word += typesetter.width(chunk, span.font); chunk = "" }
            }
            for ch in span.text {
                if ch == "\n" {
                    flushChunk()
                    longestWord = max(longestWord, word); word = 0
                    previous = nil
                    continue
                }
                if let p = previous, Self.canBreak(between: p, and: ch) {
                    flushChunk()
                    longestWord = max(longestWord, word); word = 0
                }
                if ch != " " { chunk.append(ch) }
                previous = ch
            }
            flushChunk()
            for (index, part) in span.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { longestLine = max(longestLine, line); line = 0 }
                line += typesetter.width(String(part), span.font)
            }
        }
        longestWord = max(longestWord, word)
        longestLine = max(longestLine, line)
        return (min(longestWord, longestLine), longestLine)
    }

    /// Break opportunities as the line breaker sees them: at spaces and around CJK characters, except before
    /// closing and after opening punctuation.
    static func canBreak(between a: Character, and b: Character) -> Bool {
        if a == " " || b == " " { return true }
        if CharacterClass.noLineStart.contains(b) || CharacterClass.noLineEnd.contains(a) { return false }
        let wide = { (c: Character) in c.unicodeScalars.first.map(CharacterClass.isWide) ?? false }
        return wide(a) || wide(b)
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
        let text = cell.cell.text
        let total = typesetter.width(text, cellFont)
        guard let dot = text.firstIndex(of: ".") else { return (total, 0) }
        let integer = typesetter.width(String(text[..<dot]), cellFont)
        return (integer, max(0, total - integer))
    }

    // MARK: Rows

    private func measure(_ cells: [GridCell], xs: [Double], isHeader: Bool, zebra: Bool) -> Row {
        let lines = cells.map { cell -> [SetLine] in
            guard !cell.spans.isEmpty else { return [] }
            let inner = xs[cell.column + cell.span] - xs[cell.column] - 2 * padX
            return typesetter.lines(cell.spans, width: inner)
        }
        let count = max(1, lines.map(\.count).max() ?? 1)
        return Row(cells: cells, lines: lines, height: Double(count) * pitch + 2 * padY, isHeader: isHeader, zebra: zebra)
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
            let fill = cell.cell.fill ?? (row.isHeader ? style.colors.tableHeader : (row.zebra ? style.colors.zebra : nil))
            if let fill { frame.fill(Rect(x: x0, y: 0, width: x1 - x0, height: height), fill) }
        }
        for (index, cell) in row.cells.enumerated() where !skipText.contains(index) {
            let lines = row.lines[index]
            let shown = Array(lines[min(range.lowerBound, lines.count)..<min(range.upperBound, lines.count)])
            let y = top ?? (height - Double(shown.count) * pitch) / 2
            frame.append(contentsOf: drawText(cell, shown, wrapped: lines.count > 1, x0: xs[cell.column], x1: xs[cell.column + cell.span],
                                              top: y, decimals: decimals))
        }
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
                overlay.append(contentsOf: drawText(cell, lines, wrapped: lines.count > 1, x0: xs[cell.column], x1: xs[cell.column + 1],
                                                    top: y + (height - Double(lines.count) * pitch) / 2, decimals: decimals))
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
        return frame
    }

    /// The bold title line(s) above the table; nil when there is no number and no title.
    private func titleFrame(_ text: String) -> Frame? {
        guard !text.isEmpty else { return nil }
        let titleFont = style.bodyFont(size: style.sizes.caption, bold: true)
        let titlePitch = titleFont.size * 1.5
        let lines = typesetter.lines(text, font: titleFont, color: style.colors.text, width: width)
        var frame = Frame(size: Size(width, Double(lines.count) * titlePitch + titleFont.size * 0.3))
        for (index, line) in lines.enumerated() {
            frame.append(contentsOf: typesetter.draw(line, x: 0, baseline: Double(index) * titlePitch
                                                     + Typesetter.baseline(font: titleFont, pitch: titlePitch), width: width))
        }
        return frame
    }

    /// Source note and notes in small muted type under the table; nil when there are none.
    private func notesFrame(_ table: TableBlock) -> Frame? {
        let texts = ([table.sourceNote] + table.notes).filter { !$0.trimmingSpaces.isEmpty }
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
