import PortalContent
import PortalCore
import PortalTestSupport
import PropertyBased
import Testing

@Suite("Front matter decodes into typed records, with every problem located")
struct RecordDecoderTests {
    func decode(_ text: String) -> (ContentRecord?, [Diagnostic]) {
        let result = RecordDecoder().decode(SourceFile(path: "content/x.md", text: text))
        return (result.record, result.diagnostics)
    }

    @Test func aCompleteItemDecodes() throws {
        let (record, diagnostics) = decode("""
        ---
        kind: item
        type: initiative
        id: rudersdal-indsats-01
        document: rudersdal-virksomhedsplan-2019
        section: rudersdal-maal-1
        number: "1"
        title: "Udvikling af borgerkurser: God og sikker adfærd på internettet"
        status: i-gang
        themes: [digitalisering]
        tags: [kompetenceudvikling]
        page: 5
        activities:
          - number: "1"
            title: Samarbejde
            text: Vi samarbejder.
        success_criteria:
          - At borgerne får en forståelse.
        milestones:
          - text: Der er udarbejdet en tidsplan for projektet.
            when: Ultimo juni
          - text: Uden dato
        evaluation:
          - label: Midtvejsevaluering
            value: null
        ---
        Beskrivelse.

        ## Formål

        At der skabes bedre trivsel.
        """)
        #expect(diagnostics.isEmpty)
        guard case .item(let item) = record else {
            Issue.record("expected an item")
            return
        }
        #expect(item.header.title == "Udvikling af borgerkurser: God og sikker adfærd på internettet")
        #expect(item.number == "1")
        #expect(item.status == .iGang)
        #expect(item.header.page == 5)
        #expect(item.milestones == [
            Milestone(text: "Der er udarbejdet en tidsplan for projektet.", when: "Ultimo juni"),
            Milestone(text: "Uden dato", when: nil),
        ])
        #expect(item.evaluation == [EvaluationField(label: "Midtvejsevaluering", value: nil)])
        #expect(item.themes.map(\.id) == ["digitalisering"])
        #expect(item.themes.first?.location.line == 10)
        #expect(item.header.bodyLocation.line == 27)
    }

    @Test func yesNoAndNumbersStayTextWhereTextIsExpected() throws {
        let (record, _) = decode("---\nkind: tag\nid: x\ntitle: no\n---\n")
        #expect(record?.header.title == "no")
        let (document, _) = decode("---\nkind: document\nid: d\nmunicipality: m\ndocument_type: politik\ntitle: Plan\nperiod: 2019\n---\n")
        guard case .document(let value) = document else {
            Issue.record("expected a document")
            return
        }
        #expect(value.period == "2019")
    }

    @Test func anUnknownFieldIsReportedAtItsLineWithASuggestion() {
        let (record, diagnostics) = decode("---\nkind: theme\nid: sundhed\ntittle: Sundhed\n---\n")
        #expect(record == nil)
        let unknown = diagnostics.first { $0.message.contains("unknown field 'tittle'") }
        #expect(unknown?.location == SourceLocation(path: "content/x.md", line: 4, column: 1))
        #expect(unknown?.hint?.contains("did you mean 'title'?") == true)
        #expect(diagnostics.contains { $0.message == "missing required field 'title'" })
    }

    @Test func aWrongTypeIsReportedAtTheValue() {
        let (_, diagnostics) = decode("---\nkind: item\ntype: idea\nid: i\ndocument: d\ntitle: T\ntags: civilsamfund\npage: fem\n---\n")
        #expect(diagnostics.contains { $0.message.contains("'tags' must be a list") && $0.location.line == 7 && $0.location.column == 7 })
        #expect(diagnostics.contains { $0.message.contains("'page' must be a whole number") && $0.location.line == 8 })
    }

    @Test func aWrongStatusNamesTheAllowedOnes() {
        let (_, diagnostics) = decode("---\nkind: item\ntype: idea\nid: i\ndocument: d\ntitle: T\nstatus: færdig\n---\n")
        let status = diagnostics.first { $0.message.contains("færdig") }
        #expect(status?.location.line == 7)
        #expect(status?.hint?.contains("realiseret, i-gang, fravalgt, forslag, ikke-angivet") == true)
    }

    @Test func everyProblemInAFileIsReportedInOneRun() {
        let (_, diagnostics) = decode("---\nkind: item\nid: Ugyldigt Id\nfoo: 1\nbar: 2\n---\n")
        #expect(diagnostics.filter { $0.severity == .error }.count >= 5)
    }

    @Test("YAML syntax errors carry line and column", arguments: [
        ("---\nkind: tag\nid: x\ntitle: \"ikke lukket\n---\n", 4, "quote"),
        ("---\nkind: tag\n\tid: x\ntitle: T\n---\n", 3, "tab"),
        ("---\nkind: tag\nid: x\ntitle: [a, b\n---\n", 4, "'['"),
        ("---\nkind: tag\nid: x\ntitle: A\ntitle: B\n---\n", 5, "given twice"),
        ("---\nkind: tag\nid: x\ntitle: Mål: noget\n---\n", 4, "quotes"),
    ])
    func syntaxErrors(text: String, line: Int, hintOrMessage: String) {
        let (record, diagnostics) = decode(text)
        #expect(record == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == line)
        let words = (diagnostics.first?.message ?? "") + " " + (diagnostics.first?.hint ?? "")
        #expect(words.contains(hintOrMessage))
    }

    @Test func deepNestingIsRefusedBeforeParsing() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let (record, diagnostics) = decode("---\nkind: tag\nid: x\ntitle: \(deep)\n---\n")
        #expect(record == nil)
        #expect(diagnostics.first?.message.contains("nested more than") == true)
        #expect(diagnostics.first?.location.line == 4)
    }

    @Test func decodingArbitraryFrontMatterNeverCrashes() async {
        await propertyCheck(count: 400, input: TextGen.contentText(0...200)) { yaml in
            _ = RecordDecoder().decode(SourceFile(path: "a.md", text: "---\nkind: item\n" + yaml + "\n---\n"))
        }
    }

    @Test func decodingArbitraryUnicodeNeverCrashes() async {
        await propertyCheck(count: 300, input: TextGen.anyText(0...200)) { text in
            _ = RecordDecoder().decode(SourceFile(path: "a.md", text: text))
        }
    }
}
