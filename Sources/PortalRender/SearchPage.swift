import Foundation
import PortalSearch

extension ViewContext {
    /// The search page: its form, the message shown where the script does not run, and
    /// the places the script fills in. What it finds comes from the search index
    /// (`SiteRenderer.Extra.search`), so the page itself reads only the settings and the
    /// links it offers without the script.
    func searchPage() -> PreparedPage {
        let site = graph.site
        let path = site.paths.search + "/"
        let links = Links(from: path)
        let title = strings["search.title"]
        let values: [String: Any] = [
            "usesScript": true,
            "isSearchPage": true,
            "script": links.file(site.paths.assets + "/search.js"),
            "indexURL": SiteRenderer.searchIndexFolder,
            "scriptStrings": Self.searchScriptStrings(strings),
            "themesURL": links.page(site.paths.themes + "/"),
            "tagsURL": links.page(site.paths.tags + "/"),
            "lawReferencesURL": links.page(site.paths.lawReferences + "/"),
        ]
        return PreparedPage(
            path: path, template: "search", kind: "search",
            context: merge(frame(path: path, title: title, section: nil, crumbs: [Crumb(title: title)]), values))
    }

    /// The theme's `search` strings as JSON, for the page's script (`data-strings`): the
    /// script holds no words of its own.
    static func searchScriptStrings(_ strings: Strings) -> String {
        let tree = strings.value(at: "search") as? [String: Any] ?? [:]
        guard JSONSerialization.isValidJSONObject(tree),
              let data = try? JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
