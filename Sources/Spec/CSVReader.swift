import Geometry

/// A minimal RFC 4180 CSV reader that keeps the line number where each record starts.
/// Lines starting with `#` outside quotes are comments; blank lines are skipped.
public struct CSVReader {
    public struct Record {
        public var fields: [String]
        public var line: Int
    }

    /// Parses text into records; an unterminated quote is reported at the line where it opened.
    /// Works on UTF-8 bytes (every delimiter is ASCII, so multi-byte characters pass through untouched).
    public static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> [Record] {
        var text = text
        return text.withUTF8 { bytes in parse(bytes, file: file, diagnostics: &diagnostics) }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, diagnostics: inout [Diagnostic]) -> [Record] {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, newline: UInt8 = 0x0A, hash: UInt8 = 0x23
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var fieldStarted = false   // a quoted field may be empty but still counts as started
        var inQuotes = false
        var afterQuote = false
        var atRecordStart = true
        var line = 1, recordLine = 1, quoteLine = 1
        var i = 0
        let n = bytes.count
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(fields: fields, line: recordLine)) }
            fields.removeAll(keepingCapacity: true)
            atRecordStart = true
        }
        while i < n {
            let c = bytes[i]
            if inQuotes {
                if c == quote {
                    if i + 1 < n, bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                    inQuotes = false
                    afterQuote = true
                } else {
                    if c == newline { line += 1 }
                    field.append(c)
                }
                i += 1
                continue
            }
            if atRecordStart {
                recordLine = line
                if c == hash {
                    while i < n, bytes[i] != newline { i += 1 }
                    i += 1
                    line += 1
                    continue
                }
                atRecordStart = false
            }
            switch c {
            case quote:
                if field.isEmpty && !afterQuote && !fieldStarted { inQuotes = true; fieldStarted = true; quoteLine = line } else { field.append(c) }
            case comma:
                endField(); afterQuote = false
            case newline:
                endRecord(); afterQuote = false
                line += 1
            default:
                if afterQuote {
                    diagnostics.append(.error("unexpected text after a closing quote", at: SourceLocation(file: file, line: line),
                                              hint: "double a quote inside a quoted field (\"\"), or quote the whole field", code: .csvSyntax))
                    afterQuote = false
                }
                field.append(c)
            }
            i += 1
        }
        if inQuotes {
            diagnostics.append(.error("a quoted field is never closed", at: SourceLocation(file: file, line: quoteLine),
                                      hint: "add the closing \" (a quote inside a field is written as \"\")", code: .csvSyntax))
        }
        if !atRecordStart || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// Checks the header row and returns the data records, each padded/validated to the header's width.
    public static func table(_ text: String, file: String, columns expected: [String], required: Set<String>,
                             diagnostics: inout [Diagnostic]) -> [(line: Int, row: [String: String])] {
        let records = parse(text, file: file, diagnostics: &diagnostics)
        guard let header = records.first else {
            diagnostics.append(.error("file has no header row", at: SourceLocation(file: file, line: 1), hint: "the first row must be: \(expected.joined(separator: ","))", code: .csvHeader))
            return []
        }
        let names = header.fields.map { $0.trimmedSpaces }
        var ok = true
        for (i, name) in names.enumerated() where !expected.contains(name) {
            diagnostics.append(.error("unknown column '\(name)'", at: SourceLocation(file: file, line: header.line, column: i + 1),
                                      hint: Suggestion.hint(for: name, in: expected), code: .csvHeader))
            ok = false
        }
        for name in expected where required.contains(name) && !names.contains(name) {
            diagnostics.append(.error("missing column '\(name)'", at: SourceLocation(file: file, line: header.line),
                                      hint: "the header must be: \(expected.joined(separator: ","))", code: .csvHeader))
            ok = false
        }
        guard ok else { return [] }
        var out: [(line: Int, row: [String: String])] = []
        out.reserveCapacity(records.count)
        for record in records.dropFirst() {
            if record.fields.count != names.count {
                diagnostics.append(.error("row has \(record.fields.count) fields but the header has \(names.count)",
                                          at: SourceLocation(file: file, line: record.line),
                                          hint: "quote fields that contain commas", code: .csvColumns))
                continue
            }
            var row: [String: String] = [:]
            for (name, value) in zip(names, record.fields) { row[name] = value }
            out.append((record.line, row))
        }
        return out
    }
}

import Foundation
