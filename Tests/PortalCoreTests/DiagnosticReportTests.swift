import PortalCore
import Testing

@Suite("A run's diagnostics are reported once each, in file order, and a flood is capped with a count")
struct DiagnosticReportTests {
    func location(_ path: String, _ line: Int = 1) -> PortalCore.SourceLocation { PortalCore.SourceLocation(path: path, line: line) }

    @Test func identicalDiagnosticsAreReportedOnce() {
        var diagnostics = Diagnostics()
        let twice = Diagnostic.error(at: location("a.md", 3), "tag 'x' does not exist", hint: "did you mean 'y'?")
        diagnostics.append(twice)
        diagnostics.append(.warning(at: location("a.md", 1), "item has no text"))
        diagnostics.append(twice)
        #expect(diagnostics.sorted == [.warning(at: location("a.md", 1), "item has no text"), twice])
        #expect(diagnostics.report().shown == diagnostics.sorted)
        #expect(diagnostics.report().total == .init(errors: 1, warnings: 1))
    }

    @Test func diagnosticsThatDifferOnlyInSeverityOrHintAreBothKept() {
        let place = location("a.md", 2)
        let diagnostics = Diagnostics([
            .error(at: place, "x", hint: "one"), .error(at: place, "x", hint: "two"), .warning(at: place, "x", hint: "one"),
        ])
        #expect(diagnostics.sorted.count == 3)
    }

    @Test func withinTheLimitEverythingIsShownInFileOrder() {
        let diagnostics = Diagnostics([
            .error(at: location("b.md"), "b"), .warning(at: location("a.md", 5), "a5"), .error(at: location("a.md", 2), "a2"),
        ])
        let report = diagnostics.report(limit: 3)
        #expect(report.shown.map(\.message) == ["a2", "a5", "b"])
        #expect(report.omitted == .init(errors: 0, warnings: 0))
        #expect(report.omissionNote == nil)
    }

    @Test func aFloodIsCutAtTheLimitAndTheRestIsCounted() {
        var diagnostics = Diagnostics()
        for index in 0..<20_000 {
            diagnostics.append(.error(at: location("content/tags/t\(index).md"), "file is empty"))
        }
        let report = diagnostics.report()
        #expect(report.shown.count == Diagnostics.defaultReportLimit)
        #expect(report.omitted == .init(errors: 20_000 - Diagnostics.defaultReportLimit, warnings: 0))
        #expect(report.total == .init(errors: 20_000, warnings: 0))
        #expect(report.omissionNote == "19800 more errors are not shown")
        // The first in file order are the ones shown.
        #expect(report.shown.first?.location.path == "content/tags/t0.md")
        #expect(report.shown == Array(diagnostics.sorted.prefix(Diagnostics.defaultReportLimit)))
    }

    @Test func errorsAreChosenBeforeWarningsButListedInFileOrder() {
        let diagnostics = Diagnostics([
            .warning(at: location("a.md", 1), "w1"), .warning(at: location("a.md", 2), "w2"),
            .error(at: location("z.md", 1), "e1"), .warning(at: location("a.md", 3), "w3"),
            .error(at: location("b.md", 1), "e2"),
        ])
        let report = diagnostics.report(limit: 3)
        #expect(report.shown.map(\.message) == ["w1", "e2", "e1"])
        #expect(report.omitted == .init(errors: 0, warnings: 2))
        #expect(report.omissionNote == "2 more warnings are not shown")

        let tight = diagnostics.report(limit: 1)
        #expect(tight.shown.map(\.message) == ["e2"])
        #expect(tight.omissionNote == "1 more error and 3 more warnings are not shown")
    }

    @Test func aLimitOfZeroOrLessOnlyCounts() {
        let diagnostics = Diagnostics([.warning(at: location("a.md"), "w")])
        for limit in [0, -5] {
            let report = diagnostics.report(limit: limit)
            #expect(report.shown.isEmpty)
            #expect(report.omissionNote == "1 more warning is not shown")
        }
    }
}
