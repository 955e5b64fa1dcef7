import Foundation
import PortalCore
import PortalGraph
import PortalMarkdown

/// Stage 4 of the build: prepares every page's values from the site graph, renders them
/// with the theme and adds the theme's assets and the data files.
public struct SiteRenderer: Sendable {
    let theme: Theme
    let markdown = MarkdownRenderer()

    public init(theme: Theme) {
        self.theme = theme
    }

    /// Every page of the site with its prepared values, in a stable order.
    public func preparePages(_ graph: SiteGraph) -> [PreparedPage] {
        let view = ViewContext(graph: graph, strings: theme.strings, markdown: markdown)
        let dataFiles = DataExport(graph: graph, strings: theme.strings, markdown: markdown).descriptions()
        var pages = [view.homePage(), view.municipalitiesPage(), view.themesPage(), view.tagsPage()]
        pages += graph.municipalities.map(view.municipalityPage)
        pages += graph.documents.map(view.documentPage)
        pages += graph.sections.map(view.sectionPage)
        pages += graph.items.map(view.itemPage)
        pages += graph.themes.map(view.themePage)
        pages += graph.tags.map(view.tagPage)
        pages += graph.pages.map { view.freePage($0, dataFiles: dataFiles) }
        return pages
    }

    /// Renders one prepared page to HTML.
    public func render(_ page: PreparedPage) -> Result<OutputFile, Diagnostic> {
        guard let html = theme.library.render(page.context, withTemplate: page.template) else {
            return .failure(.error(
                at: SourceLocation(path: "\(theme.location)/templates/\(page.template).mustache"),
                "no template '\(page.template)' for the page '\(page.path)'",
                hint: "add the template to the theme, or change the page's 'layout:'"))
        }
        return .success(OutputFile(path: page.path + "index.html", text: html))
    }

    /// The whole site: pages, assets and data files, plus the number of pages by kind.
    public func renderSite(_ graph: SiteGraph) -> (files: [OutputFile], pagesByKind: [String: Int], diagnostics: [Diagnostic]) {
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var pagesByKind: [String: Int] = [:]
        for page in preparePages(graph) {
            switch render(page) {
            case .success(let file):
                files.append(file)
                pagesByKind[page.kind, default: 0] += 1
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        do {
            files += try DataExport(graph: graph, strings: theme.strings, markdown: markdown).files()
        } catch {
            diagnostics.append(.error(at: SourceLocation(path: graph.site.paths.data), "cannot write the data files: \(error)"))
        }
        files += theme.assets.map { asset in
            var file = asset
            file.path = graph.site.paths.assets + "/" + asset.path.dropFirst("assets/".count)
            return file
        }
        return (files, pagesByKind, diagnostics)
    }
}
