import PortalCore

/// The text of a new content file, as `portal new` writes it: the given fields with their
/// values, every other field of the kind commented out, and on every line a comment from
/// the field catalog saying what belongs there.
///
/// Nothing is invented: a field is written only with a value the editor gave; every
/// other field stays a comment (`# status: null`) until the editor fills it in from the
/// source. The file then reads as the kind's whole field list with its documentation.
public struct NewFileTemplate: Sendable {
    public var kind: EntityKind
    /// Values of top-level fields, as plain text (not yet YAML): `title`, `id`, parents.
    public var values: [String: String]
    /// Where the kind's JSON Schema is, relative to the new file's folder; written as the
    /// YAML language server's modeline so that an editor that reads it checks the fields.
    public var schemaPath: String?

    public init(kind: EntityKind, values: [String: String], schemaPath: String? = nil) {
        self.kind = kind
        self.values = values
        self.schemaPath = schemaPath
    }

    /// The column the comments start in, as in README's examples.
    static let commentColumn = 33

    public var text: String {
        var lines = ["---"]
        if let schemaPath { lines.append("# yaml-language-server: $schema=\(schemaPath)") }
        for field in FieldCatalog.fields(for: kind) {
            if field.type == .kind {
                lines.append(Self.line("kind: \(kind.rawValue)", field))
            } else if let value = values[field.name] {
                lines.append(Self.line("\(field.name): \(Self.scalar(value, for: field))", field))
            } else {
                lines += Self.commentedOut(field, indent: "", first: "")
            }
        }
        lines.append("# After the closing '---': " + FieldCatalog.body(of: kind))
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Lines

    private static func line(_ code: String, _ field: FieldSpec, inEntry: Bool = false) -> String {
        let comment = "# " + explanation(of: field, inEntry: inEntry)
        let padding = max(1, commentColumn - 1 - code.count)
        return code + String(repeating: " ", count: padding) + comment
    }

    /// A field not given, as comment lines an editor uncomments to fill in. `first` is
    /// what stands before the name on the first line ("- " for the first field of an entry).
    private static func commentedOut(_ field: FieldSpec, indent: String, first: String, inEntry: Bool = false) -> [String] {
        let lead = "# " + indent + first
        switch field.type {
        case .objects(let fields):
            var lines = [line(lead + "\(field.name):", field, inEntry: inEntry)]
            let inner = indent + (first.isEmpty ? "" : "  ") + "  "
            for (index, subfield) in fields.enumerated() {
                lines += commentedOut(subfield, indent: index == 0 ? inner : inner + "  ", first: index == 0 ? "- " : "", inEntry: true)
            }
            return lines
        case .fields(let fields):
            let inner = indent + (first.isEmpty ? "" : "  ") + "  "
            return [line(lead + "\(field.name):", field, inEntry: inEntry)]
                + fields.flatMap { commentedOut($0, indent: inner, first: "", inEntry: true) }
        default:
            return [line(lead + "\(field.name): \(emptyValue(of: field.type))", field, inEntry: inEntry)]
        }
    }

    /// What a field not given is written as, once uncommented: nothing given.
    private static func emptyValue(of type: FieldType) -> String {
        switch type {
        case .references, .texts, .wholeNumbers: "[]"
        case .flag: "false"
        default: "null"
        }
    }

    private static func explanation(of field: FieldSpec, inEntry: Bool) -> String {
        var notes: [String] = []
        switch field.type {
        case .choice, .reference, .references, .wholeNumber, .wholeNumbers, .flag, .identifier, .webAddress, .texts, .paragraphNumber, .date:
            notes.append(field.type.phrase)
        case .kind, .text, .markdown, .objects, .fields:
            break
        }
        switch field.requirement {
        case .required: notes.append(inEntry ? "required in each entry" : "required")
        case .requiredWhen(let condition): notes.append("required when \(condition)")
        case .optional: break
        }
        return field.summary + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
    }

    // MARK: Values

    /// A value as YAML: titles and other texts always in double quotes (a title may hold
    /// ': ', '#' or start with a character YAML reads otherwise); ids and choices plain,
    /// unless YAML would read them as a number, a yes/no or null.
    static func scalar(_ value: String, for field: FieldSpec) -> String {
        switch field.type {
        case .identifier, .reference, .choice:
            return needsQuotes(value) ? quoted(value) : value
        default:
            return quoted(value)
        }
    }

    static func needsQuotes(_ value: String) -> Bool {
        guard Slug.isValid(value), let first = value.unicodeScalars.first else { return true }
        return ("0"..."9").contains(first) || ["null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(value)
    }

    /// A YAML double-quoted scalar: backslashes and quotes escaped, and every character
    /// that is no printable text (controls, line and paragraph separators, byte-order
    /// mark) written as an escape, so the value reads back exactly as given.
    public static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || [0x2028, 0x2029, 0xFEFF].contains(scalar.value):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
