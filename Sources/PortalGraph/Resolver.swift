import PortalContent
import PortalCore

/// The working state of one resolution: the records sorted by kind, every id, the
/// addresses handed out, the entities resolved so far and the problems found.
///
/// Resolution runs in steps, one file each: topics and documents
/// (`Resolver+Documents.swift`), items (`Resolver+Items.swift`), then `assemble`.
struct Resolver {
    var diagnostics: [Diagnostic] = []

    // Input: the records of each kind, in site order.
    let municipalityRecords: [MunicipalityRecord]
    let documentRecords: [DocumentRecord]
    let sectionRecords: [SectionRecord]
    let itemRecords: [ItemRecord]
    let appendixRecords: [AppendixRecord]
    let themeRecords: [PlainRecord]
    let tagRecords: [PlainRecord]
    let pageRecords: [PlainRecord]
    let lawParagraphRecords: [LawParagraphRecord]

    /// Every id with the kind and place of its file. Ids are unique per kind: a tag and a
    /// theme may share the id `civilsamfund`, as references always say which kind they mean.
    var ids: [EntityKind: [String: RecordHeader]] = [:]
    /// Files whose errors are already reported; references to them stay quiet.
    let unusable: UnusableFiles
    /// Drafts left out of a build; a reference to one is dropped with a warning.
    let leftOut: Set<EntityRef>
    /// What an earlier resolution made from records that have not changed since.
    let memo: ResolutionMemo?
    /// Every tag an item record names, whether or not the item then resolves: a tag is
    /// used by an item that has an error of its own.
    let tagsNamedByItems: Set<String>
    /// Ids by title, to name the id of what a reference wrongly names by its title.
    let idsByTitle: [EntityKind: [String: [(id: String, title: String)]]]
    var addresses = AddressBook()

    // Output, filled step by step.
    var municipalities: [Municipality] = []
    var documents: [Document] = []
    var sections: [Section] = []
    var items: [Item] = []
    /// Each item's comparable units (see `ComparableUnit`).
    var unitsByItem: [String: [ComparableUnit]] = [:]
    var appendices: [Appendix] = []
    var themes: [Topic] = []
    var tags: [Topic] = []
    var pages: [Topic] = []
    var lawParagraphTexts: [LawParagraphText] = []
    var documentPosition: [String: Int] = [:]
    var sectionPosition: [String: Int] = [:]
    var themeOrder: [String: Int] = [:]

