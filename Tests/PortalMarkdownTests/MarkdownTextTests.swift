import Foundation
import PortalMarkdown
import PortalTestSupport
import PropertyBased
import Testing

/// Text found in Markdown (the § references) becomes links in plain text only, and the
/// text blocks a finder reads are what a reader reads as one run of text.
@Suite("Found text is linked in plain text only, and text blocks are what a reader reads")
struct MarkdownTextTests {
    let markdown = MarkdownRenderer()

    /// Links every "§ 85" to `url`.
    static func linker(_ url: String = "../lov/85/index.html", token: String = "§ 85") -> TextLinker {
        { text in
            var links: [TextLink] = []
            var rest = text.startIndex..<text.endIndex
            while let found = text.range(of: token, range: rest) {
                links.append(TextLink(range: found, url: url))
                rest = found.upperBound..<text.endIndex
            }
            return links
        }
    }

    @Test func aSpanInTextBecomesALinkOfExactlyThatText() {
        let html = markdown.html("Vi bruger § 85 og *§ 85* i **Rudersdal**.", linking: Self.linker())
        #expect(html == "<p>Vi bruger <a href=\"../lov/85/index.html\">§ 85</a> og <em><a href=\"../lov/85/index.html\">§ 85</a></em> i <strong>Rudersdal</strong>.</p>\n")
    }

    @Test func textThatCmarkSplitsIsFoundWhole() {
        // ':' and 'w' may start an autolink, so cmark cuts text nodes there.
        let html = markdown.html("Bemærk: Servicelovens § 85 gælder.", linking: Self.linker(token: "Servicelovens § 85"))
        #expect(html.contains("<a href=\"../lov/85/index.html\">Servicelovens § 85</a> gælder."))
    }

    @Test("Never inside a link, an image, code or raw HTML", arguments: [
        "[Læs om § 85](https://example.dk)", "<https://example.dk/§ 85>", "![§ 85](billede.png)", "`§ 85`",
        "```\n§ 85\n```", "<div>§ 85</div>", "    § 85 som kode",
    ])
    func neverInsideOtherMarkup(text: String) {
        let html = markdown.html(text, linking: Self.linker())
        #expect(!html.contains("../lov/85/index.html"), "\(html)")
        #expect(html == markdown.html(text), "linking changed what it must leave alone")
    }

    @Test func escapingStaysCorrectAroundALink() {
        let html = markdown.html("Tekst med § 85 & \"x\" <script>alert(1)</script> <b onclick=y>z</b>", linking: Self.linker("a\"b<c>&d"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("&amp; &quot;x&quot;"))
        #expect(!html.contains("a\"b"))
        #expect(!html.contains("<c>"))
    }

    @Test func anAddressThatCmarkCallsUnsafeLinksNowhere() {
        let html = markdown.html("§ 85", linking: Self.linker("javascript:alert(1)"))
        #expect(!html.contains("javascript:"))
    }

    @Test func inlineTextIsLinkedToo() {
        #expect(markdown.inlineHTML("At 10 borgere har afsluttet et § 85 forløb.", linking: Self.linker())
            == "At 10 borgere har afsluttet et <a href=\"../lov/85/index.html\">§ 85</a> forløb.")
        #expect(markdown.inlineHTML("Ingen henvisning her.", linking: Self.linker()) == "Ingen henvisning her.")
    }

    @Test func withoutASpanTheHTMLIsAsBefore() async {
        await propertyCheck(count: 300, input: TextGen.contentText(0...120)) { text in
            #expect(markdown.html(text, linking: { _ in [] }) == markdown.html(text))
            #expect(markdown.inlineHTML(text, linking: { _ in [] }) == markdown.inlineHTML(text))
        }
    }

    @Test func linkingNeverNestsLinksNorChangesTheText() async {
        await propertyCheck(count: 300, input: TextGen.contentText(0...60), TextGen.contentText(0...60)) { before, after in
            let text = before + " § 85 " + after
            let linked = markdown.html(text, linking: Self.linker())
            #expect(Self.visibleText(linked) == Self.visibleText(markdown.html(text)), "\(text.debugDescription)")
            var depth = 0
            for tag in Self.anchorTags(linked) {
                depth += tag ? 1 : -1
                #expect(depth <= 1, "a link inside a link: \(linked)")
            }
        }
    }

    // MARK: Text blocks

    @Test func blocksAreParagraphsListEntriesHeadingsAndCells() {
        let text = """
        # Overskrift med § 85

        Første linje
        fortsætter her med [et link](https://example.dk) og `kode`.

        - punkt ét
        - punkt *to*

        | a | b |
        |---|---|
        | celle § 82 | ![billede](x.png) |

        <div>rå HTML</div>

        ```
        kodeblok
        ```
        """
        #expect(markdown.textBlocks(text) == [
            "Overskrift med § 85", "Første linje fortsætter her med et link og kode.", "punkt ét", "punkt to", "a", "b", "celle § 82",
        ])
    }

    @Test func aPlainLineIsOneBlock() {
        #expect(markdown.textBlocks("Besøgsvenner som supplement til §85") == ["Besøgsvenner som supplement til §85"])
        #expect(markdown.textBlocks("").isEmpty)
    }

    @Test func blocksHoldOnlyTextThePageShows() async {
        await propertyCheck(count: 300, input: TextGen.contentText(0...200)) { text in
            // Tags may stand between the letters of a word ("a*b*c"), so spaces are left aside.
            let shown = Self.visibleText(markdown.html(text)).filter { !$0.isWhitespace }
            for block in markdown.textBlocks(text) {
                #expect(!block.contains("\n"))
                for word in block.split(whereSeparator: \.isWhitespace) where word.count > 2 {
                    #expect(shown.contains(word), "\(word) of \(text.debugDescription) is not on the page: \(shown.debugDescription)")
                }
            }
        }
    }

    // MARK: Helpers

    /// The text of HTML as a reader sees it: tags removed, entities decoded, spaces collapsed.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Each `<a` (true) and `</a>` (false) in order.
    static func anchorTags(_ html: String) -> [Bool] {
        let regex = try? NSRegularExpression(pattern: #"<a[\s>]|</a>"#)
        let range = NSRange(html.startIndex..., in: html)
        return (regex?.matches(in: html, range: range) ?? []).compactMap { Range($0.range, in: html).map { html[$0] != "</a>" } }
    }
}
