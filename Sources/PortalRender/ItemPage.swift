import PortalGraph

extension ViewContext {
    /// An initiative or idea in full: where it belongs, its status, its text and every
    /// structured part the source gives, in the source's own words.
    /// Nil for a item whose document is not in the graph (the graph never has one).
    func itemPage(_ item: Item) -> PreparedPage? {
        let links = Links(from: item.path)
        guard let document = graph.document(item.documentID) else { return nil }
        let section = item.sectionID.flatMap(graph.section)
        let notGiven = strings["missing.notGiven"]

        // Where its document's units are activities, each activity has a page of its own.
        let units = graph.units(ofItem: item.id)
        let activityPaths = Dictionary(units.compactMap { unit in unit.id.activity.map { ($0, unit.path) } },
                                       uniquingKeysWith: { first, _ in first })
        let activities = item.activities.enumerated().map { index, activity -> [String: Any] in
            [
                "url": absent(activityPaths[index].map { links.page($0) }),
                "number": absent(activity.number),
                "title": absent(activity.title.map { inline($0, links) }),
                "text": absent(activity.text.map { inline($0, links) }),
                "status": absent(status(activity.status)),
                "statusText": absent(activity.statusText.map { html($0, under: 3, links) }),
            ]
        }
        let milestones = item.milestones.enumerated().map { index, milestone -> [String: Any] in
            ["text": inline(milestone.text, links), "when": milestone.when ?? notGiven, "whenMissing": milestone.when == nil,
             "anchor": milestoneAnchor(index)]
        }
        let fields = item.fields.enumerated().map { index, field -> [String: Any] in
            ["label": field.label, "body": html(field.markdown, under: 2, links), "empty": field.markdown.isEmpty,
             "anchor": fieldAnchor(index)]
        }
        let evaluation = item.evaluation.map { field -> [String: Any] in
            ["label": field.label, "value": linkedText(field.value ?? strings["missing.notFilled"], links), "missing": field.value == nil]
        }
        // A form the source leaves blank is one line, its questions folded away: eleven
        // "Ikke udfyldt" rows say nothing the line does not, and the gap stays visible.
        let evaluationBlank = !item.evaluation.isEmpty && item.evaluation.allSatisfy { $0.value == nil }
        let localThemes = document.localThemes.filter { item.localThemes.contains($0.number) }.map { theme -> [String: Any] in
            ["number": String(theme.number), "title": theme.title, "url": links.page(document.path, anchor: localThemeAnchor(theme.number))]
        }
        let municipality = graph.municipality(item.municipalityID)
        // The page of an item that stands for its section (a Hillerød ambition) is the
        // section's page too: no crumb, row or link to itself, and the section's relations.
        let standsForSection = section.map { $0.shownByItemID == item.id } ?? false
        var crumbs = crumbs(to: document)
        if let section, !standsForSection { crumbs.append(Crumb(title: section.title, path: section.path)) }
        crumbs.append(Crumb(title: numberLabel(item) ?? item.title))

        var values: [String: Any] = [
            "typeLabel": strings["item.\(item.type.rawValue)"],
            "municipality": municipality?.title ?? "",
            "municipalityURL": municipality.map { links.page($0.path) } ?? "",
            "document": document.title,
            "documentURL": links.page(document.path),
            "sectionLabel": document.sectionLabel ?? strings["section.label"],
            // Without a status of its own, an item whose activities carry statuses (Slagelse)
            // says what they are together instead of a misleading "Ikke angivet".
            "status": itemStatus(item),
            "activityStatuses": activityStatuses(item),
            "missingDescription": item.missingDescription,
            "intro": html(item.intro, under: 1, links),
            "activities": activities,
            "hasActivities": !activities.isEmpty,
            "goals": item.goals.map { ["text": inline($0, links)] },
            "hasGoals": !item.goals.isEmpty,
            "successCriteria": item.successCriteria.map { ["text": inline($0, links)] },
            "hasSuccessCriteria": !item.successCriteria.isEmpty,
            "milestones": milestones,
            "hasMilestones": !milestones.isEmpty,
            "fields": fields,
            "evaluation": evaluation,
            "hasEvaluation": !evaluation.isEmpty,
            "evaluationBlank": evaluationBlank ? counted("item.evaluationBlank", evaluation.count) : false as Any,
            "localThemes": localThemes,
            "hasLocalThemes": !localThemes.isEmpty || item.localThemesAsWritten != nil,
            "themes": themeLinks(item.themeIDs, links),
            "hasThemes": !item.themeIDs.isEmpty,
            // The item's themes, then any its activities add where they are the units.
            "compareLinks": compareLinks(unitThemes(item), links),
            "hasCompareLinks": !unitThemes(item).isEmpty,
            "tags": tagLinks(item.tagIDs, links),
            "hasTags": !item.tagIDs.isEmpty,
            "source": source(item.source, links),
            "labels": [
                "activities": item.labels.activities ?? strings["item.activities"],
                "goals": item.labels.goals ?? strings["item.goals"],
                "successCriteria": item.labels.successCriteria ?? strings["item.successCriteria"],
                "milestones": item.labels.milestones ?? strings["item.milestones"],
                "evaluation": item.labels.evaluation ?? strings["item.evaluation"],
            ],
        ]
        if let section, !standsForSection {
            values["section"] = section.title
            values["sectionURL"] = links.page(section.path)
        }
        if let section, standsForSection {
            values["sectionRelations"] = sectionRelations(section, links)
            if !section.body.isEmpty { values["sectionBody"] = html(section.body, under: 1, links) }
        }
        // Context is shown once: the kicker names the type (or number) and the municipality,
        // and the document only where the breadcrumbs' last link (all a phone shows of
        // them) is the section rather than the document.
        values["kickerDocument"] = section != nil && !standsForSection
        // The page of a Hillerød ambition says it is the ambition ("Ambition"), not "Indsats".
        values["kickerLabel"] = standsForSection ? document.sectionLabel ?? strings["section.label"] : numberLabel(item) ?? strings["item.\(item.type.rawValue)"]
        values["hasFacts"] = !(values["status"] is Bool) || !(values["activityStatuses"] is Bool) || item.shortTitle != nil
        values["contentsList"] = itemContents(item, labels: values["labels"] as? [String: String] ?? [:], fields: fields).value
        // Absent values are left out rather than set to "": swift-mustache treats an empty
        // string as true, and a missing key would otherwise fall back to an outer value.
        if let shortTitle = item.shortTitle { values["shortTitle"] = linkedText(shortTitle, links) }
        if let label = numberLabel(item) { values["numberLabel"] = label }
        if let text = item.statusText { values["statusText"] = html(text, under: 2, links) }
        if let text = item.localThemesAsWritten { values["localThemesAsWritten"] = text }
        // An item with milestones is on its document's timeline, which has a page then.
        if !item.milestones.isEmpty {
            values["timelineURL"] = links.page(documentTimelinePath(document))
            values["timelineLink"] = strings.format("timeline.documentTitle", ["document": document.title])
        }
        // An item that is its own unit lists its related units. Where its activities are
        // the units, each activity's page lists its own: the item's text is about all of
        // them, and one list for the item would give one activity's reasons to another.
        if let unit = units.first, unit.id.activity == nil {
            values = merge(values, relatedSection(of: unit, links))
            values["showRelated"] = true
        }
        return PreparedPage(
            path: item.path, template: "item", kind: "item",
            context: merge(frame(path: item.path, title: item.title, section: "municipalities", crumbs: crumbs), values))
    }

