import PortalContent
import PortalCore
import PortalGraph
import Testing

/// What each paragraph is about is content (`kind: law-paragraph`): one file per
/// paragraph, shown on the paragraph's page, and a file no text needs is said to be so.
@Suite("Editors' texts about law paragraphs: one per paragraph, and only for cited ones")
struct LawParagraphTextTests {
    static func file(id: String, paragraph: String, title: String = "Beskyttet beskæftigelse", body: String = "Eksempeltekst.") -> String {
        "---\nkind: law-paragraph\nid: \(id)\nparagraph: \(paragraph)\ntitle: \(title)\n---\n\(body)\n"
    }

    /// The graph fixture with an item citing § 103 and § 85.
    static var fixture: GraphFixture {
        var fixture = GraphFixture()
        fixture.files["i2.md"] = "---\nkind: item\ntype: idea\nid: i2\ndocument: d\nsection: s2\nnumber: \"2\"\ntitle: Anden idé\nthemes: [sundhed]\n---\nEksempeltekst om §103 og § 85.\n"
        return fixture
    }

    @Test func aTextIsFoundByItsParagraphAndCitesNothingItself() throws {
        var fixture = Self.fixture
        fixture.files["lov-103.md"] = Self.file(id: "lov-103", paragraph: "\"103\"", body: "Eksempel: »§ 141 nævnes her«.")
        let (graph, diagnostics) = fixture.build()
        let site = try #require(graph, "\(diagnostics)")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let text = try #require(site.lawParagraphText(for: LawParagraph(number: 103)!))
        #expect(text.id == "lov-103")
        #expect(text.title == "Beskyttet beskæftigelse")
        #expect(site.lawParagraph("lov-103") == text)
        #expect(site.lawParagraphText(for: LawParagraph(number: 85)!) == nil)
        // The text is about the paragraph; it is not a citation of § 141.
        #expect(!site.isCited(LawParagraph(number: 141)!))
    }

    @Test func anUnquotedNumberAndALetteredParagraphAreRead() throws {
        var fixture = Self.fixture
        fixture.files["i1.md"] = fixture.files["i1.md"]?.replacingOccurrences(of: "Tekst.", with: "Tekst om § 82 a.")
        fixture.files["lov-103.md"] = Self.file(id: "lov-103", paragraph: "103")
        fixture.files["lov-82a.md"] = Self.file(id: "lov-82a", paragraph: "\"82 a\"")
        let site = try #require(fixture.build().graph)
        #expect(site.lawParagraphTexts.map(\.paragraph.description) == ["82a", "103"])
    }

    @Test func aSecondFileForOneParagraphIsAnErrorNamingTheFirst() {
        var fixture = Self.fixture
        fixture.files["lov-a.md"] = Self.file(id: "lov-a", paragraph: "\"103\"")
        fixture.files["lov-b.md"] = Self.file(id: "lov-b", paragraph: "\"103\"")
        let errors = fixture.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(path: "lov-b.md", line: 4, column: 12))
        #expect(errors.first?.message == "§ 103 already has a text: lov-a.md:4")
    }

    @Test func aFileForAParagraphNoTextCitesIsAWarningAtItsNumber() throws {
        var fixture = Self.fixture
        fixture.files["lov-86.md"] = Self.file(id: "lov-86", paragraph: "\"86\"")
        let (graph, diagnostics) = fixture.build()
        #expect(graph != nil, "a warning does not stop the build")
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.location == SourceLocation(path: "lov-86.md", line: 4, column: 12))
        #expect(diagnostics.first?.message == "no text in the content cites § 86, so this text is shown nowhere")
    }

    @Test("A paragraph that is no paragraph is an error at its place", arguments: [
        ("\"§ 85\"", "'§ 85' is not a paragraph of Serviceloven", "write the number without '§', such as '85'"),
        ("\"2019\"", "'2019' is not a paragraph of Serviceloven", nil),
        ("abc", "'abc' is not a paragraph of Serviceloven", nil),
    ])
    func aWrongParagraph(written: String, message: String, hint: String?) {
        var fixture = Self.fixture
        fixture.files["lov.md"] = Self.file(id: "lov", paragraph: written)
        let errors = fixture.errors()
        #expect(errors.map(\.message) == [message])
        #expect(errors.first?.location.line == 4)
        if let hint { #expect(errors.first?.hint == hint) }
    }

    @Test func aMissingParagraphIsAnError() {
        var fixture = Self.fixture
        fixture.files["lov.md"] = "---\nkind: law-paragraph\nid: lov\ntitle: Beskyttet beskæftigelse\n---\n"
        #expect(fixture.errors().map(\.message) == ["missing required field 'paragraph'"])
    }

    @Test func aChangedTextIsSeenByTheParagraphsPage() throws {
        var fixture = Self.fixture
        fixture.files["lov-103.md"] = Self.file(id: "lov-103", paragraph: "\"103\"")
        let old = try #require(fixture.build().graph)
        fixture.files["lov-103.md"] = Self.file(id: "lov-103", paragraph: "\"103\"", body: "Anden eksempeltekst.")
        let new = try #require(fixture.build().graph)
        #expect(!new.isUnchanged(.lawParagraphText(LawParagraph(number: 103)!), since: old))
        #expect(new.isUnchanged(.lawParagraphText(LawParagraph(number: 85)!), since: old))
        #expect(new.isUnchanged(.lawReferences(LawParagraph(number: 103)!), since: old))
    }
}
