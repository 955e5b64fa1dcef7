import PortalContent
import PortalCore

/// The whole site as data: every entity resolved, ordered and placed, with the relations
/// and matrices the pages show. It knows nothing about HTML or templates, so the same
/// graph can feed pages, data exports, a search index or an editor preview.
public struct SiteGraph: Sendable {
    public var site: SiteConfig
    public var municipalities: [Municipality]
    public var documents: [Document]
    public var sections: [Section]
    public var items: [Item]
    /// The units counted and compared across municipalities, in site order (see
    /// `ComparableUnit`): each item, or each activity where its document says so.
    public var units: [ComparableUnit]
    public var appendices: [Appendix]
    public var themes: [Topic]
    public var tags: [Topic]
    public var pages: [Topic]
    /// What editors write about paragraphs of Serviceloven, in the act's order.
    public var lawParagraphTexts: [LawParagraphText]
    public var themeMatrix: ThemeMatrix
    /// Matrices per document id, in the order they are shown.
    public var documentMatrices: [String: [DocumentMatrix]]
    /// The drafts the graph holds (only a preview's graph has any): their pages say so.
    public var drafts: Set<EntityRef> = []
    /// Every milestone placed in time, across municipalities.
    public var timeline = Timeline(items: [], documents: [:])
    /// Each document's milestones, for the documents that have any.
    public var documentTimelines: [String: Timeline] = [:]
    /// The status overview of each document that reports status.
    public var statusOverviews: [String: StatusOverview] = [:]
    /// The documents where any item or activity has a status; the others show none.
    public var documentsWithStatus: Set<String> = []
    /// Each theme's units side by side, per municipality (see `ThemeComparison`).
    public var themeComparisons: [String: ThemeComparison] = [:]
    /// Every reference to Serviceloven in the text, found once (see `LawReferenceIndex`).
    let lawReferenceIndex: LawReferenceIndex
    /// Each unit's most related units of other municipalities, found once (see `RelatedUnitsIndex`).
    var relatedUnitsIndex = RelatedUnitsIndex()

    private var municipalityIndex: [String: Int] = [:]
    private var documentIndex: [String: Int] = [:]
    private var sectionIndex: [String: Int] = [:]
    private var itemIndex: [String: Int] = [:]
    private var appendixIndex: [String: Int] = [:]
    private var themeIndex: [String: Int] = [:]
    private var tagIndex: [String: Int] = [:]
    private var pageIndex: [String: Int] = [:]
    private var lawParagraphIndex: [String: Int] = [:]
    private var lawParagraphTextIndex: [LawParagraph: Int] = [:]
    private var itemsByTheme: [String: [String]] = [:]
    private var itemsByTag: [String: [String]] = [:]
    private var unitIndex: [ComparableUnit.ID: Int] = [:]
    private var unitsByItem: [String: [Int]] = [:]
    private var unitsByTheme: [String: [Int]] = [:]
    private var unitsByTag: [String: [Int]] = [:]

