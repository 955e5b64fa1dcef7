import Foundation
import PortalTestSupport
import Testing

// Markdown that would make cmark-gfm take gigabytes, run for hours or write a page of
// hundreds of megabytes is refused before it is parsed: the real `portal` binary exits
// with status 1 at the place of the problem and leaves output/ as it was. The files are
// up to 4 MB, too big to commit, so they are written here at run time.
//
// Measured with the release build on the minimal fixture (before → after): 4 MB of `>`
// took 2.3 GB and wrote a 113 MB page; 4 MB of `- + ` and of `> - ` did not finish in
// two minutes (2 GB); a 10,000-column table over 4 MB of short rows took 23 GB.

@Suite("Hostile Markdown is refused before it is parsed, at its place, and never harms the published site")
struct HostileMarkdownTests {
    /// A theme file whose body (from line 7) is `body`.
    static func theme(_ body: String) -> String {
        "---\nkind: theme\nid: sundhed\ntitle: Sundhed og trivsel\norder: 2\n---\n" + body
    }

    /// `unit` repeated to just under the 4 MB size limit, after `prefix`.
    static func fourMegabytes(of unit: String, after prefix: String = "") -> String {
        let room = 4 * 1024 * 1024 - 200 - prefix.utf8.count
        return prefix + String(repeating: unit, count: room / unit.utf8.count)
    }

    static func replacingTheme(_ body: String) -> @Sendable (URL) throws -> Void {
        let text = theme(body)
        return { content in try Data(text.utf8).write(to: content.appendingPathComponent("temaer/sundhed.md")) }
    }

    static let wideTable = String(repeating: "|a", count: 10_000) + "|\n" + String(repeating: "|-", count: 10_000) + "|\n"

    static let cases: [MalformedCase] = [
        MalformedCase(name: "four megabytes of block quotes", prepare: replacingTheme(fourMegabytes(of: ">")),
                      expectation: CaseExpectation(parsing: """
                          temaer/sundhed.md:7:17: error: Markdown is nested more than 16 levels deep here
                          temaer/sundhed.md:7:1: error: this file has more than 256 KiB of Markdown text
                          """)),
        MalformedCase(name: "four megabytes of nested lists", prepare: replacingTheme(fourMegabytes(of: "- + ")),
                      expectation: CaseExpectation(parsing: "temaer/sundhed.md:7:33: error: Markdown is nested more than 16 levels deep here")),
        MalformedCase(name: "four megabytes of lists in quotes", prepare: replacingTheme(fourMegabytes(of: "> - ")),
                      expectation: CaseExpectation(parsing: "temaer/sundhed.md:7:33: error: Markdown is nested more than 16 levels deep here")),
        MalformedCase(name: "four megabytes of lists in quotes, ten deep on every line", prepare: replacingTheme(fourMegabytes(of: "> - > - > - > - > - a\n")),
                      expectation: CaseExpectation(parsing: "temaer/sundhed.md:7:1: error: this file has more than 256 KiB of Markdown text")),
        MalformedCase(name: "four megabytes of short paragraphs", prepare: replacingTheme(fourMegabytes(of: "a\n\n")),
                      expectation: CaseExpectation(parsing: "temaer/sundhed.md:7:1: error: this file has more than 256 KiB of Markdown text")),
        MalformedCase(name: "a table of 10,000 columns over four megabytes of rows",
                      prepare: replacingTheme(fourMegabytes(of: "a\n", after: wideTable)),
                      expectation: CaseExpectation(parsing: "temaer/sundhed.md:8:1: error: a table row has more than 100 cells")),
        MalformedCase(name: "a table of 100 columns and 200 rows",
                      prepare: replacingTheme(String(repeating: "| a ", count: 100) + "|\n" + String(repeating: "|---", count: 100) + "|\n"
                                              + String(repeating: "b\n", count: 200)),
                      expectation: CaseExpectation(parsing: "temaer/sundhed.md:8:1: error: the tables of this file have more than 10000 cells")),
        MalformedCase(name: "a 100 KB link definition used 30,000 times",
                      prepare: replacingTheme("[a]: https://example.dk/" + String(repeating: "x", count: 100_000) + "\n\nSe "
                                              + String(repeating: "[a] ", count: 30_000)),
                      expectation: CaseExpectation(parsing: "temaer/sundhed.md:7:1: error: this paragraph could be a link definition of")),
        MalformedCase(name: "forty thousand image brackets in one paragraph", prepare: replacingTheme(String(repeating: "![[]()", count: 40_000)),
                      expectation: CaseExpectation(parsing: "temaer/sundhed.md:7:3002: error: more than 1000 '[' in one paragraph")),
        MalformedCase(name: "a megabyte of block quotes in an activity's text", prepare: { content in
            let path = content.appendingPathComponent("kommuner/eksempel/handleplan-2024/indsatser/eksempel-indsats-01.md")
            var text = try String(contentsOf: path, encoding: .utf8)
            text = text.replacingOccurrences(of: "    text: Eksempeltekst om frivillige.\n",
                                             with: "    text: |\n      " + String(repeating: "> ", count: 500_000) + "\n")
            try Data(text.utf8).write(to: path)
        }, expectation: CaseExpectation(parsing: """
            kommuner/eksempel/handleplan-2024/indsatser/eksempel-indsats-01.md:22:39: error: Markdown is nested more than 16 levels deep here
            kommuner/eksempel/handleplan-2024/indsatser/eksempel-indsats-01.md:22:7: error: this file has more than 256 KiB of Markdown text
            """)),
    ]

