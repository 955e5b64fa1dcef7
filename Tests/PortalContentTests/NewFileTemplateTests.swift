import PortalContent
import PortalCore
import Testing

/// What `portal new` writes reads back as the file it means: the given values exactly,
/// every other field of the kind as a comment an editor can uncomment, each with what
/// belongs there.
@Suite("A new file's template reads back as given and documents every field")
struct NewFileTemplateTests {
    /// The required fields' values, as an editor gives them.
    static func values(for kind: EntityKind, title: String = "Ny fil") -> [String: String] {
        var values = ["id": "ny-fil", "title": title]
        for field in FieldCatalog.fields(for: kind) where field.isRequired {
            switch field.type {
            case .reference(let other): values[field.name] = "eksempel-\(other.rawValue)"
            case .choice(let choices): values[field.name] = choices[0]
            case .paragraphNumber: values[field.name] = "85"
            default: break
            }
        }
        return values
    }

    static func decode(_ text: String) -> RecordDecoder.Decoded {
        RecordDecoder().decode(SourceFile(path: "content/ny.md", text: text))
    }

    @Test(arguments: EntityKind.allCases)
    func theFileReadsBackWithNoProblem(kind: EntityKind) throws {
        let template = NewFileTemplate(kind: kind, values: Self.values(for: kind),
                                       schemaPath: "../../schemas/front-matter/\(kind.rawValue).schema.json")
        let decoded = Self.decode(template.text)
        #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics)")
        let header = try #require(decoded.record?.header)
        #expect(header.kind == kind)
        #expect(header.id.value == "ny-fil")
        #expect(header.title == "Ny fil")
        #expect(header.body.isEmpty, "nothing is invented for the text")
        let lines = template.text.split(separator: "\n")
        #expect(lines.prefix(2) == ["---", "# yaml-language-server: $schema=../../schemas/front-matter/\(kind.rawValue).schema.json"])
    }

    @Test(arguments: EntityKind.allCases)
    func everyFieldOfTheKindIsThereWithWhatBelongsInIt(kind: EntityKind) {
        let text = NewFileTemplate(kind: kind, values: Self.values(for: kind)).text
        let lines = text.split(separator: "\n").map(String.init)
        for path in Sample.paths(FieldCatalog.fields(for: kind)) {
            let name = path.spec.name
            let line = lines.first { line in
                let code = line.drop { $0 == "#" || $0 == " " || $0 == "-" }
                return code.hasPrefix(name + ":") && line.contains("# " + path.spec.summary)
            }
            #expect(line != nil, "\(kind): \(path.names.joined(separator: ".")) is written with its description")
        }
        #expect(text.contains(FieldCatalog.body(of: kind)), "the file says what its text after the front matter holds")
    }

    @Test(arguments: EntityKind.allCases)
    func onlyTheGivenFieldsAreWrittenAndTheRestAreComments(kind: EntityKind) {
        let values = Self.values(for: kind)
        let text = NewFileTemplate(kind: kind, values: values).text
        let written = text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0 != "---" }
            .map { String($0.prefix { $0 != ":" }) }
        #expect(Set(written) == Set(values.keys).union(["kind"]))
    }

    @Test(arguments: EntityKind.allCases)
    func theCommentedFieldsAreYAMLThatTheReaderKnowsOnceUncommented(kind: EntityKind) {
        let text = NewFileTemplate(kind: kind, values: Self.values(for: kind)).text
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("# "), !line.hasPrefix("# yaml-language-server"), !line.hasPrefix("# After") else { return String(line) }
            return String(line.dropFirst(2))
        }.joined(separator: "\n")
        let decoded = Self.decode(uncommented)
        // Left empty, only the fields each entry requires complain: nothing is unknown or out of place.
        for diagnostic in decoded.diagnostics {
            #expect(diagnostic.message.hasSuffix("is empty (null)"), "\(kind): \(diagnostic)")
        }
        let entryFields = Sample.paths(FieldCatalog.fields(for: kind)).filter { $0.names.count > 1 && $0.spec.isRequired }
        #expect(decoded.diagnostics.count == entryFields.count, "\(kind): \(decoded.diagnostics)")
    }

    @Test(arguments: ["Bedre trivsel: for alle", "\"Citat\" og 'citat'", "# ikke en kommentar", "- ikke en liste", "[ikke] {en} & *liste*",
                      "Sti C:\\mappe\\fil", "null", "yes", "2019", "Ænder, øer og åer", "Tab\tog\u{2028}linjeskift", "  mellemrum  ", "🙂 %@`|>!"])
    func aTitleReadsBackExactlyAsGiven(title: String) throws {
        let decoded = Self.decode(NewFileTemplate(kind: .tag, values: ["id": "ny", "title": title]).text)
        #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics)")
        #expect(decoded.record?.header.title == title)
    }

    @Test(arguments: ["null", "true", "no", "2019", "1-plan", "plan-2019"])
    func anIdThatYAMLWouldReadAsAnotherTypeIsQuoted(id: String) throws {
        let text = NewFileTemplate(kind: .tag, values: ["id": id, "title": "Ny"]).text
        #expect(Self.decode(text).record?.header.id.value == id)
        let written = try #require(text.split(separator: "\n").first { $0.hasPrefix("id: ") })
        #expect(written.hasPrefix("id: \"") == (id.first?.isNumber == true || ["null", "true", "no"].contains(id)), "\(written)")
    }
}
