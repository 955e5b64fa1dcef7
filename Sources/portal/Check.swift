import ArgumentParser
import Foundation
import PortalBuild
import PortalCore

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and the theme without writing anything.",
        discussion: """
        Reads and resolves everything a build would, and prints every problem as \
        path:LINE:COL: error: message. Exits with status 1 when there is an error, and with \
        --strict also when there is a warning: for CI, and for editors before publishing.
        """)

    @OptionGroup var sources: SourceOptions

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    func validate() throws {
        try sources.validate()
    }

    func run() async throws {
        let site = await Site.load(sources.siteSources, changes: .none)
        let report = printDiagnostics(site.diagnostics)
        let (errors, warnings) = (report.total.errors, report.total.warnings)
        let failed = errors > 0 || (strict && warnings > 0)
        let counts = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if failed {
            printError("check failed: \(counts)" + (errors == 0 ? " (--strict)" : ""))
            throw ExitCode(1)
        }
        print("check passed: \(counts); \(site.graph?.items.count ?? 0) items in \(site.graph?.documents.count ?? 0) documents")
    }
}
