import Foundation

/// Reads what a tagged PDF tells assistive technology, through qpdf (independent of Dossier's own PDF code):
/// the catalogue, the structure tree in order, and which painted content is marked.
public struct PDFStructureReader {
    public struct Element: Equatable, Sendable {
        public var role: String
        public var depth: Int
        public var alternative: String?
        /// A table header cell's `/Scope` attribute ("Column", "Row"), without the slash.
        public var scope: String? = nil
    }

    public let path: String
    public let objects: [String: Any]
    public let catalog: [String: Any]
    /// Structure elements depth first, without MCR/OBJR kids.
    public private(set) var elements: [Element] = []

    public init(pdf bytes: [UInt8]) throws {
        let file = NSTemporaryDirectory() + "dossier-test-\(UUID().uuidString).pdf"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        try self.init(path: file)
    }

    public init(path: String) throws {
        self.path = path
        let json = try Self.run("qpdf", ["--json", "--json-stream-data=none", path])
        guard let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let qpdf = root["qpdf"] as? [Any], qpdf.count > 1, let objects = qpdf[1] as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.objects = objects
        let trailer = (objects["trailer"] as? [String: Any])?["value"] as? [String: Any] ?? [:]
        catalog = Self.dictionary(objects, trailer["/Root"]) ?? [:]
        if let tree = Self.dictionary(objects, catalog["/StructTreeRoot"]) {
            for kid in Self.kids(tree["/K"]) { visit(kid, depth: 0) }
        }
    }

    /// Runs a tool and returns its standard output (standard error is dropped: qpdf warns there).
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    public static func dictionary(_ objects: [String: Any], _ reference: Any?) -> [String: Any]? {
        if let direct = reference as? [String: Any] { return direct }
        guard let ref = reference as? String, let object = objects["obj:" + ref] as? [String: Any] else { return nil }
        return object["value"] as? [String: Any] ?? (object["stream"] as? [String: Any])?["dict"] as? [String: Any]
    }

    static func kids(_ k: Any?) -> [Any] {
        if let list = k as? [Any] { return list }
        return k.map { [$0] } ?? []
    }

    /// A PDF text string as qpdf writes it in JSON ("u:…" or "b:…" hex).
    public static func text(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        if s.hasPrefix("u:") { return String(s.dropFirst(2)) }
        return s
    }

    private mutating func visit(_ reference: Any, depth: Int) {
        guard let element = Self.dictionary(objects, reference), let role = element["/S"] as? String,
              (element["/Type"] as? String) != "/MCR", (element["/Type"] as? String) != "/OBJR" else { return }
        let scope = ((element["/A"] as? [String: Any])?["/Scope"] as? String).map { String($0.dropFirst()) }
        elements.append(Element(role: String(role.dropFirst()), depth: depth, alternative: Self.text(element["/Alt"]), scope: scope))
        for kid in Self.kids(element["/K"]) { visit(kid, depth: depth + 1) }
    }

    public var roles: [String] { elements.map(\.role) }
    public var language: String? { Self.text(catalog["/Lang"]) }
    public var displaysTitle: Bool { ((catalog["/ViewerPreferences"] as? [String: Any])?["/DisplayDocTitle"] as? Bool) == true }

    /// The XMP metadata stream as text.
    public func metadata() throws -> String {
        guard let ref = catalog["/Metadata"] as? String, let number = ref.split(separator: " ").first else { return "" }
        return try Self.run("qpdf", ["--show-object=\(number)", "--filtered-stream-data", path])
    }

    /// Painting and text-showing operators of every page, counted by what encloses them: the outermost
    /// marked-content tag (`Artifact`, or a structure tag with an MCID) or nothing at all.
    public func paintedContent() throws -> (tagged: Int, artifacts: Int, unmarked: [String]) {
        let qdf = path + ".qdf.pdf"
        _ = try Self.run("qpdf", ["--qdf", "--object-streams=disable", path, qdf])
        let data = try Data(contentsOf: URL(fileURLWithPath: qdf))
        let text = String(decoding: data.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        let painting: Set<Substring> = ["f", "f*", "F", "S", "s", "B", "B*", "b", "b*", "Tj", "TJ", "Do", "sh", "'", "\""]
        var tagged = 0, artifacts = 0, unmarked: [String] = []
        var inPage = false, inStream = false
        var stack: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("%% Contents for page") { inPage = true; continue }
            if inPage && line == "stream" { inStream = true; stack = []; continue }
            if inStream && line == "endstream" { inStream = false; inPage = false; continue }
            guard inStream, let op = line.split(separator: " ").last else { continue }
            if op == "BDC" || op == "BMC" { stack.append(line.split(separator: " ")[0]); continue }
            if op == "EMC" { _ = stack.popLast(); continue }
            let shown = line.hasSuffix("Tj") || line.hasSuffix("TJ")
            guard painting.contains(op) || shown else { continue }
            if stack.first == "/Artifact" { artifacts += 1 } else if stack.isEmpty { unmarked.append(String(line)) } else { tagged += 1 }
        }
        return (tagged, artifacts, unmarked)
    }
}
