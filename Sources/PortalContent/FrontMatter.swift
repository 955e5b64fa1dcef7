import PortalCore

/// A content file split into its YAML front matter and its Markdown body.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML text between the two `---` lines.
    public var yaml: String
    /// Line in the file where the YAML starts (the line after the first `---`).
    public var yamlLine: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// Line in the file where the body starts.
    public var bodyLine: Int

    /// Splits `file`. The front matter must start on the first line with `---` and end
    /// with a line that is exactly `---` (or `...`).
    public static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let text = file.text[...]
        // Walk line by line only as far as the closing fence; the body is not split.
        var lineStart = text.startIndex
        var lineNumber = 0
        var yamlStart: Substring.Index?
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd].trimmingTrailingSpaces()
            lineNumber += 1
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            if let start = yamlStart {
                if line == "---" || line == "..." {
                    var yaml = String(text[start..<lineStart])
                    if yaml.hasSuffix("\n") { yaml.removeLast() }
                    return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: String(text[next...]), bodyLine: lineNumber + 1))
                }
            } else {
                guard line == "---" else {
                    return .failure(.error(
                        at: file.location(line: 1),
                        "file must start with front matter: a line '---', the fields, and a closing '---'",
                        hint: "add '---' as the first line, then 'kind: ...', 'id: ...', 'title: ...', then '---'"))
                }
                yamlStart = next
            }
            lineStart = next
        }
        if yamlStart == nil {
            return .failure(.error(
                at: file.location(line: 1), "file must start with front matter: a line '---', the fields, and a closing '---'",
                hint: "add '---' as the first line, then 'kind: ...', 'id: ...', 'title: ...', then '---'"))
        }
        return .failure(.error(
            at: file.location(line: 1), "front matter is not closed: no line '---' after the fields",
            hint: "add a line with only '---' after the last field, before the text"))
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
