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
        var lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(.error(
                at: file.location(line: 1), "file must start with front matter: a line '---', the fields, and a closing '---'",
                hint: "add '---' as the first line, then 'kind: ...', 'id: ...', 'title: ...', then '---'"))
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lines = lines.dropFirst()
            lineNumber += 1
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed == "---" || trimmed == "..." {
                return .success(FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"), yamlLine: 2,
                    body: lines.joined(separator: "\n"), bodyLine: lineNumber + 1))
            }
            yamlLines.append(line)
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
