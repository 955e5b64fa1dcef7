import Foundation
import PortalCore
import CCmarkGFM

/// Something in a Markdown text that a page will not show as the editor wrote it. Safe
/// mode and the address allow-list remove it silently; the build says so instead, once
/// for the text, however many pages show it.
public struct MarkdownFinding: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A raw HTML block: cmark drops it whole, with every line of it up to the next
        /// blank line. `excerpt` is its start; `lines` how many lines it covers.
        case htmlBlock(excerpt: String, lines: Int)
        /// An inline HTML tag: the tag is dropped, the text around it is shown.
        case htmlTag(String)
        /// A link whose address is not allowed: its text is shown, not as a link.
        case refusedLink(address: String, problem: AddressProblem)
        /// An image whose address is not allowed: its description is shown as text.
        case refusedImage(address: String, problem: AddressProblem)
    }

    public var kind: Kind
    /// 1-based, within the text.
    public var line: Int
    /// 1-based, in Unicode scalars (as editors count characters).
    public var column: Int

    public init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}

extension MarkdownRenderer {
    /// What `html(_:)` would drop or neutralise in `markdown`, in text order. An HTML
    /// comment is not reported: it is meant not to be shown.
    public func findings(in markdown: String) -> [MarkdownFinding] {
        // Only `<` starts HTML or an autolink, only `]` ends a link or image, and the
        // autolink extension only links what follows "www." (always http) or a "://".
        guard markdown.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "]") })
            || markdown.contains("://") else { return [] }
        var found: [(kind: MarkdownFinding.Kind, line: Int, byteColumn: Int, starts: [String])] = []
        withDocument(markdown, orElse: ()) { document, _ in
            Self.visit(document) { node, type in
                guard let kind = Self.finding(node, type) else { return }
                let place = Self.start(of: node)
                found.append((kind, place.line, place.column, Self.possibleStarts(of: node, type)))
            }
        }
        guard !found.isEmpty else { return [] }
        var lines = LineStarts(markdown)
        return found.map { finding in
            let place = lines.nearest(finding.starts, line: finding.line, byte: finding.byteColumn)
            return MarkdownFinding(kind: finding.kind, line: place.line, column: lines.column(line: place.line, byte: place.byte))
        }
    }

    /// What the text can hold where a node starts, to correct cmark-gfm 0.29's places:
    /// it places inline nodes on a lazy continuation line (a paragraph line in a list or
    /// quote written without the indentation or `>`) as if the line had them, and does not
    /// count the line breaks inside a code span.
    private static func possibleStarts(of node: OpaquePointer, _ type: cmark_node_type) -> [String] {
        switch type {
        case CMARK_NODE_LINK:
            // A bare address the autolink extension linked (the only links without a
            // place) starts with its text.
            let text = cmark_node_first_child(node).map { literal(of: $0) } ?? ""
            let bare = cmark_node_get_start_line(node) == 0 && !text.isEmpty
            return ["[", "<"] + (bare ? [text] : [])
        case CMARK_NODE_IMAGE:
            return ["!["]
        default:
            let first = literal(of: node).prefix { $0 != "\n" }
            return [String(first.prefix(20))]
        }
    }

    private static func finding(_ node: OpaquePointer, _ type: cmark_node_type) -> MarkdownFinding.Kind? {
        switch type {
        case CMARK_NODE_HTML_BLOCK:
            let literal = literal(of: node)
            guard !isComment(literal) else { return nil }
            let lines = literal.split(separator: "\n", omittingEmptySubsequences: false).count - (literal.hasSuffix("\n") ? 1 : 0)
            return .htmlBlock(excerpt: excerpt(literal), lines: max(1, lines))
        case CMARK_NODE_HTML_INLINE:
            let literal = literal(of: node)
            // A closing tag hides nothing the opening tag has not been reported for.
            guard !isComment(literal), !literal.hasPrefix("</") else { return nil }
            return .htmlTag(excerpt(literal))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let address = url(of: node)
            guard let problem = addressProblem(address) else { return nil }
            return type == CMARK_NODE_LINK
                ? .refusedLink(address: excerpt(address), problem: problem)
                : .refusedImage(address: excerpt(address), problem: problem)
        default:
            return nil
        }
    }

    private static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func isComment(_ html: String) -> Bool {
        let trimmed = html.trimmingWhiteSpaceAndNewlines()
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return false }
        // One comment, with nothing after its end.
        return trimmed.dropFirst(4).dropLast(3).range(of: "-->") == nil
    }

    /// The start of `text` on one line, at most 60 characters, with "…" where it goes on.
    static func excerpt(_ text: String) -> String {
        let oneLine = text.trimmingWhiteSpaceAndNewlines().split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count > 60 ? String(oneLine.prefix(59)) + "…" : oneLine
    }

    /// Where a node starts (1-based line, byte column), working around cmark-gfm 0.29:
    /// an autolink `<…>` gets a column too far right (its text's is right), and links made
    /// by the autolink extension get none (they start where their text node ended).
    private static func start(of node: OpaquePointer) -> (line: Int, column: Int) {
        var line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
        if let child = cmark_node_first_child(node), cmark_node_get_start_line(child) > 0 {
            let childLine = Int(cmark_node_get_start_line(child)), childColumn = Int(cmark_node_get_start_column(child)) - 1
            if line == 0 || (childLine, childColumn) < (line, column) { (line, column) = (childLine, max(1, childColumn)) }
        }
        if line == 0, let previous = cmark_node_previous(node), cmark_node_get_start_line(previous) > 0 {
            let text = literal(of: previous)
            line = Int(cmark_node_get_start_line(previous))
            column = Int(cmark_node_get_start_column(previous)) + (text.contains("\n") ? 0 : text.utf8.count)
        }
        var ancestor = cmark_node_parent(node)
        while line == 0, let parent = ancestor {
            (line, column) = (Int(cmark_node_get_start_line(parent)), Int(cmark_node_get_start_column(parent)))
            ancestor = cmark_node_parent(parent)
        }
        return (max(1, line), max(1, column))
    }
}

