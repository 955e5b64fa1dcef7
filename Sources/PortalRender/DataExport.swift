import Foundation
import PortalContent
import PortalCore
import PortalGraph
import PortalMarkdown

/// The open-data files: `portal.json` for machines (every entity, plain UTF-8 JSON,
/// described by `schemas/portal.schema.json`), one CSV per kind of row for people using
/// Danish Excel (`SpreadsheetTable`, `DataExport+Spreadsheets.swift`), and the text of
/// `sitemap.xml`.
public struct DataExport: Sendable {
    let graph: SiteGraph
    let strings: Strings
    let markdown: MarkdownRenderer

    /// Version of the JSON format; raised when a field changes meaning or disappears.
    public static let formatVersion = 1

    public init(graph: SiteGraph, strings: Strings, markdown: MarkdownRenderer = MarkdownRenderer()) {
        self.graph = graph
        self.strings = strings
        self.markdown = markdown
    }

    var dataPath: String { graph.site.paths.data + "/" }

    /// One data file once it has been handed on: what the data page says about it.
    public struct WrittenFile: Sendable, Equatable {
        /// The file's path, relative to the site root.
        public var path: String
        /// How many rows it holds (entities, for the JSON).
        public var rows: Int
        /// Its size in bytes.
        public var bytes: Int
    }

    /// Makes the data files one at a time, the JSON first and then one CSV per kind of
    /// row, and hands each to `emit` before the next is made: at 10,000 items the files
    /// together are about 90 MB, and holding them all (with the encoder's buffers) was
    /// half of a build's peak memory.
    /// - Returns: each file's rows and size, in the order written, for the data page.
    public func write(_ emit: (OutputFile) throws -> Void) throws -> [WrittenFile] {
        var written: [WrittenFile] = []
        func hand(_ file: OutputFile, rows: Int) throws {
            let bytes = file.data.count
            try emit(file)
            written.append(WrittenFile(path: file.path, rows: rows, bytes: bytes))
        }
        // Each file only within its own scope, so that it is freed before the next is made.
        do {
            let json = try jsonFile()
            try hand(json.file, rows: json.entities)
        }
        for kind in Self.tableOrder {
            let (file, rows) = {
                let table = table(kind)
                return (OutputFile(path: dataPath + kind.fileName, data: table.data), table.rows.count)
            }()
            try hand(file, rows: rows)
        }
        return written
    }

    /// The data files: the JSON, then one CSV per kind of row.
    public func files() throws -> [OutputFile] {
        var files: [OutputFile] = []
        _ = try write { files.append($0) }
        return files
    }

    static let jsonName = "portal.json"

    /// The paths `files()` gives, known without making the files.
    public static func paths(dataFolder: String) -> [String] {
        ([jsonName] + SpreadsheetTable.Kind.allCases.map(\.fileName)).map { dataFolder + "/" + $0 }
    }

    /// What the "Hent data" page says about each file `write` made: its name, format, what
    /// it holds, how many rows (entities, for the JSON) and its size.
    public func descriptions(of written: [WrittenFile]) -> [[String: Any]] {
        let kinds = Dictionary(uniqueKeysWithValues: SpreadsheetTable.Kind.allCases.map { (dataPath + $0.fileName, $0) })
        let csvs: [[String: Any]] = written.compactMap { file in
            guard let kind = kinds[file.path] else { return nil }
            let key = "data.files.\(kind)"
            return [
                "path": file.path, "name": kind.fileName, "format": strings["data.csvFormat"],
                "title": strings["\(key).title"], "description": strings["\(key).description"],
                "rows": String(file.rows), "size": Self.size(file.bytes),
            ]
        }
        let jsonPath = dataPath + Self.jsonName
        let json: [[String: Any]] = written.filter { $0.path == jsonPath }.map { file in
            [
                "path": jsonPath, "name": Self.jsonName, "format": strings["data.jsonFormat"],
                "title": strings["data.files.json.title"], "description": strings["data.jsonDescription"],
                "rows": String(file.rows), "size": Self.size(file.bytes),
            ]
        }
        return csvs + json
    }

