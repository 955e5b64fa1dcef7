import PortalMarkdown
import Testing

@Suite("A file's Markdown is bounded before cmark reads it, far beyond what real text needs")
struct MarkdownBudgetTests {
    typealias Violation = MarkdownBudget.Violation

    func violations(_ texts: String...) -> [Violation] {
        var budget = MarkdownBudget()
        return texts.flatMap { budget.spend($0) }
    }

    @Test func ordinaryTextIsWithinEveryLimit() {
        let text = """
        # Indledning

        > Et citat med **fed** tekst og [et link](https://example.dk).
        >
        > > Et citat i citatet.

        - Punkt et
          - Underpunkt
            1. Nummereret
               - Fjerde niveau

        | Mål | Status |
        |-----|:------:|
        | Flere borgere mødes | I gang |

            indrykket kode med [klammer] og > tegn
                                                    dybt indrykket linje uden markør

        [Eksempelkommune]: https://example.dk "Eksempelkommune"
        """
        #expect(violations(text).isEmpty)
    }

    @Test func sixteenLevelsAreAllowedAndTheSeventeenthMarkerIsAnError() {
        #expect(violations(String(repeating: ">", count: 16) + " citat").isEmpty)
        #expect(violations(String(repeating: ">", count: 17)) == [Violation(kind: .nesting, line: 1, column: 17)])
        // The space after each '>' belongs to it.
        #expect(violations(String(repeating: "> ", count: 17) + "tekst") == [Violation(kind: .nesting, line: 1, column: 33)])
        #expect(violations("Tekst\n\n" + String(repeating: "- + ", count: 10)) == [Violation(kind: .nesting, line: 3, column: 33)])
        #expect(violations(String(repeating: "> 1. ", count: 9)) == [Violation(kind: .nesting, line: 1, column: 41)])
    }

    @Test func indentationBeforeAMarkerCountsALevelPerTwoColumns() {
        let lists = (0..<17).map { String(repeating: "  ", count: $0) + "- punkt" }.joined(separator: "\n")
        #expect(violations(lists) == [Violation(kind: .nesting, line: 17, column: 33)])
        let tabs = String(repeating: "\t", count: 8) + "- punkt"
        #expect(violations(tabs) == [Violation(kind: .nesting, line: 1, column: 9)])
        // Lines without a marker open nothing, however far they are indented.
        #expect(violations(String(repeating: " ", count: 200) + "tekst").isEmpty)
    }

    @Test func theMarkdownOfOneFileIsAtMost256KiBTogether() {
        let half = String(repeating: "Eksempeltekst.\n", count: MarkdownBudget.maximumBytes / 2 / 15)
        #expect(violations(half).isEmpty)
        let found = violations(half, "Kort tekst.", half)
        #expect(found.count == 1)
        #expect(found.first?.line == 1 && found.first?.column == 1)
        if case .size(let bytes) = found.first?.kind { #expect(bytes > MarkdownBudget.maximumBytes) } else { Issue.record("\(found)") }
    }

    @Test func aTableRowHasAtMostAHundredCells() {
        let wide = String(repeating: "| a ", count: 101) + "|"
        let delimiter = String(repeating: "|---", count: 101) + "|"
        #expect(violations("\(wide)\n\(delimiter)\n") == [Violation(kind: .tableColumns, line: 2, column: 1)])
        // A row wider than its table is cut, but cmark still splits it, in quadratic time.
        let narrow = "| a |\n|---|\n| b |\n" + wide
        #expect(violations(narrow) == [Violation(kind: .tableColumns, line: 4, column: 1)])
        // Pipes outside a table cost nothing.
        #expect(violations(wide).isEmpty)
    }

    @Test func theTablesOfAFileHaveAtMostTenThousandCellsCountingEveryLineUpToABlankLine() {
        let header = String(repeating: "| a ", count: 100) + "|\n" + String(repeating: "|---", count: 100) + "|\n"
        let rows = { (count: Int) in String(repeating: "b\n", count: count) }
        #expect(violations(header + rows(99)).isEmpty)
        #expect(violations(header + rows(100)) == [Violation(kind: .tableCells, line: 2, column: 1)])
        // A blank line ends the table; later lines are not rows.
        #expect(violations(header + rows(50) + "\n" + rows(1000)).isEmpty)
        // Several tables of one file count together.
        #expect(violations(header + rows(60), header + rows(60)) == [Violation(kind: .tableCells, line: 2, column: 1)])
    }

    @Test func aParagraphHasAtMostAThousandBrackets() {
        #expect(violations(String(repeating: "[", count: 1000)).isEmpty)
        #expect(violations("Tekst " + String(repeating: "[", count: 1001)) == [Violation(kind: .brackets, line: 1, column: 1_007)])
        #expect(violations(String(repeating: "![[]()", count: 600)).map(\.kind) == [.brackets])
        #expect(violations(String(repeating: "[a]\n\n", count: 2000)).isEmpty, "blank lines end paragraphs")
        #expect(violations(String(repeating: "\\[", count: 2000)).isEmpty, "escaped brackets open nothing")
    }

    @Test func linkDefinitionsMayNotExpandToMoreThan256KiB() {
        let definition = "Tekst.\n\n[a]: https://example.dk/" + String(repeating: "x", count: 2000) + "\n\n"
        #expect(violations(definition + "Se " + String(repeating: "[a] ", count: 100)).isEmpty)
        let found = violations(definition + "Se " + String(repeating: "[a] ", count: 600))
        #expect(found.map(\.line) == [3] && found.map(\.column) == [1])
        if case .referenceExpansion(let bytes, let uses) = found.first?.kind {
            #expect(bytes > 2000 && uses == 601)
        } else {
            Issue.record("\(found)")
        }
        // A definition ends at the next list item; a list of links is no definition of the whole list.
        let links = String(repeating: "- [Eksempelkommune](https://example.dk/" + String(repeating: "x", count: 200) + ")\n", count: 500)
        #expect(violations(links).isEmpty)
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(violations("æøå " + String(repeating: "[", count: 1001)) == [Violation(kind: .brackets, line: 1, column: 1_005)])
    }

    @Test func eachLimitIsReportedOncePerFileAtTheFirstPlace() {
        let deep = String(repeating: ">", count: 20)
        #expect(violations(deep, deep, "tekst\n" + deep) == [Violation(kind: .nesting, line: 1, column: 17)])
    }

    @Test func fourMegabytesOfHostileMarkdownAreScannedQuickly() {
        let clock = ContinuousClock()
        let start = clock.now
        for unit in [">", "- + ", "![[]()", "|a", "a\n\n"] {
            let text = String(repeating: unit, count: 4 * 1024 * 1024 / unit.utf8.count)
            #expect(!violations(text).isEmpty, "\(unit)")
        }
        #expect(clock.now - start < .seconds(20))
    }
}
