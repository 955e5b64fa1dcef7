import Foundation
import PortalCore

/// Prints diagnostics to standard error as editors and IDEs read them: each distinct one
/// once, in file order, at most `DiagnosticReport`'s limit, then a count of the rest.
/// - Returns: what was printed, with the total counts.
@discardableResult
func printDiagnostics(_ diagnostics: [Diagnostic]) -> DiagnosticReport {
    let report = Diagnostics(diagnostics).report()
    for diagnostic in report.shown { printError(diagnostic.description) }
    if let note = report.omissionNote { printError(note) }
    return report
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
