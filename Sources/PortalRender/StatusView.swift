import PortalContent
import PortalGraph

extension ViewContext {
    /// A count that says what it counts, in the theme's words for one (`key.one`) or
    /// more (`key.other`).
    func counted(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        strings.format("\(key).\(count == 1 ? "one" : "other")", values.merging(["count": String(count)]) { _, new in new })
    }

    /// "7 realiseret · 3 i gang · 1 fravalgt", as tags a template joins.
    func statusCounts(_ counts: [StatusOverview.Count]) -> [[String: Any]] {
        counts.enumerated().map { index, count in
            [
                "text": strings.format("statusCount.\(count.status.rawValue)", ["count": String(count.count)]),
                "modifier": count.status.rawValue,
                "first": index == 0,
            ]
        }
    }

    /// What an item's activities' statuses say together, for an item without a status of
    /// its own; `false` for the template when there is nothing to say.
    func activityStatuses(_ item: Item) -> Any {
        guard let statuses = ActivityStatuses(item) else { return false }
        return [
            "label": strings[statuses.differ ? "statusOverview.differ" : "statusOverview.same"],
            "counts": statusCounts(statuses.counts),
        ] as [String: Any]
    }

    /// The status an item page shows: its own; none where its activities show theirs or
    /// where its document gives no unit a status (a tag saying "Ikke angivet" on every
    /// unit of a plan without statuses says nothing); else "Ikke angivet".
    func itemStatus(_ item: Item) -> Any {
        if let own = status(item.status) { return own }
        if ActivityStatuses(item) != nil || !graph.hasStatus(document: item.documentID) { return false }
        return status(.ikkeAngivet) ?? false
    }

    /// The status overview of a document that reports status, for its page and its
    /// municipality's; nil when it reports none.
    /// - Parameter id: the element id of the overview's table, unique on the page.
    func statusOverview(_ document: Document, id: String, _ links: Links) -> [String: Any]? {
        guard let overview = graph.statusOverview(document.id) else { return nil }
        let goals = overview.goals.compactMap { goal -> [String: Any]? in
            guard let item = graph.item(goal.itemID) else { return nil }
            let rows = goal.rows.enumerated().map { index, row -> [String: Any] in
                let activity = row.activityIndex.flatMap { item.activities.indices.contains($0) ? item.activities[$0] : nil }
                let text = activity.map { [$0.title, $0.text].compactMap { $0 }.joined(separator: " ") }
                return [
                    "first": index == 0,
                    "activityNumber": absent(activity?.number),
                    "activity": absent(text.map { inline($0, links) }),
                    "status": status(row.status ?? .ikkeAngivet) ?? false,
                    "statusText": absent(row.statusText.map { html($0, under: 3, links) }),
                ]
            }
            return [
                "title": item.title,
                "numberLabel": absent(numberLabel(item)),
                "section": absent(item.sectionID.flatMap(graph.section).map { section in
                    "\(document.sectionLabel ?? strings["section.label"]): \(section.title)"
                }),
                "url": links.page(item.path),
                "rowCount": String(rows.count),
                "rows": rows,
                "activityStatuses": goal.activities.map { _ in activityStatuses(item) } ?? false,
            ]
        }
        let rowCount = overview.rows.count
        return [
            "id": id,
            "caption": strings.format("statusOverview.caption", ["document": document.title]),
            "goalLabel": document.itemLabel ?? strings["item.initiative"],
            "counted": counted(overview.countsActivities ? "statusOverview.countedActivities" : "statusOverview.countedUnits", rowCount),
            "counts": statusCounts(overview.counts),
            "goals": goals,
        ]
    }
}
