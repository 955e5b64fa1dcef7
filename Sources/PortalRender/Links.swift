/// Makes the links between pages relative, ending in `index.html`, so that one build
/// works opened from disk (`file://`), served at `/` and served under a sub-path.
public struct Links: Sendable {
    /// The folder of the page being rendered, relative to the site root (`kommuner/hilleroed/`).
    public let from: String

    public init(from pagePath: String) {
        from = pagePath
    }

    /// `../` once per folder level of the current page; empty on the home page.
    public var root: String {
        String(repeating: "../", count: from.split(separator: "/").count)
    }

    /// Link to the page whose folder is `path` (`""` is the home page).
    public func page(_ path: String, anchor: String? = nil) -> String {
        var link = root + path + "index.html"
        if let anchor { link += "#" + anchor }
        return link
    }

    /// Link to a file below the site root (`assets/site.css`).
    public func file(_ path: String) -> String {
        root + path
    }
}
