import PortalGraph
@testable import PortalRender
import Testing

/// How a row of a document's matrix becomes cells, and how an activity's number is
/// written before its text.
@Suite("Matrix cells: 'Ikke angivet' once across the columns it covers")
struct MatrixViewTests {
    @Test func eachKnownMarkIsItsOwnCellAndARunOfNotStatedIsOne() {
        let runs = ViewContext.markRuns([.yes, .notStated, .notStated, .no, .notStated])
        #expect(runs.map(\.mark) == [.yes, .notStated, .no, .notStated])
        #expect(runs.map(\.start) == [0, 1, 3, 4])
        #expect(runs.map(\.span) == [1, 2, 1, 1])
    }

    @Test func aRowTheSourceSaysNothingAboutIsOneCellAcrossEveryColumn() {
        let runs = ViewContext.markRuns(Array(repeating: .notStated, count: 5))
        #expect(runs.count == 1)
        #expect(runs.first?.span == 5)
        #expect(ViewContext.markRuns([]).isEmpty)
    }

    @Test func aNumberGetsAFullStopUnlessTheSourceEndsItWithItsOwn() {
        #expect(ViewContext.numbered("1", "Systematisk samarbejde") == "1. Systematisk samarbejde")
        #expect(ViewContext.numbered("1)", "Lederforum i Eksempelkommune") == "1) Lederforum i Eksempelkommune")
        #expect(ViewContext.numbered("B.", "Eksempelkommunes virksomheder") == "B. Eksempelkommunes virksomheder")
        #expect(ViewContext.numbered(nil, "Uden nummer") == "Uden nummer")
        #expect(ViewContext.numbered("", "Uden nummer") == "Uden nummer")
    }
}
