import PortalCore
import PortalMarkdown
import Yams

/// Checks the Markdown of one content file while it is decoded: its body and every
/// front-matter field that pages show as Markdown.
///
/// Two kinds of problem, both found here once per file rather than while pages are
/// rendered (where one text is rendered on several pages and nothing knows its place):
/// - limits (`MarkdownBudget`), errors found by a line scan before cmark reads the text,
///   so that no file can make the build parse something that costs gigabytes;
/// - what a page would silently drop or neutralise (`MarkdownFinding`): raw HTML, links
///   and images with addresses that are not allowed. Warnings, with the place and a
///   quote, so that an editor's text never vanishes without a word.
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

    /// Findings reported one by one per file; the rest are counted in one warning.
    static let findingsShown = 10

    let file: SourceFile
    /// Added to Yams' lines, which count from the start of the front matter.
    let lineOffset: Int

    func diagnostics(kind: EntityKind, root: Node, frontMatter: FrontMatter) -> [Diagnostic] {
        let fieldTexts = (Self.fields[kind] ?? []).flatMap { Self.scalars(at: $0[...], in: root) }.map { scalar, mark in
            PlacedText(text: scalar.string, origin: .scalar(scalar, at: location(of: mark)))
        }
        let body = PlacedText(text: frontMatter.body, origin: .slice(line: frontMatter.bodyLine, column: 1))

        // Every text is counted before any is parsed: a file past a limit is not parsed at all.
        var budget = MarkdownBudget()
        var problems: [(text: PlacedText, line: Int, column: Int, diagnostic: (SourceLocation) -> Diagnostic)] = []
        for text in fieldTexts + [body] {
            for violation in budget.spend(text.text) {
                problems.append((text, violation.line, violation.column, { Self.error(violation, at: $0) }))
            }
        }
        if problems.isEmpty {
            let renderer = MarkdownRenderer()
            // The body as the pages render it: an item's is split at its `##` headings.
            let bodyTexts = kind == .item ? Self.parts(of: frontMatter) : [body]
            let found = (fieldTexts + bodyTexts).filter { !MarkdownRenderer.isPlainLine($0.text) }.flatMap { text in
                renderer.findings(in: text.text).map { (text, $0) }
            }
            for (text, finding) in found.prefix(Self.findingsShown) {
                problems.append((text, finding.line, finding.column, { Self.warning(finding, at: $0) }))
            }
            if found.count > Self.findingsShown {
                let (text, next) = found[Self.findingsShown]
                let more = found.count - Self.findingsShown
                problems.append((text, next.line, next.column, { location in
                    .warning(at: location, "\(more) more places from here on in this file are not shown as written (raw HTML or refused addresses)",
                             hint: "fix the places above and build again to see each of them")
                }))
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

    /// An item's body text before its first `##` heading and under each heading, each
    /// placed where it starts in the file.
    private static func parts(of frontMatter: FrontMatter) -> [PlacedText] {
        let fields = MarkdownFields(splitting: frontMatter.body)
        let lines = frontMatter.body.split(separator: "\n", omittingEmptySubsequences: false)
        /// Where a part starts: the first character that is not blank, from line `first` of the body on.
        func start(fromLine first: Int) -> PlacedText.Origin {
            var index = max(0, first - 1)
            while index < lines.count, lines[index].allSatisfy({ " \t\r".contains($0) }) { index += 1 }
            let column = index < lines.count ? lines[index].prefix(while: { " \t\r".contains($0) }).unicodeScalars.count + 1 : 1
            return .slice(line: frontMatter.bodyLine + index, column: column)
        }
        var parts: [PlacedText] = []
        if !fields.intro.isEmpty { parts.append(PlacedText(text: fields.intro, origin: start(fromLine: 1))) }
        for field in fields.fields where !field.markdown.isEmpty {
            parts.append(PlacedText(text: field.markdown, origin: start(fromLine: field.line + 1)))
        }
        return parts
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

    static func warning(_ finding: MarkdownFinding, at location: SourceLocation) -> Diagnostic {
        let schemes = MarkdownRenderer.allowedSchemes.sorted().joined(separator: ", ")
        func why(_ problem: AddressProblem) -> (reason: String, hint: String) {
            switch problem {
            case .scheme(let scheme):
                ("'\(scheme):' addresses are not allowed", "use an address within the site or one starting with \(schemes)")
            case .noScheme:
                ("an address starting with '//' leaves the site without saying how", "write it in full, starting with https://")
            }
        }
        switch finding.kind {
        case .htmlBlock(let excerpt, let lines):
            let extent = lines > 1 ? " (\(lines) lines, up to the next blank line)" : ""
            return .warning(at: location, "raw HTML is not shown: '\(excerpt)'\(extent)",
                            hint: "write it as Markdown; HTML is removed for safety")
        case .htmlTag(let tag):
            return .warning(at: location, "the HTML tag '\(tag)' is removed; the text around it is shown without it",
                            hint: "write it as Markdown (*italic*, **bold**, [text](address)); HTML is removed for safety")
        case .refusedLink(let address, let problem):
            let (reason, hint) = why(problem)
            return .warning(at: location, "the link to '\(address)' is shown as plain text: \(reason)", hint: hint)
        case .refusedImage(let address, let problem):
            let (reason, hint) = why(problem)
            return .warning(at: location, "the image '\(address)' is shown as its description: \(reason)", hint: hint)
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
