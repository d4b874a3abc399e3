import TestSupport
import Foundation
import Geometry

/// A deterministic text form of a frame for golden tests: one line per item, coordinates rounded to 0.1 pt.
enum FrameDump {
    static func dump(_ frame: Frame) -> String {
        var lines = ["frame \(n(frame.size.width))x\(n(frame.size.height))"]
        dump(frame.items, indent: "", into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func dump(_ items: [DisplayItem], indent: String, into lines: inout [String]) {
        for item in items {
            switch item {
            case .text(let t):
                let style = (t.font.bold ? "b" : "") + (t.font.italic ? "i" : "")
                lines.append("\(indent)text \"\(t.text)\" at \(n(t.origin.x)),\(n(t.origin.y)) w=\(n(t.width)) \(n(t.font.size))\(style) \(t.color.hex)")
            case .path(let p):
                var s = "\(indent)path"
                if let fill = p.fill { s += " fill=\(fill.hex)" }
                if let stroke = p.stroke {
                    s += " stroke=\(stroke.color.hex)@\(n(stroke.width))"
                    if !stroke.dash.isEmpty { s += " dash=" + stroke.dash.map(n).joined(separator: ",") }
                }
                s += " " + p.path.elements.map(element).joined(separator: " ")
                lines.append(s)
            case .group(let g):
                lines.append("\(indent)group tx=\(n(g.transform.tx)) ty=\(n(g.transform.ty))")
                dump(g.items, indent: indent + "  ", into: &lines)
            case .image(let i):
                lines.append("\(indent)image \(i.png.count)B")
            case .link(let l):
                lines.append("\(indent)link \(l.target)")
            case .destination(let name, let p):
                lines.append("\(indent)dest \(name) \(n(p.x)),\(n(p.y))")
            }
        }
    }

    private static func element(_ e: PathElement) -> String {
        switch e {
        case .move(let p): return "M\(n(p.x)),\(n(p.y))"
        case .line(let p): return "L\(n(p.x)),\(n(p.y))"
        case .curve(let a, let b, let p): return "C\(n(a.x)),\(n(a.y)),\(n(b.x)),\(n(b.y)),\(n(p.x)),\(n(p.y))"
        case .close: return "Z"
        }
    }

    /// One decimal, with no "-0.0".
    static func n(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return String(format: "%.1f", r == 0 ? 0 : r)
    }
}

/// The chart goldens in `Goldens/` (see `GoldenFile` for how one is accepted).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    /// nil when the dump matches, else a description of the first difference.
    static func check(_ text: String, name: String) -> String? {
        GoldenFile.check(text, name: name, directory: directory)
    }
}
