import Geometry

/// A minimal RFC 4180 CSV reader that keeps the line number where each record starts.
/// Lines starting with `#` outside quotes are comments; blank lines are skipped.
public struct CSVReader {
    public struct Record {
        public var fields: [String]
        public var line: Int
    }

    /// Parses text into records; an unterminated quote is reported at the line where it opened.
    public static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var atRecordStart = true
        var afterQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(fields: fields, line: recordLine)) }
            fields = []
            atRecordStart = true
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; afterQuote = true; pending = n }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            if atRecordStart {
                recordLine = line
                if c == "#" {
                    while let n = next(), n != "\n" {}
                    line += 1
                    continue
                }
                atRecordStart = false
            }
            switch c {
            case "\"":
                if field.isEmpty && !afterQuote { inQuotes = true; quoteLine = line } else { field.unicodeScalars.append(c) }
            case ",":
                fields.append(field); field = ""; afterQuote = false
            case "\n":
                endRecord(); afterQuote = false
                line += 1
            default:
                if afterQuote {
                    diagnostics.append(.error("unexpected text after a closing quote", at: SourceLocation(file: file, line: line),
                                              hint: "double a quote inside a quoted field (\"\"), or quote the whole field", code: "csv-syntax"))
                    afterQuote = false
                }
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes {
            diagnostics.append(.error("a quoted field is never closed", at: SourceLocation(file: file, line: quoteLine),
                                      hint: "add the closing \" (a quote inside a field is written as \"\")", code: "csv-syntax"))
        }
        if !atRecordStart || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// Checks the header row and returns the data records, each padded/validated to the header's width.
    public static func table(_ text: String, file: String, columns expected: [String], required: Set<String>,
                             diagnostics: inout [Diagnostic]) -> [(line: Int, row: [String: String])] {
        let records = parse(text, file: file, diagnostics: &diagnostics)
        guard let header = records.first else {
            diagnostics.append(.error("file has no header row", at: SourceLocation(file: file, line: 1), hint: "the first row must be: \(expected.joined(separator: ","))", code: "csv-header"))
            return []
        }
        let names = header.fields.map { $0.trimmedSpaces }
        var ok = true
        for (i, name) in names.enumerated() where !expected.contains(name) {
            diagnostics.append(.error("unknown column '\(name)'", at: SourceLocation(file: file, line: header.line, column: i + 1),
                                      hint: Suggestion.hint(for: name, in: expected), code: "csv-header"))
            ok = false
        }
        for name in expected where required.contains(name) && !names.contains(name) {
            diagnostics.append(.error("missing column '\(name)'", at: SourceLocation(file: file, line: header.line),
                                      hint: "the header must be: \(expected.joined(separator: ","))", code: "csv-header"))
            ok = false
        }
        guard ok else { return [] }
        var out: [(line: Int, row: [String: String])] = []
        out.reserveCapacity(records.count)
        for record in records.dropFirst() {
            if record.fields.count != names.count {
                diagnostics.append(.error("row has \(record.fields.count) fields but the header has \(names.count)",
                                          at: SourceLocation(file: file, line: record.line),
                                          hint: "quote fields that contain commas", code: "csv-columns"))
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
