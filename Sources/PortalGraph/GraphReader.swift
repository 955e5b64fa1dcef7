import PortalContent
import PortalCore

/// The site graph as page preparation sees it: the same lookups as `SiteGraph`, each of
/// which records what it read. After a page is prepared, `reads` is the complete set of
/// what the page depends on, because there is no other way to reach the graph.
///
/// One reader per page, used on one thread; not shared.
public final class GraphReader {
    private let graph: SiteGraph
    public private(set) var reads: Set<Dependency> = []

    public init(_ graph: SiteGraph) {
        self.graph = graph
    }

    private func record(_ dependency: Dependency) {
        reads.insert(dependency)
    }

    private func record<T>(_ kind: EntityKind, _ value: T?, id: String) -> T? {
        reads.insert(.entity(EntityRef(kind, id)))
        return value
    }

    // MARK: Settings and derived views

    public var site: SiteConfig {
        record(.settings)
        return graph.site
    }

    /// The whole graph, for what is made from all of it (the data files, whose rows and
    /// sizes the data page lists): reading it makes the page depend on everything.
    public var everything: SiteGraph {
        record(.everything)
        return graph
    }

    public var themeMatrix: ThemeMatrix {
        record(.themeMatrix)
        return graph.themeMatrix
    }

    public func documentMatrices(_ id: String) -> [DocumentMatrix] {
        record(.documentMatrices(id))
        return graph.documentMatrices[id] ?? []
    }

    /// Every milestone placed in time.
    public var timeline: Timeline {
        record(.timeline)
        return graph.timeline
    }

    /// A document's milestones placed in time; nil when it has none.
    public func timeline(ofDocument id: String) -> Timeline? {
        record(.documentTimeline(id))
        return graph.documentTimelines[id]
    }

    /// A document's status overview; nil when it reports no status.
    public func statusOverview(_ documentID: String) -> StatusOverview? {
        record(.statusOverview(documentID))
        return graph.statusOverviews[documentID]
    }

    /// Whether any item or activity of a document has a status.
    public func hasStatus(document id: String) -> Bool {
        record(.hasStatus(id))
        return graph.documentsWithStatus.contains(id)
    }

    /// A theme's units side by side per municipality; nil for a theme the graph lacks.
    /// The units themselves are read one by one (`unit(_:)`), as the page shows them.
    public func themeComparison(_ themeID: String) -> ThemeComparison? {
        record(.themeComparison(themeID))
        return graph.themeComparisons[themeID]
    }

    // MARK: Every entity of a kind

    public var municipalities: [Municipality] { record(.all(.municipality)); return graph.municipalities }
    public var documents: [Document] { record(.all(.document)); return graph.documents }
    public var sections: [Section] { record(.all(.section)); return graph.sections }
    public var items: [Item] { record(.all(.item)); return graph.items }
    public var appendices: [Appendix] { record(.all(.appendix)); return graph.appendices }
    public var themes: [Topic] { record(.all(.theme)); return graph.themes }
    public var tags: [Topic] { record(.all(.tag)); return graph.tags }
    public var pages: [Topic] { record(.all(.page)); return graph.pages }
    public var lawParagraphTexts: [LawParagraphText] { record(.all(.lawParagraph)); return graph.lawParagraphTexts }

    // MARK: One entity

    public func municipality(_ id: String) -> Municipality? { record(.municipality, graph.municipality(id), id: id) }
    public func document(_ id: String) -> Document? { record(.document, graph.document(id), id: id) }
    public func section(_ id: String) -> Section? { record(.section, graph.section(id), id: id) }
    public func item(_ id: String) -> Item? { record(.item, graph.item(id), id: id) }
    public func appendix(_ id: String) -> Appendix? { record(.appendix, graph.appendix(id), id: id) }
    public func theme(_ id: String) -> Topic? { record(.theme, graph.theme(id), id: id) }
    public func tag(_ id: String) -> Topic? { record(.tag, graph.tag(id), id: id) }
    public func page(_ id: String) -> Topic? { record(.page, graph.page(id), id: id) }
    public func lawParagraph(_ id: String) -> LawParagraphText? { record(.lawParagraph, graph.lawParagraph(id), id: id) }

    /// The title and address of a theme, tag or free page, for a link to it: reading
    /// only this much makes the page depend on only this much.
    public func link(to ref: EntityRef) -> EntityLink? {
        record(.link(ref))
        return graph.link(to: ref)
    }

    /// Whether an entity is a draft (shown only by the preview).
    public func isDraft(_ ref: EntityRef) -> Bool {
        record(.entity(ref))
        return graph.drafts.contains(ref)
    }

    // MARK: Relations

    /// Items under a theme, in site order; records the membership and each item.
    public func items(inTheme id: String) -> [Item] {
        record(.itemsInTheme(id))
        let items = graph.items(inTheme: id)
        for item in items { record(.entity(EntityRef(.item, item.id))) }
        return items
    }

    /// Items with a tag, in site order; records the membership and each item.
    public func items(withTag id: String) -> [Item] {
        record(.itemsWithTag(id))
        let items = graph.items(withTag: id)
        for item in items { record(.entity(EntityRef(.item, item.id))) }
        return items
    }

    // MARK: Comparable units

    public func unit(_ id: ComparableUnit.ID) -> ComparableUnit? {
        record(.unit(id))
        return graph.unit(id)
    }

    /// An item's units (the item itself, its activities, or none).
    public func units(ofItem id: String) -> [ComparableUnit] {
        record(.unitsOfItem(id))
        return graph.units(ofItem: id)
    }

    /// Units under a theme, in site order; records the membership and each unit.
    public func units(inTheme id: String) -> [ComparableUnit] {
        record(.unitsInTheme(id))
        let units = graph.units(inTheme: id)
        for unit in units { record(.unit(unit.id)) }
        return units
    }

    /// Units with a tag, in site order; records the membership and each unit.
    public func units(withTag id: String) -> [ComparableUnit] {
        record(.unitsWithTag(id))
        let units = graph.units(withTag: id)
        for unit in units { record(.unit(unit.id)) }
        return units
    }

    /// A unit's most related units of other municipalities, best first; records the list
    /// and each unit in it.
    public func related(to id: ComparableUnit.ID) -> [RelatedUnit] {
        record(.relatedUnits(id))
        let related = graph.related(to: id)
        for unit in related { record(.unit(unit.id)) }
        return related
    }

    // MARK: References to Serviceloven

    /// Every place that cites `paragraph`, in site order.
    public func lawReferences(to paragraph: LawParagraph) -> [LawReference] {
        record(.lawReferences(paragraph))
        return graph.lawReferences(to: paragraph)
    }

    /// The paragraphs an entity's text cites, in the act's order; they come from its
    /// text, so reading them is reading the entity.
    public func lawReferences(in entity: EntityRef) -> [LawParagraph] {
        record(.entity(entity))
        return graph.lawReferences(in: entity)
    }

    /// Each cited paragraph with its places per municipality, in the act's order.
    public var lawParagraphCounts: [LawParagraphCount] {
        record(.lawReferenceCounts)
        return graph.lawParagraphCounts
    }

    /// What editors write about `paragraph`, if a file does.
    public func lawParagraphText(for paragraph: LawParagraph) -> LawParagraphText? {
        record(.lawParagraphText(paragraph))
        return graph.lawParagraphText(for: paragraph)
    }

    /// Whether any text cites `paragraph`, so that it has a page to link to.
    public func isCited(_ paragraph: LawParagraph) -> Bool {
        record(.lawParagraphPage(paragraph))
        return graph.isCited(paragraph)
    }
}
