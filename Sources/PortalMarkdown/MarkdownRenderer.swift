import CCmarkGFM
import Foundation
import PortalCore

/// Renders editors' Markdown with GitHub's CommonMark (libcmark-gfm) into HTML that is
/// safe to put on a page.
///
/// Safety does not depend on the templates: cmark runs in its safe mode (raw HTML is
/// replaced by a comment, never passed through), and every link and image address is
/// checked against an allow-list of schemes. A link to `javascript:`, `data:`,
/// `vbscript:`, `//elsewhere` and the like is shown as its text, not as a link, and such
/// an image as its description; `findings(in:)` says where, so the build can warn.
public struct MarkdownRenderer: Sendable {
    /// URL schemes content may link to; relative links and fragments are always allowed.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// cmark-gfm's extension registry is global and not safe to fill from several
    /// threads at once; a static constant runs the registration exactly once.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    public init() {
        _ = Self.extensionsRegistered
    }

    /// Block-level HTML for a Markdown text.
    /// - Parameter level: the heading level of the element the text stands under (1 below
    ///   the page's `h1`). The text's own headings are moved so that its highest one
    ///   becomes `level + 1` and the rest keep their steps, whether the editor started
    ///   at `#` or at `##`: the page outline never skips a level and has one `h1`.
    /// - Parameter linker: finds spans of plain text to link (see `link(_:with:)`).
    public func html(_ markdown: String, under level: Int = 1, linking linker: TextLinker? = nil) -> String {
        withDocument(markdown, orElse: "") { document, parser in
            sanitise(document, underLevel: level)
            if let linker { Self.link(document, with: linker) }
            guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else {
                return ""
            }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// HTML for a short text that stands inside another element (a list item, a table
    /// cell): the single wrapping paragraph is removed.
    public func inlineHTML(_ markdown: String, linking linker: TextLinker? = nil) -> String {
        if Self.isPlainLine(markdown), linker.map({ $0(markdown).isEmpty }) ?? true {
            guard markdown.utf8.contains(UInt8(ascii: "\"")) else { return markdown }
            var escaped = ""
            escaped.unicodeScalars.reserveCapacity(markdown.unicodeScalars.count + 12)
            for scalar in markdown.unicodeScalars {
                if scalar == "\"" { escaped += "&quot;" } else { escaped.unicodeScalars.append(scalar) }
            }
            return escaped
        }
        let block = html(Self.inlineSource(markdown), under: 5, linking: linker).trimmingWhiteSpaceAndNewlines()
        let open = "<p>", close = "</p>"
        guard block.hasPrefix(open), block.hasSuffix(close) else { return block }
        let inner = block.dropFirst(open.count).dropLast(close.count)
        return inner.contains(open) ? block : String(inner)
    }

    /// A short text as a paragraph's source: a line that would start a block (a list
    /// item "1) …" or "- …", a heading "# …", a quote "> …", indented code) has its
    /// marker escaped or its indent removed. A text that goes inside a list entry or a
    /// table cell is one run of words; an activity numbered "1)" joined to its text must
    /// read "1) Lederforum …", not become a list inside the list ("• 1. Lederforum").
    static func inlineSource(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let text = line.drop { $0 == " " || $0 == "\t" }
            guard let first = text.first else { return String(text) }
            let next = text.dropFirst().first
            let endsMarker = next.map { $0 == " " || $0 == "\t" } ?? true
            // "#", ">" are literal text when escaped; "*" only when it is not emphasis.
            if first == "#" || first == ">" || (first == "*" && endsMarker)
                || ("-+=".contains(first) && (endsMarker || next == first)) {
                return "\\" + text
            }
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            let rest = text.dropFirst(digits.count)
            if !digits.isEmpty, digits.count <= 9, let delimiter = rest.first, delimiter == "." || delimiter == ")",
               rest.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true {
                return digits + "\\" + rest
            }
            return String(text)
        }.joined(separator: "\n")
    }

    /// The text without markup, for search indexes, JSON exports and summaries.
    public func plainText(_ markdown: String) -> String {
        if Self.isPlainLine(markdown) { return markdown }
        return withDocument(markdown, orElse: "") { document, _ in
            sanitise(document, underLevel: 0)
            guard let rendered = cmark_render_plaintext(document, CMARK_OPT_DEFAULT, 0) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered).trimmingWhiteSpaceAndNewlines()
        }
    }

    /// Parses `markdown` and hands the document and its parser to `body`; `fallback` where
    /// cmark cannot allocate a parser (out of memory), so no input can crash the build.
    func withDocument<Value>(_ markdown: String, orElse fallback: Value, _ body: (OpaquePointer, OpaquePointer) -> Value) -> Value {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return fallback }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            // The buffer ends with a NUL that is not part of the text.
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { return fallback }
        defer { cmark_node_free(document) }
        return body(document, parser)
    }

    /// Turns links and images with addresses outside the allow-list into text and moves
    /// heading levels under `underLevel` (0 leaves them as they are).
    private func sanitise(_ document: OpaquePointer, underLevel: Int) {
        var headings: [OpaquePointer] = []
        var refused: [OpaquePointer] = []
        Self.visit(document) { node, type in
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                if !Self.isAllowed(url: Self.url(of: node)) { refused.append(node) }
            } else if type == CMARK_NODE_HEADING {
                headings.append(node)
            }
        }
        // Innermost first, so a link inside a refused image is handled before the image
        // (and its children) are freed.
        for node in refused.reversed() {
            if cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                Self.replaceWithDescription(node)
            } else {
                Self.unlink(node)
            }
        }
        guard underLevel > 0, let highest = headings.map({ Int(cmark_node_get_heading_level($0)) }).min() else { return }
        let offset = underLevel + 1 - highest
        for heading in headings {
            let level = Int(cmark_node_get_heading_level(heading)) + offset
            cmark_node_set_heading_level(heading, Int32(min(6, max(1, level))))
        }
    }

    /// A link's text stays where the link was, as text.
    private static func unlink(_ link: OpaquePointer) {
        while let child = cmark_node_first_child(link) {
            _ = cmark_node_insert_before(link, child)
        }
        cmark_node_unlink(link)
        cmark_node_free(link)
    }

    /// An image becomes its description (the alt text) as plain text.
    private static func replaceWithDescription(_ image: OpaquePointer) {
        var description = ""
        visit(image) { node, type in
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                description += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                description += " "
            }
        }
        if !description.isEmpty, let text = cmark_node_new(CMARK_NODE_TEXT) {
            _ = cmark_node_set_literal(text, description)
            _ = cmark_node_insert_before(image, text)
        }
        cmark_node_unlink(image)
        cmark_node_free(image)
    }

    static func url(of node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    /// Calls `body` for `root` and every node below it, on entering each.
    static func visit(_ root: OpaquePointer, _ body: (OpaquePointer, cmark_node_type) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            body(node, cmark_node_get_type(node))
        }
    }

    /// Whether `text` is one line that Markdown would render as exactly itself: no
    /// character with a meaning in CommonMark or GFM, nothing at the start that could
    /// open a block, no address that autolinking would turn into a link. Most list
    /// entries (goals, criteria, milestones) are such lines; they skip the parser.
    public static func isPlainLine(_ text: String) -> Bool {
        // One pass, no Foundation: this runs for every list entry of every page.
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        if first == " " || ("0"..."9").contains(first) || first == "-" || first == "+" || first == "=" { return false }
        var previous: Unicode.Scalar = "\u{0}", beforePrevious: Unicode.Scalar = "\u{0}", last = first
        var next: Unicode.Scalar? = first
        while let scalar = next {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "!", "&", "~", "#", "|", "@":
                return false
            case " " where previous == " ":
                return false
            case "/" where previous == "/" && beforePrevious == ":":
                return false  // "://" would autolink
            case "." where (previous == "w" || previous == "W") && (beforePrevious == "w" || beforePrevious == "W"):
                return false  // "www." would autolink
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { return false }
                if scalar.value > 0x7F, scalar.properties.isWhitespace || scalar.properties.generalCategory == .format {
                    return false
                }
            }
            beforePrevious = previous
            previous = scalar
            last = scalar
            next = scalars.next()
        }
        return last != " "
    }

    /// Whether content may link to `url`: addresses within the site, fragments and the
    /// allowed schemes.
    public static func isAllowed(url: String) -> Bool {
        addressProblem(url) == nil
    }

    /// Why content may not link to `url`, or nil when it may.
    public static func addressProblem(_ url: String) -> AddressProblem? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
        // Browsers read "//host", "\\host", "/\host" and "\/host" as another host with the
        // page's own scheme: it leaves the site, and from a file share it goes nowhere.
        if trimmed.unicodeScalars.prefix(2).count == 2, trimmed.unicodeScalars.prefix(2).allSatisfy({ $0 == "/" || $0 == "\\" }) {
            return .noScheme
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let scheme = trimmed[..<colon]
        // A colon after a path separator or query is not a scheme ("a/b:c", "?x=a:b").
        if scheme.contains(where: { "/?#\\".contains($0) }) { return nil }
        return allowedSchemes.contains(scheme.lowercased()) ? nil : .scheme(String(scheme))
    }
}

/// Why an address is not allowed in content.
public enum AddressProblem: Sendable, Hashable {
    /// A scheme outside the allow-list (`javascript`, `data`, `ftp`), as written.
    case scheme(String)
    /// `//host/path` or a backslash variant: another site, without saying which scheme.
    case noScheme
}
