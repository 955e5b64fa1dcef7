import Foundation
import PortalContent
import PortalCore
import PortalOutput

/// `portal new`: a new content file with its required fields filled from what the editor
/// gave, every other field as a comment on what belongs there, at the conventional path
/// beside the file it belongs to.
///
/// Nothing is invented: the title, the parents and the choices (an item's type, a
/// document's type) come from the editor; the id is made from the title as the reader
/// makes slugs. The file is read back with the reader before it is written, and written
/// only where nothing is yet, below the content folder.
public struct NewContentFile: Sendable {
    public var kind: EntityKind
    /// The title as the source writes it.
    public var title: String
    /// The id; nil makes it from the title.
    public var id: String?
    /// Values for the kind's other fields, by field name: parents (`municipality`,
    /// `document`, `section`) and choices (`type`, `document_type`).
    public var values: [String: String]

    public init(kind: EntityKind, title: String, id: String? = nil, values: [String: String] = [:]) {
        self.kind = kind
        self.title = title
        self.id = id
        self.values = values
    }

    /// What was written.
    public struct Written: Sendable, Equatable {
        /// The file's path as the user would type it (`content/tags/motion.md`).
        public var path: String
        public var id: String
        public var text: String
    }

    /// Writes the file into `content`.
    /// - Parameters:
    ///   - contentDisplay: how the content folder is named in messages.
    ///   - schemaFolder: where the front-matter schemas are; when the kind's schema is
    ///     there, the file names it in the YAML language server's modeline.
    public func write(into content: URL, contentDisplay: String, schemaFolder: URL? = nil) throws(NewFileProblem) -> Written {
        let loaded = ContentLoader().load(from: content, displayPrefix: "")
        let plan = try plan(in: loaded, contentDisplay: contentDisplay)
        let schemaPath = schemaFolder.flatMap { Self.schemaPath(from: content, components: plan.components, schemas: $0, kind: kind) }
        let text = NewFileTemplate(kind: kind, values: plan.values, schemaPath: schemaPath).text
        let shown = ([contentDisplay] + plan.components).joined(separator: "/")
        let readBack = RecordDecoder().decode(SourceFile(path: shown, text: text))
        if let error = readBack.diagnostics.first(where: { $0.severity == .error }) {
            throw NewFileProblem("nothing written: the new file would not be read: \(error.message)", hint: error.hint)
        }
        do {
            let writer = try ContainedWriter(root: content, display: contentDisplay)
            return Written(path: try writer.create(plan.components, contents: Data(text.utf8)), id: plan.id, text: text)
        } catch {
            throw NewFileProblem(error.description)
        }
    }

    /// Where the file goes and the values it is written with.
    struct Plan: Equatable {
        var id: String
        var components: [String]
        var values: [String: String]
    }

    /// Works out the file's id, parents and path from the content as it is.
    func plan(in content: LoadedContent, contentDisplay: String) throws(NewFileProblem) -> Plan {
        let index = ContentIndex(content, display: contentDisplay)
        guard !title.allSatisfy(\.isWhitespace) else {
            throw NewFileProblem("the title is empty", hint: "give the title as the source writes it")
        }
        let id = try madeID()
        if let existing = index.file(of: kind, id: id) {
            throw NewFileProblem("\(kind.article) \(kind.rawValue) with the id '\(id)' already exists: \(existing)",
                                 hint: "give the new file another id with --id, or edit that file")
        }
        var values = values
        values["id"] = id
        values["title"] = title
        let fields = FieldCatalog.fields(for: kind)
        for field in fields {
            guard case .choice(let allowed) = field.type, let value = values[field.name], !allowed.contains(value) else { continue }
            var hint = "use one of: " + allowed.joined(separator: ", ")
            if let guess = Suggestion.closest(to: value, in: allowed) { hint = "did you mean '\(guess)'? " + hint }
            throw NewFileProblem("'\(value)' is not a valid \(field.name)", hint: hint)
        }
        if kind == .item { try placeItem(&values, index: index) }
        for field in fields where field.isRequired && values[field.name] == nil && field.type != .kind {
            throw NewFileProblem("\(kind.article) \(kind.rawValue) needs \(Self.option(for: field.name))",
                                 hint: hint(forMissing: field, index: index))
        }
        for field in fields {
            guard case .reference(let other) = field.type, let value = values[field.name] else { continue }
            try index.requireUsable(other, id: value, option: Self.option(for: field.name))
        }
        var parentFolder: [String] = []
        if let parentKind = ContentLayout.parent(of: kind),
           let field = fields.first(where: { $0.isRequired && $0.type == .reference(parentKind) }),
           let parentID = values[field.name], let path = index.path(of: parentKind, id: parentID) {
            parentFolder = Array(path.split(separator: "/").map(String.init).dropLast())
        }
        let slug = Slug.make(title)
        return Plan(id: id, components: ContentLayout.path(of: kind, id: id, slug: slug.isEmpty ? id : slug, parentFolder: parentFolder),
                    values: values)
    }

    private func madeID() throws(NewFileProblem) -> String {
        guard let id else {
            let made = Slug.make(title)
            guard !made.isEmpty else {
                throw NewFileProblem("no id can be made from the title '\(title)': it has no letter or digit", hint: "give the id with --id")
            }
            return made
        }
        guard Slug.isValid(id) else {
            let suggestion = Slug.make(id)
            throw NewFileProblem("--id '\(id)' may only hold lower-case letters a-z, digits and single hyphens",
                                 hint: suggestion.isEmpty || suggestion == id ? nil : "try '\(suggestion)'")
        }
        return id
    }

