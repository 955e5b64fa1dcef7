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

    @Test func aBodyNestedTooDeepIsAnErrorAtTheMarkerAndTheFileIsNotUsed() {
        let decoded = decode(theme(body: "Tekst.\n\n" + String(repeating: "> ", count: 20) + "dybt\n"))
        #expect(decoded.record == nil)
        #expect(places(decoded.diagnostics) == ["8:33 error"])
        #expect(decoded.diagnostics.first?.message.hasPrefix("Markdown is nested more than 16 levels deep here") == true)
        #expect(decoded.unusable?.id == "sundhed", "references to the file are not reported again")
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
}
