import PortalContent
import PortalCore
import PortalMarkdown

/// The entities of the site graph: plain values, resolved and ordered, that know their
/// place in the site (`path`) and their relations by id. Rendering reads only these.
///
/// `path` is the page's folder relative to the site root, always ending in `/`
/// (`kommuner/rudersdal/`); the home page's path is the empty string.

/// Where an entity's text comes from, for the "Kilde:" line.
public struct SourceReference: Sendable, Hashable {
    public var documentID: String
    public var page: Int?
    public var section: String?

    public init(documentID: String, page: Int? = nil, section: String? = nil) {
        self.documentID = documentID
        self.page = page
        self.section = section
    }
}

public struct Municipality: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var shortTitle: String
    public var body: String
    public var path: String
    /// Where the last part of `path` is written (the slug, or the title it is made from):
    /// the place to change when that part clashes with something.
    public var pathLocation: SourceLocation
    public var documentIDs: [String]
}

public struct LocalTheme: Sendable, Hashable {
    public var number: Int
    /// Where the number is written.
    public var numberLocation: SourceLocation
    public var title: String
    public var description: String?
    public var themeIDs: [String]
}

public struct Document: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var municipalityID: String
    public var documentType: DocumentType
    public var organisation: String?
    public var period: String?
    public var date: String?
    public var sourceFile: String?
    /// The address of the original document, for the "Kilde" line; nil where the source gives none.
    public var sourceURL: String?
    public var summary: String?
    public var sectionLabel: String?
    public var itemLabel: String?
    /// Related documents, both the ones this document names and the ones naming it.
    public var relatedIDs: [String]
    public var localThemes: [LocalTheme]
    public var keyFacts: [KeyFactGroup]
    public var administrativeIdeas: [AdministrativeIdea]
    public var administrativeIdeasHeading: String?
    /// The source's own heading above its appendices.
    public var appendicesHeading: String?
    public var contact: String?
    /// What the document's counts and comparisons are made of (see `ComparableUnit`).
    public var units: ComparableUnits
    public var leadField: String?
    public var body: String
    public var path: String
    public var sectionIDs: [String]
    /// All items of the document in reading order (by section, then item order).
    public var itemIDs: [String]
    /// How many comparable units the document has, and of which kinds (activities,
    /// indsatser, ideas), so that its counts can say what they count.
    public var unitCount = 0
    public var unitKinds: [ComparableUnit.Kind] = []
    public var appendixIDs: [String]
}

public struct Section: Sendable, Hashable, Identifiable {
    public var id: String
    public var documentID: String
    public var municipalityID: String
    public var number: String?
    public var title: String
    public var themeIDs: [String]
    /// The section in another document that this one carries out (Hillerød's plan → policy).
    public var implementsID: String?
    /// Sections in other documents that carry this one out.
    public var implementedByIDs: [String]
    public var body: String
    public var source: SourceReference
    public var path: String
    public var itemIDs: [String]
    /// The section's only unit, when it has the section's own title (Hillerød's
    /// ambitions): the item's page stands for the section, which has no page of its own,
    /// and the section's address is the item's. See `Resolver.letItemsStandForTheirSections`.
    public var shownByItemID: String? = nil
}

public struct Item: Sendable, Hashable, Identifiable {
    public var id: String
    public var type: ItemType
    public var documentID: String
    public var municipalityID: String
    public var sectionID: String?
    public var number: String?
    public var title: String
    public var shortTitle: String?
    public var status: Status?
    public var statusText: String?
    /// Cross-municipality themes: the item's own, its section's and its local themes' mapping.
    public var themeIDs: [String]
    public var localThemes: [Int]
    public var localThemesAsWritten: String?
    public var tagIDs: [String]
    public var missingDescription: Bool
    public var activities: [Activity]
    public var goals: [String]
    public var successCriteria: [String]
    public var milestones: [Milestone]
    public var evaluation: [EvaluationField]
    /// The source's own headings for the lists, where it has them.
    public var labels: ListLabels
    /// The body's text before its first `##` heading.
    public var intro: String
    /// The body's `##` parts, in order, with the source's headings.
    public var fields: [MarkdownFields.Field]
    public var source: SourceReference
    public var path: String
}

public struct Appendix: Sendable, Hashable, Identifiable {
    public var id: String
    public var documentID: String
    public var title: String
    public var body: String
    /// The fragment id on the document page.
    public var anchor: String
    /// Where the part of the anchor after `bilag-` is written (the slug, or the title it is
    /// made from).
    public var anchorLocation: SourceLocation
    public var source: SourceReference
}

/// A cross-municipality theme, a tag or a free page.
public struct Topic: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var body: String
    public var path: String
    /// Pages only: the template that shows it, and where that is written.
    public var layout: String?
    public var layoutLocation: SourceLocation?
}

/// What editors write about a paragraph of Serviceloven (`kind: law-paragraph`), shown
/// on the paragraph's page in the § index.
public struct LawParagraphText: Sendable, Hashable, Identifiable {
    public var id: String
    public var paragraph: LawParagraph
    /// What the paragraph is about, in the sources' words.
    public var title: String
    public var body: String
}
