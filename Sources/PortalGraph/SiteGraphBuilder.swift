import PortalContent
import PortalCore
import PortalMarkdown

/// Stages 2 and 3 of the build: validates the loaded records (unique ids, every
/// reference resolvable, unique addresses) and resolves them into a `SiteGraph`.
///
/// Every problem is collected; the graph is only returned when there is no error.
public struct SiteGraphBuilder: Sendable {
    public init() {}

    public func build(_ content: LoadedContent) -> (graph: SiteGraph?, diagnostics: [Diagnostic]) {
        var resolver = Resolver(records: content.records, unusable: content.unusable)
        guard let site = content.site else {
            _ = resolver.resolve(site: nil)
            return (nil, resolver.diagnostics)
        }
        let graph = resolver.resolve(site: site)
        let hasErrors = resolver.diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : graph, resolver.diagnostics)
    }
}

/// The working state of one resolution; kept private to the builder.
private struct Resolver {
    var diagnostics: [Diagnostic] = []
    let municipalities: [MunicipalityRecord]
    let documents: [DocumentRecord]
    let sections: [SectionRecord]
    let items: [ItemRecord]
    let appendices: [AppendixRecord]
    let themes: [PlainRecord]
    let tags: [PlainRecord]
    let pages: [PlainRecord]
    /// Every id with the kind and place of its file. Ids are unique per kind: a tag and a
    /// theme may share the id `civilsamfund`, as references always say which kind they mean.
    var ids: [EntityKind: [String: RecordHeader]] = [:]
    /// Files whose errors are already reported; references to them stay quiet.
    let unusable: [EntityKind: Set<String>]

    init(records: [ContentRecord], unusable: [EntityKind: Set<String>] = [:]) {
        self.unusable = unusable
        var municipalities: [MunicipalityRecord] = [], documents: [DocumentRecord] = [], sections: [SectionRecord] = []
        var items: [ItemRecord] = [], appendices: [AppendixRecord] = []
        var themes: [PlainRecord] = [], tags: [PlainRecord] = [], pages: [PlainRecord] = []
        for record in records {
            let header = record.header
            if let first = ids[header.kind]?[header.id.value] {
                diagnostics.append(.error(
                    at: header.id.location,
                    "id '\(header.id.value)' is already used by \(first.file.path):\(first.id.location.line)",
                    hint: "every \(header.kind.rawValue) needs its own id; rename one of them"))
                continue
            }
            ids[header.kind, default: [:]][header.id.value] = header
            switch record {
            case .municipality(let value): municipalities.append(value)
            case .document(let value): documents.append(value)
            case .section(let value): sections.append(value)
            case .item(let value): items.append(value)
            case .appendix(let value): appendices.append(value)
            case .theme(let value): themes.append(value)
            case .tag(let value): tags.append(value)
            case .page(let value): pages.append(value)
            }
        }
        self.municipalities = Self.ordered(municipalities, \.header)
        self.documents = Self.ordered(documents, \.header)
        self.sections = Self.ordered(sections, \.header)
        self.items = Self.ordered(items, \.header, number: \.number)
        self.appendices = Self.ordered(appendices, \.header)
        self.themes = Self.ordered(themes, \.header)
        self.tags = tags.sorted { $0.header.title.lowercased() < $1.header.title.lowercased() }
        self.pages = Self.ordered(pages, \.header)
    }

    /// Sorts by explicit `order`, then by the source's number read as a number, then by title.
    static func ordered<T>(_ records: [T], _ header: KeyPath<T, RecordHeader>, number: KeyPath<T, String?>? = nil) -> [T] {
        // Keys are computed once per record, not once per comparison.
        let keys = records.enumerated().map { offset, record -> (Int, Int, String, Int) in
            let numeric = number.flatMap { record[keyPath: $0] }.flatMap { Int($0.filter(\.isNumber)) } ?? Int.max
            return (record[keyPath: header].order ?? Int.max, numeric, record[keyPath: header].title, offset)
        }
        return keys.sorted { $0 < $1 }.map { records[$0.3] }
    }

    // MARK: References

