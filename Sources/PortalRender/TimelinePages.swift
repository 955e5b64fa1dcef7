import PortalCore
import PortalGraph

extension ViewContext {
    /// "When is what due?" across municipalities: every milestone by quarter, drawn and
    /// as a table, with the documents' own timelines linked.
    func timelinePage() -> PreparedPage {
        let path = graph.site.paths.timeline + "/"
        let links = Links(from: path)
        let timeline = graph.timeline
        let title = strings["timeline.title"]
        let documents = graph.documents.filter { graph.timeline(ofDocument: $0.id) != nil }
        let lanes = documents.map { document in
            lane("\(shortTitle(document.municipalityID)): \(document.title)",
                 timeline.dated.filter { $0.documentID == document.id }, links)
        }
        var values = timelineValues(timeline, lanes: lanes, showDocument: true, links)
        values["intro"] = strings["timeline.intro"]
        values["documents"] = documents.map { document -> [String: Any] in
            [
                "title": document.title,
                "municipality": municipalityTitle(document.municipalityID),
                "url": links.page(documentTimelinePath(document)),
                "count": counted("timeline.count", graph.timeline(ofDocument: document.id)?.count ?? 0),
            ]
        }
        values["hasDocuments"] = !documents.isEmpty
        values["contentsList"] = timelineContents(values, count: timeline.count, documents: documents.count).value
        return PreparedPage(
            path: path, template: "timeline", kind: "timeline",
            context: merge(frame(path: path, title: title, section: "timeline", crumbs: [Crumb(title: title)]), values))
    }

    /// One document's milestones by quarter, one lane per section.
    func documentTimelinePage(_ document: Document) -> PreparedPage? {
        guard let timeline = graph.timeline(ofDocument: document.id) else { return nil }
        let path = documentTimelinePath(document)
        let links = Links(from: path)
        let sections = document.sectionIDs.compactMap(graph.section)
        let sectionOf = Dictionary(timeline.dated.compactMap { entry in graph.item(entry.itemID).map { (entry.itemID, $0.sectionID) } },
                                   uniquingKeysWith: { first, _ in first })
        var lanes = sections.map { section in
            lane([section.number, section.title].compactMap { $0 }.joined(separator: " "),
                 timeline.dated.filter { sectionOf[$0.itemID] == section.id }, links)
        }
        let unsectioned = timeline.dated.filter { sectionOf[$0.itemID].flatMap { $0 } == nil }
        if !unsectioned.isEmpty { lanes.append(lane(document.title, unsectioned, links)) }
        let title = strings.format("timeline.documentTitle", ["document": document.title])
        var values = timelineValues(timeline, lanes: lanes.filter { !$0.marks.isEmpty }, showDocument: false, links)
        values["intro"] = strings["timeline.documentIntro"]
        values["document"] = document.title
        values["documentURL"] = links.page(document.path)
        values["municipality"] = municipalityTitle(document.municipalityID)
        values["overviewURL"] = links.page(graph.site.paths.timeline + "/")
        values["source"] = source(SourceReference(documentID: document.id), links)
        values["contentsList"] = timelineContents(values, count: timeline.count, documents: 0).value
        let crumbs = crumbs(to: document) + [Crumb(title: strings["timeline.title"])]
        return PreparedPage(
            path: path, template: "timeline", kind: "timeline",
            context: merge(frame(path: path, title: title, section: "timeline", crumbs: crumbs), values))
    }

    /// The address of a document's timeline: its own address, below the timeline's folder
    /// instead of the municipalities' (`tidslinje/rudersdal/virksomhedsplan-2019/`), so
    /// that it is unique as the document's is, and meets no section of the document.
    func documentTimelinePath(_ document: Document) -> String {
        let paths = graph.site.paths
        let prefix = paths.municipalities + "/"
        let below = document.path.hasPrefix(prefix) ? String(document.path.dropFirst(prefix.count)) : document.path
        return paths.timeline + "/" + below
    }

    /// "Rudersdal": the name tables and the drawing use.
    private func shortTitle(_ municipalityID: String) -> String {
        graph.municipality(municipalityID)?.shortTitle ?? municipalityID
    }

