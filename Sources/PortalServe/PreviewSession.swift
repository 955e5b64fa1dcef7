import Foundation
import PortalBuild
import PortalCore
import PortalRender

/// The preview's long-lived site and what it serves: the site object is changed only
/// here, one change at a time, and each outcome is published to the served files, the
/// problems shown over pages and the open tabs.
actor PreviewSession {
    private let site: Site
    let files: PreviewFiles
    let reload: LiveReload

    /// At most this many problems are shown over a page; the rest are counted.
    static let shownProblems = 50

    /// What one rebuild did, for the log line and the benchmark.
    struct Rebuild: Sendable {
        var rendered: Int
        var removed: Int
        var errors: Int
        var seconds: Double
    }

    init(site: Site, files: PreviewFiles, reload: LiveReload) {
        self.site = site
        self.files = files
        self.reload = reload
    }

    /// Loads the site and renders every page into memory.
    static func start(_ sources: SiteSources) async -> PreviewSession {
        let site = await Site.load(sources, dataFiles: .whenAsked)
        let session = PreviewSession(site: site, files: PreviewFiles(), reload: LiveReload())
        await session.renderEverything()
        return session
    }

    private func renderEverything() {
        if site.isBuildable { _ = site.renderAll(emit: files.write) }
        files.serve(site.deferredDataFiles)
        publishProblems()
    }

    /// Applies a burst of file changes and tells the open tabs.
    func apply(_ changes: [FileChange]) async -> Rebuild {
        let clock = ContinuousClock()
        let start = clock.now
        let files = self.files
        let update = await site.apply(changes, emit: files.write, remove: files.remove)
        // The previous data files hold the previous graph: it is freed after the tabs are told.
        let previous = files.serve(site.deferredDataFiles)
        let hadProblems = files.problems != nil
        publishProblems()
        let errors = update.diagnostics.filter { $0.severity == .error }.count
        if update.failed || errors > 0 {
            reload.broadcast(.errors)
        } else if !update.rendered.isEmpty || !update.removed.isEmpty || hadProblems || update.files > 0 {
            reload.broadcast(.reload)
        }
        let rebuild = Rebuild(rendered: update.rendered.count, removed: update.removed.count, errors: errors,
                              seconds: (clock.now - start).seconds)
        withExtendedLifetime(previous) {}
        return rebuild
    }

    /// Pages served and errors now.
    var status: (pages: Int, errors: Int) {
        (site.pages.count, site.diagnostics.filter { $0.severity == .error }.count)
    }

    /// The theme's not-found page for a request in `folder`.
    func notFoundPage(in folder: String) -> String? {
        guard let theme = site.theme, let graph = site.graph else { return nil }
        return SiteRenderer(theme: theme).notFoundPage(in: folder, graph: graph)
    }

    /// The current errors as the HTML shown over pages, or none.
    private func publishProblems() {
        let errors = site.diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty, let theme = site.theme else {
            files.problems = nil
            return
        }
        let shown = errors.prefix(Self.shownProblems).map {
            SiteRenderer.ShownDiagnostic($0, excerpt: SourceExcerpt.lines(around: $0.location, sources: site.sources))
        }
        files.problems = SiteRenderer(theme: theme).previewErrors(Array(shown), omitted: errors.count - shown.count)
            ?? errors.map(\.description).joined(separator: "\n")
    }
}

/// Lines of a content or theme file around a problem, read when the problem is shown.
enum SourceExcerpt {
    static func lines(around location: SourceLocation, sources: SiteSources, context: Int = 2) -> [(number: Int, text: String)] {
        guard let url = file(location.path, sources: sources),
              let data = FileManager.default.contents(atPath: url.path), data.count <= 4 * 1024 * 1024 else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let first = max(1, location.line - context), last = min(lines.count, location.line + context)
        guard first <= last else { return [] }
        return (first...last).map { ($0, String(lines[$0 - 1].prefix(300))) }
    }

    /// The file a diagnostic's path names, when it is below the content or the theme.
    private static func file(_ path: String, sources: SiteSources) -> URL? {
        for (display, folder) in [(sources.contentDisplay, sources.contentDirectory), (sources.themeDisplay, sources.themeDirectory)] {
            if path.hasPrefix(display + "/") {
                let relative = String(path.dropFirst(display.count + 1))
                guard !relative.split(separator: "/").contains("..") else { return nil }
                return folder.appendingPathComponent(relative)
            }
        }
        return nil
    }
}
