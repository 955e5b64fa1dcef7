import ArgumentParser
import Foundation
import PortalBuild
import PortalCore

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from the content folder into the output folder.",
        discussion: """
        Every problem in the content is reported as path:LINE:COL: error: message, and the \
        build then exits with status 1 and leaves the output folder exactly as it was. \
        The site is written to a staging folder and swapped in only when complete.
        """)

    @Option(name: .long, help: ArgumentHelp("Folder with the content files.", valueName: "dir"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("Folder with the theme (templates, strings.yaml, assets).", valueName: "dir"))
    var theme = "themes/default"

    @Option(name: .long, help: ArgumentHelp("Folder to write the site into; replaced as a whole.", valueName: "dir"))
    var output = "output"

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "Address the site is published at (e.g. https://intranet.example.dk/portal/), for the sitemap, the data files and canonical links. Page links stay relative either way.",
        valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("Also pack the built site into this zip file.", valueName: "file"))
    var archive: String?

    @Flag(name: .long, help: "Print only errors and warnings, no summary.")
    var quiet = false

    func run() async throws {
        let options = BuildOptions(
            contentDirectory: URL(fileURLWithPath: content), themeDirectory: URL(fileURLWithPath: theme),
            outputDirectory: URL(fileURLWithPath: output), baseURL: baseURL,
            archive: archive.map { URL(fileURLWithPath: $0) }, contentDisplay: content, themeDisplay: theme)
        do {
            let report = try await SiteBuilder().build(options)
            for warning in report.warnings { printError(warning.description) }
            if !quiet { print(BuildSummary(report: report, output: output, archive: archive).text) }
        } catch let error as BuildFailure {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            printError("build failed: \(errors) error\(errors == 1 ? "" : "s"); \(output)/ was left unchanged")
            throw ExitCode(1)
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
