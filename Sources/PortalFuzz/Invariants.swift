import PortalContent
import PortalCore
import PortalGraph
import PortalMarkdown

/// Properties that must hold for every input, checked on what the real code paths
/// return. A broken property traps with a message, so libFuzzer saves the input like
/// any other crash: a diagnostic that points outside its file is as much a defect as a
/// crash (issue 7: every message must be true and point at the place to fix).
enum Invariants {
    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError("PortalFuzz invariant: \(message())") }
    }

    /// Every diagnostic about `file` names a line of the file and a column no further
    /// than one past the end of that line (columns count Unicode scalars, as editors do).
    static func locationsExist(_ diagnostics: [Diagnostic], in file: SourceFile) {
        // Scalars, not Characters: a Character "\r\n" is not "\n", and an undecodable
        // file still has its carriage returns.
        let lines = file.text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for diagnostic in diagnostics where diagnostic.location.path == file.path {
            let location = diagnostic.location
            require(location.line <= lines.count,
                    "line \(location.line) of a \(lines.count)-line file: \(diagnostic)")
            let width = lines[location.line - 1].count
            require(location.column <= width + 1,
                    "column \(location.column) of a line \(width) characters long: \(diagnostic)")
        }
    }

    /// The § reader's mentions are in order, never overlap, name at least one paragraph,
    /// and each read alone is itself.
    static func lawMentions(_ mentions: [LawMention], in text: String, reader: LawReferenceReader) {
        var end = text.startIndex
        for mention in mentions {
            require(mention.range.lowerBound >= end, "overlapping § mentions in \(text.debugDescription)")
            require(!mention.paragraphs.isEmpty, "a § mention without a paragraph in \(text.debugDescription)")
            end = mention.range.upperBound
            let alone = String(text[mention.range])
            require(reader.mentions(in: alone).map(\.paragraphs) == [mention.paragraphs],
                    "the § mention \(alone.debugDescription) reads differently alone")
        }
    }

    /// Rendered Markdown never carries active content: raw HTML is omitted and link and
    /// image addresses with a script scheme are emptied.
    static func safeHTML(_ html: String) {
        let lowered = html.lowercased()
        for tag in ["<script", "<iframe", "<style", "<object", "<embed", "<form", "<svg"] {
            require(!lowered.contains(tag), "rendered Markdown contains \(tag): \(html.prefix(300))")
        }
        for attribute in ["href=\"", "src=\""] {
            var rest = lowered[...]
            while let start = rest.range(of: attribute) {
                let value = rest[start.upperBound...].prefix { $0 != "\"" }
                let address = value.replacingOccurrences(of: "&amp;", with: "&")
                    .filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
                    .drop { $0.isWhitespace || ($0.asciiValue ?? 0x20) < 0x20 }
                for scheme in ["javascript:", "vbscript:", "data:", "file:"] {
                    require(!address.hasPrefix(scheme), "rendered Markdown links to \(scheme): \(value)")
                }
                rest = rest[start.upperBound...]
            }
        }
    }

    /// The fast path for plain lines gives exactly what the parser would: the promise
    /// `MarkdownRenderer.isPlainLine` makes.
    static func plainLineRendersAsItself(_ text: String, renderer: MarkdownRenderer) {
        guard MarkdownRenderer.isPlainLine(text) else { return }
        let parsed = renderer.html(text, under: 5).trimmingCharacters(in: .whitespacesAndNewlines)
        let expected = parsed.hasPrefix("<p>") && parsed.hasSuffix("</p>") ? String(parsed.dropFirst(3).dropLast(4)) : parsed
        let fast = renderer.inlineHTML(text)
        require(fast == expected, "plain line \(text.debugDescription) renders as \(expected.debugDescription), fast path gives \(fast.debugDescription)")
    }

    /// `Slug.make` keeps its documented promise: only `[a-z0-9-]` words joined by single
    /// hyphens, at most the maximum length, and not empty when the text has an ASCII
    /// letter or digit.
    static func slug(of text: String) {
        let slug = Slug.make(text)
        require(slug.isEmpty || Slug.isValid(slug), "slug \(slug.debugDescription) of \(text.debugDescription) is not valid")
        require(slug.count <= Slug.defaultMaximumLength, "slug of \(text.debugDescription) is \(slug.count) long")
        let hasASCIIAlphanumeric = text.lowercased().unicodeScalars.contains { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        require(!hasASCIIAlphanumeric || !slug.isEmpty, "slug of \(text.debugDescription) is empty")
    }
}
