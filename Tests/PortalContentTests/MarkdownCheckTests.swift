import PortalContent
import PortalCore
import PortalMarkdown
import Testing

@Suite("Every Markdown text of a file is checked while it is decoded, with its place in the file")
struct MarkdownCheckTests {
    func decode(_ text: String) -> RecordDecoder.Decoded {
        RecordDecoder().decode(SourceFile(path: "content/x.md", text: text))
    }

    func theme(body: String) -> String {
        "---\nkind: theme\nid: sundhed\ntitle: Sundhed\n---\n" + body
    }

    func item(_ frontMatter: String, body: String = "Eksempeltekst.\n") -> String {
        "---\nkind: item\ntype: initiative\nid: eksempel-indsats-01\ndocument: eksempel-handleplan-2024\ntitle: Eksempel\n"
            + frontMatter + "---\n" + body
    }

    func places(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue)" }
    }

    // MARK: Limits: errors, found before anything is parsed

    @Test func aBodyNestedTooDeepIsAnErrorAtTheMarkerAndTheFileIsNotUsed() {
        let decoded = decode(theme(body: "Tekst.\n\n" + String(repeating: "> ", count: 20) + "dybt\n"))
        #expect(decoded.record == nil)
        #expect(places(decoded.diagnostics) == ["8:33 error"])
        #expect(decoded.diagnostics.first?.message.hasPrefix("Markdown is nested more than 16 levels deep here") == true)
        #expect(decoded.salvaged?.ids.contains("sundhed") == true, "references to the file are not reported again")
    }

    @Test func aFrontMatterFieldNestedTooDeepIsAnErrorInsideTheValue() {
        let goal = String(repeating: "- ", count: 17) + "mål"
        let decoded = decode(item("goals:\n  - \"\(goal)\"\n"))
        #expect(places(decoded.diagnostics) == ["8:38 error"])
    }

    @Test func tooMuchMarkdownInOneFileIsAnErrorAtTheTextThatPassesTheLimit() {
        let long = String(repeating: "Eksempeltekst om sundhed i Eksempelkommune.\n", count: 7_000)
        let decoded = decode(theme(body: long))
        #expect(places(decoded.diagnostics) == ["6:1 error"])
        #expect(decoded.diagnostics.first?.message.hasPrefix("this file has more than 256 KiB of Markdown text") == true)
    }

    @Test func aFileOverALimitIsNotParsedForWarnings() {
        let decoded = decode(theme(body: "<div>skjult</div>\n\n" + String(repeating: ">", count: 17)))
        #expect(decoded.diagnostics.map(\.severity) == [.error])
    }

    // MARK: What pages would not show: warnings

    @Test func rawHTMLInABodyIsAWarningQuotingWhatIsNotShown() throws {
        let decoded = decode(theme(body: "Indledning.\n\n<div class=\"boks\">Tekst om sundhed\ni Eksempelkommune</div>\n\nSlut med <span>en</span> tekst.\n"))
        #expect(decoded.record != nil, "warnings do not stop the file")
        #expect(places(decoded.diagnostics) == ["8:1 warning", "11:10 warning"])
        #expect(decoded.diagnostics.first?.description == """
            content/x.md:8:1: warning: raw HTML is not shown: '<div class="boks">Tekst om sundhed i Eksempelkommune</div>' \
            (2 lines, up to the next blank line) (hint: write it as Markdown; HTML is removed for safety)
            """)
        #expect(decoded.diagnostics.last?.message == "the HTML tag '<span>' is removed; the text around it is shown without it")
    }

    @Test func aRefusedLinkIsAWarningQuotingTheAddress() {
        let decoded = decode(theme(body: "Se [siden](javascript:alert(1)) og [her](//example.dk/side).\n"))
        #expect(decoded.diagnostics.map(\.description) == [
            "content/x.md:6:4: warning: the link to 'javascript:alert(1)' is shown as plain text: 'javascript:' addresses are not allowed (hint: use an address within the site or one starting with http, https, mailto, tel)",
            "content/x.md:6:36: warning: the link to '//example.dk/side' is shown as plain text: an address starting with '//' leaves the site without saying how (hint: write it in full, starting with https://)",
        ])
    }

    @Test func anItemBodyIsCheckedPartByPartAtItsPlaceInTheFile() {
        let decoded = decode(item("", body: "\n   Intro med <b>fed</b>.\n\n## Formål\n\n\n<div>skjult</div>\n"))
        // Front matter ends on line 7: the intro starts on line 9 at column 4, the field's text on line 14.
        #expect(places(decoded.diagnostics) == ["9:14 warning", "14:1 warning"])
    }

    @Test func frontMatterFieldsAreCheckedWhereTheirTextIsWritten() {
        let decoded = decode(item("""
            status_text: Se <i>her</i>
            activities:
              - title: "Titel med <b>fed</b>"
                text: |
                  Første linje.
                    <u>indrykket</u>
                status_text: >
                  Foldet tekst
                  med <s>streg</s>
            goals:
              - '<em>mål</em>'
            success_criteria:
              - "Kriterie med \\"citat\\" og <q>"
            milestones:
              - text: "[link](vbscript:x)"

            """))
        #expect(places(decoded.diagnostics) == [
            "7:17 warning",   // plain one-line value: exact
            "9:23 warning",   // double-quoted: exact
            "12:9 warning",   // literal block: exact, with the text's own indentation
            "13:18 warning",  // folded block: the start of the value
            "17:6 warning",   // single-quoted: exact
            "19:5 warning",   // escapes move the text: the start of the value
            "21:12 warning",
        ])
    }

    @Test func aDocumentsContactAndLocalThemeDescriptionsAreChecked() {
        let decoded = decode("""
            ---
            kind: document
            id: eksempel-handleplan-2024
            municipality: eksempel
            title: Handleplan
            document_type: politik
            contact: "Skriv til <a href=\\"mailto:x@example.dk\\">os</a>"
            local_themes:
              - number: 1
                title: Netværk
                description: "Se [mere](data:text/html,x)"
            ---

            """)
        #expect(places(decoded.diagnostics) == ["7:10 warning", "11:22 warning"])
    }

    @Test func commentsAndSafeMarkdownGiveNoWarning() {
        let decoded = decode(theme(body: "<!-- note til redaktionen -->\n\nTekst med *kursiv*, [link](https://example.dk) og <https://example.dk>.\n"))
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func manyWarningsInOneFileAreCountedAfterTheFirstTen() {
        let decoded = decode(theme(body: (1...15).map { "Linje \($0) med <b>fed</b>." }.joined(separator: "\n\n")))
        #expect(decoded.diagnostics.count == 11)
        #expect(decoded.diagnostics.last?.message.hasPrefix("5 more places from here on in this file") == true)
        #expect(decoded.diagnostics.last?.location.line == 6 + 2 * 10)
    }
}
