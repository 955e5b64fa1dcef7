import PortalContent
import PortalCore
import Testing

/// The catalog and the reader are one list: whatever the catalog says a field is, the
/// reader reads it so, and the reader accepts no field the catalog does not name.
@Suite("The field catalog and the reader agree on every field")
struct FieldCatalogTests {
    // MARK: Front matter of every kind

    @Test(arguments: EntityKind.allCases)
    func everyFieldFilledWithItsTypeDecodes(kind: EntityKind) {
        let fields = FieldCatalog.fields(for: kind)
        let diagnostics = decode(kind, Sample.mapping(fields, kind: kind))
        #expect(diagnostics.isEmpty, "\(kind): \(diagnostics)")
    }

    @Test(arguments: EntityKind.allCases)
    func theReaderAllowsExactlyTheCatalogsFields(kind: EntityKind) {
        var entries = Sample.mapping(FieldCatalog.fields(for: kind), kind: kind)
        entries.append(("not_a_field", .scalar("1")))
        let unknown = decode(kind, entries).filter { $0.message.contains("unknown field 'not_a_field'") }
        #expect(unknown.count == 1)
        #expect(unknown.first?.hint?.hasSuffix("allowed fields here: " + FieldCatalog.fields(for: kind).names.joined(separator: ", ")) == true,
                "\(unknown.first?.hint ?? "no hint")")
    }

    @Test(arguments: EntityKind.allCases)
    func everyFieldIsReadWithItsType(kind: EntityKind) {
        let fields = FieldCatalog.fields(for: kind)
        for path in Sample.paths(fields) where path.spec.type != .kind {
            let entries = Sample.replacing(path.names, in: Sample.mapping(fields, kind: kind), with: Sample.wrongValue(for: path.spec.type))
            let errors = decode(kind, entries).filter { $0.severity == .error }
            #expect(!errors.isEmpty, "\(kind): \(path.names.joined(separator: ".")) accepted a value of another type (\(path.spec.type.phrase) expected)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func eachRequiredFieldLeftOutIsMissing(kind: EntityKind) {
        let fields = FieldCatalog.fields(for: kind)
        for path in Sample.paths(fields) where path.spec.isRequired {
            let entries = Sample.replacing(path.names, in: Sample.mapping(fields, kind: kind), with: nil)
            let messages = decode(kind, entries).map(\.message)
            #expect(messages.contains("missing required field '\(path.spec.name)'"),
                    "\(kind): leaving out \(path.names.joined(separator: ".")) gave \(messages)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func onlyFieldsThatAcceptNullMayBeNull(kind: EntityKind) {
        let fields = FieldCatalog.fields(for: kind)
        for path in Sample.paths(fields) {
            let entries = Sample.replacing(path.names, in: Sample.mapping(fields, kind: kind), with: .scalar("null"))
            let errors = decode(kind, entries).filter { $0.severity == .error }
            let shown = "\(kind): \(path.names.joined(separator: ".")): null"
            if path.spec.acceptsNull {
                #expect(errors.isEmpty, "\(shown) gave \(errors)")
            } else {
                #expect(!errors.isEmpty, "\(shown) was accepted, but the catalog says it may not be null")
            }
        }
    }

    @Test(arguments: FieldCatalog.fields(for: .item).filter { if case .choice = $0.type { true } else { false } })
    func everyValueOfAChoiceIsAccepted(field: FieldSpec) {
        guard case .choice(let values) = field.type else { return }
        for value in values {
            let entries = Sample.replacing([field.name], in: Sample.mapping(FieldCatalog.fields(for: .item), kind: .item), with: .scalar(value))
            #expect(decode(.item, entries).isEmpty, "\(field.name): \(value)")
        }
    }

    @Test func everyKindHasTheSharedFields() {
        for kind in EntityKind.allCases {
            let names = FieldCatalog.fields(for: kind).names
            #expect(Array(names.prefix(1)) == ["kind"], "\(kind) starts with kind")
            for shared in ["id", "title", "draft"] {
                #expect(names.contains(shared), "\(kind) lacks \(shared)")
            }
            // A text about a law paragraph has its page at the paragraph's number and quotes
            // several sources: no address part, position or source page of its own.
            for placed in ["slug", "order", "page", "source_section"] {
                #expect(names.contains(placed) == (kind != .lawParagraph), "\(kind) and \(placed)")
            }
            #expect(Set(names).count == names.count, "\(kind) names a field twice")
        }
    }

    @Test func everyFieldHasADescription() {
        let all = EntityKind.allCases.flatMap { Sample.paths(FieldCatalog.fields(for: $0)) } + Sample.paths(FieldCatalog.site)
        for path in all {
            #expect(path.spec.summary.count > 10 && path.spec.summary.hasSuffix("."), "\(path.names.joined(separator: "."))")
        }
    }

    // MARK: site.yaml

    @Test func everySettingFilledWithItsTypeParses() {
        let (config, diagnostics) = parseSite(Sample.mapping(FieldCatalog.site, kind: nil))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config != nil)
    }

    @Test func theSettingsAllowExactlyTheCatalogsFields() {
        var entries = Sample.mapping(FieldCatalog.site, kind: nil)
        entries.append(("not_a_field", .scalar("1")))
        let unknown = parseSite(entries).1.filter { $0.message.contains("unknown field 'not_a_field'") }
        #expect(unknown.first?.hint?.hasSuffix("allowed fields here: " + FieldCatalog.site.names.joined(separator: ", ")) == true)
    }

    @Test func everySettingIsReadWithItsTypeAndNullOnlyWhereAccepted() {
        for path in Sample.paths(FieldCatalog.site) {
            let shown = path.names.joined(separator: ".")
            let wrong = Sample.replacing(path.names, in: Sample.mapping(FieldCatalog.site, kind: nil), with: Sample.wrongValue(for: path.spec.type))
            #expect(parseSite(wrong).1.contains { $0.severity == .error }, "\(shown) accepted a value of another type")
            let null = Sample.replacing(path.names, in: Sample.mapping(FieldCatalog.site, kind: nil), with: .scalar("null"))
            #expect(parseSite(null).1.contains { $0.severity == .error } == !path.spec.acceptsNull, "\(shown): null")
            if path.spec.isRequired {
                let left = Sample.replacing(path.names, in: Sample.mapping(FieldCatalog.site, kind: nil), with: nil)
                #expect(parseSite(left).1.map(\.message).contains("missing required field '\(path.spec.name)'"), "\(shown) left out")
            }
        }
    }

    // MARK: Helpers

    func decode(_ kind: EntityKind, _ entries: [(String, Sample.Value)]) -> [Diagnostic] {
        let text = "---\n" + Sample.render(entries) + "---\n" + "Eksempeltekst.\n"
        return RecordDecoder().decode(SourceFile(path: "content/x.md", text: text)).diagnostics
    }

    func parseSite(_ entries: [(String, Sample.Value)]) -> (SiteConfig?, [Diagnostic]) {
        SiteConfig.parse(SourceFile(path: "content/site.yaml", text: Sample.render(entries)))
    }
}

