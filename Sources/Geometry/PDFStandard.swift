/// A PDF standard a document can be asked to meet.
public enum PDFStandard: String, Hashable, Sendable, CaseIterable {
    /// PDF/UA-1 (ISO 14289-1): universal accessibility.
    case ua1 = "ua-1"
}
