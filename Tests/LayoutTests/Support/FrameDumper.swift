import Foundation
import Geometry

/// A deterministic text dump of a document's display lists, for golden tests: one line per item,
/// coordinates rounded to 0.1 pt, groups indented.
enum FrameDumper {
    static func dump(_ document: Document) -> String {
        var out = "document language=\(document.language) pages=\(document.pages.count)\n"
        let m = document.metadata
        out += "metadata title=\(q(m.title)) author=\(q(m.author)) subject=\(q(m.subject)) keywords=\(q(m.keywords)) creator=\(q(m.creator)) date=\(m.date)\n"
        func outline(_ entries: [OutlineEntry], depth: Int) {
            for e in entries {
                out += String(repeating: "  ", count: depth + 1) + "outline \(q(e.title)) -> \(e.destination)\n"
                outline(e.children, depth: depth + 1)
            }
        }
        outline(document.outline, depth: 0)
        for (index, page) in document.pages.enumerated() {
            out += "page \(index + 1) label=\(page.label ?? "-") size=\(n(page.size.width))x\(n(page.size.height))\n"
            dump(page.items, depth: 1, into: &out)
        }
        return out
    }

    static func dump(_ items: [DisplayItem], depth: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: depth)
        for item in items {
            switch item {
            case .text(let t):
                let style = (t.font.bold ? " bold" : "") + (t.font.italic ? " italic" : "")
                out += pad + "text \(q(t.text)) at \(p(t.origin)) w=\(n(t.width)) size=\(n(t.font.size))\(style) \(t.color.hex)\n"
            case .path(let path):
                let b = path.path.bounds.map(r) ?? "empty"
                let fill = path.fill.map { " fill=\($0.hex)" } ?? ""
                let stroke = path.stroke.map { " stroke=\($0.color.hex)/\(n($0.width))" + ($0.dash.isEmpty ? "" : " dash") } ?? ""
                out += pad + "path \(b)\(fill)\(stroke) elements=\(path.path.elements.count)\n"
            case .image(let image):
                out += pad + "image \(r(image.rect)) \(image.png.count)B\n"
            case .link(let link):
                let target: String
                switch link.target {
                case .uri(let uri): target = uri
                case .destination(let name): target = "#" + name
                }
                out += pad + "link \(r(link.rect)) -> \(target)\n"
            case .destination(let name, let point):
                out += pad + "dest \(name) at \(p(point))\n"
            case .group(let group) where group.tag != nil && group.transform.isIdentity && group.clip == nil:
                // A structure tag: no geometry, so only its role (and alternative text) is shown.
                let tag = group.tag.map { $0.role.rawValue + ($0.alternative.map { " alt=" + q($0) } ?? "") } ?? ""
                out += pad + "tag \(tag)\n"
                dump(group.items, depth: depth + 1, into: &out)
            case .group(let group):
                let t = group.transform
                out += pad + (group.tag.map { "tag \($0.role.rawValue) " } ?? "") + "group translate=\(n(t.tx)),\(n(t.ty)) scale=\(n(t.a)),\(n(t.d))" + (group.clip.map { " clip=\(r($0))" } ?? "") + "\n"
                dump(group.items, depth: depth + 1, into: &out)
            }
        }
    }

    static func n(_ v: Double) -> String {
        let rounded = (v * 10).rounded() / 10
        let s = String(format: "%.1f", rounded == 0 ? 0 : rounded)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }
    static func p(_ point: Point) -> String { "\(n(point.x)),\(n(point.y))" }
    static func r(_ rect: Rect) -> String { "[\(n(rect.minX)),\(n(rect.minY)) \(n(rect.width))x\(n(rect.height))]" }
    static func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\n", with: "\\n") + "\"" }
}