    /// The parts of an item page, in the template's order, with the text each holds.
    private func itemContents(_ item: Item, labels: [String: String], fields: [[String: Any]]) -> PageContents {
        var contents = PageContents()
        contents.count(text: item.intro.count + (item.statusText?.count ?? 0))
        if !item.activities.isEmpty {
            let text = item.activities.reduce(0) { $0 + ($1.title?.count ?? 0) + ($1.text?.count ?? 0) + ($1.statusText?.count ?? 0) }
            contents.add("aktiviteter-heading", labels["activities"] ?? "", text: text, lines: item.activities.count)
        }
        if !item.goals.isEmpty {
            contents.add("maal-heading", labels["goals"] ?? "", text: item.goals.reduce(0) { $0 + $1.count }, lines: item.goals.count)
        }
        if !item.successCriteria.isEmpty {
            contents.add("succes-heading", labels["successCriteria"] ?? "", text: item.successCriteria.reduce(0) { $0 + $1.count },
                         lines: item.successCriteria.count)
        }
        if !item.milestones.isEmpty {
            contents.add("milepaele-heading", labels["milestones"] ?? "", lines: item.milestones.count)
        }
        for (field, value) in zip(item.fields, fields) {
            contents.add(value["anchor"] as? String ?? "", field.label, text: field.markdown.count, lines: 1)
        }
        if !item.evaluation.isEmpty {
            let blank = item.evaluation.allSatisfy { $0.value == nil }
            contents.add("evaluering-heading", labels["evaluation"] ?? "",
                         text: item.evaluation.reduce(0) { $0 + ($1.value?.count ?? 0) }, lines: blank ? 1 : item.evaluation.count)
        }
        contents.add("temaer-heading", strings["themes.heading"], lines: item.themeIDs.count)
        return contents
    }

    /// The relations of a section its item stands for: the section it carries out and
    /// the sections carrying it out, in other documents.
    func sectionRelations(_ section: Section, _ links: Links) -> [String: Any] {
        func sectionLink(_ id: String) -> [String: Any]? {
            guard let other = graph.section(id), let otherDocument = graph.document(other.documentID) else { return nil }
            return ["title": other.title, "url": links.page(other.path), "document": otherDocument.title]
        }
        var relations: [String: Any] = [
            "implementedBy": section.implementedByIDs.compactMap(sectionLink),
            "hasImplementedBy": !section.implementedByIDs.isEmpty,
        ]
        relations["implements"] = absent(section.implementsID.flatMap(sectionLink))
        return relations
    }
}
