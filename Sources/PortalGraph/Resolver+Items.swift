import PortalContent
import PortalCore
import PortalMarkdown

extension Resolver {
    /// Initiatives and ideas: their document and section, their themes (own, section's
    /// and local themes' mapping), tags, fields and address; then their reading order.
    mutating func resolveItems() {
        // The per-item work that needs no shared state is done in parallel up front.
        let leadFields = Dictionary(documents.map { ($0.id, $0.leadField) }, uniquingKeysWith: { first, _ in first })
        let renderer = MarkdownRenderer()
        let memo = self.memo
        let prepared = itemRecords.concurrentMap { record in
            let leadField = leadFields[record.document.id] ?? nil
            let make = { PreparedItem(record, leadField: leadField, renderer: renderer) }
            return memo?.item(ResolutionMemo.ItemKey(record: record, leadField: leadField), make: make) ?? make()
        }
        let themeSources = ThemeSources(sections: sectionRecords, documents: documentRecords)
        for (record, prepared) in zip(itemRecords, prepared) {
            checkFieldHeadings(prepared.fields, of: record)
            guard let documentID = check(record.document, is: .document, field: "document"),
                  let position = documentPosition[documentID] else { continue }
            let document = documents[position]
            let sectionID = section(of: record, in: document)
            let localThemes = localThemes(of: record, in: document)
            let themeIDs = sortedThemes(
                check(record.themes, are: .theme, field: "theme")
                    + (sectionID.flatMap { sectionPosition[$0] }.map { sections[$0].themeIDs } ?? [])
                    + document.localThemes.filter { localThemes.contains($0.number) }.flatMap(\.themeIDs))
            let item = Item(
                id: record.header.id.value, type: record.type, documentID: documentID,
                municipalityID: document.municipalityID, sectionID: sectionID, number: record.number,
                title: record.header.title, shortTitle: record.shortTitle, status: record.status, statusText: record.statusText,
                themeIDs: themeIDs, localThemes: localThemes, localThemesAsWritten: record.localThemesAsWritten,
                tagIDs: check(record.tags, are: .tag, field: "tag"), missingDescription: record.missingDescription,
                activities: record.activities, goals: record.goals, successCriteria: record.successCriteria,
                milestones: record.milestones, evaluation: record.evaluation, labels: record.labels,
                intro: prepared.fields.intro, fields: prepared.fields.fields,
                source: SourceReference(documentID: documentID, page: record.header.page, section: record.header.sourceSection),
                path: addresses.place(record.header, under: document.path, madeSlug: prepared.slug, diagnostics: &diagnostics))
            items.append(item)
            unitsByItem[item.id] = units(of: item, record: record, in: document, leads: prepared.leads)
            let themesKnown = themeSources.allResolve(for: record, sectionID: sectionID, in: document, resolver: self)
            warnAboutGaps(record, fields: prepared.fields, themeIDs: themeIDs, themesKnown: themesKnown)
            warnAboutDates(prepared.dates.compactMap { $0 }, of: record, in: document)
        }
        orderItems()
    }

    /// The item's section, which must belong to the item's own document.
    mutating func section(of record: ItemRecord, in document: Document) -> String? {
        guard let id = check(record.section, is: .section, field: "section") else {
            if record.section == nil, !document.sectionIDs.isEmpty {
                diagnostics.append(.error(at: record.header.file, "missing required field 'section'",
                                          hint: "the document is organised in sections; name the item's section by its id"))
            }
            return nil
        }
        if let index = sectionPosition[id], sections[index].documentID != document.id {
            diagnostics.append(.error(
                at: record.section?.location ?? record.header.file,
                "section '\(id)' belongs to document '\(sections[index].documentID)', not to '\(document.id)'",
                hint: "use a section of the item's own document"))
            return nil
        }
        return id
    }

    /// The local theme numbers the item names, each one defined by its document.
    mutating func localThemes(of record: ItemRecord, in document: Document) -> [Int] {
        let numbers = Set(document.localThemes.map(\.number))
        var result: [Int] = []
        for number in record.localThemes {
            if numbers.contains(number.value) {
                result.append(number.value)
            } else {
                diagnostics.append(.error(at: number.location, "local theme \(number.value) is not in the document's local_themes",
                                          hint: "use one of: " + numbers.sorted().map(String.init).joined(separator: ", ")))
            }
        }
        return result.sorted()
    }

