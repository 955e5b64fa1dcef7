import PortalCore

/// The kinds of file the portal understands; the `kind:` field of every content file.
public enum EntityKind: String, Sendable, CaseIterable, Codable {
    case municipality, document, section, item, appendix, theme, tag, page
    /// What editors write about a paragraph of Serviceloven, shown on its page.
    case lawParagraph = "law-paragraph"

    /// "a" or "an", for messages ("an item file").
    public var article: String {
        [.item, .appendix].contains(self) ? "an" : "a"
    }
}

/// A reference to another entity by id, remembered with where it was written so that an
/// unknown id can be reported at its place.
public struct Reference: Hashable, Sendable {
    public var id: String
    public var location: SourceLocation

    public init(_ id: String, at location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

/// A value together with the place it was written.
public struct Located<Value: Sendable & Hashable>: Hashable, Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// Fields every content file has.
public struct RecordHeader: Sendable, Hashable {
    public var kind: EntityKind
    public var id: Located<String>
    public var title: String
    /// Where the title is written: the place to fix when its slug collides.
    public var titleLocation: SourceLocation
    /// The address part chosen by the editor; when nil the slug is made from the title.
    public var slug: Located<String>?
    public var order: Int?
    /// Page number in the source document, where the source has page numbers.
    public var page: Int?
    /// The source's own heading, where it has no page numbers.
    public var sourceSection: String?
    /// Not yet for publishing (`draft: true`): shown by the preview, left out of a build.
    public var draft: Bool = false
    /// The Markdown after the front matter.
    public var body: String
    /// Where the body starts, for diagnostics about it.
    public var bodyLocation: SourceLocation
    /// The file itself (line 1).
    public var file: SourceLocation
}

public struct MunicipalityRecord: Sendable, Hashable {
    public var header: RecordHeader
    public var shortTitle: String?
}

public struct LocalThemeRecord: Sendable, Hashable {
    public var number: Located<Int>
    public var title: String
    public var description: String?
    public var themes: [Reference]
}

public struct KeyFact: Sendable, Hashable {
    public var label: String
    /// Nil where the source leaves the figure empty: shown as not given, never as 0.
    public var value: String?
}

public struct KeyFactGroup: Sendable, Hashable {
    public var group: String
    public var facts: [KeyFact]
}

public struct AdministrativeIdea: Sendable, Hashable {
    public var title: String
    public var localThemes: [Located<Int>]
}

/// What a document's smallest unit of action is: what its counts, comparisons and related
/// lists are made of, so that like is compared with like across municipalities. Rudersdal's
/// plan and Kalundborg's catalogue act through their items (indsatser, ideas); Hillerød's
/// plan and Slagelse's follow-up act through the activities of each item.
public enum ComparableUnits: String, Sendable, Hashable, CaseIterable {
    /// Each item is a unit (the default).
    case items
    /// Each activity of an item is a unit; an item without activities has none.
    case activities
}

/// What kind of plan a document is. The list is closed so that every document is shown
/// with a label from the theme's strings (`documentType.<value>`), and a misspelt type is
/// an error rather than a document shown in lower case without a label.
public enum DocumentType: String, Sendable, Hashable, CaseIterable {
    case udviklingsplan, politik, virksomhedsplan, opfoelgning, idekatalog
}

public struct DocumentRecord: Sendable, Hashable {
    public var header: RecordHeader
    public var municipality: Reference
    public var documentType: DocumentType
    public var organisation: String?
    public var period: String?
    public var date: String?
    public var sourceFile: String?
    /// The address of the original document on the web, where the source gives one.
    public var sourceURL: String?
    public var summary: String?
    public var sectionLabel: String?
    public var itemLabel: String?
    public var related: [Reference]
    public var localThemes: [LocalThemeRecord]
    public var keyFacts: [KeyFactGroup]
    public var administrativeIdeas: [AdministrativeIdea]
    /// The source's own heading for its administrative ideas.
    public var administrativeIdeasHeading: String?
    /// The source's own heading above its appendices ("Om Center for Sociale Indsatser").
    public var appendicesHeading: String?
    public var contact: String?
    public var units: ComparableUnits
    /// The heading of the item field that states each item's purpose in the source's words
    /// ("Formål"): what a comparison shows of an item. Without it, the item's first sentence.
    public var leadField: String?
}

public struct SectionRecord: Sendable, Hashable {
    public var header: RecordHeader
    public var document: Reference
    public var number: String?
    public var themes: [Reference]
    public var implements: Reference?
}

/// Where an initiative stands, as the portal shows it; the source's own words are kept
/// beside it in `statusText`.
public enum Status: String, Sendable, Hashable, CaseIterable {
    case realiseret, iGang = "i-gang", fravalgt, forslag, ikkeAngivet = "ikke-angivet"
}

public enum ItemType: String, Sendable, Hashable, CaseIterable {
    case initiative, idea
}

public struct Activity: Sendable, Hashable {
    public var number: String?
    public var title: String?
    public var text: String?
    public var status: Status?
    public var statusText: String?
    /// The last part of the activity's address, when the editor chooses it; otherwise it
    /// is made from the title, or from the number.
    public var slug: Located<String>?
    /// The activity's own cross-municipality themes and tags, when its document's units
    /// are activities; nil when not written (the activity then has its item's).
    public var themes: [Reference]?
    public var tags: [Reference]?
    /// Where the activity starts, for messages about it.
    public var location: SourceLocation?

    public init(number: String? = nil, title: String? = nil, text: String? = nil, status: Status? = nil, statusText: String? = nil,
                slug: Located<String>? = nil, themes: [Reference]? = nil, tags: [Reference]? = nil, location: SourceLocation? = nil) {
        self.number = number
        self.title = title
        self.text = text
        self.status = status
        self.statusText = statusText
        self.slug = slug
        self.themes = themes
        self.tags = tags
        self.location = location
    }

    /// Two activities are the same when they say the same, wherever they are written: a
    /// line added above one must not make its pages look changed.
    public static func == (lhs: Activity, rhs: Activity) -> Bool {
        lhs.number == rhs.number && lhs.title == rhs.title && lhs.text == rhs.text && lhs.status == rhs.status
            && lhs.statusText == rhs.statusText && lhs.slug?.value == rhs.slug?.value
            && lhs.themes?.map(\.id) == rhs.themes?.map(\.id) && lhs.tags?.map(\.id) == rhs.tags?.map(\.id)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(number)
        hasher.combine(title)
        hasher.combine(text)
        hasher.combine(status)
        hasher.combine(statusText)
        hasher.combine(slug?.value)
        hasher.combine(themes?.map(\.id))
        hasher.combine(tags?.map(\.id))
    }
}

public struct Milestone: Sendable, Hashable {
    public var text: String
    /// The date exactly as the source writes it ("Ultimo maj", "Forår 2020").
    public var when: String?
    /// Where `when` is written, for a warning when it cannot be read as a date.
    public var whenLocation: SourceLocation?

    public init(text: String, when: String?, whenLocation: SourceLocation? = nil) {
        self.text = text
        self.when = when
        self.whenLocation = whenLocation
    }

    /// Two milestones are the same when they say the same, wherever they are written.
    public static func == (lhs: Milestone, rhs: Milestone) -> Bool {
        lhs.text == rhs.text && lhs.when == rhs.when
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(when)
    }
}

public struct EvaluationField: Sendable, Hashable {
    public var label: String
    /// Nil where the source's form is not filled in.
    public var value: String?

    public init(label: String, value: String?) {
        self.label = label
        self.value = value
    }
}

/// The headings an item's lists stand under, in the source's own wording where it has
/// its own ("Målene", "Succeskriterierne – herunder også den borgerrettede effekt").
/// Nil uses the theme's standard heading.
public struct ListLabels: Sendable, Hashable {
    public var activities: String?
    public var goals: String?
    public var successCriteria: String?
    public var milestones: String?
    public var evaluation: String?

    public init(activities: String? = nil, goals: String? = nil, successCriteria: String? = nil,
                milestones: String? = nil, evaluation: String? = nil) {
        self.activities = activities
        self.goals = goals
        self.successCriteria = successCriteria
        self.milestones = milestones
        self.evaluation = evaluation
    }
}

public struct ItemRecord: Sendable, Hashable {
    public var header: RecordHeader
    public var type: ItemType
    public var document: Reference
    public var section: Reference?
    public var number: String?
    public var shortTitle: String?
    public var status: Status?
    public var statusText: String?
    public var themes: [Reference]
    public var localThemes: [Located<Int>]
    public var localThemesAsWritten: String?
    public var tags: [Reference]
    public var missingDescription: Bool
    public var activities: [Activity]
    public var goals: [String]
    public var successCriteria: [String]
    public var milestones: [Milestone]
    public var evaluation: [EvaluationField]
    public var labels: ListLabels
}

public struct AppendixRecord: Sendable, Hashable {
    public var header: RecordHeader
    public var document: Reference
}

/// A cross-municipality theme, a tag or a free page: a title and a text.
public struct PlainRecord: Sendable, Hashable {
    public var header: RecordHeader
    /// Pages only: the theme template that shows it (default `page`).
    public var layout: Located<String>?
}

/// What editors write about a paragraph of Serviceloven (`kind: law-paragraph`): its
/// title and text are shown on the paragraph's page in the § index. Only what the
/// sources say about the paragraph belongs here.
public struct LawParagraphRecord: Sendable, Hashable {
    public var header: RecordHeader
    /// The paragraph, and where it is written.
    public var paragraph: Located<LawParagraph>
}

/// One decoded content file.
public enum ContentRecord: Sendable, Hashable {
    case municipality(MunicipalityRecord)
    case document(DocumentRecord)
    case section(SectionRecord)
    case item(ItemRecord)
    case appendix(AppendixRecord)
    case theme(PlainRecord)
    case tag(PlainRecord)
    case page(PlainRecord)
    case lawParagraph(LawParagraphRecord)

    public var header: RecordHeader {
        switch self {
        case .municipality(let record): record.header
        case .document(let record): record.header
        case .section(let record): record.header
        case .item(let record): record.header
        case .appendix(let record): record.header
        case .theme(let record), .tag(let record), .page(let record): record.header
        case .lawParagraph(let record): record.header
        }
    }
}
