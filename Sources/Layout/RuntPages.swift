/// Keeps the last page of a document, and the last page before each page break of the flow, from holding
/// only a few lines: such a page looks unfinished and wastes a sheet.
///
/// A runt page is one holding fewer than `minimumLines` lines (a unit counts as many lines as body lines fit
/// in its height, at least one), so a page of a few short lines is a runt and one with a figure is not.
/// For each, from the first to
/// the last, two repairs are tried on the runt and the page before it (the pages before those are never
/// touched, since pagination is one linear pass and they come out the same):
/// 1. pull the lines back: the vertical space between blocks on the two pages shrinks (and the decorative
///    air above a title block is given up), which is used only when that saves the page;
/// 2. carry lines over: the page before is ended earlier, at a point where the glue allows a break, so the
///    last page gets enough lines. The page before is a section's last page then, where space is acceptable.
/// Each repair is one more linear pass, and only for documents that have a runt page.
enum RuntPages {
    /// How much of the vertical space between blocks is kept when the lines are pulled back.
    static let tightening = 0.5

    static func balanced(_ body: PaginatedBody, units: [FlowUnit], paginator: Paginator, pitch: Double, minimumLines: Int) -> PaginatedBody {
        /// Lines on a page of `body` with `units`.
        func lines(_ body: PaginatedBody, _ page: Int, _ units: [FlowUnit]) -> Int {
            body.pageUnits[page].reduce(0) { $0 + lineCount(units[$1], pitch: pitch) }
        }
        var body = body
        var units = units
        var breaks: Set<Int> = []
        var page = 1
        while page < body.pages.count {
            defer { page += 1 }
            let endsPart = page == body.pages.count - 1 || body.endsAtBreak.contains(page)
            guard endsPart, lines(body, page, units) < minimumLines, !body.endsAtBreak.contains(page - 1),
                  let first = flow(body.pageUnits[page - 1], units).min(), let end = body.pageUnits[page].max() else { continue }
            // 1. Pull back: tighter spacing on the two pages saves the runt page.
            var tighter = units
            for index in first...end {
                tighter[index] = tighter[index].shrunk()
                tighter[index].spaceBefore *= tightening
                if tighter[index].kind == .spacer {
                    tighter[index].height *= tightening
                    tighter[index].frame.size.height *= tightening
                }
            }
            let pulled = paginator.paginate(tighter, breaksBefore: breaks)
            if pulled.pages.count < body.pages.count {
                units = tighter
                body = pulled
                page -= 1
                continue
            }
            // 2. Carry over: the latest break on the page before that gives the runt page enough lines.
            if let start = carryPoint(body, units: units, page: page, pitch: pitch, minimumLines: minimumLines) {
                let carried = paginator.paginate(units, breaksBefore: breaks.union([start]))
                if carried.pages.count == body.pages.count, lines(carried, page, units) >= minimumLines {
                    breaks.insert(start)
                    body = carried
                }
            }
        }
        return body
    }

    /// The units of a page that are not part of a float (a float placed at a page's top may come from
    /// further back in the flow).
    static func flow(_ placed: [Int], _ units: [FlowUnit]) -> [Int] {
        var members: Set<Int> = []
        for index in placed where units[index].floats {
            members.formUnion(index..<min(units.count, index + units[index].floatLength))
        }
        return placed.filter { !members.contains($0) }
    }

    /// Body lines a unit counts as: as many as fit in its height, at least one (spacers and breaks none).
    static func lineCount(_ unit: FlowUnit, pitch: Double) -> Int {
        guard unit.kind == .content else { return 0 }
        return max(1, Int((unit.height / max(pitch, 1)).rounded(.down)))
    }

    /// The unit on page `page - 1` to start page `page` with, so that the page gets at least `minimumLines`:
    /// walking back from the end of the page before, the first unit before which a break is allowed (the unit
    /// above it is not glued to it) once enough lines have been gathered. Nil when the page before cannot
    /// give that much without being emptied by more than half.
    static func carryPoint(_ body: PaginatedBody, units: [FlowUnit], page: Int, pitch: Double, minimumLines: Int) -> Int? {
        // Floats placed at the top of the page before stay there: only the flow after them is carried.
        let flow = Self.flow(body.pageUnits[page - 1], units).sorted()
        guard let firstFlow = flow.first, let lastFlow = flow.last else { return nil }
        let budget = body.pageHeights[page - 1] / 2
        var given = 0.0
        var gathered = body.pageUnits[page].reduce(0) { $0 + lineCount(units[$1], pitch: pitch) }
        var index = lastFlow
        while index > firstFlow {
            given += units[index].height + units[index].spaceBefore
            gathered += lineCount(units[index], pitch: pitch)
            if given > budget { return nil }
            // The glue that matters is that of the content unit above (spacers between do not break a chain).
            var aboveIndex = index - 1
            while aboveIndex > firstFlow, units[aboveIndex].kind != .content { aboveIndex -= 1 }
            let above = units[aboveIndex]
            if gathered >= minimumLines, units[index].kind == .content, !units[index].floats, !above.keepWithNext, !above.softKeepWithNext {
                return index
            }
            index -= 1
        }
        return nil
    }
}
