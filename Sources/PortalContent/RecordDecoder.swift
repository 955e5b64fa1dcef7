import PortalCore
import Yams

/// Turns one content file into a typed record, or into the diagnostics that say why not.
///
/// Every problem in the file is reported, not only the first: a missing title and an
/// unknown field in the same file give two diagnostics.
public struct RecordDecoder: Sendable {
    /// Deeper nesting than this is never content; refusing it up front keeps the YAML
    /// library's recursion from exhausting the stack on hostile input.
    public static let maximumNesting = 64

    public init() {}

    /// What decoding one file gave.
    public struct Decoded: Sendable {
        public var record: ContentRecord?
        public var diagnostics: [Diagnostic]
        /// For a file that could not be decoded: what could still be read of it (its kind,
        /// id and tags), so that references to it are not reported again as unknown.
        public var salvaged: SalvagedFile?
    }

    public func decode(_ file: SourceFile) -> Decoded {
        let (record, diagnostics, root) = decodeRecord(file)
        guard record == nil else { return Decoded(record: record, diagnostics: diagnostics) }
        let salvaged = root.map { SalvagedFile(path: file.path, root: $0, text: file.text) } ?? SalvagedFile(path: file.path, text: file.text)
        return Decoded(record: nil, diagnostics: diagnostics, salvaged: salvaged)
    }

