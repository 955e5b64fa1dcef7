/// A JSON value that keeps its keys in the order they are given, written as indented
/// text: generated files (the front-matter schemas) read in a fixed, reviewable order and
/// come out byte for byte the same on every run, so a test can compare them with the
/// committed copies.
indirect enum JSONText: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])

    static func == (lhs: JSONText, rhs: JSONText) -> Bool { lhs.text == rhs.text }

    /// The value as JSON, indented by two spaces, ending in a line break.
    var text: String { written(indent: "") + "\n" }

    private func written(indent: String) -> String {
        switch self {
        case .string(let value): return Self.quoted(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let elements):
            if elements.allSatisfy(\.isScalar) {
                return "[" + elements.map { $0.written(indent: indent) }.joined(separator: ", ") + "]"
            }
            let inner = indent + "  "
            return "[\n" + elements.map { inner + $0.written(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let inner = indent + "  "
            return "{\n" + members.map { inner + Self.quoted($0.0) + ": " + $0.1.written(indent: inner) }.joined(separator: ",\n")
                + "\n" + indent + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .string, .bool, .null: true
        case .array, .object: false
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else
    /// as UTF-8.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