    /// One lane of the drawing, its milestones linked to their units.
    private func lane(_ label: String, _ entries: [Timeline.Entry], _ links: Links) -> TimelineChart.Lane {
        TimelineChart.Lane(label: label, marks: entries.compactMap { entry in
            guard let range = entry.range, let item = graph.item(entry.itemID) else { return nil }
            let unit = numberLabel(item) ?? item.title
            let title = "\(unit) · \(entry.milestone.when ?? ""): \(markdown.plainText(entry.milestone.text))"
            return TimelineChart.Mark(range: range, url: links.page(item.path, anchor: milestoneAnchor(entry.index)), title: title)
        })
    }

    /// The values both timeline pages share: the drawing, the table by quarter, and the
    /// milestones without a place.
    private func timelineValues(_ timeline: Timeline, lanes: [TimelineChart.Lane], showDocument: Bool, _ links: Links) -> [String: Any] {
        let chart = TimelineChart(quarters: timeline.quarters)
        func quarterName(_ quarter: Timeline.Quarter) -> String {
            strings.format("timeline.quarter", ["number": String(quarter.number), "year": String(quarter.year)])
        }
        let groups = timeline.groups.map { group -> [String: Any] in
            [
                "heading": quarterName(group.quarter),
                "count": counted("timeline.count", group.entries.count),
                "rows": group.entries.compactMap { row($0, showDocument: showDocument, links) },
            ]
        }
        let unplaced = timeline.unplaced.compactMap { entry -> [String: Any]? in
            guard var value = row(entry, showDocument: showDocument, links) else { return nil }
            value["reason"] = switch entry.placement {
            case .undated: strings["timeline.undated"]
            case .unreadable: strings["timeline.unreadable"]
            case .withoutYear: strings["timeline.withoutYear"]
            case .dated: ""
            }
            return value
        }
        return [
            "hasMilestones": !timeline.isEmpty,
            "total": counted("timeline.count", timeline.count),
            "chart": timeline.dated.isEmpty ? false as Any
                : chart.values(lanes) { strings.format("timeline.quarterShort", ["number": String($0.number), "year": String($0.year)]) },
            "groups": groups,
            "unplaced": unplaced,
            "hasUnplaced": !unplaced.isEmpty,
            "unplacedCount": counted("timeline.count", unplaced.count),
            "showDocument": showDocument,
            "columnCount": showDocument ? "4" : "3",
        ]
    }

    /// One milestone as a table row: when as written, what, and the unit it belongs to.
    private func row(_ entry: Timeline.Entry, showDocument: Bool, _ links: Links) -> [String: Any]? {
        guard let item = graph.item(entry.itemID) else { return nil }
        var row: [String: Any] = [
            "when": entry.milestone.when ?? strings["missing.notGiven"],
            "whenMissing": entry.milestone.when == nil,
            "text": inline(entry.milestone.text, links),
            "unit": item.title,
            "numberLabel": absent(numberLabel(item)),
            "url": links.page(item.path, anchor: milestoneAnchor(entry.index)),
            "reason": false,
        ]
        if showDocument, let document = graph.document(entry.documentID) {
            row["municipality"] = shortTitle(document.municipalityID)
            row["document"] = document.title
            row["documentURL"] = links.page(document.path)
        }
        return row
    }

    /// The parts of a timeline page: the list of documents, the chart and the table of
    /// `count` milestones (each row a few lines).
    private func timelineContents(_ values: [String: Any], count: Int, documents: Int) -> PageContents {
        var contents = PageContents()
        if documents > 0 { contents.add("dokumenter-heading", strings["timeline.documentsHeading"], lines: documents) }
        if values["chart"] != nil, !(values["chart"] is Bool) { contents.add("grafik-heading", strings["timeline.chartHeading"], lines: 12) }
        if count > 0 { contents.add("tabel-heading", strings["timeline.tableHeading"], lines: 3 * count) }
        return contents
    }
}

/// The id of a milestone's row on its item's page (`milepael-1` for the first): made
/// from its position, never from content, so it meets no id a content slug makes.
func milestoneAnchor(_ index: Int) -> String {
    "milepael-\(index + 1)"
}
