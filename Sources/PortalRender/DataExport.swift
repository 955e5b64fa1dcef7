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

    /// The data files as made, with how many rows each holds: the files a build writes
    /// and what the data page says about them come from one making.
    public struct Made: Sendable {
        /// The JSON, then one CSV per kind of row.
        public var files: [OutputFile]
        /// How many rows each file holds (entities, for the JSON), by path.
        public var rows: [String: Int]
    }

    /// Makes the data files.
    public func made() throws -> Made {
        let entities = entities()
        let jsonPath = dataPath + Self.jsonName
        var made = Made(files: [OutputFile(path: jsonPath, data: try json(entities))], rows: [jsonPath: entities.count])
        for table in tables() {
            let path = dataPath + table.kind.fileName
            made.files.append(OutputFile(path: path, data: table.data))
            made.rows[path] = table.rows.count
        }
        return made
    }

    /// The data files: the JSON, then one CSV per kind of row.
    public func files() throws -> [OutputFile] {
        try made().files
    }

    static let jsonName = "portal.json"

    /// The paths `files()` gives, known without making the files.
    public static func paths(dataFolder: String) -> [String] {
        ([jsonName] + SpreadsheetTable.Kind.allCases.map(\.fileName)).map { dataFolder + "/" + $0 }
    }

    /// What the "Hent data" page says about each file of `made`: its name, format, what it
    /// holds, how many rows (entities, for the JSON) and its size, from the files themselves.
    public func descriptions(of made: Made) -> [[String: Any]] {
        let kinds = Dictionary(uniqueKeysWithValues: SpreadsheetTable.Kind.allCases.map { (dataPath + $0.fileName, $0) })
        let csvs: [[String: Any]] = made.files.compactMap { file in
            guard let kind = kinds[file.path] else { return nil }
            let key = "data.files.\(kind)"
            return [
                "path": file.path, "name": kind.fileName, "format": strings["data.csvFormat"],
                "title": strings["\(key).title"], "description": strings["\(key).description"],
                "rows": String(made.rows[file.path] ?? 0), "size": Self.size(file.data.count),
            ]
        }
        let jsonPath = dataPath + Self.jsonName
        let json: [[String: Any]] = made.files.filter { $0.path == jsonPath }.map { file in
            [
                "path": jsonPath, "name": Self.jsonName, "format": strings["data.jsonFormat"],
                "title": strings["data.files.json.title"], "description": strings["data.jsonDescription"],
                "rows": String(made.rows[jsonPath] ?? 0), "size": Self.size(file.data.count),
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

    func entities() -> [Entity] {
        func entity(id: String, kind: EntityKind, title: String, path: String, body: String) -> Entity {
            Entity(id: id, kind: kind.rawValue, title: title, url: url(path), themes: [], tags: [],
                   lawReferences: lawReferences(EntityRef(kind, id)), body: plain(body))
        }
        var result: [Entity] = []
        for municipality in graph.municipalities {
            var value = entity(id: municipality.id, kind: .municipality, title: municipality.title, path: municipality.path, body: municipality.body)
            value.municipality = municipality.id
            result.append(value)
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
            result.append(value)
        }
        for section in graph.sections {
            var value = entity(id: section.id, kind: .section, title: section.title, path: section.path, body: section.body)
            value.municipality = section.municipalityID
            value.document = section.documentID
            value.number = section.number
            value.themes = section.themeIDs
            value.implements = section.implementsID
            value.source = ExportSource(document: section.source.documentID, page: section.source.page, section: section.source.section)
            result.append(value)
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
            result.append(value)
        }
        for appendix in graph.appendices {
            guard let document = graph.document(appendix.documentID) else { continue }
            var value = Entity(id: appendix.id, kind: EntityKind.appendix.rawValue, title: appendix.title,
                               url: url(document.path) + "#" + appendix.anchor, themes: [], tags: [],
                               lawReferences: lawReferences(EntityRef(.appendix, appendix.id)), body: plain(appendix.body))
            value.municipality = document.municipalityID
            value.document = document.id
            value.source = ExportSource(document: document.id, page: appendix.source.page, section: appendix.source.section)
            result.append(value)
        }
        for (kind, topics) in [(EntityKind.theme, graph.themes), (.tag, graph.tags), (.page, graph.pages)] {
            result += topics.map { entity(id: $0.id, kind: kind, title: $0.title, path: $0.path, body: $0.body) }
        }
        // Texts about paragraphs, each at its paragraph's page; one no text cites has no page.
        for text in graph.lawParagraphTexts where graph.isCited(text.paragraph) {
            var value = entity(id: text.id, kind: .lawParagraph, title: text.title,
                               path: graph.site.paths.lawReferences + "/" + text.paragraph.slug + "/", body: text.body)
            value.paragraph = text.paragraph.description
            result.append(value)
        }
        return result
    }

    func lawReferences(_ entity: EntityRef) -> [String] {
        graph.lawReferences(in: entity).map(\.description)
    }

    public func json() throws -> Data {
        try json(entities())
    }

    private func json(_ entities: [Entity]) throws -> Data {
        let site = graph.site
        let export = Export(
            formatVersion: Self.formatVersion,
            dataset: Dataset(title: site.title, description: site.description, keywords: site.keywords,
                             publisher: site.publisher, contactPoint: site.contactPoint, license: site.license,
                             language: site.language),
            entities: entities)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(export)
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
