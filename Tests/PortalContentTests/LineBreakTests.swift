import Foundation
import PortalContent
import PortalCore
import Testing

/// Inputs found by the fuzz target (scripts/fuzz): line ends that String or libyaml
/// count differently from an editor, which moved diagnostics to the wrong line or past
/// the end of the file.
@Suite("Every line end is counted as editors count it")
struct LineBreakTests {
    @Test func aCarriageReturnBeforeACombiningMarkIsALineEndToo() throws {
        // To String "\r" + U+0301 is one Character, so a search for "\r" missed it.
        let bytes = Array("---\r\u{301}kind: tag\r\n---\rTekst\r".utf8)
        let file = try ContentReader.decode(Data(bytes), display: "content/a.md").get()
        #expect(file.text == "---\n\u{301}kind: tag\n---\nTekst\n")
        #expect(!file.text.unicodeScalars.contains("\r"))
    }

    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}"])
    func aLineBreakOnlyYAMLKnowsDoesNotMoveLaterDiagnostics(_ separator: String) {
        let text = """
        ---
        kind: tag
        id: eksempel
        title: "Eksempel\(separator)tekst"
        tittel: Eksempelkommune
        ---
        """
        let decoded = RecordDecoder().decode(SourceFile(path: "content/a.md", text: text))
        let unknown = decoded.diagnostics.first { $0.message.contains("unknown field 'tittel'") }
        #expect(unknown?.location == SourceLocation(path: "content/a.md", line: 5, column: 1))
    }

    @Test func aYAMLErrorAfterALineSeparatorIsOnItsOwnLine() {
        // libyaml counts "a\u{2028}b" as two lines: its error was a line too far down.
        let text = "title: \"Eksempel\u{2028}portal\"\nkeywords: [a\nlanguage: da\n"
        let (config, diagnostics) = SiteConfig.parse(SourceFile(path: "content/site.yaml", text: text))
        #expect(config == nil)
        #expect(diagnostics.map(\.location) == [SourceLocation(path: "content/site.yaml", line: 2, column: 11)])
        #expect(diagnostics.first?.message.contains("at line 2)") == true)
    }

    @Test func anUnquotedLineSeparatorIsReportedWhereItBreaksTheLine() {
        // To libyaml the text after U+2028 starts a new line: a key without ':'.
        let text = "title: Eksempel\u{2028}portal\nlanguage: da\n"
        let (_, diagnostics) = SiteConfig.parse(SourceFile(path: "content/site.yaml", text: text))
        #expect(diagnostics.map(\.location) == [SourceLocation(path: "content/site.yaml", line: 1, column: 17)])
    }

    @Test func anEmptySettingsDocumentIsReportedOnItsOnlyLine() {
        // "---" alone: libyaml places the empty document on line 2, which does not exist.
        let (config, diagnostics) = SiteConfig.parse(SourceFile(path: "content/site.yaml", text: "---"))
        #expect(config == nil)
        #expect(diagnostics.map(\.location) == [SourceLocation(path: "content/site.yaml", line: 1, column: 4)])
    }
}
