import PortalContent
import PortalCore
import PortalGraph
import Testing

@Suite("An item's '##' headings each name one field, once")
struct FieldHeadingsTests {
    func errors(body: String) -> [Diagnostic] {
        var fixture = GraphFixture()
        // Ten lines of front matter: the body starts on line 11.
        fixture.files["i2.md"] = "---\nkind: item\ntype: idea\nid: i2\ndocument: d\nsection: s2\nnumber: \"2\"\ntitle: Anden idé\nthemes: [sundhed]\n---\n" + body
        return fixture.errors()
    }

    @Test func differentHeadingsAreFine() {
        #expect(errors(body: "Tekst.\n\n## Formål\n\nA.\n\n## Baggrund\n\nB.\n").isEmpty)
    }

    @Test func aRepeatedHeadingIsAnErrorAtItsFileLineNamingTheFirst() {
        let errors = errors(body: "Tekst.\n\n## Formål\n\nA.\n\n##   formål  \n\nB.\n")
        #expect(errors.map(\.location) == [SourceLocation(path: "i2.md", line: 17)])
        #expect(errors.first?.message.hasSuffix("is already in this file at line 13") == true)
    }

    @Test("An empty heading is an error at its line", arguments: ["##", "## ", "## ##", "## \u{200B}"])
    func anEmptyHeadingIsAnError(_ heading: String) {
        let errors = errors(body: "Tekst.\n\n\(heading)\n\nA.\n")
        #expect(errors.map(\.location) == [SourceLocation(path: "i2.md", line: 13)])
        #expect(errors.first?.message == "empty '##' heading: a field needs a name")
    }

    @Test func headingsInsideACodeBlockAreText() {
        #expect(errors(body: "## Formål\n\n```\n## Formål\n##\n```\n").isEmpty)
    }
}
