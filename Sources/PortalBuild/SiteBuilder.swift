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
    /// The files the new output holds, its marker included.
    public var filesWritten: Int
    /// How many of the site's files were written, kept unchanged (linked, so their
    /// modification times stay), and removed.
    public var files: CommitReport
    /// Whether `sitemap.xml` was written: the sitemap protocol needs absolute addresses,
    /// so there is none without a base URL.
    public var wroteSitemap: Bool
    public var warnings: [Diagnostic]
    public var seconds: Double
    public var graph: SiteGraph
}

/// What `SiteBuilder.buildIfChanged` did.
public enum BuildResult: Sendable {
    /// The site was built (some or all of its files written).
    case built(BuildReport)
    /// Nothing the build reads had changed since the build that made the output folder,
    /// and the folder is as that build left it: nothing was written.
    case upToDate(UpToDateReport)
}

/// A build that found the output up to date, with what the build that made it reported.
public struct UpToDateReport: Sendable {
    public var pagesByKind: [String: Int]
    /// The files the output holds, its marker included.
    public var files: Int
    public var wroteSitemap: Bool
    /// The warnings of the build that made the output, to be printed again: they are
    /// still true of the content.
    public var warnings: [Diagnostic]
    /// Whether the archive was written (it was missing or held another site).
    public var wroteArchive: Bool
    public var seconds: Double
}

/// What a failed build did to the output folder, so that what the user is told is true.
public enum OutputOutcome: Sendable, Equatable {
    /// The output folder is byte for byte as it was before the build.
    case unchanged
    /// The new site was swapped in; a later step (the archive) failed.
    case replaced
    /// Nothing had changed: the output already holds the site of the content as it is,
    /// and was left alone; a later step (the archive) failed.
    case current
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

    /// Builds the site, unless the output folder was made from exactly these inputs and
    /// is as that build left it: then nothing is written (no file, no staging folder, no
    /// modification time) and the archive is written only when it is missing or holds
    /// another site. That check reads every content and theme file once (see
    /// `InputFingerprint`), well under a second at 10,000 items.
    /// - Throws: `BuildFailure`, as `build`.
    public func buildIfChanged(_ options: BuildOptions) async throws -> BuildResult {
        let clock = ContinuousClock()
        let start = clock.now
        var problems: [String] = []
        let targets = WriteTargets.check(options, problems: &problems)
        let sources = Self.sources(options, problems: &problems)
        guard problems.isEmpty, let targets else {
            // Built as usual, so that the content's problems are reported with these.
            return .built(try await build(options))
        }
        let fingerprint = InputFingerprint.of(options, sources)
        guard let fingerprint, let marker = targets.writer.unchangedSite(madeFrom: fingerprint) else {
            return .built(try await build(options, sources: sources, targets: targets, fingerprint: fingerprint, start: start))
        }
        var wroteArchive = false
        if let archive = targets.archive, !SiteArchive.isArchive(archive, of: targets.writer.folder) {
            do {
                let lock = try targets.writer.lock(timeout: options.lockTimeout) { pid in
                    options.events(.waitingForOtherBuild(pid: pid))
                }
                // Another build may have replaced the output while this one waited.
                guard targets.writer.unchangedSite(madeFrom: fingerprint) == marker else {
                    _ = consume lock
                    return .built(try await build(options, sources: sources, targets: targets, fingerprint: fingerprint, start: start))
                }
                try SiteArchive().archive(targets.writer.folder, to: archive)
                wroteArchive = true
                _ = consume lock
            } catch let error as OutputError {
                throw BuildFailure(diagnostics: marker.warnings, problems: ["\(error)"], output: .current)
            }
        }
        return .upToDate(UpToDateReport(
            pagesByKind: marker.counts, files: marker.files.count + 1, wroteSitemap: marker.files[Self.sitemap] != nil,
            warnings: marker.warnings, wroteArchive: wroteArchive, seconds: (clock.now - start).seconds))
    }

