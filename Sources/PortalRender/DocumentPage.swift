import PortalGraph

extension ViewContext {
    /// A document as the municipality wrote it, made navigable: facts, contents, its own
    /// matrices, the text, appendices and related documents.
    func documentPage(_ document: Document) -> PreparedPage {
        let links = Links(from: document.path)
        let sections = document.sectionIDs.compactMap(graph.section)
        let contents = sections.enumerated().map { index, section -> [String: Any] in
            [
                "title": section.title,
                "url": links.page(section.path),
                "anchor": sectionAnchor(index),
                "number": absent(section.number),
                "body": section.body.isEmpty ? false as Any : html(section.body, under: 3, links),
                // A section its item stands for links to that item's page; listing the item
                // under it again would name the same page twice.
                "items": section.shownByItemID != nil ? [] : section.itemIDs.compactMap(graph.item).map { itemSummary($0, links) },
            ]
        }
        let unsectioned = document.itemIDs.compactMap(graph.item).filter { $0.sectionID == nil }.map { itemSummary($0, links) }
        let matrices = graph.documentMatrices(document.id).enumerated().map { index, matrix in
            documentMatrixView(matrix, document: document, index: index, links)
        }
        let appendices = document.appendixIDs.compactMap(graph.appendix).map { appendix -> [String: Any] in
            [
                "title": appendix.title,
                "anchor": appendix.anchor,
                "body": html(appendix.body, under: 3, links),
                "page": absent(appendix.source.page.map(String.init)),
            ]
        }
        let localThemes = document.localThemes.map { theme -> [String: Any] in
            [
                "number": String(theme.number),
                "anchor": localThemeAnchor(theme.number),
                "title": theme.title,
                "themes": themeLinks(theme.themeIDs, links),
                "description": absent(theme.description.map { inline($0, links) }),
            ]
        }
        let ideas = document.administrativeIdeas.map { idea -> [String: Any] in
            let numbers = idea.localThemes.map(\.value)
            let names = document.localThemes.filter { numbers.contains($0.number) }.map { "\($0.number) \($0.title)" }
            return ["title": linkedText(idea.title, links), "themes": names.isEmpty ? strings["missing.notGiven"] : names.joined(separator: ", ")]
        }
        let related = document.relatedIDs.compactMap(graph.document).map { documentSummary($0, links) }
        let municipality = graph.municipality(document.municipalityID)
        // The trail down to the document, with the document itself as the current page.
        let crumbs = Array(crumbs(to: document).dropLast()) + [Crumb(title: document.title)]
        var values: [String: Any] = documentSummary(document, links)
        values.merge([
            "municipality": municipality?.title ?? "",
            "municipalityURL": municipality.map { links.page($0.path) } ?? "",
            "sectionLabel": document.sectionLabel ?? strings["section.label"],
            "body": html(document.body, under: 2, links),
            "hasBody": !document.body.isEmpty,
            "contents": contents,
            "hasContents": !contents.isEmpty,
            "unsectioned": unsectioned,
            "hasUnsectioned": !unsectioned.isEmpty,
            "matrices": matrices,
            "hasMatrices": !matrices.isEmpty,
            "localThemes": localThemes,
            "hasLocalThemes": !localThemes.isEmpty,
            "administrativeIdeas": ideas,
            "hasAdministrativeIdeas": !ideas.isEmpty,
            "administrativeIdeasHeading": document.administrativeIdeasHeading ?? strings["document.administrativeIdeas"],
            "keyFacts": keyFacts(document, links),
            "hasKeyFacts": !document.keyFacts.isEmpty,
            "appendices": appendices,
            "hasAppendices": !appendices.isEmpty,
            "appendicesHeading": document.appendicesHeading ?? strings["document.appendices"],
            "related": related,
            "hasRelated": !related.isEmpty,
            "source": source(SourceReference(documentID: document.id), links),
        ]) { _, new in new }
        if let overview = statusOverview(document, id: "status-oversigt", links) { values["statusOverview"] = overview }
        if let timeline = graph.timeline(ofDocument: document.id) {
            values["timeline"] = ["url": links.page(documentTimelinePath(document)), "count": counted("timeline.count", timeline.count)]
        }
        if let contact = document.contact { values["contact"] = html(contact, under: 2, links) }
        values["contentsList"] = documentContents(document, sections: sections, values: values).value
        return PreparedPage(
            path: document.path, template: "document", kind: "document",
            context: merge(frame(path: document.path, title: document.title, section: "municipalities", crumbs: crumbs), values))
    }

    /// Breadcrumbs down to a document, for the pages below it.
    func crumbs(to document: Document) -> [Crumb] {
        let municipality = graph.municipality(document.municipalityID)
        return [
            Crumb(title: strings["nav.municipalities"], path: graph.site.paths.municipalities + "/"),
            Crumb(title: municipality?.title ?? "", path: municipality?.path),
            Crumb(title: document.title, path: document.path),
        ]
    }

    /// The parts of a document page, in the template's order, with the text each holds.
    private func documentContents(_ document: Document, sections: [Section], values: [String: Any]) -> PageContents {
        var contents = PageContents()
        contents.count(text: document.summary?.count ?? 0, lines: 4)
        if !document.body.isEmpty { contents.add("tekst-heading", strings["document.text"], text: document.body.count) }
        if values["statusOverview"] != nil {
            let overview = PageContents.statusOverviewText(document.itemIDs.compactMap(graph.item))
            contents.add("status-heading", strings["statusOverview.heading"], text: overview.text, lines: overview.lines)
        }
        for (index, section) in sections.enumerated() {
            let title = [section.number, section.title].compactMap { $0 }.joined(separator: " ")
            contents.add(sectionAnchor(index), title, text: section.body.count, lines: 1 + section.itemIDs.count)
        }
        let unsectioned = document.itemIDs.compactMap(graph.item).filter { $0.sectionID == nil }
        if !unsectioned.isEmpty { contents.add("indsatser-heading", strings["document.items"], lines: unsectioned.count) }
        if !document.localThemes.isEmpty {
            contents.add("lokale-temaer-heading", strings["document.localThemes"], lines: 2 * document.localThemes.count)
        }
        let matrices = graph.documentMatrices(document.id)
        if !matrices.isEmpty { contents.add("matricer-heading", strings["document.matrices"], lines: matrices.count * 10) }
        if !document.administrativeIdeas.isEmpty {
            contents.add("administrativt-heading", values["administrativeIdeasHeading"] as? String ?? "", lines: document.administrativeIdeas.count)
        }
        if !document.keyFacts.isEmpty {
            contents.add("noegletal-heading", strings["document.keyFacts"], lines: document.keyFacts.reduce(0) { $0 + 1 + $1.facts.count })
        }
        let appendices = document.appendixIDs.compactMap(graph.appendix)
        if !appendices.isEmpty {
            contents.add("bilag-heading", values["appendicesHeading"] as? String ?? "", text: appendices.reduce(0) { $0 + $1.body.count })
        }
        if let contact = document.contact { contents.add("kontakt-heading", strings["document.contact"], text: contact.count) }
        if !document.relatedIDs.isEmpty { contents.add("relaterede-heading", strings["document.related"], lines: document.relatedIDs.count) }
        return contents
    }
}
