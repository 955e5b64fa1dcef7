import Foundation
import PortalCore

/// The element ids a theme's templates write (`id="indhold"`, `id="{{anchor}}-heading"`),
/// collected when the theme is loaded.
///
/// Some ids on a page are made from content (a municipality's part of a theme page is
/// `#<its slug>`, an appendix is `#bilag-<its slug>`); the rest belong to the theme. A
/// content-made id that equals one of the theme's would make the page invalid and send
/// links (the skip link to `#indhold`, the theme matrix's links) to the wrong place. The
/// theme's ids are read from its templates rather than listed in the generator, so a
/// theme can change them freely and the check follows.
public struct ElementIDs: Sendable {
    /// One `id="…"` attribute: literal text, or text around one template value.
    struct Written: Sendable, Hashable {
        var prefix: String
        /// The template value the id is made from (`anchor`), nil for a literal id.
        var value: String?
        var suffix: String
        var location: SourceLocation
    }

    private var written: [String: [Written]] = [:]
    /// The partials and parent each template names, so that a page's ids include theirs.
    private var uses: [String: [String]] = [:]

    public init() {}

    /// Records the ids `text`, the template `name`, writes.
    mutating func add(template name: String, display: String, text: String) {
        written[name] = Self.scan(text, display: display)
        uses[name] = TemplateReferences.scan(text).map(\.name)
    }

    /// The ids on a page made with any of `templates`, with their parents and partials.
    func page(_ templates: [String]) -> Page {
        var seen = Set(templates), queue = templates, result: [Written] = []
        while let name = queue.popLast() {
            result += written[name] ?? []
            for used in uses[name] ?? [] where seen.insert(used).inserted { queue.append(used) }
        }
        return Page(written: result)
    }

    /// The ids one kind of page has.
    struct Page {
        let written: [Written]

        /// The theme's literal ids, with where each is written.
        var fixed: [String: SourceLocation] {
            Dictionary(written.compactMap { $0.value == nil ? ($0.prefix, $0.location) : nil }, uniquingKeysWith: { first, _ in first })
        }

        /// The ids a template value becomes: `anchor` = `x` gives `x` and `x-heading`.
        func ids(madeFrom value: String, named name: String) -> [String] {
            var ids: [String] = []
            for id in written where id.value == name {
                let made = id.prefix + value + id.suffix
                if !ids.contains(made) { ids.append(made) }
            }
            return ids
        }
    }

    /// The `id="…"` attributes of a template; ids made from more than one value are left out.
    static func scan(_ text: String, display: String) -> [Written] {
        var result: [Written] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let range = rest.range(of: "id=") {
                let before = rest[..<range.lowerBound].last
                rest = rest[range.upperBound...]
                guard before == " " || before == "\t", let quote = rest.first, quote == "\"" || quote == "'" else { continue }
                let value = rest.dropFirst().prefix { $0 != quote }
                let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                let location = SourceLocation(path: display, line: offset + 1, column: column)
                if let id = parse(value, at: location) { result.append(id) }
                rest = rest.dropFirst(value.count + 1)
            }
        }
        return result
    }

    private static func parse(_ value: Substring, at location: SourceLocation) -> Written? {
        guard let open = value.range(of: "{{") else {
            return Written(prefix: String(value), value: nil, suffix: "", location: location)
        }
        guard let close = value[open.upperBound...].range(of: "}}") else { return nil }
        let suffix = value[close.upperBound...].drop { $0 == "}" }
        guard !suffix.contains("{{") else { return nil }
        let name = value[open.upperBound..<close.lowerBound].drop { $0 == "{" || $0 == "&" }.trimmingCharacters(in: .whitespaces)
        return Written(prefix: String(value[..<open.lowerBound]), value: name, suffix: String(suffix), location: location)
    }
}
