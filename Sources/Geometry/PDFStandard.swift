/// A PDF standard a document can be asked to meet.
public enum PDFStandard: String, Hashable, Sendable, CaseIterable {
    /// PDF/UA-1 (ISO 14289-1): universal accessibility.
    case ua1 = "ua-1"
    /// PDF/A-2b (ISO 19005-2, basic conformance): archival; fonts embedded, an sRGB output intent, XMP metadata
    /// that agrees with the document information.
    case a2b = "a-2b"

    /// The names a spec or the command line may use, for hints ("ua-1, a-2b").
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
