import PortalCore
import PortalGraph

/// Pages only the editors' preview shows, rendered with the theme so that their words
/// are the theme's own: the "not found" page and the list of problems shown over a
/// page while the content has errors.
extension SiteRenderer {
    /// The theme's `not-found` template for a request in the folder `folder` (its links
    /// are relative to that folder); nil when the theme has no such template.
    public func notFoundPage(in folder: String, graph: SiteGraph) -> String? {
        guard theme.library.getTemplate(named: "not-found") != nil else { return nil }
        let view = ViewContext(graph: GraphReader(graph), strings: theme.strings, markdown: markdown)
        let title = theme.strings["notFound.title"]
        var context = view.frame(path: folder, title: title, section: nil, crumbs: [])
        context["metaDescription"] = theme.strings["meta.notFound"]
        return theme.library.render(context, withTemplate: "not-found")
    }

    /// One problem as the preview shows it, with the lines of the file around it.
    public struct ShownDiagnostic: Sendable {
        public var diagnostic: Diagnostic
        /// Numbered lines of the file around the problem; empty when it cannot be read.
        public var excerpt: [(number: Int, text: String)]

        public init(_ diagnostic: Diagnostic, excerpt: [(number: Int, text: String)]) {
            self.diagnostic = diagnostic
            self.excerpt = excerpt
        }
    }

    /// The problems as an HTML fragment from the theme's `partials/preview-errors`.
    public func previewErrors(_ shown: [ShownDiagnostic], omitted: Int) -> String? {
        let diagnostics = shown.map { item -> [String: Any] in
            let diagnostic = item.diagnostic
            let location = diagnostic.location
            return [
                "place": "\(location.path):\(location.line):\(location.column)",
                "severity": diagnostic.severity.rawValue,
                "severityLabel": theme.strings["preview.\(diagnostic.severity.rawValue)"],
                "message": diagnostic.message,
                "hint": absent(diagnostic.hint),
                "hasExcerpt": !item.excerpt.isEmpty,
                "excerpt": item.excerpt.map { line -> [String: Any] in
                    ["number": String(line.number), "text": line.text, "isTarget": line.number == location.line]
                },
            ]
        }
        let context: [String: Any] = [
            "diagnostics": diagnostics, "omitted": omitted > 0 ? String(omitted) as Any : false, "strings": theme.strings.tree,
        ]
        return theme.library.render(context, withTemplate: "partials/preview-errors")
    }
}
