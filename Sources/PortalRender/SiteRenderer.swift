import Foundation
import PortalCore
import PortalGraph
import PortalMarkdown

/// One page the site has, named by what it shows. Rendering works from this list, so
/// pages can be prepared and rendered independently, in parallel, and one at a time
/// (an editor preview re-renders only the pages whose dependencies changed).
public enum PageJob: Sendable, Hashable {
    case home, municipalities, themes, tags
    case municipality(String), document(String), section(String), item(String)
    case theme(String), tag(String), page(String)
}

/// Stage 4 of the build: prepares every page's values from the site graph, renders them
/// with the theme and adds the theme's assets and the data files.
public struct SiteRenderer: Sendable {
    let theme: Theme
    let markdown = MarkdownRenderer()

    public init(theme: Theme) {
        self.theme = theme
    }

    /// Every page of the site, in a stable order.
    public func jobs(_ graph: SiteGraph) -> [PageJob] {
        var jobs: [PageJob] = [.home, .municipalities, .themes, .tags]
        jobs += graph.municipalities.map { .municipality($0.id) }
        jobs += graph.documents.map { .document($0.id) }
        jobs += graph.sections.map { .section($0.id) }
        jobs += graph.items.map { .item($0.id) }
        jobs += graph.themes.map { .theme($0.id) }
        jobs += graph.tags.map { .tag($0.id) }
        jobs += graph.pages.map { .page($0.id) }
        return jobs
    }

    /// The prepared values of one page; nil for an id the graph does not have.
    public func prepare(_ job: PageJob, in graph: SiteGraph) -> PreparedPage? {
        let view = ViewContext(graph: graph, strings: theme.strings, markdown: markdown)
        switch job {
        case .home: return view.homePage()
        case .municipalities: return view.municipalitiesPage()
        case .themes: return view.themesPage()
        case .tags: return view.tagsPage()
        case .municipality(let id): return graph.municipality(id).map(view.municipalityPage)
        case .document(let id): return graph.document(id).map(view.documentPage)
        case .section(let id): return graph.section(id).flatMap(view.sectionPage)
        case .item(let id): return graph.item(id).flatMap(view.itemPage)
        case .theme(let id): return graph.theme(id).map(view.themePage)
        case .tag(let id): return graph.tag(id).map(view.tagPage)
        case .page(let id):
            let dataFiles = DataExport(graph: graph, strings: theme.strings, markdown: markdown).descriptions()
            return graph.page(id).map { view.freePage($0, dataFiles: dataFiles) }
        }
    }

    /// Problems between the content and the theme, found before anything is rendered:
    /// a page whose `layout:` names no layout of the theme.
    public func check(_ graph: SiteGraph) -> [Diagnostic] {
        graph.pages.compactMap { page in
            guard let layout = page.layout, !theme.layouts.contains(layout) else { return nil }
            let location = page.layoutLocation ?? SourceLocation(path: page.id)
            let hint = "use one of the theme's page layouts: \(theme.layouts.joined(separator: ", ")) "
                + "(\(theme.location)/templates/\(Theme.layoutFolder)/), or add one there"
            guard let other = otherTemplate(named: layout) else {
                return .error(at: location, "the theme has no template '\(layout)' for this page's layout", hint: hint)
            }
            return .error(at: location, "'\(layout)' is not a page layout: it is \(other)", hint: hint)
        }
    }

    /// What the theme's template `name` is, when it exists but is not a layout.
    private func otherTemplate(named name: String) -> String? {
        if name.hasPrefix(Theme.layoutFolder + "/"), theme.layouts.contains(String(name.dropFirst(Theme.layoutFolder.count + 1))) {
            return "a layout's file name; name the layout without its folder"
        }
        guard theme.library.getTemplate(named: name) != nil else { return nil }
        if name.hasPrefix("partials/") { return "a partial, a piece that other templates include" }
        if name == "base" { return "the base template that every page fills in" }
        if Theme.requiredTemplates.contains(name) { return "the template of the site's own '\(name)' pages" }
        return "a template outside \(Theme.layoutFolder)/"
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

    /// Renders the whole site, handing each file to `emit` as soon as it is ready, so
    /// that the site is never held in memory at once. Pages are rendered in parallel;
    /// `emit` must be safe to call from several threads.
    public func renderSite(
        _ graph: SiteGraph, emit: @Sendable (OutputFile) throws -> Void
    ) -> (pagesByKind: [String: Int], files: Int, diagnostics: [Diagnostic]) {
        // The assets and data files are one more job beside the pages (nil), so they are
        // made while pages render instead of after them.
        let work: [PageJob?] = [nil] + jobs(graph).map { $0 }
        let outcomes = work.concurrentMap { job -> Outcome in
            guard let job else { return emitExtraFiles(graph, emit: emit) }
            guard let page = prepare(job, in: graph) else { return Outcome() }
            switch render(page) {
            case .success(let file):
                do {
                    try emit(file)
                    return Outcome(page: (page.kind, page.path), files: 1)
                } catch {
                    return Outcome(diagnostic: .error(at: SourceLocation(path: file.path), "cannot write the page: \(error)"))
                }
            case .failure(let diagnostic):
                return Outcome(diagnostic: diagnostic)
            }
        }
        var diagnostics = outcomes.compactMap(\.diagnostic)
        var files = outcomes.reduce(0) { $0 + $1.files }
        // The sitemap lists exactly the pages that were written.
        let sitemap = DataExport(graph: graph, strings: theme.strings, markdown: markdown)
            .sitemap(paths: outcomes.compactMap { $0.page?.path })
        do {
            try emit(OutputFile(path: "sitemap.xml", text: sitemap))
            files += 1
        } catch {
            diagnostics.append(.error(at: SourceLocation(path: "sitemap.xml"), "cannot write the sitemap: \(error)"))
        }
        var pagesByKind: [String: Int] = [:]
        for kind in outcomes.compactMap({ $0.page?.kind }) { pagesByKind[kind, default: 0] += 1 }
        return (pagesByKind, files, diagnostics)
    }

    /// The theme's assets and the data files.
    private func emitExtraFiles(_ graph: SiteGraph, emit: @Sendable (OutputFile) throws -> Void) -> Outcome {
        var written = 0
        do {
            for asset in theme.assets {
                try emit(OutputFile(path: graph.site.paths.assets + "/" + asset.path.dropFirst("assets/".count), data: asset.data))
                written += 1
            }
            for file in try DataExport(graph: graph, strings: theme.strings, markdown: markdown).files() {
                try emit(file)
                written += 1
            }
            return Outcome(files: written)
        } catch {
            return Outcome(files: written, diagnostic: .error(
                at: SourceLocation(path: graph.site.paths.data), "cannot write the data files and assets: \(error)"))
        }
    }
}

/// What one rendering job gave: the page written (kind and path), how many files it
/// wrote, and a problem if there was one.
private struct Outcome: Sendable {
    var page: (kind: String, path: String)?
    var files = 0
    var diagnostic: Diagnostic?
}
