import Foundation
import Geometry
import Model
@testable import Layout

/// Shared fixtures: the briefing style with the fixed-width measurer, so every number is deterministic.
enum Fixture {
    /// The briefing style with Chinese–Latin spacing on, as these tests were written to check it too
    /// (the default, off, is checked in TypesettingTests).
    static let style: Style = {
        var s = Style.briefing
        s.cjkLatinSpace = true
        return s
    }()
    static let engine = LayoutEngine(style: style, measurer: FixedWidthMeasurer())
    static let content = style.page.contentRect

    static func zh(_ title: String = "电子政务发展简报") -> LayoutMetadata {
        LayoutMetadata(title: title, author: "研究组", subject: "排名", keywords: "电子政务", date: "2024-05-01", language: "zh-cn")
    }

    static func en(_ title: String = "E-Government Briefing") -> LayoutMetadata {
        LayoutMetadata(title: title, author: "Research team", date: "2024-05-01", language: "en")
    }

    static func layout(_ blocks: [Block], metadata: LayoutMetadata = zh(), style: Style = style)
        -> (document: Document, warnings: [Diagnostic]) {
        LayoutEngine(style: style, measurer: FixedWidthMeasurer()).layout(blocks, metadata: metadata)
    }

    /// Chinese prose of about `count` characters with punctuation every few characters.
    static func chinese(_ count: Int, seed: Int = 0) -> String {
        let words = ["数字政府", "建设", "取得", "显著", "进展", "，", "在线服务", "指数", "持续", "提升", "。", "各地",
                     "政务", "数据", "共享", "平台", "逐步", "完善", "；", "公众", "满意度", "明显", "提高", "、", "排名"]
        var out = ""
        var i = seed
        while out.count < count {
            out += words[i % words.count]
            i += 7
        }
        return out + "。"
    }

    static func para(_ text: String) -> Block { .paragraph([InlineSpan(text)]) }
}

extension Page {
    /// Text items with group offsets resolved.
    var texts: [TextItem] { Frame(size: size, items: items).flattenedTexts }
    /// The texts as a reader reads them: the quarter-em space at CJK–Latin boundaries counts as a space.
    var strings: [String] { texts.map { $0.text.replacingOccurrences(of: String(CJKSpacing.quarterEm), with: " ") } }

    /// Every leaf item with group translations applied (links and destinations included).
    var flatItems: [DisplayItem] {
        var out: [DisplayItem] = []
        func walk(_ items: [DisplayItem], dx: Double, dy: Double) {
            for item in items {
                if case .group(let group) = item {
                    walk(group.items, dx: dx + group.transform.tx, dy: dy + group.transform.ty)
                } else {
                    out.append(item.offsetBy(dx: dx, dy: dy))
                }
            }
        }
        walk(items, dx: 0, dy: 0)
        return out
    }

    var links: [LinkItem] { flatItems.compactMap { if case .link(let l) = $0 { return l } else { return nil } } }
    var destinations: [String] { flatItems.compactMap { if case .destination(let n, _) = $0 { return n } else { return nil } } }
}

extension Document {
    /// 0-based index of the page holding a destination.
    func page(ofDestination name: String) -> Int? { pages.firstIndex { $0.destinations.contains(name) } }
    /// 0-based index of the first page with a text item equal to `text`.
    func page(ofText text: String) -> Int? { pages.firstIndex { $0.strings.contains(text) } }
}

/// Counts measurer calls, to prove that layout cost grows linearly.
final class CountingMeasurer: TextMeasurer, @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0
    private let base = FixedWidthMeasurer()
    var count: Int { lock.lock(); defer { lock.unlock() }; return calls }
    func width(of text: String, font: FontSpec) -> Double {
        lock.lock(); calls += 1; lock.unlock()
        return base.width(of: text, font: font)
    }
}
