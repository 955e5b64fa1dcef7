import PortalGraph

extension ViewContext {
    /// Home: what the portal is, the municipalities as cards, the theme matrix, shortcuts.
    func homePage() -> PreparedPage {
        let links = Links(from: "")
        let cards = graph.municipalities.map { municipality -> [String: Any] in
            let documents = municipality.documentIDs.compactMap(graph.document)
            return [
                "title": municipality.title,
                "url": links.page(municipality.path),
                "documents": documents.map { documentSummary($0, links) },
                "sectionCount": String(documents.reduce(0) { $0 + $1.sectionIDs.count }),
                "unitCount": unitCount(of: documents),
            ]
        }
        let featured = graph.site.featuredDocuments.compactMap { graph.document($0.id) }.map { document -> [String: Any] in
            ["title": "\(document.title) (\(municipalityTitle(document.municipalityID)))", "url": links.page(document.path)]
        }
        let values: [String: Any] = [
            "isHome": true,
            "intro": graph.site.description,
            "municipalities": cards,
            "matrix": themeMatrixTable(links),
            "featured": featured,
            "tagsURL": links.page(graph.site.paths.tags + "/"),
            "themesURL": links.page(graph.site.paths.themes + "/"),
            "lawReferencesURL": links.page(graph.site.paths.lawReferences + "/"),
        ]
        return PreparedPage(
            path: "", template: "home", kind: "home",
            context: merge(frame(path: "", title: graph.site.title, section: "home", crumbs: []), values))
    }

    /// A document as other pages list it: title, kind, organisation and period.
    func documentSummary(_ document: Document, _ links: Links) -> [String: Any] {
        var summary: [String: Any] = [
            "title": document.title,
            "url": links.page(document.path),
            "type": strings["documentType.\(document.documentType.rawValue)"],
            "when": document.period ?? document.date ?? strings["missing.notGiven"],
            "sectionCount": String(document.sectionIDs.count),
            "itemCount": String(document.itemIDs.count),
            "unitCount": unitCount(of: [document]),
        ]
        summary["organisation"] = absent(document.organisation)
        summary["summary"] = absent(document.summary)
        return summary
    }
}
