import Geometry
import Model

/// The caption over a table or a figure ("表 1  各国排名", "Figure 2  Rank changes"): one style for both, so
/// captions read as one series — the caption size in bold, at the left edge of the column, with the same
/// line pitch and the same space under it.
struct Caption: Sendable {
    let typesetter: Typesetter
    let width: Double

    var style: Style { typesetter.style }
    var font: FontSpec { style.bodyFont(size: style.sizes.caption, bold: true) }

    /// The caption's lines in a frame as wide as the column; nil when there is no text.
    func frame(_ text: String) -> Frame? {
        guard !text.trimmingSpaces.isEmpty else { return nil }
        let font = self.font
        let pitch = font.size * 1.5
        let lines = typesetter.lines(text, font: font, color: style.colors.text, width: width)
        var frame = Frame(size: Size(width, Double(lines.count) * pitch + font.size * 0.3))
        for (index, line) in lines.enumerated() {
            frame.append(contentsOf: typesetter.draw(line, x: 0, baseline: Double(index) * pitch + Typesetter.baseline(font: font, pitch: pitch),
                                                     width: width))
        }
        return frame
    }

    /// Number and title joined as captions are in printed reports: two spaces between.
    static func text(number: String, title: String) -> String {
        [number, title].filter { !$0.isEmpty }.joined(separator: "  ")
    }
}
