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
        let activityPaths = Dictionary(graph.units(ofItem: item.id).compactMap { unit in unit.id.activity.map { ($0, unit.path) } },
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
        let fields = item.fields.map { field -> [String: Any] in
            ["label": field.label, "body": html(field.markdown, under: 2, links), "empty": field.markdown.isEmpty]
        }
        let evaluation = item.evaluation.map { field -> [String: Any] in
            ["label": field.label, "value": linkedText(field.value ?? strings["missing.notFilled"], links), "missing": field.value == nil]
        }
        let localThemes = document.localThemes.filter { item.localThemes.contains($0.number) }.map { theme -> [String: Any] in
            ["number": String(theme.number), "title": theme.title, "url": links.page(document.path, anchor: localThemeAnchor(theme.number))]
        }
        let municipality = graph.municipality(item.municipalityID)
        var crumbs = crumbs(to: document)
        if let section { crumbs.append(Crumb(title: section.title, path: section.path)) }
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
        if let section {
            values["section"] = section.title
            values["sectionURL"] = links.page(section.path)
        }
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
        return PreparedPage(
            path: item.path, template: "item", kind: "item",
            context: merge(frame(path: item.path, title: item.title, section: "municipalities", crumbs: crumbs), values))
    }
}
