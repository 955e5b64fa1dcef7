import PortalGraph

extension ViewContext {
    /// One activity of an item, where its document's units are activities (Hillerød's
    /// plan, Slagelse's follow-up): the unit that is counted and compared, with its own
    /// address, themes and tags, and the item it belongs to. The item's page still shows
    /// every activity in the source's order; this page adds an address to link to.
    /// Nil for a unit that is not an activity, or whose item is gone.
    func activityPage(_ unit: ComparableUnit) -> PreparedPage? {
        guard unit.kind == .activity, let index = unit.id.activity, let item = graph.item(unit.id.itemID),
              index < item.activities.count, let document = graph.document(item.documentID) else { return nil }
        let activity = item.activities[index]
        let links = Links(from: unit.path)
        let municipality = graph.municipality(item.municipalityID)
        let title = unitTitle(unit)

        // An item that stands for its section (a Hillerød ambition) is the section's page:
        // naming both would say the same twice.
        let section = item.sectionID.flatMap(graph.section).flatMap { $0.shownByItemID == item.id ? nil : $0 }
        var crumbs = crumbs(to: document)
        if let section { crumbs.append(Crumb(title: section.title, path: section.path)) }
        crumbs.append(Crumb(title: numberLabel(item) ?? item.title, path: item.path))
        crumbs.append(Crumb(title: unitNumberLabel(unit) ?? title))

        let siblings = graph.units(ofItem: item.id).filter { $0.id != unit.id }
        var values: [String: Any] = [
            "municipality": municipality?.title ?? "",
            "municipalityURL": municipality.map { links.page($0.path) } ?? "",
            "document": document.title,
            "documentURL": links.page(document.path),
            "sectionLabel": document.sectionLabel ?? strings["section.label"],
            "item": item.title,
            "itemURL": links.page(item.path),
            "itemLabel": numberLabel(item) ?? strings["item.\(item.type.rawValue)"],
            "activitiesLabel": item.labels.activities ?? strings["item.activities"],
            "status": absent(status(unit.status)),
            "themes": themeLinks(unit.themeIDs, links),
            "hasThemes": !unit.themeIDs.isEmpty,
            "compareLinks": compareLinks(unit.themeIDs, links),
            "hasCompareLinks": !unit.themeIDs.isEmpty,
            "tags": tagLinks(unit.tagIDs, links),
            "hasTags": !unit.tagIDs.isEmpty,
            "siblings": siblings.map { unitSummary($0, links) },
            "hasSiblings": !siblings.isEmpty,
            "source": source(item.source, links),
        ]
        values["numberLabel"] = absent(unitNumberLabel(unit))
        values["text"] = absent(activity.text.map { html($0, under: 1, links) })
        values["statusText"] = absent(activity.statusText.map { html($0, under: 2, links) })
        if let section {
            values["section"] = section.title
            values["sectionURL"] = links.page(section.path)
        }
        values = merge(values, relatedSection(of: unit, links))
        return PreparedPage(
            path: unit.path, template: "activity", kind: "activity",
            context: merge(frame(path: unit.path, title: title, section: "municipalities", crumbs: crumbs), values))
    }
}