    /// Checks that `reference` names an entity of `kind`; reports it otherwise.
    mutating func check(_ reference: Reference?, is kind: EntityKind, field: String) -> String? {
        guard let reference else { return nil }
        if unusable[kind]?.contains(reference.id) == true { return nil }
        guard ids[kind]?[reference.id] != nil else {
            let candidates = Array(ids[kind, default: [:]].keys)
            if let other = EntityKind.allCases.first(where: { ids[$0]?[reference.id] != nil }) {
                diagnostics.append(.error(
                    at: reference.location, "\(field) '\(reference.id)' is a \(other.rawValue), not a \(kind.rawValue)",
                    hint: "refer to the id of a \(kind.rawValue) here"))
                return nil
            }
            var hint = "check the spelling, or create a \(kind.rawValue) file with 'id: \(reference.id)'"
            if let guess = Suggestion.closest(to: reference.id, in: candidates) { hint = "did you mean '\(guess)'?" }
            diagnostics.append(.error(at: reference.location, "\(field) '\(reference.id)' does not exist", hint: hint))
            return nil
        }
        return reference.id
    }

    mutating func check(_ references: [Reference], are kind: EntityKind, field: String) -> [String] {
        var seen: Set<String> = []
        return references.compactMap { reference in
            guard let id = check(reference, is: kind, field: field) else { return nil }
            guard seen.insert(id).inserted else {
                diagnostics.append(.warning(at: reference.location, "\(field) '\(id)' is listed twice", hint: "remove one of them"))
                return nil
            }
            return id
        }
    }

    // MARK: Resolution

