/// README's table of which fields each kind requires and which are optional, made from
/// the field catalog (`portal schema --markdown` prints it), so that what editors read is
/// what the reader does.
public enum FieldTable {
    /// The table, with the note under it, as Markdown lines.
    public static var markdown: String {
        var lines = [
            "| file | required | optional |",
            "|---|---|---|",
        ]
        for kind in EntityKind.allCases {
            lines.append(row("`kind: \(kind.rawValue)`", FieldCatalog.fields(for: kind)))
        }
        lines.append(row("`site.yaml`", FieldCatalog.site))
        lines += [
            "",
            "In a list of entries (`local_themes`, `activities` ...) or a set of fields (`labels`, `paths`), the fields of",
            "each entry are in brackets; those marked \\* are required in every entry.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func row(_ file: String, _ fields: [FieldSpec]) -> String {
        let required = fields.filter(\.isRequired).map(describe)
        let optional = fields.filter { !$0.isRequired }.map(describe)
        return "| \(file) | \(required.joined(separator: ", ")) | \(optional.joined(separator: ", ")) |"
    }

    private static func describe(_ field: FieldSpec) -> String {
        var text = "`\(field.name)`"
        if case .requiredWhen(let condition) = field.requirement { text += " (required when \(condition))" }
        let subfields = field.subfields
        if !subfields.isEmpty {
            text += " (" + subfields.map { describe($0) + ($0.isRequired ? "\\*" : "") }.joined(separator: ", ") + ")"
        }
        return text
    }
}