/// Byte offsets of the lines of a text, to turn cmark's byte columns into characters.
private struct LineStarts {
    let text: [UInt8]
    let starts: [Int]

    init(_ text: String) {
        self.text = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in self.text.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        self.starts = starts
    }

    /// Where the previous finding was placed: findings come in text order, so the next
    /// one is not before it.
    private var cursor = 0

    /// The place where one of `prefixes` is written for a node cmark places at `line` and
    /// `byte` (1-based, the byte counted from the line's start even past its end): that
    /// place itself when it holds one, else the nearest one before it (cmark's error on a
    /// lazy line), else the nearest one after it (its error after a multi-line code span).
    /// The errors are a few markers' width or a few lines, so only a short stretch is searched.
    mutating func nearest(_ prefixes: [String], line: Int, byte: Int) -> (line: Int, byte: Int) {
        let candidates = prefixes.map { Array($0.utf8) }.filter { !$0.isEmpty }
        guard line >= 1, line <= starts.count, !candidates.isEmpty else { return (line, byte) }
        func matches(at offset: Int) -> Bool {
            candidates.contains { candidate in
                offset + candidate.count <= text.count && text[offset..<(offset + candidate.count)].elementsEqual(candidate)
            }
        }
        let reported = min(text.count, starts[line - 1] + byte - 1)
        let before = max(min(cursor, reported), reported - 256)..<reported
        let after = reported..<min(text.count, reported + 1024)
        guard let best = matches(at: reported) ? reported : before.last(where: matches) ?? after.first(where: matches) else {
            return (line, byte)
        }
        cursor = best + 1
        // The line holding `best`: the last line start at or before it.
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= best { low = middle } else { high = middle - 1 }
        }
        return (low + 1, best - starts[low] + 1)
    }

    /// The last place `column` counted to, so that many findings on one long line are
    /// counted in one pass instead of each from the line's start.
    private var counted: (line: Int, byte: Int, column: Int) = (0, 1, 1)

    /// The 1-based column in Unicode scalars of the 1-based byte column on `line`.
    mutating func column(line: Int, byte: Int) -> Int {
        guard line >= 1, line <= starts.count else { return byte }
        if counted.line != line || counted.byte > byte { counted = (line, 1, 1) }
        let start = starts[line - 1]
        let from = min(text.count, start + counted.byte - 1), to = min(text.count, start + max(0, byte - 1))
        let column = counted.column + text[from..<max(from, to)].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        counted = (line, byte, column)
        return column
    }
}
