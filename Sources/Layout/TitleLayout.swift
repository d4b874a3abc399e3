import Geometry
import Model

/// Lays out the cover-like title block: generous space above, an accent bar, the title, subtitle,
/// author and date, and a rule that separates it from the body.
struct TitleLayout: Sendable {
    let typesetter: Typesetter
    let width: Double
    /// Height of the page content area; the space above the title is a share of it.
    let pageHeight: Double

    var style: Style { typesetter.style }

    func layout(_ title: TitleBlock) -> FlowUnit {
        var frame = Frame(size: Size(width, 0))
        let air = (pageHeight * 0.12).rounded()
        var y = air
        frame.fill(Rect(x: 0, y: y, width: 48, height: 4), style.colors.accent)
        y += 4 + style.sizes.title * 0.9

        func add(_ text: String, font: FontSpec, color: Color, pitch: Double) {
            guard !text.trimmingSpaces.isEmpty else { return }
            for line in typesetter.lines(text, font: font, color: color, width: width) {
                frame.append(contentsOf: typesetter.draw(line, x: 0, baseline: y + Typesetter.baseline(font: font, pitch: pitch), width: width))
                y += pitch
            }
        }
        let titleFont = style.headingFont(size: style.sizes.title)
        add(title.title, font: titleFont, color: style.colors.text, pitch: titleFont.size * 1.3)
        if !title.subtitle.trimmingSpaces.isEmpty {
            y += style.sizes.subtitle * 0.4
            let subtitleFont = style.bodyFont(size: style.sizes.subtitle)
            add(title.subtitle, font: subtitleFont, color: style.colors.muted, pitch: subtitleFont.size * 1.4)
        }
        let byline = [title.author, title.date].filter { !$0.trimmingSpaces.isEmpty }
        if !byline.isEmpty {
            y += style.sizes.body * 1.2
            for text in byline { add(text, font: style.bodyFont(), color: style.colors.muted, pitch: style.sizes.body * 1.6) }
        }
        y += style.sizes.body * 1.5
        frame.rule(from: 0, to: width, at: y, color: style.colors.rule, width: 0.75)
        y += style.sizes.body * 2
        frame.size.height = y
        var unit = FlowUnit(frame: frame, height: y, what: "title")
        unit.isTitle = true
        unit.shrinkableTop = air
        return unit
    }
}