    init(records: [ContentRecord], unusable: UnusableFiles = UnusableFiles(), leftOut: Set<EntityRef> = [],
         memo: ResolutionMemo? = nil) {
        self.unusable = unusable
        self.leftOut = leftOut
        self.memo = memo
        idsByTitle = Self.idsByTitle(records)
        tagsNamedByItems = Set(records.flatMap { record -> [String] in
            if case .item(let item) = record { item.tags.map(\.id) + item.activities.flatMap { $0.tags ?? [] }.map(\.id) } else { [] }
        })
        var municipalities: [MunicipalityRecord] = [], documents: [DocumentRecord] = [], sections: [SectionRecord] = []
        var items: [ItemRecord] = [], appendices: [AppendixRecord] = []
        var themes: [PlainRecord] = [], tags: [PlainRecord] = [], pages: [PlainRecord] = []
        var lawParagraphs: [LawParagraphRecord] = []
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
            case .lawParagraph(let value): lawParagraphs.append(value)
            }
        }
        municipalityRecords = Self.ordered(municipalities, \.header)
        documentRecords = Self.ordered(documents, \.header)
        sectionRecords = Self.ordered(sections, \.header)
        itemRecords = Self.ordered(items, \.header, number: \.number)
        appendixRecords = Self.ordered(appendices, \.header)
        themeRecords = Self.ordered(themes, \.header)
        tagRecords = tags.sorted { $0.header.title.lowercased() < $1.header.title.lowercased() }
        pageRecords = Self.ordered(pages, \.header)
        // By paragraph; files of one paragraph keep the order they were read in.
        lawParagraphRecords = lawParagraphs.enumerated()
            .sorted { ($0.element.paragraph.value, $0.offset) < ($1.element.paragraph.value, $1.offset) }.map(\.element)
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

    /// Resolves everything, in dependency order; nil without settings (the problems are
    /// still all collected).
    mutating func resolve(site: SiteConfig?) -> SiteGraph? {
        let paths = site?.paths ?? .standard
        resolveTopics(paths, reservingRoot: site != nil)
        resolveMunicipalitiesAndDocuments(paths)
        resolveSections()
        resolveItems()
        letItemsStandForTheirSections()
        resolveAppendices()
        resolveLawParagraphs()
        checkSiteReferences(site)
        guard let site else { return nil }
        let graph = assemble(site)
        warnAboutUncitedParagraphs(graph)
        return graph
    }

    /// Site-wide references and unused tags.
    mutating func checkSiteReferences(_ site: SiteConfig?) {
        if let site {
            _ = check(site.footerPages, are: .page, field: "footer page")
            _ = check(site.navigationPages, are: .page, field: "navigation page")
            _ = check(site.featuredDocuments, are: .document, field: "featured document")
        }
        // An item that failed to decode may use a tag too.
        for tag in tagRecords where !tagsNamedByItems.contains(tag.header.id.value) && !unusable.mayName(tag: tag.header.id.value) {
            diagnostics.append(.warning(at: tag.header.file, "tag '\(tag.header.id.value)' is not used by any item",
                                        hint: "use it in an item's 'tags:' or delete the file"))
        }
    }

    /// The graph, with items in site order (municipality, document, reading order) and
    /// the matrices computed.
    func assemble(_ site: SiteConfig) -> SiteGraph {
        let itemByID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let siteOrderedItems = municipalities.flatMap { municipality in
            municipality.documentIDs.compactMap { documentPosition[$0] }.flatMap { self.documents[$0].itemIDs }
        }.compactMap { itemByID[$0] }
        let units = siteOrderedItems.flatMap { unitsByItem[$0.id] ?? [] }
        var documents = self.documents
        let unitsByDocument = Dictionary(grouping: units, by: \.documentID)
        for index in documents.indices {
            let own = unitsByDocument[documents[index].id] ?? []
            documents[index].unitCount = own.count
            for unit in own where !documents[index].unitKinds.contains(unit.kind) { documents[index].unitKinds.append(unit.kind) }
        }
        let matrices = MatrixBuilder(themes: themes, municipalities: municipalities, sections: sections, items: siteOrderedItems, units: units)
        var graph = SiteGraph(
            site: site, municipalities: municipalities, documents: documents, sections: sections,
            items: siteOrderedItems, units: units, appendices: appendices, themes: themes, tags: tags, pages: pages,
            lawParagraphTexts: lawParagraphTexts,
            themeMatrix: matrices.themeMatrix(),
            documentMatrices: Dictionary(documents.map { ($0.id, matrices.matrices(for: $0)) }, uniquingKeysWith: { first, _ in first }),
            lawReferences: LawReferenceIndex.collect(
                municipalities: municipalities, documents: documents, sections: sections, items: siteOrderedItems,
                appendices: appendices, topics: [(.theme, themes), (.tag, tags), (.page, pages)]))
        graph.relatedUnitsIndex = RelatedUnitsIndex(units: units, settings: site.related, paragraphs: graph.lawReferences(inUnit:))
        addStatusAndTimelines(to: &graph)
        graph.themeComparisons = ThemeComparison.all(themes: themes, municipalities: municipalities, units: units)
        return graph
    }

    /// The derived views of statuses and milestones (`StatusOverview`, `Timeline`).
    func addStatusAndTimelines(to graph: inout SiteGraph) {
        let documentsByID = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        graph.timeline = Timeline(items: graph.items, documents: documentsByID)
        graph.documentTimelines = graph.timeline.byDocument()
        for (id, items) in Dictionary(grouping: graph.items, by: \.documentID) {
            if items.contains(where: { !$0.statuses.isEmpty }) { graph.documentsWithStatus.insert(id) }
            if let overview = StatusOverview(items: items) { graph.statusOverviews[id] = overview }
        }
    }

    /// Theme ids without duplicates, in the themes' own order.
    func sortedThemes(_ ids: some Sequence<String>) -> [String] {
        Set(ids).sorted { (themeOrder[$0] ?? .max, $0) < (themeOrder[$1] ?? .max, $1) }
    }
}