    mutating func resolve(site: SiteConfig?) -> SiteGraph? {
        let paths = site?.paths ?? .standard
        var addresses = AddressBook()
        let themeOrder = Dictionary(themes.enumerated().map { ($1.header.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        func sortedThemes(_ ids: some Sequence<String>) -> [String] {
            Set(ids).sorted { (themeOrder[$0] ?? .max, $0) < (themeOrder[$1] ?? .max, $1) }
        }

        // Topics: themes, tags, pages.
        let themeTopics = themes.map { record in
            Topic(id: record.header.id.value, title: record.header.title, body: record.header.body,
                  path: addresses.place(record.header, under: paths.themes + "/", diagnostics: &diagnostics))
        }
        let tagTopics = tags.map { record in
            Topic(id: record.header.id.value, title: record.header.title, body: record.header.body,
                  path: addresses.place(record.header, under: paths.tags + "/", diagnostics: &diagnostics))
        }
        addresses.reserve([paths.municipalities, paths.themes, paths.tags, paths.data, paths.assets].map { $0 + "/" })
        let pageTopics = pages.map { record in
            Topic(id: record.header.id.value, title: record.header.title, body: record.header.body,
                  path: addresses.place(record.header, under: "", diagnostics: &diagnostics), layout: record.layout?.value, layoutLocation: record.layout?.location)
        }

        // Municipalities and documents.
        var municipalityPaths: [String: String] = [:]
        var resolvedMunicipalities = municipalities.map { record in
            let path = addresses.place(record.header, under: paths.municipalities + "/", diagnostics: &diagnostics)
            municipalityPaths[record.header.id.value] = path
            return Municipality(id: record.header.id.value, title: record.header.title,
                                shortTitle: record.shortTitle ?? record.header.title, body: record.header.body,
                                path: path, documentIDs: [])
        }
        var resolvedDocuments: [Document] = []
        var relatedPairs: [(String, String)] = []
        for record in documents {
            let municipalityID = check(record.municipality, is: .municipality, field: "municipality")
            let related = check(record.related, are: .document, field: "related document")
            relatedPairs += related.map { (record.header.id.value, $0) }
            var numbers: Set<Int> = []
            let localThemes = record.localThemes.map { theme in
                if !numbers.insert(theme.number.value).inserted {
                    diagnostics.append(.error(at: theme.number.location, "local theme number \(theme.number.value) is used twice"))
                }
                return LocalTheme(number: theme.number.value, title: theme.title, description: theme.description,
                                  themeIDs: sortedThemes(check(theme.themes, are: .theme, field: "theme")))
            }
            for idea in record.administrativeIdeas {
                for number in idea.localThemes where !numbers.contains(number.value) {
                    diagnostics.append(.error(at: number.location, "local theme \(number.value) is not in the document's local_themes"))
                }
            }
            let parent = municipalityID.flatMap { municipalityPaths[$0] } ?? ""
            resolvedDocuments.append(Document(
                id: record.header.id.value, title: record.header.title, municipalityID: municipalityID ?? "",
                documentType: record.documentType, organisation: record.organisation, period: record.period,
                date: record.date, sourceFile: record.sourceFile, summary: record.summary,
                sectionLabel: record.sectionLabel, itemLabel: record.itemLabel, relatedIDs: related,
                localThemes: localThemes, keyFacts: record.keyFacts, administrativeIdeas: record.administrativeIdeas,
                contact: record.contact, matrixRows: record.matrixRows, body: record.header.body,
                path: addresses.place(record.header, under: parent, diagnostics: &diagnostics),
                sectionIDs: [], itemIDs: [], appendixIDs: []))
        }
        // Related documents are shown from both sides.
        for (from, to) in relatedPairs {
            if let index = resolvedDocuments.firstIndex(where: { $0.id == to }), !resolvedDocuments[index].relatedIDs.contains(from) {
                resolvedDocuments[index].relatedIDs.append(from)
            }
        }
        let documentPosition = Dictionary(resolvedDocuments.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for document in resolvedDocuments {
            if let index = resolvedMunicipalities.firstIndex(where: { $0.id == document.municipalityID }) {
                resolvedMunicipalities[index].documentIDs.append(document.id)
            }
        }

        // Sections.
        var resolvedSections: [Section] = []
        for record in sections {
            guard let documentID = check(record.document, is: .document, field: "document"),
                  let position = documentPosition[documentID] else { continue }
            let document = resolvedDocuments[position]
            let section = Section(
                id: record.header.id.value, documentID: documentID, municipalityID: document.municipalityID,
                number: record.number, title: record.header.title,
                themeIDs: sortedThemes(check(record.themes, are: .theme, field: "theme")),
                implementsID: check(record.implements, is: .section, field: "implemented section"),
                implementedByIDs: [], body: record.header.body,
                source: SourceReference(documentID: documentID, page: record.header.page, section: record.header.sourceSection),
                path: addresses.place(record.header, under: document.path, diagnostics: &diagnostics), itemIDs: [])
            resolvedDocuments[position].sectionIDs.append(section.id)
            resolvedSections.append(section)
        }
        let sectionPosition = Dictionary(resolvedSections.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for section in resolvedSections {
            if let target = section.implementsID, let index = sectionPosition[target] {
                resolvedSections[index].implementedByIDs.append(section.id)
            }
        }

        // Items.
        var resolvedItems: [Item] = []
        // The per-item work that needs no shared state is done in parallel up front.
        let prepared = items.concurrentMap { record in
            (split: MarkdownFields(splitting: record.header.body),
             slug: Slug.make(record.header.title),
             unreadableDates: record.milestones.filter { $0.when.map { DanishDate($0) == nil } ?? false })
        }
        for (record, prepared) in zip(items, prepared) {
            guard let documentID = check(record.document, is: .document, field: "document"),
                  let position = documentPosition[documentID] else { continue }
            let document = resolvedDocuments[position]
            var sectionID = check(record.section, is: .section, field: "section")
            if let id = sectionID, let index = sectionPosition[id], resolvedSections[index].documentID != documentID {
                diagnostics.append(.error(
                    at: record.section?.location ?? record.header.file,
                    "section '\(id)' belongs to document '\(resolvedSections[index].documentID)', not to '\(documentID)'",
                    hint: "use a section of the item's own document"))
                sectionID = nil
            }
            if record.section == nil, !document.sectionIDs.isEmpty {
                diagnostics.append(.error(at: record.header.file, "missing required field 'section'",
                                          hint: "the document is organised in sections; name the item's section by its id"))
            }
            let numbers = Set(document.localThemes.map(\.number))
            var localThemes: [Int] = []
            for number in record.localThemes {
                if numbers.contains(number.value) {
                    localThemes.append(number.value)
                } else {
                    diagnostics.append(.error(at: number.location, "local theme \(number.value) is not in the document's local_themes",
                                              hint: "use one of: " + numbers.sorted().map(String.init).joined(separator: ", ")))
                }
            }
            let ownThemes = check(record.themes, are: .theme, field: "theme")
            let sectionThemes = sectionID.flatMap { sectionPosition[$0] }.map { resolvedSections[$0].themeIDs } ?? []
            let localThemeThemes = document.localThemes.filter { localThemes.contains($0.number) }.flatMap(\.themeIDs)
            let split = prepared.split
            if !record.missingDescription, split.intro.isEmpty, split.fields.isEmpty, record.activities.isEmpty,
               record.goals.isEmpty, record.milestones.isEmpty {
                diagnostics.append(.warning(at: record.header.bodyLocation, "item has no text",
                                            hint: "transcribe its text, or set 'missing_description: true' if the source has none"))
            }
            let item = Item(
                id: record.header.id.value, type: record.type, documentID: documentID,
                municipalityID: document.municipalityID, sectionID: sectionID, number: record.number,
                title: record.header.title, shortTitle: record.shortTitle, status: record.status, statusText: record.statusText,
                themeIDs: sortedThemes(ownThemes + sectionThemes + localThemeThemes), localThemes: localThemes.sorted(),
                localThemesAsWritten: record.localThemesAsWritten,
                tagIDs: check(record.tags, are: .tag, field: "tag"), missingDescription: record.missingDescription,
                activities: record.activities, goals: record.goals, successCriteria: record.successCriteria,
                milestones: record.milestones, evaluation: record.evaluation, intro: split.intro, fields: split.fields,
                source: SourceReference(documentID: documentID, page: record.header.page, section: record.header.sourceSection),
                path: addresses.place(record.header, under: document.path, madeSlug: prepared.slug, diagnostics: &diagnostics))
            for milestone in prepared.unreadableDates {
                if let when = milestone.when {
                    diagnostics.append(.warning(
                        at: milestone.whenLocation ?? record.header.file, "cannot read '\(when)' as a date; it is shown as written",
                        hint: "dates like 'Ultimo maj 2019', 'Primo august 2019 – ultimo marts 2020', 'Forår 2020' or 'Løbende' can be placed on a timeline"))
                }
            }
            if item.themeIDs.isEmpty {
                diagnostics.append(.warning(at: record.header.file, "item has no cross-municipality theme",
                                            hint: "add 'themes:' to the item or to its section so it can be compared"))
            }
            resolvedItems.append(item)
        }
        // Items are listed by section order within each document.
        let itemsByDocument = Dictionary(grouping: resolvedItems.indices, by: { resolvedItems[$0].documentID })
        for index in resolvedDocuments.indices {
            let document = resolvedDocuments[index]
            let inDocument = (itemsByDocument[document.id] ?? []).map { resolvedItems[$0] }
            let sectionRank = Dictionary(document.sectionIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let ordered = inDocument.enumerated().sorted { lhs, rhs in
                let a = lhs.element.sectionID.flatMap { sectionRank[$0] } ?? .max
                let b = rhs.element.sectionID.flatMap { sectionRank[$0] } ?? .max
                return a != b ? a < b : lhs.offset < rhs.offset
            }.map(\.element.id)
            resolvedDocuments[index].itemIDs = ordered
        }
        for item in resolvedItems {
            if let id = item.sectionID, let index = sectionPosition[id] { resolvedSections[index].itemIDs.append(item.id) }
        }

        // Appendices: shown on their document's page.
        var anchors: [String: Set<String>] = [:]
        var resolvedAppendices: [Appendix] = []
        for record in appendices {
            guard let documentID = check(record.document, is: .document, field: "document"),
                  let position = documentPosition[documentID] else { continue }
            var anchor = record.header.slug?.value ?? Slug.make(record.header.title)
            if anchor.isEmpty { anchor = record.header.id.value }
            if !anchors[documentID, default: []].insert(anchor).inserted { anchor = record.header.id.value }
            resolvedAppendices.append(Appendix(
                id: record.header.id.value, documentID: documentID, title: record.header.title, body: record.header.body,
                anchor: "bilag-" + anchor,
                source: SourceReference(documentID: documentID, page: record.header.page, section: record.header.sourceSection)))
            resolvedDocuments[position].appendixIDs.append(record.header.id.value)
        }

        // Site-wide checks.
        if let site {
            _ = check(site.footerPages, are: .page, field: "footer page")
            _ = check(site.navigationPages, are: .page, field: "navigation page")
            _ = check(site.featuredDocuments, are: .document, field: "featured document")
        }
        let usedTags = Set(resolvedItems.flatMap(\.tagIDs))
        for tag in tags where !usedTags.contains(tag.header.id.value) {
            diagnostics.append(.warning(at: tag.header.file, "tag '\(tag.header.id.value)' is not used by any item",
                                        hint: "use it in an item's 'tags:' or delete the file"))
        }
        guard let site else { return nil }

        // Keep items in site order: municipality, document, reading order.
        let itemByID = Dictionary(resolvedItems.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let siteOrderedItems = resolvedMunicipalities.flatMap { municipality in
            municipality.documentIDs.compactMap { documentPosition[$0] }.flatMap { resolvedDocuments[$0].itemIDs }
        }.compactMap { itemByID[$0] }

        let matrices = MatrixBuilder(themes: themeTopics, municipalities: resolvedMunicipalities,
                                     sections: resolvedSections, items: siteOrderedItems)
        return SiteGraph(
            site: site, municipalities: resolvedMunicipalities, documents: resolvedDocuments, sections: resolvedSections,
            items: siteOrderedItems, appendices: resolvedAppendices, themes: themeTopics, tags: tagTopics, pages: pageTopics,
            themeMatrix: matrices.themeMatrix(),
            documentMatrices: Dictionary(resolvedDocuments.map { ($0.id, matrices.matrices(for: $0)) }, uniquingKeysWith: { a, _ in a }))
    }
}