    @Test("Each hostile file fails the build with exit 1 at its place, quickly, and output/ stays as it was", arguments: cases)
    func hostileMarkdownFailsAndLeavesOutputUntouched(_ testCase: MalformedCase) async throws {
        try await MalformedContentTests.buildWithOverlay(testCase) { site, before, run in
            #expect(run.exitedNormally, "the build crashed with signal \(run.status)\n\(run.stderr)")
            #expect(run.status == 1, "exit status \(run.status)\n\(run.stderr.prefix(2000))")
            MalformedContentTests().expectWellFormedErrorLines(run)
            for expected in testCase.expectation.diagnostics {
                #expect(run.errorLines.contains { expected.matches($0) }, "missing diagnostic: \(expected)\nstderr was:\n\(run.stderr.prefix(2000))")
            }
            #expect(run.stderr.utf8.count < 10_000, "one problem, one line: \(run.stderr.prefix(2000))")
            let after = try FolderSnapshot(site.output)
            #expect(after == before, "output/ changed: \(after.differences(from: before).prefix(10))")
        }
    }

    @Test("Raw HTML and refused links are warned about once each, the build succeeds, and the page shows the link text as text")
    func rawHTMLAndRefusedLinksAreWarnedAboutOnce() async throws {
        let body = """
            Eksempeltekst om sundhed.

            <div class="boks">Denne tekst vises ikke
            på siden</div>

            Se [vores side](javascript:alert(1)) og [den anden](//example.dk/side).

            """
        let testCase = MalformedCase(name: "raw HTML and refused links", prepare: Self.replacingTheme(body),
                                     expectation: CaseExpectation(parsing: "exit: 0"))
        try await MalformedContentTests.buildWithOverlay(testCase) { site, _, run in
            #expect(run.exitedNormally && run.status == 0, "\(run.stderr)")
            let warnings = run.stderr.split(separator: "\n").filter { $0.contains("warning:") }
            // The theme's text is shown on its own page and on the themes page, but said once.
            #expect(warnings == [
                #"content/temaer/sundhed.md:9:1: warning: raw HTML is not shown: '<div class="boks">Denne tekst vises ikke på siden</div>' (2 lines, up to the next blank line) (hint: write it as Markdown; HTML is removed for safety)"#,
                "content/temaer/sundhed.md:12:4: warning: the link to 'javascript:alert(1)' is shown as plain text: 'javascript:' addresses are not allowed (hint: use an address within the site or one starting with http, https, mailto, tel)",
                "content/temaer/sundhed.md:12:41: warning: the link to '//example.dk/side' is shown as plain text: an address starting with '//' leaves the site without saying how (hint: write it in full, starting with https://)",
            ])
            let after = try FolderSnapshot(site.output)
            let page = try #require(after.text(of: "temaer/sundhed-og-trivsel/index.html"))
            #expect(page.contains("<p>Se vores side og den anden.</p>"))
            #expect(!page.contains("href=\"\"") && !page.contains("Denne tekst vises ikke"))
        }
    }
}
