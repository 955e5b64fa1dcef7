import PortalMarkdown
import PortalTestSupport
import PropertyBased
import Testing

@Suite("What a page would drop or neutralise is found, with its place in the text")
struct MarkdownFindingsTests {
    let markdown = MarkdownRenderer()

    func findings(_ text: String) -> [MarkdownFinding] {
        markdown.findings(in: text)
    }

    @Test func anHTMLBlockIsFoundWithItsStartAndHowManyLinesItHides() {
        let text = "Indledning.\n\n<div class=\"x\">Tekst om\nsundhed i Eksempelkommune</div>\n\nEfter."
        #expect(findings(text) == [MarkdownFinding(
            kind: .htmlBlock(excerpt: "<div class=\"x\">Tekst om sundhed i Eksempelkommune</div>", lines: 2), line: 3, column: 1)])
    }

    @Test func aLongExcerptIsCutWithAnEllipsis() {
        let text = "<p>" + String(repeating: "Eksempeltekst ", count: 10) + "</p>"
        guard case .htmlBlock(let excerpt, _) = findings(text).first?.kind else {
            Issue.record("no HTML block found")
            return
        }
        #expect(excerpt.count == 60 && excerpt.hasPrefix("<p>Eksempeltekst") && excerpt.hasSuffix("…"))
    }

    @Test func anHTMLBlockInsideAListAndAQuoteIsPlacedAtItsColumn() {
        #expect(findings("- Punkt\n\n  > <div>\n  > tekst") == [MarkdownFinding(
            kind: .htmlBlock(excerpt: "<div> tekst", lines: 2), line: 3, column: 5)])
    }

    @Test func inlineTagsAreFoundOnceEachClosingTagsAndCommentsNot() {
        #expect(findings("Tekst med <span class=\"x\">fremhævet</span> og <!-- en note --> slut.") == [
            MarkdownFinding(kind: .htmlTag("<span class=\"x\">"), line: 1, column: 11),
        ])
        #expect(findings("<!-- en note til redaktionen -->\n\nTekst.").isEmpty)
        #expect(findings("<!-- note --> men denne tekst forsvinder\n\nTekst.").count == 1)
    }

    @Test func refusedLinksAndImagesAreFoundAtTheirBracket() {
        let text = "Se [klik](javascript:alert(1)) og ![billede](data:image/png;base64,iVBOR)\nog [ud](//example.dk/x) og [ind](../sundhed/index.html)."
        #expect(findings(text) == [
            MarkdownFinding(kind: .refusedLink(address: "javascript:alert(1)", problem: .scheme("javascript")), line: 1, column: 4),
            MarkdownFinding(kind: .refusedImage(address: "data:image/png;base64,iVBOR", problem: .scheme("data")), line: 1, column: 35),
            MarkdownFinding(kind: .refusedLink(address: "//example.dk/x", problem: .noScheme), line: 2, column: 4),
        ])
    }

    @Test func autolinksAndReferenceLinksArePlacedRight() {
        // cmark-gfm 0.29 places an autolink too far right, and gives links it makes from
        // a bare address no place at all; the findings correct both.
        let text = "Første linje, der er lang nok til at flytte kolonnen.\nSe <javascript:alert(1)> og ftp://example.dk/fil og [ref].\n\n[ref]: vbscript:x"
        #expect(findings(text) == [
            MarkdownFinding(kind: .refusedLink(address: "javascript:alert(1)", problem: .scheme("javascript")), line: 2, column: 4),
            MarkdownFinding(kind: .refusedLink(address: "ftp://example.dk/fil", problem: .scheme("ftp")), line: 2, column: 29),
            MarkdownFinding(kind: .refusedLink(address: "vbscript:x", problem: .scheme("vbscript")), line: 2, column: 53),
        ])
    }

    @Test func aLazyContinuationLineIsPlacedWhereItIsWritten() {
        // cmark-gfm 0.29 places these as if the line were indented like the list item.
        #expect(findings("- Punkt\n<b>et</b> og <b>to</b>\n\n> Citat\n[a](javascript:x)").map { "\($0.line):\($0.column)" }
                == ["2:1", "2:14", "5:1"])
    }

    @Test func columnsCountCharacters() {
        #expect(findings("Æblemost på Ø: <b>fed</b>").map(\.column) == [16])
    }

    @Test func safeTextHasNoFindings() {
        #expect(findings("Tekst med *kursiv*, [et link](https://example.dk), <https://example.dk>, www.example.dk og 3 < 4.").isEmpty)
        #expect(findings("Ingen markup: bare tekst.").isEmpty)
    }

    @Test func everyFindingPointsAtWhatItNames() async {
        let attack = Gen<String?>.element(of: ["<b>", "[a](javascript:x)", "![b](data:x)", "<javascript:x>", "[c](//example.dk)", "\n\n<div>x\n"])
            .map { $0 ?? "" }
        await propertyCheck(count: 300, input: TextGen.contentText(0...60), attack, TextGen.contentText(0...60)) { before, bad, after in
            let text = before + bad + after
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for finding in findings(text) {
                guard finding.line <= lines.count else {
                    Issue.record("line \(finding.line) of \(lines.count) in \(text.debugDescription)")
                    continue
                }
                let there = lines[finding.line - 1].unicodeScalars.dropFirst(finding.column - 1)
                let first = there.first.map(String.init) ?? ""
                switch finding.kind {
                case .htmlBlock, .htmlTag: #expect(first == "<", "\(finding) in \(text.debugDescription)")
                case .refusedLink: #expect(first == "[" || first == "<", "\(finding) in \(text.debugDescription)")
                case .refusedImage: #expect(first == "!", "\(finding) in \(text.debugDescription)")
                }
            }
        }
    }
}
