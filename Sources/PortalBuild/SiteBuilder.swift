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
    /// Seconds spent in each stage, in order (load, resolve, theme, render, write).
    public var stageSeconds: [(stage: String, seconds: Double)]
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
        var stages: [(stage: String, seconds: Double)] = []
        var lap = start
        func endStage(_ name: String) {
            let now = clock.now
            stages.append((name, (now - lap).seconds))
            lap = now
        }

        var content = ContentLoader().load(from: options.contentDirectory, displayPrefix: options.contentDisplay)
        if let baseURL = options.baseURL {
            content.site?.baseURL = baseURL.isEmpty ? nil : (baseURL.hasSuffix("/") ? baseURL : baseURL + "/")
        }
        diagnostics.append(contentsOf: content.diagnostics)
        endStage("load")
        let (graph, graphDiagnostics) = SiteGraphBuilder().build(content)
        diagnostics.append(contentsOf: graphDiagnostics)
        endStage("resolve")
        let (theme, themeDiagnostics) = await ThemeLoader().load(from: options.themeDirectory, displayPrefix: options.themeDisplay)
        diagnostics.append(contentsOf: themeDiagnostics)
        endStage("theme")
        guard let graph, let theme else {
            throw BuildFailure(diagnostics: diagnostics.sorted)
        }
        let renderer = SiteRenderer(theme: theme)
        diagnostics.append(contentsOf: renderer.check(graph))
        guard !diagnostics.hasErrors else {
            throw BuildFailure(diagnostics: diagnostics.sorted)
        }

        let writer = SiteWriter(outputDirectory: options.outputDirectory)
        let staged: StagedSite
        do {
            staged = try writer.begin(protecting: [options.contentDirectory, options.themeDirectory])
        } catch {
            diagnostics.append(.error(at: SourceLocation(path: options.outputDirectory.path), "\(error)"))
            throw BuildFailure(diagnostics: diagnostics.sorted)
        }
        // Pages go to the staging folder as they are rendered; nothing is visible in
        // output/ until the commit below.
        let rendered = renderer.renderSite(graph) { file in try staged.write(file) }
        diagnostics.append(contentsOf: rendered.diagnostics)
        endStage("render")
        guard !diagnostics.hasErrors else {
            staged.abort()
            throw BuildFailure(diagnostics: diagnostics.sorted)
        }
        do {
            try staged.commit()
            if let archive = options.archive {
                try SiteArchive().archive(options.outputDirectory, to: archive)
            }
        } catch {
            diagnostics.append(.error(at: SourceLocation(path: options.outputDirectory.path), "\(error)"))
            throw BuildFailure(diagnostics: diagnostics.sorted)
        }
        endStage("commit")
        return BuildReport(
            // The output marker is written too.
            pagesByKind: rendered.pagesByKind, stageSeconds: stages, filesWritten: rendered.files + 1,
            warnings: diagnostics.sorted.filter { $0.severity == .warning },
            seconds: (clock.now - start).seconds, graph: graph)
    }
}

extension Duration {
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
