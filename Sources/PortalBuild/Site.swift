import Foundation
import PortalContent
import PortalCore
import PortalGraph
import PortalRender

/// Where a site's content and theme are, and how their paths are shown in diagnostics.
public struct SiteSources: Sendable {
    public var contentDirectory: URL
    public var themeDirectory: URL
    public var contentDisplay: String
    public var themeDisplay: String
    /// Overrides `base_url` from `site.yaml`; already checked to be an absolute http(s) address.
    public var baseURL: String?
    /// Whether entities marked `draft: true` are part of the site (the preview), or left
    /// out (a build).
    public var includeDrafts = false

    public init(contentDirectory: URL, themeDirectory: URL, contentDisplay: String? = nil, themeDisplay: String? = nil,
                baseURL: String? = nil) {
        self.contentDirectory = contentDirectory
        self.themeDirectory = themeDirectory
        self.contentDisplay = contentDisplay ?? contentDirectory.path
        self.themeDisplay = themeDisplay ?? themeDirectory.path
        self.baseURL = baseURL
    }
}

/// The site as a long-lived value, the way Zola's `Site` is: the decoded files, the
/// graph, the theme and, for every page written, what it read. `portal build` loads it
/// once and renders everything; an editor preview keeps it and `apply`s file changes,
/// which reads again only the changed files and renders again only the pages whose
/// recorded reads the change meets. Both go through the same code, so the preview can
/// never show a site that `build` would not produce.
public final class Site {
    public let sources: SiteSources
    /// The last graph without errors; kept while the content has errors, so a preview
    /// can go on showing the last good site.
    public private(set) var graph: SiteGraph?
    /// The last theme that loaded without errors; kept while the theme has errors, so a
    /// preview can still show its pages and its messages.
    public private(set) var theme: Theme?
    /// Every problem of the files as they are now, errors and warnings, in file order.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Every page written, with what it read.
    public private(set) var pages: [PageJob: RenderedPage] = [:]
    /// The same reads the other way round: for each thing read, the pages that read it.
    /// A change is looked up here once per thing, not once per page and thing (a site of
    /// 10,000 items has some 150,000 reads and 20,000 things read). Made when the first
    /// change is applied, and kept in step after: a build never applies one, and at
    /// 10,000 items the index is some 60 MB and two seconds of a build's last, sequential
    /// step.
    private var readers: [Dependency: Set<PageJob>]?
    /// When the data files are made.
    public let dataFiles: DataFileTiming
    /// With `DataFileTiming.whenAsked`: the data files of the site as last rendered, to
    /// be made when they are asked for (nil before the first rendering, and always with
    /// `.withPages`, where rendering writes them).
    public private(set) var deferredDataFiles: DeferredFiles?
    /// The files each extra (assets, data, search index) last wrote.
    private var extraFiles: [SiteRenderer.Extra: Set<String>] = [:]

    private var settings: (config: SiteConfig?, diagnostics: [Diagnostic]) = (nil, [])
    private var folderDiagnostics: [Diagnostic] = []
    private var themeDiagnostics: [Diagnostic] = []
    /// Whether `theme` is the theme as its files are now.
    private var themeIsCurrent = false
    /// Whether the theme was loaded again since the pages were last rendered (perhaps by
    /// a change that failed on a content error): every page is then rendered again.
    private var themeChangedSinceRender = false
    /// Each content file, by its path as shown in diagnostics.
    private var files: [String: LoadedFile] = [:]
    /// The paths of `files` in order; nil when a file came or went since they were sorted.
    private var paths: [String]?
    /// What resolving made from each item record, for the next resolution.
    /// What earlier resolutions prepared from records that did not change; only for a
    /// site that expects changes.
    private let memo: ResolutionMemo?
    /// Whether changes will be applied.
    public let changes: SiteChanges

    /// One content file as read: decoded (perhaps with errors), or not readable as text
    /// (with what its bytes still tell, so that what follows from it is not reported).
    private enum LoadedFile {
        case decoded(RecordDecoder.Decoded)
        case unreadable(ContentReader.UnreadableFile)
    }

    private init(sources: SiteSources, dataFiles: DataFileTiming, changes: SiteChanges) {
        self.sources = sources
        self.dataFiles = dataFiles
        self.changes = changes
        memo = changes == .expected ? ResolutionMemo() : nil
    }

