/// Refuses front matter nested deeper than content ever is, before the YAML library's
/// recursion meets it (10,000 nested brackets would exhaust the stack).
extension RecordDecoder {
    /// The place where flow brackets or indentation first go deeper than allowed.
    static func excessiveNesting(in yaml: String) -> (line: Int, column: Int)? {
        // Bytes, not characters: this runs over every file and only looks at ASCII.
        var depth = 0, line = 1, column = 0, indent = 0
        var inIndent = true
        var quote: UInt8?
        for byte in yaml.utf8 {
            if byte & 0xC0 != 0x80 { column += 1 }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
                indent = 0
                inIndent = true
                continue
            }
            if inIndent {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                    indent += 1
                    if indent > maximumNesting * 4 { return (line, column) }
                } else {
                    inIndent = false
                }
            }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if column == 1 || depth > 0 { quote = byte }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumNesting { return (line, column) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                break
            }
        }
        return nil
    }
}
