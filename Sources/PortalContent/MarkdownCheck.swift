import PortalCore
import PortalMarkdown
import Yams

/// Checks the Markdown of one content file while it is decoded: its body and every
/// front-matter field that pages show as Markdown.
///
/// The limits (`MarkdownBudget`) are errors found by a line scan before cmark reads the
/// text, so that no file can make the build parse something that costs gigabytes. They
/// are found here, once per file, rather than while pages are rendered, where one text
/// is rendered on several pages and nothing knows its place.
struct MarkdownCheck {
    /// The front-matter fields shown as Markdown, as paths below the root mapping; `*`
    /// stands for each element of a list. Keep in step with what the pages render.
    static let fields: [EntityKind: [[String]]] = [
        .document: [["contact"], ["local_themes", "*", "description"]],
        .item: [
            ["status_text"],
            ["activities", "*", "title"], ["activities", "*", "text"], ["activities", "*", "status_text"],
            ["goals", "*"], ["success_criteria", "*"], ["milestones", "*", "text"],
        ],
    ]

    let file: SourceFile
    /// Added to Yams' lines, which count from the start of the front matter.
    let lineOffset: Int

    func diagnostics(kind: EntityKind, root: Node, frontMatter: FrontMatter) -> [Diagnostic] {
        let fieldTexts = (Self.fields[kind] ?? []).flatMap { Self.scalars(at: $0[...], in: root) }.map { scalar, mark in
            PlacedText(text: scalar.string, origin: .scalar(scalar, at: location(of: mark)))
        }
        let body = PlacedText(text: frontMatter.body, origin: .slice(line: frontMatter.bodyLine, column: 1))

        // Every text is counted before any is parsed.
        var budget = MarkdownBudget()
        var problems: [(text: PlacedText, line: Int, column: Int, diagnostic: (SourceLocation) -> Diagnostic)] = []
        for text in fieldTexts + [body] {
            for violation in budget.spend(text.text) {
                problems.append((text, violation.line, violation.column, { Self.error(violation, at: $0) }))
            }
        }
        guard !problems.isEmpty else { return [] }
        // Only front-matter values need the file's lines; the body is not split.
        let lines = file.text.split(separator: "\n", maxSplits: frontMatter.bodyLine, omittingEmptySubsequences: false)
        return problems.map { problem in
            problem.diagnostic(problem.text.location(line: problem.line, column: problem.column, in: lines, file: file))
        }
    }

    private func location(of mark: Mark?) -> SourceLocation {
        guard let mark else { return file.location(line: lineOffset + 1) }
        return file.location(line: mark.line + lineOffset, column: mark.column)
    }

    /// The non-null scalars at `path` below `node`, with where each is written.
    private static func scalars(at path: ArraySlice<String>, in node: Node) -> [(Node.Scalar, Mark?)] {
        guard let step = path.first else {
            guard let scalar = node.scalar, !YAMLFields.isNull(node) else { return [] }
            return [(scalar, node.mark)]
        }
        if step == "*" {
            return (node.sequence.map(Array.init) ?? []).flatMap { scalars(at: path.dropFirst(), in: $0) }
        }
        return node.mapping?[step].map { scalars(at: path.dropFirst(), in: $0) } ?? []
    }

    // MARK: Messages

    static func error(_ violation: MarkdownBudget.Violation, at location: SourceLocation) -> Diagnostic {
        switch violation.kind {
        case .nesting:
            return .error(at: location, "Markdown is nested more than \(MarkdownBudget.maximumNesting) levels deep here (each '>' and list marker at the start of a line counts a level, and so do every 2 spaces of indentation before one)",
                          hint: "no document needs this depth; remove the extra '>' or list markers")
        case .size(let bytes):
            return .error(at: location, "this file has more than \(MarkdownBudget.maximumBytes / 1024) KiB of Markdown text (\(bytes / 1024) KiB up to the end of this text)",
                          hint: "split the text into several files")
        case .tableColumns:
            return .error(at: location, "a table row has more than \(MarkdownBudget.maximumTableColumns) cells",
                          hint: "split the table into narrower ones")
        case .tableCells:
            return .error(at: location, "the tables of this file have more than \(MarkdownBudget.maximumTableCells) cells (each line up to the next blank line is a row as wide as the header)",
                          hint: "split the tables, or end each one with a blank line")
        case .brackets:
            return .error(at: location, "more than \(MarkdownBudget.maximumBracketsPerParagraph) '[' in one paragraph; Markdown this dense takes too long to read",
                          hint: "separate paragraphs with blank lines, or write '\\[' for a bracket that is not a link")
        case .referenceExpansion(let definition, let uses):
            return .error(at: location, "this paragraph could be a link definition of \(definition) bytes used by up to \(uses) links, more than \(MarkdownBudget.maximumReferenceExpansion / 1024) KiB of page",
                          hint: "write the address in each link as [text](address), or shorten the paragraph")
        }
    }
}

/// A Markdown text and how a place in it maps to a place in its file.
struct PlacedText {
    enum Origin {
        /// The text is a verbatim part of the file that starts at this line and column.
        case slice(line: Int, column: Int)
        /// A front-matter value that starts here.
        case scalar(Node.Scalar, at: SourceLocation)
    }

    var text: String
    var origin: Origin

    /// The place in the file of `line` and `column` (1-based, in Unicode scalars) of the text.
    /// Exact for the body, for `|` blocks and for one-line values; for a value YAML folds
    /// or unescapes, the value's start.
    func location(line: Int, column: Int, in fileLines: [Substring], file: SourceFile) -> SourceLocation {
        switch origin {
        case .slice(let first, let firstColumn):
            return file.location(line: first + line - 1, column: line == 1 ? firstColumn + column - 1 : column)
        case .scalar(let scalar, let start):
            let textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            func fileLine(_ number: Int) -> Substring? {
                number >= 1 && number <= fileLines.count ? fileLines[number - 1] : nil
            }
            switch scalar.style {
            case .literal:
                // The value's lines follow the `|` line, each after the block's indentation.
                guard let first = textLines.firstIndex(where: { !$0.isEmpty }),
                      let written = fileLine(start.line + 1 + first),
                      written.hasSuffix(textLines[first]) else { return start }
                let indentation = written.unicodeScalars.count - textLines[first].unicodeScalars.count
                return file.location(line: start.line + line, column: indentation + column)
            case .plain, .singleQuoted, .doubleQuoted:
                let quote = scalar.style == .plain ? 0 : 1
                guard textLines.count == 1, let written = fileLine(start.line),
                      written.unicodeScalars.dropFirst(start.column - 1 + quote).starts(with: text.unicodeScalars) else { return start }
                return file.location(line: start.line, column: start.column + quote + column - 1)
            default:
                return start
            }
        }
    }
}
