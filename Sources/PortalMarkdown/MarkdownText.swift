import CCmarkGFM
import Foundation
import PortalCore

/// A span of text to make a link of, found in one run of text by a caller's recogniser.
public struct TextLink: Sendable, Hashable {
    /// The span, in the text the recogniser was given.
    public var range: Range<String.Index>
    /// The address, as it goes into `href` (cmark escapes it).
    public var url: String

    public init(range: Range<String.Index>, url: String) {
        self.range = range
        self.url = url
    }
}

/// Finds the spans of one run of text that become links (the § references).
public typealias TextLinker = (String) -> [TextLink]

extension MarkdownRenderer {
    /// The text of each paragraph, heading and table cell, without markup: each run of
    /// text a reader reads as one, with line breaks as spaces, link texts and code spans
    /// as their text, and images and raw HTML left out (as on the page). Sentences never
    /// cross from one block to the next, so a finder of things in text (the § reader)
    /// reads these one at a time.
    public func textBlocks(_ markdown: String) -> [String] {
        if Self.isPlainLine(markdown) { return [markdown] }
        return withDocument(markdown, orElse: []) { document, _ in
            var blocks: [String] = []
            Self.collectBlocks(document, into: &blocks)
            return blocks.filter { !$0.isEmpty }
        }
    }

    private static func collectBlocks(_ node: OpaquePointer, into blocks: inout [String]) {
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || typeName(current) == "table_cell" {
                var text = ""
                appendInlineText(current, to: &text)
                blocks.append(text.trimmingSpaces())
            } else if type != CMARK_NODE_CODE_BLOCK && type != CMARK_NODE_HTML_BLOCK {
                collectBlocks(current, into: &blocks)
            }
            child = cmark_node_next(current)
        }
    }

    private static func appendInlineText(_ node: OpaquePointer, to text: inout String) {
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            } else if type != CMARK_NODE_IMAGE && type != CMARK_NODE_HTML_INLINE {
                appendInlineText(current, to: &text)
            }
            child = cmark_node_next(current)
        }
    }

    static func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    /// Turns the spans `linker` finds in each text node into links. Only plain text is
    /// looked at: never the text of a link or an image (a link in a link is invalid
    /// HTML), never code or raw HTML, which are other kinds of node. Adjacent text nodes
    /// are joined first (cmark splits text at characters that might have been markup),
    /// so a span is found whole; the link's text is exactly the span.
    static func link(_ document: OpaquePointer, with linker: TextLinker) {
        cmark_consolidate_text_nodes(document)
        var texts: [OpaquePointer] = []
        visit(document) { node, type in
            if type == CMARK_NODE_TEXT, !isInsideLink(node) { texts.append(node) }
        }
        for node in texts {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let links = linker(literal).filter { !$0.range.isEmpty && $0.range.upperBound <= literal.endIndex }
                .sorted { $0.range.lowerBound < $1.range.lowerBound }
            guard !links.isEmpty else { continue }
            var position = literal.startIndex
            for link in links where link.range.lowerBound >= position {
                insertText(literal[position..<link.range.lowerBound], before: node)
                if let anchor = cmark_node_new(CMARK_NODE_LINK) {
                    _ = cmark_node_set_url(anchor, link.url)
                    if let text = newText(literal[link.range]) { _ = cmark_node_append_child(anchor, text) }
                    _ = cmark_node_insert_before(node, anchor)
                }
                position = link.range.upperBound
            }
            insertText(literal[position...], before: node)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private static func isInsideLink(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    private static func newText(_ text: Substring) -> OpaquePointer? {
        guard !text.isEmpty, let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        _ = cmark_node_set_literal(node, String(text))
        return node
    }

    private static func insertText(_ text: Substring, before node: OpaquePointer) {
        if let text = newText(text) { _ = cmark_node_insert_before(node, text) }
    }
}
