import PortalCore
import PortalGraph
import PortalRender

/// When a site makes the files that show every entity: its data files
/// (`data/portal.json`, the CSVs) and its search index (`soeg/index/`).
public enum DataFileTiming: Sendable {
    /// With the pages, every time the site is rendered: a build.
    case withPages
    /// Only when they are asked for (`Site.deferredDataFiles`): the preview. These files
    /// show every entity, so every save changes them, and at 10,000 items making them is
    /// most of a rebuild's time, for files an editor seldom opens (the search index only
    /// when the search page is used).
    case whenAsked
}

/// The data files and the search index of one version of the site, made when they are
/// asked for: the same bytes a build of that version writes, from the graph and theme it
/// was rendered with.
public struct DeferredFiles: Sendable {
    /// The paths the data files have, relative to the site root.
    public let paths: Set<String>
    /// The folder of the search index's files, relative to the site root (`soeg/index/`):
    /// how many files the index has is only known once it is made.
    public let searchIndexFolder: String
    /// Pages that show every entity (the data page), by the path of their file: written
    /// before, stale since, and made again only when asked for.
    public let pages: [String: PageJob]
    private let graph: SiteGraph
    private let renderer: SiteRenderer

    init(dataOf graph: SiteGraph, renderer: SiteRenderer, pages: [String: PageJob] = [:]) {
        self.graph = graph
        self.renderer = renderer
        self.pages = pages
        paths = Set(DataExport.paths(dataFolder: graph.site.paths.data))
        searchIndexFolder = SiteRenderer.searchIndexFolder(of: graph)
    }

    /// Makes the deferred pages.
    public func makePages() -> Result<[OutputFile], Diagnostic> {
        var files: [OutputFile] = []
        for job in pages.values {
            guard let page = renderer.prepare(job, in: graph) else { continue }
            switch renderer.render(page) {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): return .failure(diagnostic)
            }
        }
        return .success(files)
    }

    /// Makes the data files.
    public func make() -> Result<[OutputFile], Diagnostic> {
        renderer.files(of: .data, in: graph)
    }

    /// Makes the search index's files.
    public func makeSearchIndex() -> Result<[OutputFile], Diagnostic> {
        renderer.files(of: .search, in: graph)
    }
}