    /// Reads the content and the theme and resolves the graph; nothing is rendered yet.
    public static func load(
        _ sources: SiteSources, dataFiles: DataFileTiming = .withPages, changes: SiteChanges = .expected
    ) async -> Site {
        let site = Site(sources: sources, dataFiles: dataFiles, changes: changes)
        site.readSettings()
        site.readContentFolder()
        await site.loadTheme()
        _ = site.resolve()
        // Only applying a change reads the decoded files again.
        if changes == .none { site.files = [:] }
        return site
    }

    /// Whether the files as they are now make a site (no error in content or theme).
    public var isBuildable: Bool {
        !diagnostics.contains { $0.severity == .error }
    }

    // MARK: Rendering

    /// Renders every page and file of the site, handing each to `emit` (from several
    /// threads at once). Requires `isBuildable`.
    public func renderAll(emit: @Sendable (OutputFile) throws -> Void) -> SiteRenderer.Outcome {
        guard let graph, let theme, isBuildable else { return SiteRenderer.Outcome(diagnostics: diagnostics) }
        let renderer = SiteRenderer(theme: theme)
        var outcome = renderer.render(renderer.jobs(graph), in: graph, extras: extras([.assets]), emit: emit)
        pages = outcome.pages
        readers = nil
        extraFiles = outcome.extraFiles
        deferData(graph, renderer)
        emitSitemap(renderer, graph, into: &outcome, emit: emit)
        return outcome
    }

    /// Applies file changes: reads again what changed, resolves, and renders again only
    /// the pages whose recorded reads changed (every page when the theme or the settings
    /// changed). When the changed files have errors, nothing is rendered and the last
    /// good site stays as it is.
    /// - Parameters:
    ///   - emit: receives each file written again.
    ///   - remove: receives the path of each file the site no longer has.
    /// - Parameter isolation: the caller's actor, on which the site stays (it is not
    ///   `Sendable`: one owner changes it, one change at a time).
    public func apply(
        _ changes: [FileChange], emit: @Sendable (OutputFile) throws -> Void, remove: (String) -> Void,
        isolation: isolated (any Actor)? = #isolation
    ) async -> SiteUpdate {
        precondition(self.changes == .expected, "a site loaded for one build (changes: .none) cannot apply changes")
        let scopes = Set(changes.map { ChangeScope(of: $0, in: sources) }).subtracting([.unrelated])
        guard !scopes.isEmpty else { return SiteUpdate(diagnostics: diagnostics) }
        if scopes.contains(.theme) {
            await loadTheme()
            themeChangedSinceRender = true
        }
        if scopes.contains(.settings) { readSettings() }
        if scopes.contains(.contentFolder) {
            readContentFolder()
        } else {
            var changed = scopes.contains(.theme) || scopes.contains(.settings)
            for case .contentFile(let url, let display) in scopes {
                changed = readContentFile(url, display: display) || changed
            }
            // A save that changed nothing the site reads (the same bytes saved again, a
            // second event of one save, a YAML comment) gives the same site.
            guard changed else { return SiteUpdate(diagnostics: diagnostics) }
        }
        let old = graph
        guard let new = resolve(), let theme else { return SiteUpdate(diagnostics: diagnostics, failed: true) }
        let themeChanged = themeChangedSinceRender
        themeChangedSinceRender = false
        let renderer = SiteRenderer(theme: theme)
        let jobs = renderer.jobs(new)
        var stale: Set<PageJob>
        if let old, !themeChanged { stale = staleJobs(jobs, old: old, new: new) } else { stale = Set(jobs) }
        // Pages that show every entity (the data page, which lists every data file's
        // rows and size) are, like the data files, made when asked for.
        let deferredPages = dataFiles == .whenAsked ? pagesReadingEverything(among: stale) : [:]
        stale.subtract(deferredPages.values)
        // The search index and the data files show every entity: they are written again
        // on every change, unless they are made when asked for.
        var outcome = renderer.render(jobs.filter(stale.contains), in: new,
                                      extras: extras(themeChanged ? [.assets] : []), emit: emit)
        deferData(new, renderer, pages: deferredPages)
        var update = SiteUpdate(diagnostics: diagnostics)
        update.rendered = outcome.pages.values.map(\.path).sorted()
        // A page that is gone, or has moved, would leave its old file behind.
        let pathsBefore = Set(pages.values.map(\.path))
        let kept = Set(jobs)
        replacePages(pages.keys.filter { !kept.contains($0) } + outcome.pages.keys, by: outcome.pages)
        let pathsAfter = Set(pages.values.map(\.path))
        var removed = pathsBefore.subtracting(pathsAfter).map { $0 + "index.html" }
        // An extra written again may leave out files it wrote before (the index file of a
        // document that is gone).
        for (extra, paths) in outcome.extraFiles {
            removed += (extraFiles[extra] ?? []).subtracting(paths)
            extraFiles[extra] = paths
        }
        update.removed = removed.sorted()
        for path in update.removed { remove(path) }
        if pathsBefore != pathsAfter || old.map({ !new.isUnchanged(.settings, since: $0) }) ?? true {
            emitSitemap(renderer, new, into: &outcome, emit: emit)
        }
        update.files = outcome.files
        update.diagnostics = (diagnostics + outcome.diagnostics)
        return update
    }

