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
        The site is written to a staging folder and swapped in only when complete; files \
        whose bytes did not change keep their modification time, and when nothing the \
        build reads has changed, nothing is written at all. Two builds into the same \
        output folder take turns: the second waits for the first.
        """)

    @OptionGroup var sources: SourceOptions

    @Option(name: .long, help: ArgumentHelp(
        "Folder to write the site into; replaced as a whole. May be a symbolic link: the site is built behind it and the link kept.",
        valueName: "dir"))
    var output = "output"

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "Address the site is published at (e.g. https://intranet.example.dk/portal/), for the sitemap, the data files and canonical links. Page links stay relative either way.",
        valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp(
        "Also pack the built site into this zip file. Only a new file or a zip an earlier build wrote is replaced.",
        valueName: "file"))
    var archive: String?

    @Flag(name: .long, help: "Print only errors and warnings, no summary.")
    var quiet = false

    func validate() throws {
        try sources.validate()
        try PathOption.requireNonEmpty(output, "--output")
        if let archive { try PathOption.requireNonEmpty(archive, "--archive") }
        if let baseURL, case .failure(let problem) = BaseURL.parse(baseURL) {
            throw ValidationError("--base-url '\(baseURL)' \(problem)")
        }
    }

    func run() async throws {
        var options = BuildOptions(
            contentDirectory: URL(fileURLWithPath: sources.content), themeDirectory: URL(fileURLWithPath: sources.theme),
            outputDirectory: URL(fileURLWithPath: output), baseURL: baseURL,
            archive: archive.map { URL(fileURLWithPath: $0) }, contentDisplay: sources.content, themeDisplay: sources.theme)
        let shownOutput = output
        options.events = { event in
            switch event {
            case .waitingForOtherBuild(let pid):
                printError("waiting for another build into \(shownOutput) to finish" + (pid.map { " (process \($0))" } ?? "") + " …")
            }
        }
        do {
            switch try await SiteBuilder().buildIfChanged(options) {
            case .built(let report):
                printDiagnostics(report.warnings)
                if !quiet { print(BuildSummary(report: report, output: output, archive: archive).text) }
            case .upToDate(let report):
                printDiagnostics(report.warnings)
                if !quiet { print(BuildSummary.upToDate(report, output: output, archive: archive)) }
            }
        } catch let failure as BuildFailure {
            let printed = printDiagnostics(failure.diagnostics)
            for problem in failure.problems { printError("error: \(problem)") }
            printError(FailureSummary(failure: failure, errors: printed.total.errors + failure.problems.count, output: output).text)
            throw ExitCode(1)
        }
    }
}
