import PortalGraph

extension ViewContext {
    /// The list of all municipalities.
    func municipalitiesPage() -> PreparedPage {
        let path = graph.site.paths.municipalities + "/"
        let links = Links(from: path)
        let title = strings["nav.municipalities"]
        let values: [String: Any] = [
            "municipalities": graph.municipalities.map { municipality -> [String: Any] in
                [
                    "title": municipality.title,
                    "url": links.page(municipality.path),
                    "documents": municipality.documentIDs.compactMap(graph.document).map { documentSummary($0, links) },
                ]
            },
        ]
        return PreparedPage(
            path: path, template: "municipalities", kind: "municipalities",
            context: merge(frame(path: path, title: title, section: "municipalities", crumbs: [Crumb(title: title)]), values))
    }

    /// One municipality: its documents with their sections and initiatives, and key facts.
    func municipalityPage(_ municipality: Municipality) -> PreparedPage {
        let links = Links(from: municipality.path)
        let documents = municipality.documentIDs.compactMap(graph.document)
        let documentValues = documents.enumerated().map { index, document -> [String: Any] in
            var value = documentSummary(document, links)
            value["statusOverview"] = absent(statusOverview(document, id: "status-oversigt-\(index + 1)", links))
            value["timeline"] = absent(graph.timeline(ofDocument: document.id).map { timeline -> [String: Any] in
                ["url": links.page(documentTimelinePath(document)), "count": counted("timeline.count", timeline.count)]
            })
            value["sections"] = document.sectionIDs.compactMap(graph.section).map { section -> [String: Any] in
                [
                    "title": section.title,
                    "url": links.page(section.path),
                    // The item a section is shown by is the section's link (`Section.shownByItemID`).
                    "items": section.shownByItemID != nil ? [] : section.itemIDs.compactMap(graph.item).map { itemSummary($0, links) },
                ]
            }
            value["keyFacts"] = keyFacts(document, links)
            value["hasKeyFacts"] = !document.keyFacts.isEmpty
            value["anchor"] = documentAnchor(index)
            return value
        }
        var contents = PageContents()
        contents.count(text: municipality.body.count)
        for (index, document) in documents.enumerated() {
            let overview = graph.statusOverview(document.id) == nil ? (text: 0, lines: 0)
                : PageContents.statusOverviewText(document.itemIDs.compactMap(graph.item))
            let lines = 4 + document.sectionIDs.count + document.itemIDs.count + overview.lines
                + document.keyFacts.reduce(0) { $0 + 1 + $1.facts.count }
            contents.add(documentAnchor(index), document.title, text: document.summary?.count ?? 0, lines: lines - overview.lines)
            if graph.statusOverview(document.id) != nil {
                contents.add(documentAnchor(index) + "-status", strings["statusOverview.heading"], text: overview.text, lines: overview.lines)
            }
        }
        let crumbs = [
            Crumb(title: strings["nav.municipalities"], path: graph.site.paths.municipalities + "/"),
            Crumb(title: municipality.title),
        ]
        let values: [String: Any] = [
            "body": html(municipality.body, under: 1, links),
            "documents": documentValues,
            "contentsList": contents.value,
        ]
        return PreparedPage(
            path: municipality.path, template: "municipality", kind: "municipality",
            context: merge(frame(path: municipality.path, title: municipality.title, section: "municipalities", crumbs: crumbs), values))
    }

    /// Key facts as summary-list groups; figures the source leaves empty say so.
    func keyFacts(_ document: Document, _ links: Links) -> [[String: Any]] {
        document.keyFacts.map { group in
            [
                "group": group.group,
                "facts": group.facts.map { fact -> [String: Any] in
                    ["label": fact.label, "value": linkedText(fact.value ?? strings["missing.notGiven"], links), "missing": fact.value == nil]
                },
            ]
        }
    }
}