    /// Builds the site: every page rendered, the files whose bytes changed written, the
    /// others linked from the current output (see `SiteWriter`).
    /// - Throws: `BuildFailure` with every diagnostic when any stage found an error, or a
    ///   path or option is refused.
    public func build(_ options: BuildOptions) async throws -> BuildReport {
        let start = ContinuousClock.now
        // The paths the build writes are checked first, but the content is still read,
        // so that one run reports every problem.
        var problems: [String] = []
        let targets = WriteTargets.check(options, problems: &problems)
        let sources = Self.sources(options, problems: &problems)
        let fingerprint = InputFingerprint.of(options, sources)
        guard problems.isEmpty, let targets else {
            let site = await Site.load(sources, changes: .none)
            throw BuildFailure(diagnostics: site.diagnostics, problems: problems)
        }
        return try await build(options, sources: sources, targets: targets, fingerprint: fingerprint, start: start)
    }

    private static let sitemap = "sitemap.xml"

    private static func sources(_ options: BuildOptions, problems: inout [String]) -> SiteSources {
        var sources = SiteSources(
            contentDirectory: options.contentDirectory, themeDirectory: options.themeDirectory,
            contentDisplay: options.contentDisplay, themeDisplay: options.themeDisplay)
        if let baseURL = options.baseURL {
            switch BaseURL.parse(baseURL) {
            case .success(let url): sources.baseURL = url
            case .failure(let problem): problems.append("--base-url '\(baseURL)' \(problem)")
            }
        }
        return sources
    }

    private func build(
        _ options: BuildOptions, sources: SiteSources, targets: WriteTargets, fingerprint: String?,
        start: ContinuousClock.Instant
    ) async throws -> BuildReport {
        let clock = ContinuousClock()
        var stages: [(stage: String, seconds: Double)] = []
        var lap = start
        func endStage(_ name: String) {
            let now = clock.now
            stages.append((name, (now - lap).seconds))
            lap = now
        }
        let writer = targets.writer
        // When no other build runs, the lock is taken now, so that what earlier builds
        // left (the retired previous site) is removed while the content loads and the
        // site renders; else it is waited for after loading, as before.
        var held = try? HeldLock(writer.lock(timeout: .zero))
        var removal = held.map { writer.clearAway(holding: $0.lock) }

        let site = await Site.load(sources, changes: .none)
        endStage("load and resolve")
        let diagnostics = site.diagnostics
        guard site.isBuildable, let graph = site.graph else {
            removal?.finish()
            withExtendedLifetime(held) {}  // the removal ran under the lock
            throw BuildFailure(diagnostics: diagnostics)
        }

        // One build at a time per output folder: a second one waits here.
        let lock: HeldLock
        if let held {
            lock = held
        } else {
            do {
                lock = try HeldLock(writer.lock(timeout: options.lockTimeout) { pid in
                    options.events(.waitingForOtherBuild(pid: pid))
                })
            } catch {
                throw BuildFailure(diagnostics: diagnostics, problems: ["\(error)"])
            }
            removal = writer.clearAway(holding: lock.lock)
        }
        held = nil
        let staged: StagedSite
        do {
            staged = try writer.begin(holding: lock.lock, clearing: removal)
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
        let pagesByKind = Dictionary(grouping: rendered.pages.values, by: \.kind).mapValues(\.count)
        let warnings = diagnostics.filter { $0.severity == .warning }
        let files: CommitReport
        do {
            files = try staged.commit(inputs: fingerprint ?? "", counts: pagesByKind, warnings: warnings)
        } catch {
            let outcome: OutputOutcome = if case .cannotRestore(_, let kept) = error { .previousKept(at: kept) } else { .unchanged }
            throw BuildFailure(diagnostics: diagnostics, problems: ["\(error)"], output: outcome)
        }
        if let archive = targets.archive {
            do {
                try SiteArchive().archive(writer.folder, to: archive)
            } catch {
                throw BuildFailure(diagnostics: diagnostics, problems: ["\(error)"], output: .replaced)
            }
        }
        endStage("commit")
        withExtendedLifetime(lock) {}  // released only now, after the archive is written
        return BuildReport(
            // The output marker is written too.
            pagesByKind: pagesByKind, stageSeconds: stages, filesWritten: rendered.files + 1, files: files,
            wroteSitemap: graph.site.baseURL != nil,
            warnings: warnings,
            seconds: (clock.now - start).seconds, graph: graph)
    }
}

/// The output's lock as a value that can be optional and passed on: held until the
/// last reference goes.
private final class HeldLock {
    let lock: OutputLock

    init(_ lock: consuming OutputLock) {
        self.lock = lock
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