    /// An item's document comes from its section when only the section is given, and an
    /// item of a document that has sections must name one of them (the build requires it).
    private func placeItem(_ values: inout [String: String], index: ContentIndex) throws(NewFileProblem) {
        if let sectionID = values["section"] {
            try index.requireUsable(.section, id: sectionID, option: "--section")
            guard let section = index.section(sectionID) else { return }
            if let documentID = values["document"], documentID != section.document.id {
                throw NewFileProblem("section '\(sectionID)' belongs to document '\(section.document.id)', not to '\(documentID)'",
                                     hint: "give a section of document '\(documentID)', or leave --document out")
            }
            values["document"] = section.document.id
        } else if let documentID = values["document"] {
            let sections = index.sections(of: documentID)
            if !sections.isEmpty {
                throw NewFileProblem("document '\(documentID)' is organised in sections; the item needs --section",
                                     hint: "give one of: " + sections.joined(separator: ", "))
            }
        }
    }

    private func hint(forMissing field: FieldSpec, index: ContentIndex) -> String {
        switch field.type {
        case .choice(let values): return "one of: " + values.joined(separator: ", ")
        case .reference(let other):
            let known = index.ids(of: other)
            if known.isEmpty { return "there is no \(other.rawValue) yet; make one first with 'portal new \(other.rawValue)'" }
            return "the id of its \(other.rawValue): " + known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", ..." : "")
        case .paragraphNumber: return "the paragraph of Serviceloven the text is about, without '§', such as 85 or 82a"
        default: return "give its value"
        }
    }

    /// The command-line option that gives a field (`document_type` → `--document-type`).
    static func option(for field: String) -> String {
        "--" + field.replacingOccurrences(of: "_", with: "-")
    }

    /// The kind's schema, relative to the folder the new file goes in; nil when it is not
    /// there.
    static func schemaPath(from content: URL, components: [String], schemas: URL, kind: EntityKind) -> String? {
        let schema = schemas.appendingPathComponent(FrontMatterSchema.fileName(for: kind)).resolvingSymlinksInPath()
        guard FileManager.default.fileExists(atPath: schema.path) else { return nil }
        let folder = components.dropLast().reduce(content.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }
        let from = folder.standardizedFileURL.pathComponents, to = schema.standardizedFileURL.pathComponents
        let common = zip(from, to).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - common) + to.dropFirst(common)).joined(separator: "/")
    }
}

/// Why `portal new` wrote nothing; printed as `error: message (hint: ...)`.
public struct NewFileProblem: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { message + (hint.map { " (hint: \($0))" } ?? "") }
}

/// The content's files by kind and id: where each is, and which could not be read.
struct ContentIndex {
    private var paths: [EntityRef: String] = [:]
    private var sectionRecords: [String: SectionRecord] = [:]
    private let unusable: [SalvagedFile]
    private let display: String

    init(_ content: LoadedContent, display: String) {
        self.display = display
        unusable = content.unusable.files
        for record in content.records {
            paths[EntityRef(record.header.kind, record.header.id.value)] = record.header.file.path
            if case .section(let section) = record { sectionRecords[section.header.id.value] = section }
        }
    }

    /// A file path as the user would type it.
    func shown(_ path: String) -> String { display.isEmpty ? path : display + "/" + path }

    /// The file, read or not, that has the kind and id.
    func file(of kind: EntityKind, id: String) -> String? {
        if let path = paths[EntityRef(kind, id)] { return shown(path) }
        return unusable.first { $0.kind == kind && $0.ids.contains(id) }.map { shown($0.path) + " (it has errors; portal check shows them)" }
    }

    /// The path, relative to the content folder, of the readable file with the kind and id.
    func path(of kind: EntityKind, id: String) -> String? { paths[EntityRef(kind, id)] }

    func section(_ id: String) -> SectionRecord? { sectionRecords[id] }

    func sections(of document: String) -> [String] {
        sectionRecords.values.filter { $0.document.id == document }.map(\.header.id.value).sorted()
    }

    func ids(of kind: EntityKind) -> [String] {
        paths.keys.filter { $0.kind == kind }.map(\.id).sorted()
    }

    /// Refuses an id that names no readable file of the kind.
    func requireUsable(_ kind: EntityKind, id: String, option: String) throws(NewFileProblem) {
        guard paths[EntityRef(kind, id)] == nil else { return }
        if let broken = unusable.first(where: { $0.kind == kind && $0.ids.contains(id) }) {
            throw NewFileProblem("the \(kind.rawValue) '\(id)' given by \(option) is in \(shown(broken.path)), which has errors",
                                 hint: "fix that file first; portal check shows its problems")
        }
        let known = ids(of: kind)
        var hint = known.isEmpty ? "there is no \(kind.rawValue) yet" : "known: " + known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", ..." : "")
        if let guess = Suggestion.closest(to: id, in: known) { hint = "did you mean '\(guess)'? " + hint }
        throw NewFileProblem("there is no \(kind.rawValue) with the id '\(id)' (given by \(option))", hint: hint)
    }
}
