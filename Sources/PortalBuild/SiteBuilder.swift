import Foundation
import PortalContent
import PortalCore
import PortalGraph
import PortalOutput
import PortalRender

/// What to build from where.
public struct BuildOptions: Sendable {
    public var contentDirectory: URL
    public var themeDirectory: URL
    public var outputDirectory: URL
    /// Overrides `base_url` from `site.yaml`.
    public var baseURL: String?
    /// Also pack the site into this zip file.
    public var archive: URL?
    /// How paths are shown in diagnostics.
    public var contentDisplay: String
    public var themeDisplay: String

    public init(contentDirectory: URL, themeDirectory: URL, outputDirectory: URL, baseURL: String? = nil,
                archive: URL? = nil, contentDisplay: String? = nil, themeDisplay: String? = nil) {
        self.contentDirectory = contentDirectory
        self.themeDirectory = themeDirectory
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.archive = archive
        self.contentDisplay = contentDisplay ?? contentDirectory.path
        self.themeDisplay = themeDisplay ?? themeDirectory.path
    }
}

/// What a build did, for the summary.
public struct BuildReport: Sendable {
    public var pagesByKind: [String: Int]
    public var filesWritten: Int
    public var warnings: [Diagnostic]
    public var seconds: Double
    public var graph: SiteGraph
}

/// A build that stopped on errors; `output/` was not touched.
public struct BuildFailure: Error, Sendable {
    /// Every problem found, errors and warnings, in file order.
    public var diagnostics: [Diagnostic]
}

/// Runs the stages in order: load → validate and resolve → site graph → render → write.
/// Each stage reports every problem it finds; the build stops before writing if any
/// stage found an error, so a bad edit never replaces a good site.
public struct SiteBuilder: Sendable {
    public init() {}

    /// - Throws: `BuildFailure` with every diagnostic when any stage found an error.
    public func build(_ options: BuildOptions) async throws -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        var diagnostics = Diagnostics()

        var content = ContentLoader().load(from: options.contentDirectory, displayPrefix: options.contentDisplay)
        if let baseURL = options.baseURL {
            content.site?.baseURL = baseURL.isEmpty ? nil : (baseURL.hasSuffix("/") ? baseURL : baseURL + "/")
        }
        diagnostics.append(contentsOf: content.diagnostics)
        let (graph, graphDiagnostics) = SiteGraphBuilder().build(content)
        diagnostics.append(contentsOf: graphDiagnostics)
        let (theme, themeDiagnostics) = await ThemeLoader().load(from: options.themeDirectory, displayPrefix: options.themeDisplay)
        diagnostics.append(contentsOf: themeDiagnostics)
        guard let graph, let theme, !diagnostics.hasErrors else {
            throw BuildFailure(diagnostics: diagnostics.sorted)
        }

        let rendered = SiteRenderer(theme: theme).renderSite(graph)
        diagnostics.append(contentsOf: rendered.diagnostics)
        guard !diagnostics.hasErrors else { throw BuildFailure(diagnostics: diagnostics.sorted) }

        do {
            try SiteWriter(outputDirectory: options.outputDirectory).write(rendered.files)
            if let archive = options.archive {
                try SiteArchive().archive(options.outputDirectory, to: archive)
            }
        } catch {
            diagnostics.append(.error(at: SourceLocation(path: options.outputDirectory.path), "\(error)"))
            throw BuildFailure(diagnostics: diagnostics.sorted)
        }
        let elapsed = clock.now - start
        return BuildReport(
            pagesByKind: rendered.pagesByKind, filesWritten: rendered.files.count,
            warnings: diagnostics.sorted.filter { $0.severity == .warning },
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            graph: graph)
    }
}
