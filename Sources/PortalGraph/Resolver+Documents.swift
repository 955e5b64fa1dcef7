import PortalContent
import PortalCore

extension Resolver {
    /// Cross-municipality themes, tags and free pages, with their addresses.
    /// - Parameter reservingRoot: whether `paths` are the site's own; without settings
    ///   they are the defaults, which pages cannot truly collide with.
    mutating func resolveTopics(_ paths: SiteConfig.Paths, reservingRoot: Bool) {
        themeOrder = Dictionary(themeRecords.enumerated().map { ($1.header.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        themes = themeRecords.map { record in
            Topic(id: record.header.id.value, title: record.header.title, body: record.header.body,
                  path: addresses.place(record.header, under: paths.themes + "/", diagnostics: &diagnostics))
        }
        tags = tagRecords.map { record in
            Topic(id: record.header.id.value, title: record.header.title, body: record.header.body,
                  path: addresses.place(record.header, under: paths.tags + "/", diagnostics: &diagnostics))
        }
        // Free pages live at the root, beside the generator's own folders.
        if reservingRoot { addresses.reserve(paths) }
        pages = pageRecords.map { record in
            Topic(id: record.header.id.value, title: record.header.title, body: record.header.body,
                  path: addresses.place(record.header, under: "", diagnostics: &diagnostics),
                  layout: record.layout?.value, layoutLocation: record.layout?.location)
        }
    }

    /// Municipalities, then their documents below them; related documents both ways.
    mutating func resolveMunicipalitiesAndDocuments(_ paths: SiteConfig.Paths) {
        municipalities = municipalityRecords.map { record in
            Municipality(id: record.header.id.value, title: record.header.title,
                         shortTitle: record.shortTitle ?? record.header.title, body: record.header.body,
                         path: addresses.place(record.header, under: paths.municipalities + "/", diagnostics: &diagnostics),
                         pathLocation: record.header.slug?.location ?? record.header.titleLocation, documentIDs: [])
        }
        let municipalityPosition = Dictionary(municipalities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for record in documentRecords {
            let municipalityID = check(record.municipality, is: .municipality, field: "municipality")
            let position = municipalityID.flatMap { municipalityPosition[$0] }
            documents.append(Document(
                id: record.header.id.value, title: record.header.title, municipalityID: municipalityID ?? "",
                documentType: record.documentType, organisation: record.organisation, period: record.period,
                date: record.date, sourceFile: record.sourceFile, sourceURL: record.sourceURL, summary: record.summary,
                sectionLabel: record.sectionLabel, itemLabel: record.itemLabel,
                relatedIDs: relatedDocuments(of: record),
                localThemes: localThemes(of: record), keyFacts: record.keyFacts,
                administrativeIdeas: record.administrativeIdeas,
                administrativeIdeasHeading: record.administrativeIdeasHeading,
                appendicesHeading: record.appendicesHeading, contact: record.contact,
                units: record.units, leadField: record.leadField, body: record.header.body,
                // Without its municipality the document's address is unknown; checking it would give false collisions.
                path: position.map { addresses.place(record.header, under: municipalities[$0].path, diagnostics: &diagnostics) }
                    ?? addresses.placeUnchecked(record.header, under: ""),
                sectionIDs: [], itemIDs: [], appendixIDs: []))
            if let position { municipalities[position].documentIDs.append(record.header.id.value) }
        }
        documentPosition = Dictionary(documents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Related documents are shown from both sides.
        for document in documents {
            for related in document.relatedIDs {
                if let index = documentPosition[related], !documents[index].relatedIDs.contains(document.id) {
                    documents[index].relatedIDs.append(document.id)
                }
            }
        }
    }

    /// The documents a document names as related; itself is not one of them.
    mutating func relatedDocuments(of record: DocumentRecord) -> [String] {
        let others = record.related.filter { reference in
            guard reference.id == record.header.id.value else { return true }
            diagnostics.append(.error(at: reference.location, "document '\(reference.id)' is related to itself",
                                      hint: "'related:' names other documents this one builds on; remove its own id"))
            return false
        }
        return check(others, are: .document, field: "related document")
    }

    /// A document's own numbered themes, each mapped to cross-municipality themes;
    /// administrative ideas may only name those numbers.
    mutating func localThemes(of record: DocumentRecord) -> [LocalTheme] {
        var numbers: Set<Int> = []
        let themes = record.localThemes.map { theme in
            if !numbers.insert(theme.number.value).inserted {
                diagnostics.append(.error(at: theme.number.location, "local theme number \(theme.number.value) is used twice"))
            }
            return LocalTheme(number: theme.number.value, numberLocation: theme.number.location, title: theme.title, description: theme.description,
                              themeIDs: sortedThemes(check(theme.themes, are: .theme, field: "theme")))
        }
        for idea in record.administrativeIdeas {
            for number in idea.localThemes where !numbers.contains(number.value) {
                diagnostics.append(.error(at: number.location, "local theme \(number.value) is not in the document's local_themes"))
            }
        }
        return themes
    }

    /// Sections below their documents; the sections they carry out, both ways.
    mutating func resolveSections() {
        for record in sectionRecords {
            guard let documentID = check(record.document, is: .document, field: "document"),
                  let position = documentPosition[documentID] else { continue }
            let document = documents[position]
            sections.append(Section(
                id: record.header.id.value, documentID: documentID, municipalityID: document.municipalityID,
                number: record.number, title: record.header.title,
                themeIDs: sortedThemes(check(record.themes, are: .theme, field: "theme")),
                implementsID: check(record.implements, is: .section, field: "implemented section"),
                implementedByIDs: [], body: record.header.body,
                source: SourceReference(documentID: documentID, page: record.header.page, section: record.header.sourceSection),
                path: addresses.place(record.header, under: document.path, diagnostics: &diagnostics), itemIDs: []))
            documents[position].sectionIDs.append(record.header.id.value)
        }
        sectionPosition = Dictionary(sections.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        checkImplementsCircles(Dictionary(
            sectionRecords.compactMap { record in record.implements.map { (record.header.id.value, $0.location) } },
            uniquingKeysWith: { first, _ in first }))
        for section in sections {
            if let target = section.implementsID, let index = sectionPosition[target] {
                sections[index].implementedByIDs.append(section.id)
            }
        }
    }

    /// Appendices are shown on their document's page, each under its own anchor.
    mutating func resolveAppendices() {
        var anchors: [String: Set<String>] = [:]
        for record in appendixRecords {
            guard let documentID = check(record.document, is: .document, field: "document"),
                  let position = documentPosition[documentID] else { continue }
            var anchor = record.header.slug?.value ?? Slug.make(record.header.title)
            var anchorLocation = record.header.slug?.location ?? record.header.titleLocation
            if anchor.isEmpty || !anchors[documentID, default: []].insert(anchor).inserted {
                (anchor, anchorLocation) = (record.header.id.value, record.header.id.location)
            }
            appendices.append(Appendix(
                id: record.header.id.value, documentID: documentID, title: record.header.title, body: record.header.body,
                anchor: "bilag-" + anchor, anchorLocation: anchorLocation,
                source: SourceReference(documentID: documentID, page: record.header.page, section: record.header.sourceSection)))
            documents[position].appendixIDs.append(record.header.id.value)
        }
    }
}