/// Front matter made from the catalog: every field with a value of its type.
enum Sample {
    indirect enum Value {
        /// Written as it stands in YAML.
        case scalar(String)
        case list([Value])
        case mapping([(String, Value)])
    }

    struct Path {
        var names: [String]
        var spec: FieldSpec
    }

    static func value(for spec: FieldSpec, kind: EntityKind?) -> Value {
        switch spec.type {
        case .kind: .scalar(kind?.rawValue ?? "")
        case .identifier: .scalar(Slug.make("eksempel " + spec.name))
        case .text, .markdown: .scalar("\"Eksempeltekst\"")
        case .reference(let other): .scalar("eksempel-\(other.rawValue)")
        case .references(let other): .list([.scalar("eksempel-\(other.rawValue)")])
        case .texts: .list([.scalar("\"Eksempeltekst\"")])
        case .wholeNumber: .scalar("1")
        case .wholeNumbers: .list([.scalar("1")])
        case .flag: .scalar("false")
        case .choice(let values): .scalar(values[0])
        case .objects(let fields): .list([.mapping(mapping(fields, kind: kind))])
        case .fields(let fields): .mapping(mapping(fields, kind: kind))
        case .webAddress: .scalar("https://intranet.example.dk/portal/")
        case .paragraphNumber: .scalar("\"82a\"")
        case .date: .scalar("\"2026-11-25\"")
        }
    }

    /// A value that is not of the type: a list where one value belongs, one value where a
    /// list or a set of fields belongs.
    static func wrongValue(for type: FieldType) -> Value {
        switch type {
        case .references, .texts, .wholeNumbers, .objects, .fields: .scalar("eksempel")
        case .wholeNumber, .flag, .choice: .scalar("eksempel")
        case .kind, .identifier, .text, .markdown, .reference, .webAddress, .paragraphNumber, .date: .list([.scalar("eksempel")])
        }
    }

    static func mapping(_ fields: [FieldSpec], kind: EntityKind?) -> [(String, Value)] {
        fields.map { ($0.name, value(for: $0, kind: kind)) }
    }

    /// Every field, nested ones too (through the first entry of a list of entries).
    static func paths(_ fields: [FieldSpec], under names: [String] = []) -> [Path] {
        fields.flatMap { spec in [Path(names: names + [spec.name], spec: spec)] + paths(spec.subfields, under: names + [spec.name]) }
    }

    /// `entries` with the field at `names` given `value`, or left out when `value` is nil.
    static func replacing(_ names: [String], in entries: [(String, Value)], with value: Value?) -> [(String, Value)] {
        guard let first = names.first else { return entries }
        return entries.compactMap { entry in
            guard entry.0 == first else { return entry }
            if names.count == 1 { return value.map { (first, $0) } }
            switch entry.1 {
            case .mapping(let inner): return (first, .mapping(replacing(Array(names.dropFirst()), in: inner, with: value)))
            case .list(let elements):
                return (first, .list(elements.enumerated().map { index, element in
                    guard index == 0, case .mapping(let inner) = element else { return element }
                    return .mapping(replacing(Array(names.dropFirst()), in: inner, with: value))
                }))
            case .scalar: return entry
            }
        }
    }

    static func render(_ entries: [(String, Value)], indent: String = "") -> String {
        entries.map { name, value in
            switch value {
            case .scalar(let text): "\(indent)\(name): \(text)\n"
            case .mapping(let inner): "\(indent)\(name):\n" + render(inner, indent: indent + "  ")
            case .list(let elements):
                "\(indent)\(name):\n" + elements.map { element in
                    switch element {
                    case .scalar(let text): "\(indent)  - \(text)\n"
                    case .mapping(let inner):
                        // "- " then the first field on the same line, the others below it.
                        String(render(inner, indent: indent + "    ").dropFirst(indent.count + 4)).prefixed(by: "\(indent)  - ")
                    case .list: "\(indent)  - []\n"
                    }
                }.joined()
            }
        }.joined()
    }
}

extension String {
    fileprivate func prefixed(by prefix: String) -> String { prefix + self }
}