    /// The extras to render: `extras`, and the data files and search index unless they
    /// are deferred.
    private func extras(_ extras: Set<SiteRenderer.Extra>) -> Set<SiteRenderer.Extra> {
        dataFiles == .withPages ? extras.union([.data, .search]) : extras
    }

    private func deferData(_ graph: SiteGraph, _ renderer: SiteRenderer, pages: [String: PageJob] = [:]) {
        if dataFiles == .whenAsked { deferredDataFiles = DeferredFiles(dataOf: graph, renderer: renderer, pages: pages) }
    }

    /// The pages among `jobs` that were written before and read everything, by the path
    /// of their file: every change makes them stale, and making them means making the
    /// data files (seconds at 10,000 items).
    private func pagesReadingEverything(among jobs: Set<PageJob>) -> [String: PageJob] {
        var found: [String: PageJob] = [:]
        for job in jobs {
            guard let page = pages[job], page.dependencies.contains(.everything) else { continue }
            found[page.path + "index.html"] = job
        }
        return found
    }

    /// The jobs whose page read something that differs between `old` and `new`, and the
    /// jobs that are new. Each dependency is compared once, however many pages share it.
    private func staleJobs(_ jobs: [PageJob], old: SiteGraph, new: SiteGraph) -> Set<PageJob> {
        var stale = Set(jobs.filter { pages[$0] == nil })
        for (dependency, pages) in pageReaders() where !new.isUnchanged(dependency, since: old) {
            stale.formUnion(pages)
        }
        return stale
    }

    /// `readers`, made from the pages' reads if it is not made yet.
    private func pageReaders() -> [Dependency: Set<PageJob>] {
        if let readers { return readers }
        var made: [Dependency: Set<PageJob>] = [:]
        for (job, page) in pages {
            for dependency in page.dependencies { made[dependency, default: []].insert(job) }
        }
        readers = made
        return made
    }

    /// Replaces the pages of `jobs` (rendered again, or gone) by `rendered`, keeping
    /// `readers` in step: the reads of the pages replaced are taken out, the new ones put in.
    private func replacePages(_ jobs: some Sequence<PageJob>, by rendered: [PageJob: RenderedPage]) {
        for job in jobs {
            guard let page = pages.removeValue(forKey: job) else { continue }
            for dependency in page.dependencies {
                readers?[dependency]?.remove(job)
                if readers?[dependency]?.isEmpty == true { readers?[dependency] = nil }
            }
        }
        for (job, page) in rendered {
            pages[job] = page
            for dependency in page.dependencies { readers?[dependency, default: []].insert(job) }
        }
    }

    private func emitSitemap(
        _ renderer: SiteRenderer, _ graph: SiteGraph, into outcome: inout SiteRenderer.Outcome,
        emit: @Sendable (OutputFile) throws -> Void
    ) {
        guard let sitemap = renderer.sitemap(graph, pages: pages.values) else { return }
        do {
            try emit(sitemap)
            outcome.files += 1
        } catch {
            outcome.diagnostics.append(.error(at: SourceLocation(path: sitemap.path), "cannot write the sitemap: \(error)"))
        }
    }

