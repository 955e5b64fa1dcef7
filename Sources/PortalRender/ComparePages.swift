import PortalContent
import PortalGraph

/// The side-by-side comparisons (`ThemeComparison`): an index of the themes with what
/// each municipality has under them, and one page per theme with a column per
/// municipality.
extension ViewContext {
    /// The address of a theme's comparison: the theme's own last address segment below
    /// the comparisons' folder (`sammenlign/sundhed/`), unique as the theme's is.
    /// - Parameter themePath: the theme page's address (`temaer/sundhed/`).
    func comparePath(_ themePath: String) -> String {
        let slug = themePath.split(separator: "/").last.map(String.init) ?? themePath
        return graph.site.paths.compare + "/" + slug + "/"
    }

    /// The comparison of a theme, for a link to it; nil for a theme the graph lacks.
    func compareLink(_ themeID: String, _ links: Links) -> [String: Any]? {
        guard let theme = graph.link(to: EntityRef(.theme, themeID)) else { return nil }
        return [
            "title": theme.title,
            "url": links.page(comparePath(theme.path)),
            "text": strings.format("compare.link", ["theme": theme.title]),
        ]
    }

    /// Every theme × municipality with the number of units in each cell, each row
    /// leading to the theme's comparison and each cell to its municipality's column.
    func compareIndexPage() -> PreparedPage {
        let path = graph.site.paths.compare + "/"
        let links = Links(from: path)
        let title = strings["compare.indexTitle"]
        let values: [String: Any] = [
            "intro": strings["compare.indexIntro"],
            "matrix": themeMatrixTable(id: "sammenligninger", caption: strings["compare.indexCaption"], linking: .comparisons, links),
        ]
        return PreparedPage(
            path: path, template: "compare-index", kind: "compare",
            context: merge(frame(path: path, title: title, section: "compare", crumbs: [Crumb(title: title)]), values))
    }

    /// One theme side by side: a column per municipality with its units under the theme,
    /// by document, each with its title, its lead in the source's words, its status
    /// (where its document reports status at all) and its section.
    /// Nil for a theme without a comparison (the graph has one for every theme).
    func comparePage(_ theme: Topic) -> PreparedPage? {
        guard let comparison = graph.themeComparison(theme.id) else { return nil }
        let path = comparePath(theme.path)
        let links = Links(from: path)
        let title = strings.format("compare.title", ["theme": theme.title])
        var all: [ComparableUnit] = []
        let columns = comparison.columns.compactMap { column -> [String: Any]? in
            guard let municipality = graph.municipality(column.municipalityID) else { return nil }
            var own: [ComparableUnit] = []
            let documents = column.documents.compactMap { group -> [String: Any]? in
                guard let document = graph.document(group.documentID) else { return nil }
                let reportsStatus = graph.hasStatus(document: document.id)
                let units = group.unitIDs.compactMap(graph.unit)
                own += units
                return [
                    "title": document.title,
                    "url": links.page(document.path),
                    "units": units.map { unit -> [String: Any] in
                        var summary = unitSummary(unit, links)
                        // A status tag only where the document reports status at all: on
                        // a plan without statuses, "Ikke angivet" on every unit says nothing.
                        summary["status"] = reportsStatus ? absent(status(unit.status ?? .ikkeAngivet)) : false
                        return summary
                    },
                ]
            }
            all += own
            let anchor = anchor(for: municipality)
            return [
                "title": municipality.title,
                "shortTitle": municipality.shortTitle,
                "anchor": anchor,
                "url": links.page(municipality.path),
                "count": unitCount(own, of: municipality),
                "documents": documents,
                "hasUnits": !own.isEmpty,
            ]
        }
        let values: [String: Any] = [
            "intro": strings["compare.intro"],
            "theme": theme.title,
            "themeURL": links.page(theme.path),
            "indexURL": links.page(graph.site.paths.compare + "/"),
            "total": unitCount(all),
            "columns": columns,
        ]
        let crumbs = [Crumb(title: strings["compare.indexTitle"], path: graph.site.paths.compare + "/"), Crumb(title: theme.title)]
        return PreparedPage(
            path: path, template: "compare", kind: "compare",
            context: merge(frame(path: path, title: title, section: "compare", crumbs: crumbs), values))
    }

    /// The comparisons of `themeIDs`, for a unit's page.
    func compareLinks(_ themeIDs: [String], _ links: Links) -> [[String: Any]] {
        themeIDs.compactMap { compareLink($0, links) }
    }
}

extension ViewContext {
    /// The themes an item's page offers comparisons for: its own, then those its
    /// activities have of their own where they are its document's units, each once.
    func unitThemes(_ item: Item) -> [String] {
        var themes = item.themeIDs
        for unit in graph.units(ofItem: item.id) {
            for theme in unit.themeIDs where !themes.contains(theme) { themes.append(theme) }
        }
        return themes
    }
}
