import PortalContent
import PortalCore
import PortalGraph
import PortalSearch

extension SiteRenderer {
    /// The folder of the search index below the search page's folder.
    static let searchIndexFolder = "index/"

    /// Where the search index's files go, relative to the site root (`soeg/index/`).
    public static func searchIndexFolder(of graph: SiteGraph) -> String {
        graph.site.paths.search + "/" + searchIndexFolder
    }

    /// The theme's words for what the search index shows of the closed lists.
    var searchLabels: SearchLabels {
        let strings = theme.strings
        return SearchLabels(kind: { strings["search.kind.\($0.rawValue)"] },
                            documentType: { strings["documentType.\($0.rawValue)"] },
                            status: { strings["status.\($0.rawValue)"] },
                            lawParagraph: { strings["lawReferences.paragraph"].replacingOccurrences(of: "{paragraph}", with: $0.description) })
    }

    /// The files of the search index of `graph` (see `SearchIndexFiles`).
    func searchIndexFiles(_ graph: SiteGraph) -> [OutputFile] {
        SearchIndexFiles(searchIndex(graph)).files(in: Self.searchIndexFolder(of: graph))
    }

    /// Writes the index's files one at a time, as they are made.
    func writeSearchIndex<Failure: Error>(_ graph: SiteGraph, _ emit: (OutputFile) throws(Failure) -> Void) throws(Failure) {
        try SearchIndexFiles(searchIndex(graph)).write(in: Self.searchIndexFolder(of: graph), emit)
    }

    private func searchIndex(_ graph: SiteGraph) -> SearchIndex {
        SearchIndex(SearchCorpus(graph: graph, labels: searchLabels, markdown: markdown))
    }
}
