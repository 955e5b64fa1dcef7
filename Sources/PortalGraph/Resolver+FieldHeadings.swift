import PortalContent
import PortalCore
import PortalMarkdown

extension Resolver {
    /// An item's `##` headings name its fields ("Formål", "Baggrund"), so each needs a
    /// name, and one name may stand only once: a second "## Formål" would show as a second
    /// field of the same name, and an empty "##" as a field without a heading.
    mutating func checkFieldHeadings(_ fields: MarkdownFields, of record: ItemRecord) {
        var first: [String: (label: String, line: Int)] = [:]
        for field in fields.fields {
            // Field lines count from the body's first line; messages use the file's lines.
            let line = record.header.bodyLocation.line + field.line - 1
            let location = SourceLocation(path: record.header.bodyLocation.path, line: line)
            guard VisibleText.classify(field.label) == .visible else {
                diagnostics.append(.error(at: location, "empty '##' heading: a field needs a name",
                                          hint: "write the field's heading after '## ' as the source gives it, or remove the line"))
                continue
            }
            let name = field.label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if let earlier = first[name] {
                diagnostics.append(.error(at: location, "the field '## \(field.label)' is already in this file at line \(earlier.line)",
                                          hint: "put the text under the first '## \(earlier.label)', or give each part the heading the source gives it"))
            } else {
                first[name] = (field.label, line)
            }
        }
    }
}
