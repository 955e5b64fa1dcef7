import Foundation
import PortalMarkdown
import PortalTestSupport
import PropertyBased
import Testing

@Suite("Markdown renders GitHub-flavoured and safe")
struct MarkdownRendererTests {
    let markdown = MarkdownRenderer()

    @Test func paragraphsListsAndEmphasis() {
        let html = markdown.html("Første *afsnit* med **fed**.\n\n- et\n- to\n")
        #expect(html.contains("<p>Første <em>afsnit</em> med <strong>fed</strong>.</p>"))
        #expect(html.contains("<ul>\n<li>et</li>\n<li>to</li>\n</ul>"))
    }

    @Test func gfmTablesStrikethroughAndAutolinks() {
        let html = markdown.html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~slettet~~ og https://example.dk\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>a</th>"))
        #expect(html.contains("<del>slettet</del>"))
        #expect(html.contains("<a href=\"https://example.dk\">https://example.dk</a>"))
    }

    @Test func rawHTMLIsNeverPassedThrough() {
        let html = markdown.html("<script>alert(1)</script>\n\nTekst <img src=x onerror=alert(2)> her.\n\n<div onclick=\"x()\">blok</div>\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("<div"))
        #expect(!html.contains("onclick"))
    }

    @Test("dangerous link schemes lose their address and their link", arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/png;base64,iVBOR", "vbscript:msgbox(1)", "file:///etc/passwd",
    ])
    func dangerousSchemes(url: String) {
        let html = markdown.html("[klik](\(url)) ![billede](\(url))")
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.lowercased().contains("data:"))
        #expect(!html.lowercased().contains("vbscript:"))
        #expect(!html.lowercased().contains("file:"))
        #expect(html == "<p>klik billede</p>\n")
    }

    @Test("safe addresses are kept", arguments: [
        "https://www.hillerod.dk", "http://www.vive.dk", "mailto:redaktion@example.dk", "tel:+4559535360",
        "../sundhed/index.html", "#bilag", "side/index.html?x=a:b",
    ])
    func safeSchemes(url: String) {
        #expect(MarkdownRenderer.isAllowed(url: url))
        #expect(markdown.html("[link](\(url))").contains("href=\"\(url.replacingOccurrences(of: "&", with: "&amp;"))\""))
    }

    @Test func headingsAreMovedUnderTheElementTheTextStandsUnder() {
        // Whether the editor starts at # or ##, the highest heading becomes level + 1.
        #expect(markdown.html("# Overskrift\n\n## Under", under: 2) == "<h3>Overskrift</h3>\n<h4>Under</h4>\n")
        #expect(markdown.html("## Kilderne\n\n### Detalje", under: 1) == "<h2>Kilderne</h2>\n<h3>Detalje</h3>\n")
        #expect(markdown.html("# A\n\n###### Dyb", under: 2).contains("<h6>Dyb</h6>"))
        #expect(markdown.html("Ingen overskrifter", under: 3) == "<p>Ingen overskrifter</p>\n")
    }

    @Test func inlineHTMLDropsTheWrappingParagraph() {
        #expect(markdown.inlineHTML("Kun *én* linje") == "Kun <em>én</em> linje")
        #expect(markdown.inlineHTML("To\n\nafsnit").hasPrefix("<p>"))
    }

    @Test func plainTextHasNoMarkup() {
        #expect(markdown.plainText("**Fed** og [link](https://a.dk)\n\n- punkt") == "Fed og link\n\n  - punkt")
    }

    @Test func templateSyntaxInContentIsJustText() {
        let html = markdown.html("{{> partials/header}} og {{{body}}}")
        #expect(html.contains("{{&gt; partials/header}} og {{{body}}}"))
    }

    @Test func arbitraryTextNeverCrashesAndNeverYieldsScript() async {
        await propertyCheck(count: 300, input: TextGen.anyText()) { text in
            let html = markdown.html(text)
            #expect(!html.lowercased().contains("<script"))
            _ = markdown.plainText(text)
            _ = markdown.inlineHTML(text)
        }
    }

    @Test func contentLikeTextNeverYieldsActiveMarkup() async {
        let attack = Gen<String?>.element(of: ["<script>x</script>", "<a href=\"javascript:x\">", "[a](javascript:x)", "<img onerror=x>", "<iframe>"])
            .map { $0 ?? "" }
        await propertyCheck(count: 300, input: TextGen.contentText(0...80), attack, TextGen.contentText(0...80)) { before, bad, after in
            // Shown as escaped text is fine; what must never appear is a live tag or address.
            let html = markdown.html(before + bad + after).lowercased()
            #expect(!html.contains("<script"))
            #expect(!html.contains("<iframe"))
            #expect(!html.contains("href=\"javascript:"))
            #expect(html.range(of: #"<[a-z][^>]*\son[a-z]+="#, options: .regularExpression) == nil)
            #expect(!html.contains("src=\"javascript:"))
        }
    }
}

@Suite("Plain lines skip the Markdown parser without changing the output")
struct PlainLineTests {
    let markdown = MarkdownRenderer()

    @Test func aPlainLineRendersAsItself() {
        #expect(MarkdownRenderer.isPlainLine("Der er udarbejdet en tidsplan for projektet."))
        #expect(markdown.inlineHTML("Han sagde \"ja\": godt.") == "Han sagde &quot;ja&quot;: godt.")
        #expect(!MarkdownRenderer.isPlainLine("1. punkt"))
        #expect(!MarkdownRenderer.isPlainLine("Se www.vive.dk"))
        #expect(!MarkdownRenderer.isPlainLine("*kursiv*"))
    }

    @Test func theFastPathAgreesWithTheParserOnContentLikeText() async {
        await propertyCheck(count: 500, input: TextGen.contentText(1...60)) { text in
            guard MarkdownRenderer.isPlainLine(text) else { return }
            #expect(markdown.html(text) == "<p>" + markdown.inlineHTML(text) + "</p>\n")
        }
    }

    @Test func theFastPathAgreesWithTheParserOnArbitraryText() async {
        await propertyCheck(count: 500, input: TextGen.anyText(1...60)) { text in
            guard MarkdownRenderer.isPlainLine(text) else { return }
            #expect(markdown.html(text) == "<p>" + markdown.inlineHTML(text) + "</p>\n")
        }
    }
}
