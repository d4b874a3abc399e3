import Foundation
import Geometry

/// Reads an input file as UTF-8 text and reports the common ways a file arrives broken.
///
/// A BOM is dropped and CRLF line endings are normalised, each with a warning, so a file saved by a
/// spreadsheet still loads; invalid UTF-8 and empty files are errors that say where and what to do.
public enum TextFile {
    /// Largest input accepted (a spec or dataset file); larger files are refused instead of exhausting memory.
    public static let maximumBytes = 64 * 1024 * 1024

    public static func read(_ path: String, diagnostics: inout [Diagnostic]) -> String? {
        let location = SourceLocation(file: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.append(.error("file not found", at: location, hint: "check the path; relative paths resolve against the spec's folder",
                                      code: .fileNotFound))
            return nil
        }
        guard !isDirectory.boolValue else {
            diagnostics.append(.error("expected a file but found a folder", at: location, code: .notAFile))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(.error("file cannot be read", at: location, hint: "check its permissions", code: .unreadable))
            return nil
        }
        return decode(Array(data), path: path, diagnostics: &diagnostics)
    }

    public static func decode(_ input: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> String? {
        var bytes = input[...]
        let location = SourceLocation(file: path)
        guard bytes.count <= maximumBytes else {
            diagnostics.append(.error("file is \(bytes.count / 1_048_576) MB, over the \(maximumBytes / 1_048_576) MB limit",
                                      at: location, code: .tooLarge))
            return nil
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
            diagnostics.append(.warning("file starts with a UTF-8 byte order mark; it was ignored", at: SourceLocation(file: path, line: 1, column: 1),
                                        hint: "save the file as UTF-8 without BOM", code: .bom))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            diagnostics.append(.error("file is UTF-16 encoded", at: location, hint: "save it as UTF-8", code: .encoding))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            diagnostics.append(.error("file is not valid UTF-8", at: SourceLocation(file: path, line: line, column: column),
                                      hint: "save it as UTF-8 (a spreadsheet's \"CSV UTF-8\" option); GBK/GB18030 files must be converted, e.g. iconv -f GB18030 -t UTF-8",
                                      code: .encoding))
            return nil
        }
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[bytes.startIndex..<nul].filter { $0 == 0x0A }.count + 1
            diagnostics.append(.error("file contains a NUL byte", at: SourceLocation(file: path, line: line),
                                      hint: "it is probably not a text file, or was saved in UTF-16", code: .encoding))
            return nil
        }
        // Byte checks: Foundation's string searches convert the whole file to UTF-16 first.
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            diagnostics.append(.error("file is empty", at: location, code: .emptyFile))
            return nil
        }
        if text.utf8.contains(0x0D) {
            diagnostics.append(.warning("file has CRLF (Windows) line endings; they were read as LF", at: location,
                                        hint: "save with LF line endings to keep diffs clean", code: .crlf))
            return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// The 1-based line and column (in bytes) of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1, column = 1
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard i + length <= bytes.endIndex else { return (line, column) }
            for j in 1..<length where bytes[i + j] & 0xC0 != 0x80 { return (line, column) }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column)
    }
}
