import PortalMarkdown
import PortalTestSupport
import PropertyBased
import Testing

@Suite("A link or image with an address that is not allowed is shown as text, never as an empty link")
struct RefusedLinkTests {
    let markdown = MarkdownRenderer()

    @Test("a refused link keeps its text, with its emphasis, and is no link", arguments: [
        "javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "file:///etc/passwd",
        // cmark reads "\\" in Markdown as one backslash and writes a backslash it keeps as
        // %5C (a path, not a host), so these are the spellings that name another host.
        "//example.dk/side", "/\\example.dk/side", "\\\\\\\\example.dk", " //example.dk",
    ])
    func refusedLinkBecomesItsText(address: String) {
        #expect(markdown.html("Se [*vores* side](<\(address)>) her.") == "<p>Se <em>vores</em> side her.</p>\n")
        #expect(markdown.inlineHTML("[klik](<\(address)>)") == "klik")
    }

    @Test func aRefusedImageBecomesItsDescription() {
        #expect(markdown.html("Før ![Et *kort* over\nEksempelkommune](data:image/png;base64,iVBOR) efter.")
                == "<p>Før Et kort over Eksempelkommune efter.</p>\n")
        #expect(markdown.html("![](javascript:x)") == "<p></p>\n")
    }

    @Test func refusedLinksInsideRefusedImagesAndTheOtherWayRound() {
        #expect(markdown.html("![et [indre](javascript:x) billede](data:x)") == "<p>et indre billede</p>\n")
        #expect(markdown.html("[![ikon](data:x) tekst](javascript:x)") == "<p>ikon tekst</p>\n")
        #expect(markdown.html("[![ikon](data:x)](https://example.dk)") == "<p><a href=\"https://example.dk\">ikon</a></p>\n")
    }

    @Test func protocolRelativeAddressesAreRefusedAsLeavingTheSiteWithoutAScheme() {
        for address in ["//example.dk", "\\\\example.dk", "/\\example.dk", "\\/example.dk", "\t//example.dk"] {
            #expect(MarkdownRenderer.addressProblem(address) == .noScheme, "\(address)")
        }
        #expect(MarkdownRenderer.addressProblem("JavaScript:x") == .scheme("JavaScript"))
        #expect(MarkdownRenderer.addressProblem("/sundhed/index.html") == nil)
        #expect(MarkdownRenderer.addressProblem("sundhed/a\\b:c") == nil)
        #expect(MarkdownRenderer.addressProblem("https://example.dk") == nil)
    }

    @Test func noPageEverGetsAnEmptyAddress() async {
        let attack = Gen<String?>.element(of: [
            "[a](javascript:x)", "![b](data:x)", "<vbscript:x>", "[c](//example.dk)", "ftp://example.dk", "[d]\n\n[d]: file:x",
        ]).map { $0 ?? "" }
        await propertyCheck(count: 300, input: TextGen.contentText(0...60), attack, TextGen.contentText(0...60)) { before, bad, after in
            let html = markdown.html(before + bad + after)
            #expect(!html.contains("href=\"\"") && !html.contains("src=\"\""), "\(html)")
            #expect(!html.contains("href=\"//") && !html.contains("javascript:x\""), "\(html)")
        }
    }
}
