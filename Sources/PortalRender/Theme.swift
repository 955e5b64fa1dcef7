import Foundation
import Mustache
import PortalCore
import Yams

/// A loaded theme: its templates, its UI strings and its static files.
///
/// Themes live in a folder (`themes/default/`) and are read at build time, so a theme
/// can be changed without recompiling:
/// - `templates/*.mustache`: one template per page kind, plus partials and a base layout;
/// - `templates/layouts/*.mustache`: the layouts a free page may name with `layout:`;
/// - `strings.yaml`: every word of the user interface;
/// - `assets/`: CSS, JavaScript, icons, copied as they are.
public struct Theme: Sendable {
    public var library: MustacheLibrary
    /// The nested UI strings from `strings.yaml`, as the templates see them.
    public var strings: Strings
    /// Static files, with paths relative to the output root (`assets/site.css`).
    public var assets: [OutputFile]
    /// The folder the theme was read from, for messages.
    public var location: String
    /// The element ids the templates write, so content-made ids can be kept apart from them.
    public var elementIDs: ElementIDs
    /// The layouts a free page may name, sorted: the templates in `templates/layouts/`,
    /// named without folder and extension (`page`, `data`). Only these are whole pages
    /// meant for any content; a partial, the base template or another kind's template
    /// would publish a fragment, an empty page or a second home page.
    public var layouts: [String]

    /// The templates every theme must have: one per kind of page the generator writes
    /// (free pages use a layout, `defaultLayout` unless they name one).
    public static let requiredTemplates = [
        "home", "municipalities", "municipality", "document", "section", "item", "activity",
        "themes", "theme", "tags", "tag", "timeline", "law-references", "law-paragraph", "search",
        "compare-index", "compare",
    ]

    /// The page layout that lists the data files, with their rows and sizes.
    public static let dataLayout = "data"

    /// The folder below `templates/` that holds the layouts.
    public static let layoutFolder = "layouts"
    /// The layout of a free page that names none.
    public static let defaultLayout = "page"
    /// The layout of the accessibility statement, which shows the publisher's contact from
    /// `site.yaml`: a page that uses it while the contact is incomplete makes the build warn.
    public static let accessibilityLayout = "accessibility"

    /// The template name of a layout (`data` → `layouts/data`).
    public static func template(ofLayout layout: String) -> String {
        "\(layoutFolder)/\(layout)"
    }
}

/// The theme's UI strings, looked up by dotted key (`status.realiseret`).
public struct Strings: @unchecked Sendable {
    /// The parsed YAML as nested dictionaries and strings; immutable after loading.
    public let tree: [String: Any]
    /// Every string of `tree` by its dotted key: pages look up thousands of strings each,
    /// so a lookup is one hash, not a walk through nested dictionaries.
    private let strings: [String: String]

    public init(tree: [String: Any]) {
        self.tree = tree
        var strings: [String: String] = [:]
        func collect(_ node: Any, at key: String) {
            if let string = node as? String {
                strings[key] = string
            } else if let mapping = node as? [String: Any] {
                for (name, child) in mapping { collect(child, at: key.isEmpty ? name : key + "." + name) }
            }
        }
        collect(tree, at: "")
        self.strings = strings
    }

    /// The string at `key`, or the key itself so that a missing string is visible on the
    /// page and caught by `missingKeys` at load time rather than rendering as empty.
    public subscript(_ key: String) -> String {
        strings[key] ?? key
    }

    public func value(at key: String) -> Any? {
        var node: Any? = tree
        for part in key.split(separator: ".") {
            node = (node as? [String: Any])?[String(part)]
        }
        return node
    }

    /// Keys the generator uses that the strings file does not define.
    public func missingKeys(_ keys: [String]) -> [String] {
        keys.filter { strings[$0] == nil }
    }

    /// YAML mappings as `[String: Any]` all the way down, values as strings: the form the
    /// template engine can look into with dotted names.
    public static func normalised(_ value: Any?) -> Any? {
        switch value {
        case let mapping as [AnyHashable: Any]:
            var result: [String: Any] = [:]
            for (key, element) in mapping { result["\(key.base)"] = normalised(element) }
            return result
        case let mapping as [String: Any]:
            return mapping.mapValues { normalised($0) as Any }
        case let list as [Any]:
            return list.map { normalised($0) as Any }
        case let string as String:
            return string
        case nil:
            return nil
        case let other?:
            return "\(other)"
        }
    }

    /// `text` with `{name}` placeholders filled in, in one pass: a value that itself holds
    /// braces is never read as a placeholder, and a `{name}` without a value stays as
    /// written. (Called for every count on every page: one scan, no Foundation search.)
    public func format(_ key: String, _ values: [String: String]) -> String {
        let text = self[key]
        guard !values.isEmpty, text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(where: { $0 == "}" || $0 == "{" }), rest[close] == "}",
                  let value = values[String(rest[afterOpen..<close])] else {
                result.append("{")
                rest = rest[afterOpen...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }
}
