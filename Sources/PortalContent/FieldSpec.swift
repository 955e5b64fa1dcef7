/// One front-matter field as editors write it: its name, the kind of value it takes,
/// whether it must be given, and what belongs there.
///
/// The field catalog (`FieldCatalog`) is made of these, and everything that needs to know
/// the fields is made from it: the reader's lists of allowed fields, the JSON Schemas
/// editors' tools check files with, the comments `portal new` writes, and README's table
/// of required and optional fields. One definition, so that none of them can drift.
public struct FieldSpec: Sendable, Hashable {
    public var name: String
    public var type: FieldType
    public var requirement: Requirement
    /// Whether `null` (or nothing after `name:`) is accepted. It is for every optional
    /// field but a few settings, where a field written without a value is an error rather
    /// than a silent default.
    public var acceptsNull: Bool
    /// One line for editors on what belongs in the field (English, like README).
    public var summary: String

    public init(_ name: String, _ type: FieldType, _ requirement: Requirement, acceptsNull: Bool? = nil, _ summary: String) {
        self.name = name
        self.type = type
        self.requirement = requirement
        self.acceptsNull = acceptsNull ?? (requirement != .required)
        self.summary = summary
    }

    /// An optional field.
    public init(_ name: String, _ type: FieldType, acceptsNull: Bool = true, _ summary: String) {
        self.init(name, type, .optional, acceptsNull: acceptsNull, summary)
    }

    public var isRequired: Bool { requirement == .required }

    /// Whether a field must be given.
    public enum Requirement: Sendable, Hashable {
        case required
        case optional
        /// Optional to the reader, but required by a rule about other files, which the
        /// build checks (an item's section, when its document has sections).
        case requiredWhen(String)
    }

    /// The fields of each entry (`objects`) or of the set of fields (`fields`); none for
    /// any other type.
    public var subfields: [FieldSpec] {
        switch type {
        case .objects(let fields), .fields(let fields): fields
        default: []
        }
    }
}

/// The kind of value a front-matter field takes.
public indirect enum FieldType: Sendable, Hashable {
    /// The file's kind: always the same word in a file of one kind.
    case kind
    /// A name that goes into addresses and references (an id, a slug, a path):
    /// lower-case letters a-z, digits and single hyphens.
    case identifier
    /// One line of text, in the source's own words.
    case text
    /// Text of several lines or paragraphs, in Markdown.
    case markdown
    /// The id of another entity of the kind.
    case reference(EntityKind)
    /// A list of ids of entities of the kind.
    case references(EntityKind)
    /// A list of texts.
    case texts
    case wholeNumber
    case wholeNumbers
    /// `true` or `false`.
    case flag
    /// One of a closed list of values (an enum's raw values).
    case choice([String])
    /// A list of entries, each a set of its own fields.
    case objects([FieldSpec])
    /// One set of its own fields.
    case fields([FieldSpec])
    /// An absolute `http://` or `https://` address.
    case webAddress
    /// A paragraph of Serviceloven as the act numbers it, without `§`: `85`, `82a`.
    case paragraphNumber
    /// A day written `YYYY-MM-DD`.
    case date

    /// One of the raw values of `type`, in its declared order.
    public static func choice<T: RawRepresentable & CaseIterable>(of type: T.Type) -> FieldType where T.RawValue == String {
        .choice(type.allCases.map(\.rawValue))
    }

    /// How the value is written, for editors: "text", "list of theme ids", "true or false".
    public var phrase: String {
        switch self {
        case .kind: "the kind"
        case .identifier: "a-z, 0-9 and hyphens"
        case .text: "text"
        case .markdown: "Markdown text"
        case .reference(let kind): "\(kind.rawValue) id"
        case .references(let kind): "list of \(kind.rawValue) ids"
        case .texts: "list of texts"
        case .wholeNumber: "whole number"
        case .wholeNumbers: "list of whole numbers"
        case .flag: "true or false"
        case .choice(let values): values.joined(separator: " | ")
        case .objects: "list of entries"
        case .fields: "fields"
        case .webAddress: "http(s) address"
        case .paragraphNumber: "a paragraph number such as \"85\" or \"82a\""
        case .date: "a date written YYYY-MM-DD"
        }
    }
}

extension Array where Element == FieldSpec {
    /// The field names, in the catalog's order.
    public var names: [String] { map(\.name) }

    public subscript(_ name: String) -> FieldSpec? {
        first { $0.name == name }
    }

    /// The fields of the entries of `name`: what the reader allows in a local theme, a
    /// key fact, an activity. Empty for a field that has none.
    public func subfields(of name: String) -> [FieldSpec] {
        self[name]?.subfields ?? []
    }
}
