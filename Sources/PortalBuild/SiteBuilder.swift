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
    /// How long to wait for another build into the same output folder.
    public var lockTimeout: Duration = .seconds(600)
    /// Told what the build is doing when it matters to the user (waiting for another build).
    public var events: @Sendable (BuildEvent) -> Void = { _ in }

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

/// Something a running build tells its caller.
public enum BuildEvent: Sendable, Equatable {
    /// Another build is writing the same output folder; this one waits for it to finish.
    /// The process id is the other build's, when its lock file names it.
    case waitingForOtherBuild(pid: Int32?)
}

/// What a build did, for the summary.
public struct BuildReport: Sendable {
    public var pagesByKind: [String: Int]
    /// Seconds spent in each stage, in order (load and resolve, render, commit).
    public var stageSeconds: [(stage: String, seconds: Double)]
    public var filesWritten: Int
    /// Whether `sitemap.xml` was written: the sitemap protocol needs absolute addresses,
    /// so there is none without a base URL.
    public var wroteSitemap: Bool
    public var warnings: [Diagnostic]
    public var seconds: Double
    public var graph: SiteGraph
}

/// What a failed build did to the output folder, so that what the user is told is true.
public enum OutputOutcome: Sendable, Equatable {
    /// The output folder is byte for byte as it was before the build.
    case unchanged
    /// The new site was swapped in; a later step (the archive) failed.
    case replaced
    /// The swap failed half-way and the previous site could not be put back: it is kept
    /// in the named folder, and the next build puts it back.
    case previousKept(at: String)
}

/// A build that stopped on errors.
public struct BuildFailure: Error, Sendable {
    /// Every problem found in the content and the theme, errors and warnings, in file order.
    public var diagnostics: [Diagnostic]
    /// Problems with the command's own paths and options (the output folder, the archive,
    /// the base URL), which belong to no file.
    public var problems: [String] = []
    public var output: OutputOutcome = .unchanged
}

/// Runs the stages in order: load → validate and resolve → site graph → render → write.
/// Each stage reports every problem it finds; the build stops before writing if any
/// stage found an error, so a bad edit never replaces a good site.
public struct SiteBuilder: Sendable {
    public init() {}

    /// - Throws: `BuildFailure` with every diagnostic when any stage found an error, or a
    ///   path or option is refused.
    public func build(_ options: BuildOptions) async throws -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        var stages: [(stage: String, seconds: Double)] = []
        var lap = start
        func endStage(_ name: String) {
            let now = clock.now
            stages.append((name, (now - lap).seconds))
            lap = now
        }

        // The paths the build writes are checked first, but the content is still read,
        // so that one run reports every problem.
        var problems: [String] = []
        let targets = WriteTargets.check(options, problems: &problems)

        var sources = SiteSources(
            contentDirectory: options.contentDirectory, themeDirectory: options.themeDirectory,
            contentDisplay: options.contentDisplay, themeDisplay: options.themeDisplay)
        if let baseURL = options.baseURL {
            switch BaseURL.parse(baseURL) {
            case .success(let url): sources.baseURL = url
            case .failure(let problem): problems.append("--base-url '\(baseURL)' \(problem)")
            }
        }
        let site = await Site.load(sources)
        endStage("load and resolve")
        let diagnostics = site.diagnostics
        guard site.isBuildable, problems.isEmpty, let targets, let graph = site.graph else {
            throw BuildFailure(diagnostics: diagnostics, problems: problems)
        }

        // One build at a time per output folder: a second one waits here.
        let lock: OutputLock
        do {
            lock = try targets.writer.lock(timeout: options.lockTimeout) { pid in
                options.events(.waitingForOtherBuild(pid: pid))
            }
        } catch {
            throw BuildFailure(diagnostics: diagnostics, problems: ["\(error)"])
        }
        let staged: StagedSite
        do {
            staged = try targets.writer.begin(holding: lock)
        } catch {
            throw BuildFailure(diagnostics: diagnostics, problems: ["\(error)"])
        }
        // Pages go to the staging folder as they are rendered; nothing is visible in
        // output/ until the commit below.
        let rendered = site.renderAll { file in try staged.write(file) }
        endStage("render")
        guard rendered.diagnostics.isEmpty else {
            staged.abort()
            throw BuildFailure(diagnostics: Diagnostics(diagnostics + rendered.diagnostics).sorted)
        }
        do {
            try staged.commit()
        } catch {
            let outcome: OutputOutcome = if case .cannotRestore(_, let kept) = error { .previousKept(at: kept) } else { .unchanged }
            throw BuildFailure(diagnostics: diagnostics, problems: ["\(error)"], output: outcome)
        }
        if let archive = targets.archive {
            do {
                try SiteArchive().archive(targets.writer.folder, to: archive)
            } catch {
                throw BuildFailure(diagnostics: diagnostics, problems: ["\(error)"], output: .replaced)
            }
        }
        endStage("commit")
        _ = consume lock  // released only now, after the archive is written
        return BuildReport(
            // The output marker is written too.
            pagesByKind: Dictionary(grouping: rendered.pages.values, by: \.kind).mapValues(\.count),
            stageSeconds: stages, filesWritten: rendered.files + 1,
            wroteSitemap: graph.site.baseURL != nil,
            warnings: diagnostics.filter { $0.severity == .warning },
            seconds: (clock.now - start).seconds, graph: graph)
    }
}

/// The checked places a build writes: the output folder's writer and the archive's real path.
struct WriteTargets {
    var writer: SiteWriter
    var archive: URL?

    /// Applies `PathGuard`'s rule to the output folder and the archive; nil (with the
    /// reasons added to `problems`) when either is refused.
    static func check(_ options: BuildOptions, problems: inout [String]) -> WriteTargets? {
        let protected = [options.contentDirectory, options.themeDirectory]
        var writer: SiteWriter?
        var archive: URL?
        do {
            writer = try SiteWriter(outputDirectory: options.outputDirectory, protecting: protected)
        } catch {
            problems.append("\(error)")
        }
        if let requested = options.archive {
            do {
                archive = try PathGuard(sources: protected).archiveFile(requested, output: options.outputDirectory)
            } catch {
                problems.append("\(error)")
            }
        }
        guard let writer, options.archive == nil || archive != nil else { return nil }
        return WriteTargets(writer: writer, archive: archive)
    }
}

extension Duration {
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