    // MARK: Reading

    private func readSettings() {
        settings = SiteConfig.load(from: sources.contentDirectory, displayPrefix: sources.contentDisplay)
    }

    private func readContentFolder() {
        let folder = ContentReader().readFolder(in: sources.contentDirectory, displayPrefix: sources.contentDisplay)
        let unreadable = Set(folder.unreadable.map(\.diagnostic))
        folderDiagnostics = folder.diagnostics.filter { !unreadable.contains($0) }
        let decoder = RecordDecoder()
        paths = nil
        files = Dictionary(folder.files.concurrentMap { ($0.path, LoadedFile.decoded(decoder.decode($0))) },
                           uniquingKeysWith: { first, _ in first })
        for file in folder.unreadable { files[file.salvaged.path] = .unreadable(file) }
    }

    /// Reads one content file again; false when what it gives is what it gave before.
    private func readContentFile(_ url: URL, display: String) -> Bool {
        if files[display] == nil { paths = nil }
        guard FileManager.default.fileExists(atPath: url.path) else {
            if files.removeValue(forKey: display) != nil { paths = nil }
            return true
        }
        switch ContentReader().readContent(url, display: display) {
        case .success(let file):
            let decoded = RecordDecoder().decode(file)
            // Resolution reads only the record and the diagnostics of a file.
            if case .decoded(let before) = files[display], let record = decoded.record, before.record == record,
               before.diagnostics == decoded.diagnostics {
                return false
            }
            files[display] = .decoded(decoded)
        case .failure(let unreadable): files[display] = .unreadable(unreadable)
        }
        return true
    }

    private func loadTheme(isolation: isolated (any Actor)? = #isolation) async {
        let (loaded, loadDiagnostics) = await ThemeLoader().load(from: sources.themeDirectory, displayPrefix: sources.themeDisplay)
        themeDiagnostics = loadDiagnostics
        themeIsCurrent = loaded != nil
        if let loaded { theme = loaded }
    }

    /// Resolves the graph from the files as they are now; the new graph when it has no
    /// errors (it becomes `graph`), else nil (and `graph` stays the last good one).
    private func resolve() -> SiteGraph? {
        let paths = self.paths ?? files.keys.sorted()
        self.paths = paths
        let inOrder = paths.compactMap { files[$0] }
        var content = ContentLoader().assemble(inOrder.compactMap { if case .decoded(let decoded) = $0 { decoded } else { nil } })
        for case .unreadable(let file) in inOrder {
            content.unusable.add(file.salvaged)
            content.diagnostics.append(file.diagnostic)
        }
        content.site = settings.config
        if let baseURL = sources.baseURL { content.site?.baseURL = baseURL }
        if !sources.includeDrafts { content = content.withoutDrafts() }
        let (resolved, graphDiagnostics) = SiteGraphBuilder().build(content, memo: memo)
        var all = Diagnostics(settings.diagnostics + folderDiagnostics + content.diagnostics + graphDiagnostics + themeDiagnostics)
        if let resolved, let theme, themeIsCurrent { all.append(contentsOf: SiteRenderer(theme: theme).check(resolved)) }
        diagnostics = all.sorted
        guard let resolved, themeIsCurrent, !all.hasErrors else { return nil }
        graph = resolved
        return resolved
    }
}

/// Whether a site will have changes applied to it after it is loaded.
public enum SiteChanges: Sendable {
    /// Changes may be applied (`Site.apply`): the preview keeps the site as files are saved.
    case expected
    /// None will be: one build or check. The site then keeps neither the decoded files nor
    /// a memo of what it prepared from them; at 10,000 items they are some 40 MB of a
    /// build's peak memory, and filling the memo hashes every record.
    case none
}

/// What applying changes did.
public struct SiteUpdate: Sendable {
    /// Folders of the pages rendered again.
    public var rendered: [String] = []
    /// Files the site no longer has.
    public var removed: [String] = []
    /// Files written in all (pages, data files, sitemap).
    public var files = 0
    /// Every problem of the files as they are now.
    public var diagnostics: [Diagnostic]
    /// True when the files have errors: nothing was rendered; the last good site stands.
    public var failed = false
}
