import PortalMarkdown
import Testing

/// A short text inside a list entry or a table cell stays one run of words: what would
/// start a block at the beginning of a line is its literal text there.
@Suite("Inline text never becomes a block")
struct InlineBlockMarkerTests {
    let markdown = MarkdownRenderer()

    @Test func aNumberedActivityKeepsItsNumberAsText() {
        // Slagelse's activities are numbered "1)"; joined to their text they became a list
        // nested in the section page's list ("• 1. Lederforum …").
        #expect(markdown.inlineHTML("1) Lederforum udarbejder en strategi") == "1) Lederforum udarbejder en strategi")
        #expect(markdown.inlineHTML("2. Eksempelkommune samler *alle*") == "2. Eksempelkommune samler <em>alle</em>")
    }

    @Test func bulletsHeadingsAndQuotesStayText() {
        #expect(markdown.inlineHTML("- en tankestreg") == "- en tankestreg")
        #expect(markdown.inlineHTML("+ plus") == "+ plus")
        #expect(markdown.inlineHTML("* stjerne") == "* stjerne")
        #expect(markdown.inlineHTML("# nummer") == "# nummer")
        #expect(markdown.inlineHTML("> citat") == "&gt; citat")
        #expect(markdown.inlineHTML("    indrykket") == "indrykket")
    }

    @Test func emphasisAtTheStartIsStillEmphasis() {
        #expect(markdown.inlineHTML("*kursiv* tekst") == "<em>kursiv</em> tekst")
        #expect(markdown.inlineHTML("**fed** tekst") == "<strong>fed</strong> tekst")
        #expect(markdown.inlineHTML("2019 blev godt") == "2019 blev godt")
    }

    @Test func blockTextIsUnchanged() {
        #expect(markdown.html("1) punkt").contains("<ol>"))
    }
}
