import PortalContent
import PortalCore

/// Something a page read from the site graph. A page's dependencies are recorded while
/// it is prepared (see `GraphReader`), never listed by hand, so that an editor preview
/// re-renders a page exactly when something it shows has changed.
///
/// Each case names a part of the graph that can be compared between two versions of
/// the graph (`SiteGraph.isUnchanged(_:since:)`): the idea of Hugo's dependency
/// identities, applied to resolved values instead of files, so that a change that
/// spreads through resolution (a section's themes reaching its items) is seen where it
/// lands.
public enum Dependency: Hashable, Sendable {
    /// One entity's resolved value and whether it is a draft (also when it is absent: its
    /// appearing is a change).
    case entity(EntityRef)
    /// Only what a link to an entity shows: its title and address. Menus, footers and
    /// lists of themes and tags read this much, so that editing a theme's or a page's
    /// text does not render every page that links to it again.
    case link(EntityRef)
    /// Every entity of a kind, in site order: a page that lists or counts all of them.
    case all(EntityKind)
    /// Which items are under a theme, in order.
    case itemsInTheme(String)
    /// Which items carry a tag, in order.
    case itemsWithTag(String)
    /// One comparable unit's resolved value (also when it is absent).
    case unit(ComparableUnit.ID)
    /// An item's comparable units: what its page lists and links to.
    case unitsOfItem(String)
    /// Which units are under a theme, in order.
    case unitsInTheme(String)
    /// Which units carry a tag, in order.
    case unitsWithTag(String)
    /// A unit's related units of other municipalities, in order, with their reasons.
    case relatedUnits(ComparableUnit.ID)
    /// The portal's settings (`site.yaml`): titles, navigation, paths, base URL.
    case settings
    /// Everything the data files show: every entity, unit, matrix and milestone. Only a
    /// page that describes the data files (their rows and sizes) reads this much.
    case everything
    /// The home page's themes × municipalities matrix.
    case themeMatrix
    /// A document's own matrices.
    case documentMatrices(String)
    /// Every milestone placed in time (`SiteGraph.timeline`).
    case timeline
    /// One document's milestones placed in time.
    case documentTimeline(String)
    /// A document's status overview (or that it has none).
    case statusOverview(String)
    /// Whether any unit of a document has a status.
    case hasStatus(String)
    /// A theme's units side by side per municipality (or that the theme has none).
    case themeComparison(String)
    /// Every place that cites a paragraph of Serviceloven, in order, with its sentence:
    /// what the paragraph's page lists.
    case lawReferences(LawParagraph)
    /// Which paragraphs are cited and by how many places in each municipality: the § index.
    case lawReferenceCounts
    /// Whether a paragraph is cited anywhere, and so has a page: what a link to the
    /// paragraph from text needs.
    case lawParagraphPage(LawParagraph)
    /// What editors write about a paragraph (also when no file does: one appearing is a change).
    case lawParagraphText(LawParagraph)
}

extension SiteGraph {
    /// Whether what `dependency` names is the same in this graph as in `old`.
    public func isUnchanged(_ dependency: Dependency, since old: SiteGraph) -> Bool {
        switch dependency {
        case .entity(let ref): entityValue(ref) == old.entityValue(ref) && drafts.contains(ref) == old.drafts.contains(ref)
        case .link(let ref): link(to: ref) == old.link(to: ref)
        case .all(let kind): allValues(kind) == old.allValues(kind)
        case .itemsInTheme(let id): items(inTheme: id).map(\.id) == old.items(inTheme: id).map(\.id)
        case .itemsWithTag(let id): items(withTag: id).map(\.id) == old.items(withTag: id).map(\.id)
        case .unit(let id): unit(id) == old.unit(id)
        case .unitsOfItem(let id): units(ofItem: id) == old.units(ofItem: id)
        case .unitsInTheme(let id): units(inTheme: id).map(\.id) == old.units(inTheme: id).map(\.id)
        case .unitsWithTag(let id): units(withTag: id).map(\.id) == old.units(withTag: id).map(\.id)
        case .relatedUnits(let id): related(to: id) == old.related(to: id)
        case .settings: site == old.site
        case .everything: hasSameData(as: old)
        case .themeMatrix: themeMatrix == old.themeMatrix
        case .documentMatrices(let id): documentMatrices[id] == old.documentMatrices[id]
        case .timeline: timeline == old.timeline
        case .documentTimeline(let id): documentTimelines[id] == old.documentTimelines[id]
        case .statusOverview(let id): statusOverviews[id] == old.statusOverviews[id]
        case .hasStatus(let id): documentsWithStatus.contains(id) == old.documentsWithStatus.contains(id)
        case .themeComparison(let id): themeComparisons[id] == old.themeComparisons[id]
        case .lawReferences(let paragraph): lawReferences(to: paragraph) == old.lawReferences(to: paragraph)
        case .lawReferenceCounts: lawParagraphCounts == old.lawParagraphCounts
        case .lawParagraphPage(let paragraph): isCited(paragraph) == old.isCited(paragraph)
        case .lawParagraphText(let paragraph): lawParagraphText(for: paragraph) == old.lawParagraphText(for: paragraph)
        }
    }

    /// Whether every value the data files are made from is the same.
    func hasSameData(as old: SiteGraph) -> Bool {
        site == old.site && municipalities == old.municipalities && documents == old.documents && sections == old.sections
            && items == old.items && units == old.units && appendices == old.appendices && themes == old.themes
            && tags == old.tags && pages == old.pages && lawParagraphTexts == old.lawParagraphTexts
            && themeMatrix == old.themeMatrix && timeline == old.timeline && lawReferences == old.lawReferences
    }

    /// The entity as a comparable value; nil when the graph has none.
    func entityValue(_ ref: EntityRef) -> AnyHashable? {
        switch ref.kind {
        case .municipality: municipality(ref.id)
        case .document: document(ref.id)
        case .section: section(ref.id)
        case .item: item(ref.id)
        case .appendix: appendix(ref.id)
        case .theme: theme(ref.id)
        case .tag: tag(ref.id)
        case .page: page(ref.id)
        case .lawParagraph: lawParagraph(ref.id)
        }
    }

    private func allValues(_ kind: EntityKind) -> AnyHashable {
        switch kind {
        case .municipality: municipalities
        case .document: documents
        case .section: sections
        case .item: items
        case .appendix: appendices
        case .theme: themes
        case .tag: tags
        case .page: pages
        case .lawParagraph: lawParagraphTexts
        }
    }
}

/// What a link to an entity shows.
public struct EntityLink: Hashable, Sendable {
    public var title: String
    /// The page's folder, relative to the site root.
    public var path: String
}

extension SiteGraph {
    /// The title and address of a theme, tag or free page; nil for other kinds, whose
    /// pages are reached through their own lookups, and for an id the graph lacks.
    public func link(to ref: EntityRef) -> EntityLink? {
        let topic: Topic? = switch ref.kind {
        case .theme: theme(ref.id)
        case .tag: tag(ref.id)
        case .page: page(ref.id)
        default: nil
        }
        return topic.map { EntityLink(title: $0.title, path: $0.path) }
    }
}
