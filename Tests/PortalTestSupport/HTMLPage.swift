import Foundation

/// Just enough HTML reading for tests of generated pages: the page's links, ids,
/// headings and attributes, found with regular expressions over the generator's own
/// well-formed output (the Nu checker validates that output separately).
public struct HTMLPage: Sendable {
    public let path: String
    public let html: String

    public init(path: String, html: String) {
        self.path = path
        self.html = html
    }

    public func matches(_ pattern: String, group: Int = 1) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).compactMap { match in
            Range(match.range(at: group), in: html).map { String(html[$0]) }
        }
    }

    /// Every `href` and `src` value, unescaped.
    public var links: [String] {
        matches(#"(?:href|src)="([^"]*)""#).map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }

    public var ids: Set<String> { Set(matches(#"\sid="([^"]*)""#)) }

    public var h1Count: Int { matches(#"<h1[\s>]"#, group: 0).count }

    /// The text of the page without tags, whitespace collapsed.
    public var text: String {
        html.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    }

    /// The rows of the table with the given caption: header cell text, then cell texts.
    public func tableRows(caption: String) -> [[String]] {
        for table in matches(#"<table[^>]*>(.*?)</table>"#) where table.contains(caption) {
            return HTMLPage(path: path, html: table).matches(#"<tr>(.*?)</tr>"#).map { row in
                HTMLPage(path: path, html: row).matches(#"<t[hd][^>]*>(.*?)</t[hd]>"#).map {
                    HTMLPage(path: path, html: $0).text.trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return []
    }
}

/// A built site on disk, read back for end-to-end tests.
public struct BuiltSite: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Every `.html` file, by path relative to the root.
    public var pagePaths: [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }.sorted()
    }

    public func page(_ path: String) -> HTMLPage? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
              let html = String(data: data, encoding: .utf8) else { return nil }
        return HTMLPage(path: path, html: html)
    }

    /// Resolves a relative link found on the page at `from` to a path relative to the root.
    public func resolve(_ link: String, from: String) -> (path: String, fragment: String?)? {
        if link.contains("://") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") { return nil }
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let target = parts[0]
        let fragment = parts.count > 1 ? parts[1] : nil
        if target.isEmpty { return (from, fragment) }
        var components = from.split(separator: "/").map(String.init).dropLast()
        for part in target.split(separator: "/").map(String.init) {
            if part == ".." { components = components.dropLast() } else if part != "." { components.append(part) }
        }
        return (components.joined(separator: "/"), fragment)
    }
}

/// Writes a content folder from a dictionary of relative paths and texts.
public func writeContent(_ files: [String: String], to folder: URL) throws {
    for (path, text) in files {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