    /// Warnings that do not stop the build: no text, no theme (unless `themesKnown` is
    /// false: a theme is then missing because of an error already reported).
    mutating func warnAboutGaps(_ record: ItemRecord, fields: MarkdownFields, themeIDs: [String], themesKnown: Bool = true) {
        if !record.missingDescription, fields.intro.isEmpty, fields.fields.isEmpty, record.activities.isEmpty,
           record.goals.isEmpty, record.milestones.isEmpty {
            diagnostics.append(.warning(at: record.header.bodyLocation, "item has no text",
                                        hint: "transcribe its text, or set 'missing_description: true' if the source has none"))
        }
        if themeIDs.isEmpty, themesKnown {
            diagnostics.append(.warning(at: record.header.file, "item has no cross-municipality theme",
                                        hint: "add 'themes:' to the item or to its section so it can be compared"))
        }
    }

    /// Milestone dates that cannot be placed on a timeline: not readable as a date, or
    /// naming no year where the document's period gives none. Each is still shown as
    /// written, and listed on the timeline without a place.
    mutating func warnAboutDates(_ dates: [(milestone: Milestone, date: DanishDate?)], of record: ItemRecord, in document: Document) {
        for (milestone, date) in dates {
            guard let when = milestone.when else { continue }
            let location = milestone.whenLocation ?? record.header.file
            guard let date else {
                diagnostics.append(.warning(
                    at: location, "cannot read '\(when)' as a date; it is shown as written, without a place on the timeline",
                    hint: "dates like 'Ultimo maj 2019', 'Primo august 2019 – ultimo marts 2020', 'Forår 2020' or 'Løbende' can be placed on a timeline"))
                continue
            }
            guard date.range(year: document.year) == nil else { continue }
            let hint = if let period = document.period {
                "the document's period '\(period)' is not one year, so write the year in the date (such as '\(when) 2020')"
            } else {
                "write the year in the date (such as '\(when) 2020'), or give document '\(document.id)' a 'period:' of the year the source names"
            }
            diagnostics.append(.warning(
                at: location, "'\(when)' names no year, and its document gives none; it is shown as written, without a place on the timeline",
                hint: hint))
        }
    }

    /// Items are read by section order within each document, and listed under their section.
    mutating func orderItems() {
        let itemsByDocument = Dictionary(grouping: items.indices, by: { items[$0].documentID })
        for index in documents.indices {
            let sectionRank = Dictionary(documents[index].sectionIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let inDocument = (itemsByDocument[documents[index].id] ?? []).map { items[$0] }
            documents[index].itemIDs = inDocument.enumerated().sorted { lhs, rhs in
                let a = lhs.element.sectionID.flatMap { sectionRank[$0] } ?? .max
                let b = rhs.element.sectionID.flatMap { sectionRank[$0] } ?? .max
                return a != b ? a < b : lhs.offset < rhs.offset
            }.map(\.element.id)
        }
        for item in items {
            if let id = item.sectionID, let index = sectionPosition[id] { sections[index].itemIDs.append(item.id) }
        }
    }
}

extension Resolver {
    /// What an item record gives on its own, without the rest of the site: its Markdown
    /// fields, address slug, milestone dates and units' leads. Prepared in parallel, and
    /// kept between resolutions by a `ResolutionMemo`.
    struct PreparedItem: Sendable {
        var fields: MarkdownFields
        var slug: String
        var dates: [(Milestone, DanishDate?)?]
        var leads: UnitLeads

        init(_ record: ItemRecord, leadField: String?, renderer: MarkdownRenderer) {
            fields = MarkdownFields(splitting: record.header.body)
            slug = Slug.make(record.header.title)
            dates = record.milestones.map { milestone in milestone.when.map { (milestone, DanishDate($0)) } }
            leads = UnitLeads(record, fields: fields, leadField: leadField, renderer: renderer)
        }
    }
}
