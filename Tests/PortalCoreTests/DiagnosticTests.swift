import PortalCore
import Testing

@Suite("Diagnostics read like compiler messages")
struct DiagnosticTests {
    @Test func errorsPrintAsPathLineColumn() {
        let diagnostic = Diagnostic.error(
            at: SourceLocation(path: "content/temaer/sundhed.md", line: 3, column: 8), "unknown field 'tittle'",
            hint: "did you mean 'title'?")
        #expect(diagnostic.description ==
            "content/temaer/sundhed.md:3:8: error: unknown field 'tittle' (hint: did you mean 'title'?)")
    }

    @Test func warningsSaySo() {
        let diagnostic = Diagnostic.warning(at: SourceLocation(path: "a.md"), "tag is not used")
        #expect(diagnostic.description == "a.md:1:1: warning: tag is not used")
    }

    @Test func diagnosticsSortByFileThenLine() {
        var diagnostics = Diagnostics()
        diagnostics.append(.error(at: SourceLocation(path: "b.md", line: 1), "x"))
        diagnostics.append(.warning(at: SourceLocation(path: "a.md", line: 9), "y"))
        diagnostics.append(.error(at: SourceLocation(path: "a.md", line: 2), "z"))
        #expect(diagnostics.sorted.map(\.location.line) == [2, 9, 1])
        #expect(diagnostics.hasErrors)
        #expect(diagnostics.errors.count == 2)
    }

    @Test func linesAndColumnsAreNeverBelowOne() {
        let location = SourceLocation(path: "a.md", line: 0, column: -3)
        #expect(location.line == 1 && location.column == 1)
    }
}