    init(
        site: SiteConfig, municipalities: [Municipality], documents: [Document], sections: [Section], items: [Item],
        units: [ComparableUnit] = [], appendices: [Appendix], themes: [Topic], tags: [Topic], pages: [Topic], lawParagraphTexts: [LawParagraphText] = [],
        themeMatrix: ThemeMatrix, documentMatrices: [String: [DocumentMatrix]], lawReferences: LawReferenceIndex = LawReferenceIndex()
    ) {
        self.site = site
        self.municipalities = municipalities
        self.documents = documents
        self.sections = sections
        self.items = items
        self.units = units
        self.appendices = appendices
        self.themes = themes
        self.tags = tags
        self.pages = pages
        self.lawParagraphTexts = lawParagraphTexts
        self.themeMatrix = themeMatrix
        self.documentMatrices = documentMatrices
        lawReferenceIndex = lawReferences
        municipalityIndex = Self.index(municipalities.map(\.id))
        documentIndex = Self.index(documents.map(\.id))
        sectionIndex = Self.index(sections.map(\.id))
        itemIndex = Self.index(items.map(\.id))
        appendixIndex = Self.index(appendices.map(\.id))
        themeIndex = Self.index(themes.map(\.id))
        tagIndex = Self.index(tags.map(\.id))
        pageIndex = Self.index(pages.map(\.id))
        lawParagraphIndex = Self.index(lawParagraphTexts.map(\.id))
        lawParagraphTextIndex = Dictionary(lawParagraphTexts.enumerated().map { ($1.paragraph, $0) }, uniquingKeysWith: { first, _ in first })
        for item in items {
            for theme in item.themeIDs { itemsByTheme[theme, default: []].append(item.id) }
            for tag in item.tagIDs { itemsByTag[tag, default: []].append(item.id) }
        }
        for (position, unit) in units.enumerated() {
            unitIndex[unit.id] = position
            unitsByItem[unit.id.itemID, default: []].append(position)
            for theme in unit.themeIDs { unitsByTheme[theme, default: []].append(position) }
            for tag in unit.tagIDs { unitsByTag[tag, default: []].append(position) }
        }
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Lookups

    public func municipality(_ id: String) -> Municipality? { municipalityIndex[id].map { municipalities[$0] } }
    public func document(_ id: String) -> Document? { documentIndex[id].map { documents[$0] } }
    public func section(_ id: String) -> Section? { sectionIndex[id].map { sections[$0] } }
    public func item(_ id: String) -> Item? { itemIndex[id].map { items[$0] } }
    public func appendix(_ id: String) -> Appendix? { appendixIndex[id].map { appendices[$0] } }
    public func theme(_ id: String) -> Topic? { themeIndex[id].map { themes[$0] } }
    public func tag(_ id: String) -> Topic? { tagIndex[id].map { tags[$0] } }
    public func page(_ id: String) -> Topic? { pageIndex[id].map { pages[$0] } }
    public func lawParagraph(_ id: String) -> LawParagraphText? { lawParagraphIndex[id].map { lawParagraphTexts[$0] } }

    /// What editors write about `paragraph`, if a file does.
    public func lawParagraphText(for paragraph: LawParagraph) -> LawParagraphText? {
        lawParagraphTextIndex[paragraph].map { lawParagraphTexts[$0] }
    }

    /// Items under a cross-municipality theme, in site order (municipality, document, item).
    public func items(inTheme id: String) -> [Item] { (itemsByTheme[id] ?? []).compactMap(item) }

    /// Items with a tag, in site order.
    public func items(withTag id: String) -> [Item] { (itemsByTag[id] ?? []).compactMap(item) }

    // MARK: Comparable units

    public func unit(_ id: ComparableUnit.ID) -> ComparableUnit? { unitIndex[id].map { units[$0] } }

    /// An item's units: the item itself, its activities, or none (an item without
    /// activities in a document whose units are activities).
    public func units(ofItem id: String) -> [ComparableUnit] { (unitsByItem[id] ?? []).map { units[$0] } }

    /// Units under a cross-municipality theme, in site order.
    public func units(inTheme id: String) -> [ComparableUnit] { (unitsByTheme[id] ?? []).map { units[$0] } }

    /// Units with a tag, in site order.
    public func units(withTag id: String) -> [ComparableUnit] { (unitsByTag[id] ?? []).map { units[$0] } }

    /// The most related units of other municipalities, best first, each with what the two
    /// share (see `RelatedUnitsIndex` and `related:` in `site.yaml`).
    public func related(to id: ComparableUnit.ID) -> [RelatedUnit] { relatedUnitsIndex.related(to: id) }

    // MARK: References to Serviceloven

    /// Every place the text cites a paragraph of Serviceloven, in site order.
    public var lawReferences: [LawReference] { lawReferenceIndex.all }

    /// The paragraphs an entity's text cites, each once, in the act's order.
    public func lawReferences(in entity: EntityRef) -> [LawParagraph] { lawReferenceIndex.paragraphs(in: entity) }

    /// The paragraphs a unit's text cites, each once, in the act's order: all of its
    /// item's text for an item, only its own text for an activity (its item's other text
    /// is about all its activities, and would relate each of them alike).
    public func lawReferences(inUnit id: ComparableUnit.ID) -> [LawParagraph] {
        guard let activity = id.activity else { return lawReferenceIndex.paragraphs(in: EntityRef(.item, id.itemID)) }
        return lawReferenceIndex.paragraphs(inActivity: activity, ofItem: id.itemID)
    }

    /// Every place that cites `paragraph`, in site order.
    public func lawReferences(to paragraph: LawParagraph) -> [LawReference] { lawReferenceIndex.references(to: paragraph) }

    /// The paragraphs the text cites, each once, in the act's order: each has a page.
    public var lawParagraphs: [LawParagraph] { lawReferenceIndex.paragraphs }

    /// Each cited paragraph with how many places cite it per municipality, in the act's order.
    public var lawParagraphCounts: [LawParagraphCount] { lawReferenceIndex.counts }

    /// Whether any text cites `paragraph` (and so whether it has a page).
    public func isCited(_ paragraph: LawParagraph) -> Bool { lawReferenceIndex.isCited(paragraph) }
}
