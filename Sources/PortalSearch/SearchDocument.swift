import PortalCore
import PortalContent

/// One thing a search can find: a page of the site, or an appendix on its document's
/// page. Made from the resolved graph by `SearchCorpus`; the index holds its terms, its
/// facet values and what a result shows.
public struct SearchDocument: Sendable, Hashable {
    /// What a result says it is. Initiatives and ideas are told apart, as their pages are.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case municipality, document, section, initiative, idea, appendix, theme, tag, page
    }

    public var kind: Kind
    public var title: String
    /// The plain text of everything the page shows besides the title, one part per
    /// field, in reading order.
    public var text: [String]
    /// The page's folder relative to the site root, with `#anchor` for an appendix.
    public var path: String
    /// What a result names as where it comes from; nil for themes, tags and pages.
    public var municipality: String?
    public var document: String?
    /// The ids of the facet values the document has, by facet (`slagelse`, `realiseret`).
    public var facets: [SearchFacet: [String]]

    public init(kind: Kind, title: String, text: [String], path: String, municipality: String? = nil,
                document: String? = nil, facets: [SearchFacet: [String]] = [:]) {
        self.kind = kind
        self.title = title
        self.text = text
        self.path = path
        self.municipality = municipality
        self.document = document
        self.facets = facets
    }
}

/// A way to narrow a search. Values combine as AND across facets and OR within one.
///
/// A new facet is a case here, its values in `SearchCorpus` (the table and each
/// document's ids), and its label and address parameter in the theme's strings
/// (`search.facets.<rawValue>`).
public enum SearchFacet: String, Sendable, Hashable, CaseIterable {
    /// The municipality a document, section, item or appendix belongs to.
    case municipality
    /// The cross-municipality themes of an item or section.
    case theme
    /// The tags of an item.
    case tag
    /// `SearchDocument.Kind`.
    case kind
    /// The type of the document a document, section, item or appendix belongs to.
    case documentType
    /// An item's status and its activities' statuses (Slagelse gives them per activity).
    case status
    /// The paragraphs of Serviceloven an entity's own text cites (`SiteGraph.lawReferences(in:)`).
    case lawReference
}

/// One value of a facet: the id the address and the index use, and what the page shows.
public struct SearchFacetValue: Sendable, Hashable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// The theme's words for the values of the closed lists (kinds, document types,
/// statuses), which the index shows as facet values and indexes with the documents.
public struct SearchLabels: Sendable {
    public var kind: @Sendable (SearchDocument.Kind) -> String
    public var documentType: @Sendable (DocumentType) -> String
    public var status: @Sendable (Status) -> String
    public var lawParagraph: @Sendable (LawParagraph) -> String

    public init(kind: @escaping @Sendable (SearchDocument.Kind) -> String,
                documentType: @escaping @Sendable (DocumentType) -> String,
                status: @escaping @Sendable (Status) -> String,
                lawParagraph: @escaping @Sendable (LawParagraph) -> String = { $0.description }) {
        self.kind = kind
        self.documentType = documentType
        self.status = status
        self.lawParagraph = lawParagraph
    }

    /// The raw values themselves, for tests.
    public static let ids = SearchLabels(kind: \.rawValue, documentType: \.rawValue, status: \.rawValue)
}
