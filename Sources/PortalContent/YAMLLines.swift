import PortalCore

/// Turns libyaml's lines and columns into the file's, as editors count them.
///
/// libyaml (YAML 1.1) starts a new line after NEL (U+0085), LINE SEPARATOR (U+2028),
/// PARAGRAPH SEPARATOR (U+2029) and a carriage return as well as after `\n`; editors, and
/// the portal's diagnostics, only after `\n`. Text pasted from a PDF or a word processor
/// carries such breaks, and every place libyaml reports after one would otherwise point
/// at the wrong line, or past the end of the file. At the end of a text without a final
/// line break libyaml also reports the line after the last one.
struct YAMLLines: Sendable, Equatable {
    /// The file's number of lines (a final `\n` ends one more, empty, line).
    private var lineCount = 1
    /// Characters on the file's last line.
    private var lastLineWidth = 0
    /// For libyaml's line `n` (index `n - 1`): the file's line it lies on and how many
    /// characters of that line come before it. Nil when the text has no break but `\n`.
    private var starts: [Start]?

    private struct Start: Sendable, Equatable {
        var line: Int
        var columnsBefore: Int
    }

    init(_ text: String) {
        var sawOtherBreak = false
        for byte in text.utf8 {
            if byte == 0x0A {
                lineCount += 1
                lastLineWidth = 0
            } else if byte & 0xC0 != 0x80 {
                lastLineWidth += 1
                // The lead bytes of NEL and of the separators, and a carriage return.
                if byte == 0xC2 || byte == 0xE2 || byte == 0x0D { sawOtherBreak = true }
            }
        }
        if sawOtherBreak { starts = Self.starts(in: text) }
    }

    private static func starts(in text: String) -> [Start]? {
        var starts = [Start(line: 1, columnsBefore: 0)]
        var line = 1, column = 0, found = false
        var previous: Unicode.Scalar = "\0"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                // "\r\n" is one break to libyaml: its line was started at the "\r".
                if previous == "\r" { starts.removeLast() }
                starts.append(Start(line: line + 1, columnsBefore: 0))
                line += 1
                column = 0
            case "\r", "\u{85}", "\u{2028}", "\u{2029}":
                column += 1
                starts.append(Start(line: line, columnsBefore: column))
                found = true
            default:
                column += 1
            }
            previous = scalar
        }
        return found ? starts : nil
    }

    /// The file's line and column of libyaml's 1-based `line` and `column`.
    func position(line: Int, column: Int) -> (line: Int, column: Int) {
        var position = (line: line, column: column)
        if let starts, line >= 1 {
            if line <= starts.count {
                position = (starts[line - 1].line, starts[line - 1].columnsBefore + column)
            } else if let last = starts.last {
                position = (last.line + line - starts.count, column)
            }
        }
        // Past the end: the place is the end of the last line.
        return position.line > lineCount ? (lineCount, lastLineWidth + 1) : position
    }
}

extension SourceFile {
    /// The place of a YAML node or error, from libyaml's 1-based line (counted from the
    /// start of the file) and column.
    func location(yamlLine line: Int, column: Int) -> SourceLocation {
        let position = yamlLines.position(line: line, column: column)
        return location(line: position.line, column: position.column)
    }
}