    /// "12 kB", "1,4 MB": a size as Danish readers write it (decimal comma, 1000s).
    static func size(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) B" }
        if bytes < 1_000_000 { return "\(Int((Double(bytes) / 1_000).rounded())) kB" }
        let tenths = Int((Double(bytes) / 100_000).rounded())
        return "\(tenths / 10),\(tenths % 10) MB"
    }

    // MARK: JSON

    /// The shape of `portal.json`. `jsonFile()` writes it in pieces, a member at a time, so
    /// that the entities are never all held; a test checks the pieces against encoding
    /// this whole.
    struct Export: Encodable {
        var formatVersion: Int
        var dataset: Dataset
        var entities: [Entity]
    }

    /// DCAT-AP-DK style metadata for the dataset.
    struct Dataset: Encodable {
        var title: String
        var description: String
        var keywords: [String]
        var publisher: String?
        var contactPoint: String?
        var license: String?
        var language: String
    }

    struct Entity: Encodable {
        var id: String
        var kind: String
        var title: String
        var url: String
        var municipality: String?
        var document: String?
        var section: String?
        var type: String?
        var number: String?
        var shortTitle: String?
        var status: String?
        var statusText: String?
        var themes: [String]
        var localThemes: [Int]?
        var localThemesAsWritten: String?
        var tags: [String]
        /// The paragraphs of Serviceloven the entity's text cites ("82", "82a"), in the act's order.
        var lawReferences: [String]
        /// A law-paragraph text: the paragraph it is about.
        var paragraph: String?
        var body: String
        var missingDescription: Bool?
        var activities: [ExportActivity]?
        var goals: [String]?
        var successCriteria: [String]?
        var milestones: [ExportMilestone]?
        var fields: [ExportField]?
        var evaluation: [ExportField]?
        var source: ExportSource?
        var documentType: String?
        var organisation: String?
        var period: String?
        var date: String?
        var sourceFile: String?
        var keyFacts: [ExportKeyFactGroup]?
        var related: [String]?
        var implements: String?
        /// The source's own headings for the item's lists, where it has them.
        var labels: [String: String]?
    }

    struct ExportActivity: Encodable {
        var number: String?
        var title: String?
        var text: String?
        var status: String?
        var statusText: String?
    }

    struct ExportMilestone: Encodable {
        var text: String
        var when: String?
    }

    struct ExportField: Encodable {
        var label: String
        var text: String?
    }

    struct ExportSource: Encodable {
        var document: String
        var page: Int?
        var section: String?
    }

    struct ExportKeyFactGroup: Encodable {
        var group: String
        var facts: [ExportField]
    }

    /// A page's address: the published, clean address (`…/temaer/sundhed/`, the same as
    /// the page's canonical link) when the site's base URL is known; otherwise the path
    /// of its file relative to the site root, which works from a file share too.
    func url(_ path: String) -> String {
        guard let base = graph.site.baseURL else { return path + "index.html" }
        return base + path
    }

    func plain(_ text: String) -> String {
        markdown.plainText(text)
    }

    /// Every entity of the site, in the JSON's order, handed to `body` one at a time.
    func forEachEntity(_ body: (Entity) throws -> Void) rethrows {
        func entity(id: String, kind: EntityKind, title: String, path: String, body: String) -> Entity {
            Entity(id: id, kind: kind.rawValue, title: title, url: url(path), themes: [], tags: [],
                   lawReferences: lawReferences(EntityRef(kind, id)), body: plain(body))
        }
        for municipality in graph.municipalities {
            var value = entity(id: municipality.id, kind: .municipality, title: municipality.title, path: municipality.path, body: municipality.body)
            value.municipality = municipality.id
            try body(value)
        }
        for document in graph.documents {
            var value = entity(id: document.id, kind: .document, title: document.title, path: document.path, body: document.body)
            value.municipality = document.municipalityID
            value.document = document.id
            value.documentType = document.documentType.rawValue
            value.organisation = document.organisation
            value.period = document.period
            value.date = document.date
            value.sourceFile = document.sourceFile
            value.related = document.relatedIDs
            value.localThemes = document.localThemes.map(\.number)
            value.keyFacts = document.keyFacts.map { group in
                ExportKeyFactGroup(group: group.group, facts: group.facts.map { ExportField(label: $0.label, text: $0.value) })
            }
            try body(value)
        }
        for section in graph.sections {
            var value = entity(id: section.id, kind: .section, title: section.title, path: section.path, body: section.body)
            value.municipality = section.municipalityID
            value.document = section.documentID
            value.number = section.number
            value.themes = section.themeIDs
            value.implements = section.implementsID
            value.source = ExportSource(document: section.source.documentID, page: section.source.page, section: section.source.section)
            try body(value)
        }
        for item in graph.items {
            var value = entity(id: item.id, kind: .item, title: item.title, path: item.path, body: item.intro)
            value.municipality = item.municipalityID
            value.document = item.documentID
            value.section = item.sectionID
            value.type = item.type.rawValue
            value.number = item.number
            value.shortTitle = item.shortTitle
            value.status = item.status?.rawValue
            value.statusText = item.statusText.map(plain)
            value.themes = item.themeIDs
            value.localThemes = item.localThemes
            value.localThemesAsWritten = item.localThemesAsWritten
            value.tags = item.tagIDs
            value.missingDescription = item.missingDescription
            value.activities = item.activities.map {
                ExportActivity(number: $0.number, title: $0.title.map(plain), text: $0.text.map(plain),
                               status: $0.status?.rawValue, statusText: $0.statusText.map(plain))
            }
            value.goals = item.goals.map(plain)
            value.successCriteria = item.successCriteria.map(plain)
            value.milestones = item.milestones.map { ExportMilestone(text: plain($0.text), when: $0.when) }
            value.fields = item.fields.map { ExportField(label: $0.label, text: $0.markdown.isEmpty ? nil : plain($0.markdown)) }
            value.evaluation = item.evaluation.map { ExportField(label: $0.label, text: $0.value) }
            value.source = ExportSource(document: item.source.documentID, page: item.source.page, section: item.source.section)
            let labels = [
                "activities": item.labels.activities, "goals": item.labels.goals,
                "successCriteria": item.labels.successCriteria, "milestones": item.labels.milestones,
                "evaluation": item.labels.evaluation,
            ].compactMapValues { $0 }
            value.labels = labels.isEmpty ? nil : labels
            try body(value)
        }
        for appendix in graph.appendices {
            guard let document = graph.document(appendix.documentID) else { continue }
            var value = Entity(id: appendix.id, kind: EntityKind.appendix.rawValue, title: appendix.title,
                               url: url(document.path) + "#" + appendix.anchor, themes: [], tags: [],
                               lawReferences: lawReferences(EntityRef(.appendix, appendix.id)), body: plain(appendix.body))
            value.municipality = document.municipalityID
            value.document = document.id
            value.source = ExportSource(document: document.id, page: appendix.source.page, section: appendix.source.section)
            try body(value)
        }
        for (kind, topics) in [(EntityKind.theme, graph.themes), (.tag, graph.tags), (.page, graph.pages)] {
            for topic in topics { try body(entity(id: topic.id, kind: kind, title: topic.title, path: topic.path, body: topic.body)) }
        }
        // Texts about paragraphs, each at its paragraph's page; one no text cites has no page.
        for text in graph.lawParagraphTexts where graph.isCited(text.paragraph) {
            var value = entity(id: text.id, kind: .lawParagraph, title: text.title,
                               path: graph.site.paths.lawReferences + "/" + text.paragraph.slug + "/", body: text.body)
            value.paragraph = text.paragraph.description
            try body(value)
        }
    }

    func lawReferences(_ entity: EntityRef) -> [String] {
        graph.lawReferences(in: entity).map(\.description)
    }

    /// `portal.json` as a whole `Export` encodes (pretty, sorted keys), made with each entity
    /// encoded on its own and indented into place, so that the entities and the encoder's
    /// tree of the whole file are never held at once.
    func jsonFile() throws -> (file: OutputFile, entities: Int) {
        let encoder = Self.jsonEncoder()
        // The members in sorted order, as `.sortedKeys` writes them: dataset, entities, formatVersion.
        var json = Data("{\n  \"dataset\" : ".utf8)
        Self.append(try encoder.encode(dataset), indentedBy: 2, to: &json)
        json.append(contentsOf: ",\n  \"entities\" : [".utf8)
        var count = 0
        try forEachEntity { entity in
            json.append(contentsOf: (count == 0 ? "\n    " : ",\n    ").utf8)
            Self.append(try encoder.encode(entity), indentedBy: 4, to: &json)
            count += 1
        }
        json.append(contentsOf: (count == 0 ? "\n\n  ]" : "\n  ]").utf8)
        json.append(contentsOf: ",\n  \"formatVersion\" : \(Self.formatVersion)\n}".utf8)
        return (OutputFile(path: dataPath + Self.jsonName, data: json), count)
    }

    /// The dataset's metadata, from `site.yaml`.
    var dataset: Dataset {
        let site = graph.site
        return Dataset(title: site.title, description: site.description, keywords: site.keywords,
                       publisher: site.publisher, contactPoint: site.contactPoint, license: site.license,
                       language: site.language)
    }

    static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Appends a pretty-printed JSON value nested `indent` spaces deep: every line after
    /// the first moves right, except an empty one (the encoder writes an empty array as
    /// `[`, an empty line, `]`). A line break inside a JSON string is always escaped
    /// (`\n`), so each raw line break is one between tokens.
    private static func append(_ value: Data, indentedBy indent: Int, to json: inout Data) {
        let newline = UInt8(ascii: "\n")
        let margin = [UInt8](repeating: UInt8(ascii: " "), count: indent)
        var start = value.startIndex
        while let end = value[start...].firstIndex(of: newline) {
            json.append(value[start...end])
            start = end + 1
            if start < value.endIndex, value[start] != newline { json.append(contentsOf: margin) }
        }
        json.append(value[start...])
    }

    // MARK: Sitemap

    /// The sitemap of the pages at `paths`, with the absolute addresses the sitemap
    /// protocol requires; only written when `base_url`/`--base-url` is set.
    /// - Parameter paths: the folders of the pages written, relative to the site root.
    public func sitemap(paths: [String]) -> String {
        let entries = paths.map { "  <url><loc>\(Self.xmlEscape(url($0)))</loc></url>" }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        \(entries.joined(separator: "\n"))
        </urlset>

        """
    }

    static func xmlEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