    /// The record, or the diagnostics that say why not; and the YAML, when it parsed.
    private func decodeRecord(_ file: SourceFile) -> (record: ContentRecord?, diagnostics: [Diagnostic], root: Node?) {
        let frontMatter: FrontMatter
        switch FrontMatter.split(file) {
        case .success(let split): frontMatter = split
        case .failure(let diagnostic): return (nil, [diagnostic], nil)
        }
        let lineOffset = frontMatter.yamlLine - 1
        if let deep = Self.excessiveNesting(in: frontMatter.yaml) {
            return (nil, [.error(
                at: file.location(line: deep.line + lineOffset, column: deep.column),
                "front matter is nested more than \(Self.maximumNesting) levels deep",
                hint: "content fields are at most a few levels deep; check for unbalanced brackets")], nil)
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: frontMatter.yaml) else {
                return (nil, [.error(at: file.location(line: 1), "front matter is empty",
                                     hint: "add at least 'kind:', 'id:' and 'title:' between the '---' lines")], nil)
            }
            root = node
        } catch {
            return (nil, [Self.diagnostic(for: error, file: file, yaml: frontMatter.yaml, lineOffset: lineOffset, what: "front matter")], nil)
        }
        let sink = DiagnosticSink()
        let record = decodeRecord(root, file: file, frontMatter: frontMatter, sink: sink)
        let markdown = record.map {
            MarkdownCheck(file: file, lineOffset: lineOffset).diagnostics(kind: $0.header.kind, root: root, frontMatter: frontMatter)
        } ?? []
        let diagnostics = sink.diagnostics + markdown
        return (diagnostics.contains { $0.severity == .error } ? nil : record, diagnostics, root)
    }

    // MARK: Records

    private func decodeRecord(_ root: Node, file: SourceFile, frontMatter: FrontMatter, sink: DiagnosticSink) -> ContentRecord? {
        let lineOffset = frontMatter.yamlLine - 1
        guard root.mapping != nil else {
            sink.error(file.location(line: frontMatter.yamlLine), "front matter must be 'name: value' fields, not \(YAMLFields.describe(root))")
            return nil
        }
        let kindNode = root.mapping?["kind"]
        guard let kindText = kindNode?.scalar?.string else {
            sink.error(file.location(line: frontMatter.yamlLine), "missing required field 'kind'",
                       hint: "add 'kind:' with one of: " + EntityKind.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        guard let kind = EntityKind(rawValue: kindText) else {
            let location = kindNode.map { YAMLFields.location(of: $0, file: file, lineOffset: lineOffset) } ?? file.location(line: 1)
            sink.error(location, "unknown kind '\(kindText)'",
                       hint: "use one of: " + EntityKind.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        guard let fields = YAMLFields(root, file: file, lineOffset: lineOffset, sink: sink,
                                      allowed: FieldCatalog.fields(for: kind).names, what: "\(kind.article) \(kind.rawValue) file") else {
            return nil
        }
        let header = decodeHeader(kind: kind, fields: fields, file: file, frontMatter: frontMatter, sink: sink)
        switch kind {
        case .municipality:
            let shortTitle = fields.label("short_title")
            return header.map { .municipality(MunicipalityRecord(header: $0, shortTitle: shortTitle)) }
        case .document:
            return decodeDocument(fields, header: header)
        case .section:
            let document = fields.reference("document", required: true)
            guard let header, let document else { return nil }
            return .section(SectionRecord(
                header: header, document: document, number: fields.text("number"),
                themes: fields.references("themes"), implements: fields.reference("implements")))
        case .item:
            return decodeItem(fields, header: header)
        case .appendix:
            let document = fields.reference("document", required: true)
            guard let header, let document else { return nil }
            return .appendix(AppendixRecord(header: header, document: document))
        case .theme:
            return header.map { .theme(PlainRecord(header: $0)) }
        case .tag:
            return header.map { .tag(PlainRecord(header: $0)) }
        case .page:
            return header.map { .page(PlainRecord(header: $0, layout: fields.located("layout"))) }
        case .lawParagraph:
            let paragraph = lawParagraph(fields)
            guard let header, let paragraph else { return nil }
            return .lawParagraph(LawParagraphRecord(header: header, paragraph: paragraph))
        }
    }

    private func decodeHeader(kind: EntityKind, fields: YAMLFields, file: SourceFile, frontMatter: FrontMatter, sink: DiagnosticSink) -> RecordHeader? {
        let id = fields.located("id", required: true)
        let title = fields.label("title", required: true)
        if let id, !Slug.isValid(id.value) {
            if id.value.allSatisfy(\.isWhitespace) {
                let fromTitle = title.map { Slug.make($0) } ?? ""
                sink.error(id.location, "id is empty",
                           hint: fromTitle.isEmpty ? Self.idRule : "give the file an id, such as '\(fromTitle)'")
            } else {
                sink.error(id.location, "id '\(id.value)' may only hold lower-case letters a-z, digits and single hyphens",
                           hint: Self.suggestion(Slug.make(id.value, maximumLength: 200), for: id.value) ?? Self.idRule)
            }
        }
        let slug = fields.located("slug")
        if let slug, !Slug.isValid(slug.value) {
            if slug.value.allSatisfy(\.isWhitespace) {
                sink.error(slug.location, "slug is empty",
                           hint: "remove the 'slug:' line to make the address from the title, or write the address part you want")
            } else {
                sink.error(slug.location, "slug '\(slug.value)' may only hold lower-case letters a-z, digits and single hyphens",
                           hint: Self.suggestion(Slug.make(slug.value), for: slug.value)
                               ?? "remove the 'slug:' line to make the address from the title, or use letters a-z and digits")
            }
        }
        let order = fields.int("order")
        let page = fields.int("page")
        if let page, page < 1 {
            sink.error(fields.location(of: "page"), "page \(page) is not a page number: pages are numbered from 1",
                       hint: "write the page number printed in the source, or leave 'page:' out")
        }
        let sourceSection = fields.label("source_section")
        let draft = fields.bool("draft") ?? false
        guard let id, let title else { return nil }
        return RecordHeader(
            kind: kind, id: id, title: title, titleLocation: fields.location(of: "title"), slug: slug, order: order, page: page, sourceSection: sourceSection,
            draft: draft, body: frontMatter.body, bodyLocation: file.location(line: frontMatter.bodyLine), file: file.location(line: 1))
    }

    /// An activity's `slug:`, checked as a header's is: it becomes part of an address.
    private static func activitySlug(_ fields: YAMLFields) -> Located<String>? {
        guard let slug = fields.located("slug") else { return nil }
        guard Slug.isValid(slug.value) else {
            fields.sink.error(slug.location, "slug '\(slug.value)' may only hold lower-case letters a-z, digits and single hyphens",
                              hint: suggestion(Slug.make(slug.value), for: slug.value)
                                  ?? "remove the 'slug:' line to make the address from the title, or use letters a-z and digits")
            return nil
        }
        return slug
    }

    static let idRule = "write an id of lower-case letters a-z, digits and single hyphens"

    /// "try 'x'", unless `x` is empty or the value itself: a suggestion must be a change that works.
    static func suggestion(_ candidate: String, for value: String) -> String? {
        candidate.isEmpty || candidate == value ? nil : "try '\(candidate)'"
    }

    /// The `paragraph:` of a law-paragraph file, read as Serviceloven numbers it.
    private func lawParagraph(_ fields: YAMLFields) -> Located<LawParagraph>? {
        guard let written = fields.located("paragraph", required: true) else { return nil }
        guard let paragraph = LawParagraph(written.value) else {
            let hint = written.value.contains("§")
                ? "write the number without '§', such as '\(written.value.filter { $0 != "§" && $0 != " " })'"
                : "write the paragraph as Serviceloven numbers it: a number from 1 to 999 and perhaps a letter, such as '85' or '82a'"
            fields.sink.error(written.location, "'\(written.value)' is not a paragraph of Serviceloven", hint: hint)
            return nil
        }
        return Located(paragraph, at: written.location)
    }

    private func decodeDocument(_ fields: YAMLFields, header: RecordHeader?) -> ContentRecord? {
        let catalog = FieldCatalog.fields(for: .document)
        let municipality = fields.reference("municipality", required: true)
        let documentType = fields.enumeration("document_type", as: DocumentType.self, required: true)
        let localThemes = fields.objects("local_themes", allowed: catalog.subfields(of: "local_themes").names, what: "a local theme") { theme -> LocalThemeRecord? in
            let number = theme.int("number").map { Located($0, at: theme.location(of: "number")) }
            if number == nil, !theme.has("number") { theme.missing("number") }
            let title = theme.label("title", required: true)
            guard let number, let title else { return nil }
            return LocalThemeRecord(number: number, title: title, description: theme.text("description"), themes: theme.references("themes"))
        }
        let keyFacts = fields.objects("key_facts", allowed: catalog.subfields(of: "key_facts").names, what: "a group of key facts") { group -> KeyFactGroup? in
            let facts = group.objects("facts", allowed: catalog.subfields(of: "key_facts").subfields(of: "facts").names, what: "a key fact") { fact -> KeyFact? in
                fact.label("label", required: true).map { KeyFact(label: $0, value: fact.text("value")) }
            }
            return group.label("group", required: true).map { KeyFactGroup(group: $0, facts: facts) }
        }
        let ideas = fields.objects("administrative_ideas", allowed: catalog.subfields(of: "administrative_ideas").names, what: "an administrative idea") { idea -> AdministrativeIdea? in
            idea.label("title", required: true).map { AdministrativeIdea(title: $0, localThemes: idea.numbers("local_themes")) }
        }
        let units = fields.enumeration("units", as: ComparableUnits.self) ?? .items
        let leadField = fields.label("lead_field")
        // Every field is read (and so checked) before anything missing ends the decoding.
        let (organisation, period, date) = (fields.text("organisation"), fields.text("period"), fields.text("date"))
        let (sourceFile, summary, contact) = (fields.text("source_file"), fields.text("summary"), fields.text("contact"))
        let sourceURL = fields.webAddress("source_url",
                                   hint: "write the address of the original document, such as https://www.eksempelkommune.dk/plan.pdf, or leave 'source_url:' out")
        let (sectionLabel, itemLabel) = (fields.label("section_label"), fields.label("item_label"))
        let related = fields.references("related")
        let ideasHeading = fields.label("administrative_ideas_heading")
        let appendicesHeading = fields.label("appendices_heading")
        guard let header, let municipality, let documentType else { return nil }
        return .document(DocumentRecord(
            header: header, municipality: municipality, documentType: documentType, organisation: organisation,
            period: period, date: date, sourceFile: sourceFile, sourceURL: sourceURL, summary: summary, sectionLabel: sectionLabel,
            itemLabel: itemLabel, related: related, localThemes: localThemes, keyFacts: keyFacts,
            administrativeIdeas: ideas, administrativeIdeasHeading: ideasHeading,
            appendicesHeading: appendicesHeading, contact: contact, units: units, leadField: leadField))
    }

    private func decodeItem(_ fields: YAMLFields, header: RecordHeader?) -> ContentRecord? {
        let catalog = FieldCatalog.fields(for: .item)
        let type = fields.enumeration("type", as: ItemType.self, required: true)
        let document = fields.reference("document", required: true)
        let activities = fields.objects("activities", allowed: catalog.subfields(of: "activities").names, what: "an activity") { activity in
            Activity(number: activity.text("number"), title: activity.label("title"), text: activity.text("text"),
                     status: activity.enumeration("status", as: Status.self), statusText: activity.text("status_text"),
                     slug: Self.activitySlug(activity), themes: activity.has("themes") ? activity.references("themes") : nil,
                     tags: activity.has("tags") ? activity.references("tags") : nil, location: activity.location)
        }
        let milestones = fields.objects("milestones", allowed: catalog.subfields(of: "milestones").names, what: "a milestone") { milestone in
            milestone.text("text", required: true).map {
                Milestone(text: $0, when: milestone.text("when"), whenLocation: milestone.has("when") ? milestone.location(of: "when") : nil)
            }
        }
        let evaluation = fields.objects("evaluation", allowed: catalog.subfields(of: "evaluation").names, what: "an evaluation field") { field in
            field.label("label", required: true).map { EvaluationField(label: $0, value: field.text("value")) }
        }
        var labels = ListLabels()
        if let node = fields.node("labels"),
           let labelFields = YAMLFields(node, file: fields.file, lineOffset: fields.lineOffset, sink: fields.sink,
                                        allowed: catalog.subfields(of: "labels").names,
                                        what: "the list labels") {
            labels = ListLabels(
                activities: labelFields.label("activities"), goals: labelFields.label("goals"),
                successCriteria: labelFields.label("success_criteria"), milestones: labelFields.label("milestones"),
                evaluation: labelFields.label("evaluation"))
        }
        // Every field is read (and so checked) before anything missing ends the decoding.
        let section = fields.reference("section")
        let (number, shortTitle) = (fields.text("number"), fields.label("short_title"))
        let (status, statusText) = (fields.enumeration("status", as: Status.self), fields.text("status_text"))
        let (themes, tags, localThemes) = (fields.references("themes"), fields.references("tags"), fields.numbers("local_themes"))
        let localThemesAsWritten = fields.text("local_themes_as_written")
        let missingDescription = fields.bool("missing_description") ?? false
        let (goals, successCriteria) = (fields.strings("goals"), fields.strings("success_criteria"))
        guard let header, let type, let document else { return nil }
        return .item(ItemRecord(
            header: header, type: type, document: document, section: section, number: number, shortTitle: shortTitle,
            status: status, statusText: statusText, themes: themes, localThemes: localThemes,
            localThemesAsWritten: localThemesAsWritten, tags: tags, missingDescription: missingDescription,
            activities: activities, goals: goals, successCriteria: successCriteria, milestones: milestones,
            evaluation: evaluation, labels: labels))
    }
}
