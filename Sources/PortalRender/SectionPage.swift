import PortalGraph

extension ViewContext {
    /// A section: its text, its initiatives in brief, its themes and the sections it
    /// carries out or is carried out by in other documents.
    /// Nil for a section whose document is not in the graph (the graph never has one).
    func sectionPage(_ section: Section) -> PreparedPage? {
        let links = Links(from: section.path)
        guard let document = graph.document(section.documentID) else { return nil }
        let items = section.itemIDs.compactMap(graph.item).map { item -> [String: Any] in
            var value = itemSummary(item, links)
            value["activities"] = item.activities.map { activity -> [String: Any] in
                ["text": inline([activity.number, activity.title ?? activity.text].compactMap { $0 }.joined(separator: " "), links)]
            }
            value["goals"] = item.goals.map { ["text": inline($0, links)] }
            value["hasActivities"] = !item.activities.isEmpty
            value["hasGoals"] = !item.goals.isEmpty
            return value
        }
        func sectionLink(_ id: String) -> [String: Any]? {
            guard let other = graph.section(id), let otherDocument = graph.document(other.documentID) else { return nil }
            return ["title": other.title, "url": links.page(other.path), "document": otherDocument.title]
        }
        let label = document.sectionLabel ?? strings["section.label"]
        var values: [String: Any] = [
            "label": [label, section.number].compactMap { $0 }.joined(separator: " "),
            "body": html(section.body, under: 1, links),
            "items": items,
            "hasItems": !items.isEmpty,
            "themes": themeLinks(section.themeIDs, links),
            "implementedBy": section.implementedByIDs.compactMap(sectionLink),
            "hasImplementedBy": !section.implementedByIDs.isEmpty,
            "document": document.title,
            "documentURL": links.page(document.path),
            "municipality": municipalityTitle(document.municipalityID),
            "municipalityURL": graph.municipality(document.municipalityID).map { links.page($0.path) } ?? "",
            "source": source(section.source, links),
        ]
        if let implements = section.implementsID.flatMap(sectionLink) { values["implements"] = implements }
        var contents = PageContents()
        contents.count(text: section.body.count)
        if !items.isEmpty {
            let text = section.itemIDs.compactMap(graph.item).reduce(0) { $0 + $1.title.count + $1.goals.reduce(0) { $0 + $1.count } }
            contents.add("indsatser-heading", strings["section.items"], text: text, lines: 2 * items.count)
        }
        contents.add("temaer-heading", strings["themes.heading"], lines: section.themeIDs.count)
        values["contentsList"] = contents.value
        return PreparedPage(
            path: section.path, template: "section", kind: "section",
            context: merge(frame(path: section.path, title: section.title, section: "municipalities",
                                 crumbs: crumbs(to: document) + [Crumb(title: section.title)]), values))
    }
}
