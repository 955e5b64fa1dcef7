import PortalContent
import PortalCore
import Testing

@Suite("Empty text means not given; text that only looks written is an error")
struct TextFieldTests {
    func decode(_ frontMatter: String) -> (ContentRecord?, [Diagnostic]) {
        let result = RecordDecoder().decode(SourceFile(path: "x.md", text: "---\n" + frontMatter + "---\n"))
        return (result.record, result.diagnostics)
    }

    func document(_ extra: String) -> (DocumentRecord?, [Diagnostic]) {
        let (record, diagnostics) = decode("kind: document\nid: d\nmunicipality: m\ntitle: Plan\ndocument_type: politik\n" + extra)
        guard case .document(let document) = record else { return (nil, diagnostics) }
        return (document, diagnostics)
    }

    @Test("An optional text of \"\" or only spaces is not given, like null",
          arguments: ["organisation: \"\"\n", "organisation: '   '\n", "organisation: null\n", "organisation: \"\\t\"\n"])
    func blankOptionalTextIsNotGiven(_ line: String) throws {
        let (document, diagnostics) = document(line)
        #expect(diagnostics.isEmpty)
        #expect(try #require(document).organisation == nil)
    }

    @Test func aKeyFactOrEvaluationValueOfEmptyTextIsNotGiven() throws {
        let (document, _) = document("key_facts:\n  - group: Personale\n    facts:\n      - label: Antal\n        value: \"\"\n")
        #expect(try #require(document).keyFacts.first?.facts.first?.value == nil)
        let (record, diagnostics) = decode("kind: item\ntype: idea\nid: i\ndocument: d\ntitle: Idé\nevaluation:\n  - label: Slut\n    value: ' '\n")
        #expect(diagnostics.isEmpty)
        guard case .item(let item) = record else {
            Issue.record("expected an item")
            return
        }
        #expect(item.evaluation == [EvaluationField(label: "Slut", value: nil)])
    }

    @Test func anOptionalTextOfOnlyInvisibleCharactersIsAnErrorAtItsValue() {
        let (_, diagnostics) = document("summary: \"\\u200B\\u200B\"\n")
        #expect(diagnostics.map(\.location) == [SourceLocation(path: "x.md", line: 7, column: 10)])
        #expect(diagnostics.first?.message == "summary has no visible text")
        #expect(diagnostics.first?.hint?.contains("U+200B") == true)
    }

    @Test("A required label that is empty is an error at its value", arguments: [
        ("key_facts:\n  - group: \"\"\n    facts: []\n", "group is empty"),
        ("key_facts:\n  - group: Personale\n    facts:\n      - label: \" \"\n", "label is empty"),
    ])
    func anEmptyRequiredLabelIsAnError(_ extra: String, _ message: String) {
        let (document, diagnostics) = document(extra)
        #expect(document == nil)
        #expect(diagnostics.map(\.message) == [message])
    }

    @Test("A title of only spaces or invisible characters is an error", arguments: [
        ("\"  \"", "title is empty"), ("\"\\u200B\"", "title has no visible text"),
        ("\"\\uFEFF \\u2060\"", "title has no visible text"), ("\"\\u202A\\u202C\"", "title has no visible text"),
    ])
    func aTitleWithoutVisibleTextIsAnError(_ title: String, _ message: String) {
        let (record, diagnostics) = decode("kind: theme\nid: t\ntitle: \(title)\n")
        #expect(record == nil)
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.first?.location == SourceLocation(path: "x.md", line: 4, column: 8))
    }

    @Test func aTextDirectionControlInATitleOrListEntryIsAnError() {
        let (_, titleDiagnostics) = decode("kind: theme\nid: t\ntitle: \"Sundhed \\u202Eog trivsel\"\n")
        #expect(titleDiagnostics.map(\.message) == ["title contains the invisible text-direction control U+202E"])
        let (_, listDiagnostics) = decode("kind: item\ntype: idea\nid: i\ndocument: d\ntitle: Idé\ngoals: [\"Flere \\u2066borgere\"]\n")
        #expect(listDiagnostics.map(\.location) == [SourceLocation(path: "x.md", line: 7, column: 9)])
    }

    @Test("An empty entry in a list of texts or of ids is an error at the entry", arguments: [
        "goals: [Flere borgere, \"\"]\n", "goals:\n  - Flere borgere\n  - '  '\n", "tags: [motion, \"\"]\n", "tags: [motion, ~]\n",
        "themes:\n  - sundhed\n  -\n",
    ])
    func anEmptyListEntryIsAnError(_ list: String) {
        let (record, diagnostics) = decode("kind: item\ntype: idea\nid: i\ndocument: d\ntitle: Idé\n" + list)
        #expect(record == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("empty entry in the list") == true)
    }
}
