import PortalMarkdown
import PortalTestSupport
import PropertyBased
import Testing

@Suite("A body splits into its intro and its ## fields")
struct MarkdownFieldsTests {
    @Test func introThenFieldsInOrder() {
        let fields = MarkdownFields(splitting: """
        Beskrivelsen.

        ## Formål

        At der skabes bedre trivsel.

        ## Hvordan kunne en indsats se ud?
        Et forslag.
        """)
        #expect(fields.intro == "Beskrivelsen.")
        #expect(fields.fields.map(\.label) == ["Formål", "Hvordan kunne en indsats se ud?"])
        #expect(fields.fields[0].markdown == "At der skabes bedre trivsel.")
        #expect(fields.fields[0].line == 3)
        #expect(fields.fields[1].markdown == "Et forslag.")
    }

    @Test func anEmptyFieldKeepsItsHeading() {
        let fields = MarkdownFields(splitting: "## Baggrund\n\n## Hvordan hænger det sammen med andre afdelinger\n")
        #expect(fields.intro.isEmpty)
        #expect(fields.fields.map(\.markdown) == ["", ""])
    }

    @Test func headingsInCodeBlocksAndDeeperHeadingsStayInTheText() {
        let fields = MarkdownFields(splitting: "Tekst\n\n```\n## ikke et felt\n```\n\n### Underoverskrift\n")
        #expect(fields.fields.isEmpty)
        #expect(fields.intro.contains("## ikke et felt"))
        #expect(fields.intro.contains("### Underoverskrift"))
    }

    @Test func closingHashesAreNotPartOfTheLabel() {
        #expect(MarkdownFields(splitting: "## Formål ##\ntekst").fields.first?.label == "Formål")
    }

    @Test func splittingNeverLosesText() async {
        await propertyCheck(count: 300, input: TextGen.contentText()) { text in
            let fields = MarkdownFields(splitting: text)
            let kept = fields.intro.count + fields.fields.reduce(0) { $0 + $1.label.count + $1.markdown.count }
            #expect(kept <= text.count)
        }
    }
}
