/// The file formats Dossier writes: the report as PDF, charts as PNG, SVG or one-page PDF.
public enum OutputFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case pdf, png, svg

    /// The file extension (without the dot).
    public var fileExtension: String { rawValue }
}
