import Geometry
import Model

/// Running header and footer, added once the page count is known (the second layout phase).
///
/// Header: the report title on the left, the current level-1 section on the right, a thin rule under both.
/// Footer: "第 N 页 / 共 M 页" in Chinese, "Page N of M" otherwise, centred.
struct PageFurniture: Sendable {
    let typesetter: Typesetter
    let template: PageTemplate
    let language: String

    var style: Style { typesetter.style }
    var font: FontSpec { style.bodyFont(size: style.sizes.small) }

    /// The footer text for page `number` (1-based) of `count`.
    static func footerText(page number: Int, of count: Int, language: String) -> String {
        Language.isChinese(language) ? "第 \(number) 页 / 共 \(count) 页" : "Page \(number) of \(count)"
    }

    /// Header items; `section` is the level-1 heading in effect on the page.
    func header(title: String, section: String?) -> [DisplayItem] {
        let content = template.contentRect
        let ruleY = content.minY - max(8, template.margins.top * 0.2)
        let baseline = ruleY - font.descent - 3
        let gap = style.sizes.body * 2
        let section = section ?? ""
        // Spaced like the title block.
        let title = typesetter.autospaced(title)
        // Each side may use its share of the width; text that does not fit is cut with an ellipsis.
        let titleWidth = typesetter.width(title, font), sectionWidth = typesetter.width(section, font)
        var titleRoom = content.width, sectionRoom = content.width
        if titleWidth + sectionWidth + gap > content.width {
            titleRoom = max((content.width - gap) / 2, content.width - gap - sectionWidth)
            sectionRoom = content.width - gap - min(titleWidth, titleRoom)
        }
        let shownTitle = typesetter.truncated(title, font: font, width: titleRoom)
        let shownSection = typesetter.truncated(section, font: font, width: sectionRoom)
        var items: [DisplayItem] = []
        if !shownTitle.isEmpty {
            items.append(.text(TextItem(text: shownTitle, font: font, color: style.colors.muted, origin: Point(content.minX, baseline),
                                        width: typesetter.width(shownTitle, font))))
        }
        if !shownSection.isEmpty {
            let w = typesetter.width(shownSection, font)
            items.append(.text(TextItem(text: shownSection, font: font, color: style.colors.muted,
                                        origin: Point(content.maxX - w, baseline), width: w)))
        }
        items.append(.path(PathItem(path: .line(from: Point(content.minX, ruleY), to: Point(content.maxX, ruleY)),
                                    stroke: StrokeStyle(color: style.colors.rule, width: 0.5))))
        return items
    }

    /// Footer items for page `number` (1-based) of `count`.
    func footer(page number: Int, of count: Int) -> [DisplayItem] {
        let content = template.contentRect
        let text = Self.footerText(page: number, of: count, language: language)
        let w = typesetter.width(text, font)
        let baseline = content.maxY + max(font.ascent + 8, template.margins.bottom * 0.45)
        return [.text(TextItem(text: text, font: font, color: style.colors.muted, origin: Point(content.midX - w / 2, baseline), width: w))]
    }
}
