/// A body split at its second-level headings: the intro text before the first `## `,
/// then one named field per heading. Editors write structured parts of an initiative
/// ("Formål", "Baggrund", "Hvordan kunne en indsats se ud?") this way, which keeps
/// the file readable as ordinary Markdown.
public struct MarkdownFields: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        /// The heading text as the editor wrote it.
        public var label: String
        /// The Markdown under the heading (may be empty: the source left it blank).
        public var markdown: String
        /// 1-based line of the heading within the body.
        public var line: Int
    }

    public var intro: String
    public var fields: [Field]

    /// Splits `markdown`; headings inside fenced code blocks are left alone.
    public init(splitting markdown: String) {
        var intro: [Substring] = []
        var fields: [(label: String, lines: [Substring], line: Int)] = []
        var fence: Substring?
        var lineNumber = 0
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop(while: { $0 == " " })
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
            } else if line.hasPrefix("## ") || line == "##" {
                let label = line.dropFirst(2).trimmingTrailingHashes()
                fields.append((label, [], lineNumber))
                continue
            }
            if fields.isEmpty {
                intro.append(line)
            } else {
                fields[fields.count - 1].lines.append(line)
            }
        }
        self.intro = intro.joined(separator: "\n").trimmingBlankLines()
        self.fields = fields.map {
            Field(label: $0.label, markdown: $0.lines.joined(separator: "\n").trimmingBlankLines(), line: $0.line)
        }
    }
}

extension Substring {
    fileprivate func trimmingTrailingHashes() -> String {
        var text = self[...]
        while text.last == " " { text = text.dropLast() }
        if text.last == "#" {
            let withoutHashes = text.reversed().drop(while: { $0 == "#" })
            if withoutHashes.first == " " { text = text.dropLast(text.count - withoutHashes.count) }
        }
        return text.trimmingCharacters(in: " \t")
    }
}

extension StringProtocol {
    /// The text without the characters of `set` at either end. It looks only at the
    /// characters it trims: copying a whole body into an array of characters first was
    /// most of the time a preview rebuild spent resolving 10,000 items.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = self[...]
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }

    fileprivate func trimmingBlankLines() -> String {
        trimmingCharacters(in: "\n \t\r")
    }
}
