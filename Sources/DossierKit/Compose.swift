import Geometry
import Model
import Spec

/// A result with the diagnostics found while making it: every report gets its own, returned with it, never
/// carried through long-lived state (Typst's `Warned<T>`).
public struct Warned<Value: Sendable>: Sendable {
    public var value: Value
    public var diagnostics: [Diagnostic]
    public init(_ value: Value, diagnostics: [Diagnostic]) { self.value = value; self.diagnostics = diagnostics }

    /// True when a diagnostic is an error: the value must not be used for output.
    public var failed: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The compose stage: resolves a spec against its dataset into blocks and charts (which numbers, words and
/// entities a reader sees). Pure: no file I/O, no fonts or renderer, no globals; the same inputs give the same
/// content and diagnostics whatever else the process built before.
public func compose(_ spec: ReportSpec, dataset: Dataset, style: Style) -> Warned<ReportContent> {
    var builder = ReportBuilder(spec: spec, dataset: dataset, style: style)
    let content = builder.build()
    return Warned(content, diagnostics: builder.diagnostics)
}
