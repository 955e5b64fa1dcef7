import PortalCore
import PortalGraph
import PortalRender

/// When a site makes its data files (`data/portal.json`, `data/portal.csv`).
public enum DataFileTiming: Sendable {
    /// With the pages, every time the site is rendered: a build.
    case withPages
    /// Only when they are asked for (`Site.deferredDataFiles`): the preview. The data
    /// files show every entity, so every save changes them, and at 10,000 items making
    /// them is most of a rebuild's time, for files an editor seldom opens.
    case whenAsked
}

/// The data files of one version of the site, made when they are asked for: the same
/// bytes a build of that version writes, from the graph and theme it was rendered with.
public struct DeferredFiles: Sendable {
    /// The paths the files have, relative to the site root.
    public let paths: Set<String>
    private let graph: SiteGraph
    private let renderer: SiteRenderer

    init(dataOf graph: SiteGraph, renderer: SiteRenderer) {
        self.graph = graph
        self.renderer = renderer
        paths = Set(DataExport.paths(dataFolder: graph.site.paths.data))
    }

    /// Makes the files.
    public func make() -> Result<[OutputFile], Diagnostic> {
        renderer.files(of: .data, in: graph)
    }
}
