import Foundation
import PortalContent
import PortalCore
import PortalGraph
import PortalMarkdown
import PortalSearch

/// One page the site has, named by what it shows. Rendering works from this list, so
/// pages can be prepared and rendered independently, in parallel, and one at a time
/// (an editor preview re-renders only the pages whose dependencies changed).
public enum PageJob: Sendable, Hashable {
    case home, municipalities, themes, tags, search
    case municipality(String), document(String), section(String), item(String)
    /// An activity with a page of its own: a comparable unit below its item's page.
    case activity(ComparableUnit.ID)
    case theme(String), tag(String), page(String)
    /// Every milestone across municipalities, and one document's milestones.
    case timeline, documentTimeline(String)
    /// The § index, and the page of one paragraph of Serviceloven that the text cites.
    case lawReferences, lawParagraph(LawParagraph)
    /// The index of the side-by-side comparisons, and one theme's comparison.
    case compareIndex, compare(String)

    /// The entity the page shows, for the pages of one entity.
    public var entity: EntityRef? {
        switch self {
        case .home, .municipalities, .themes, .tags, .search, .lawReferences, .lawParagraph, .compareIndex: nil
        case .municipality(let id): EntityRef(.municipality, id)
        case .document(let id): EntityRef(.document, id)
        case .section(let id): EntityRef(.section, id)
        case .item(let id): EntityRef(.item, id)
        case .activity(let id): EntityRef(.item, id.itemID)
        case .theme(let id), .compare(let id): EntityRef(.theme, id)
        case .tag(let id): EntityRef(.tag, id)
        case .page(let id): EntityRef(.page, id)
        case .timeline: nil
        case .documentTimeline(let id): EntityRef(.document, id)
        }
    }
}

/// Stage 4 of the build: prepares every page's values from the site graph, renders them
/// with the theme and adds the theme's assets and the data files.
public struct SiteRenderer: Sendable {
    let theme: Theme
    let markdown = MarkdownRenderer()

    public init(theme: Theme) {
        self.theme = theme
    }

    /// Every page of the site, in a stable order.
    public func jobs(_ graph: SiteGraph) -> [PageJob] {
        var jobs: [PageJob] = [.home, .municipalities, .themes, .tags, .search]
        jobs += graph.municipalities.map { .municipality($0.id) }
        jobs += graph.documents.map { .document($0.id) }
        // A section its only item stands for has that item's page (`Section.shownByItemID`).
        jobs += graph.sections.filter { $0.shownByItemID == nil }.map { .section($0.id) }
        jobs += graph.items.map { .item($0.id) }
        jobs += graph.units.filter { $0.kind == .activity }.map { .activity($0.id) }
        jobs += graph.themes.map { .theme($0.id) }
        jobs += graph.tags.map { .tag($0.id) }
        jobs += graph.pages.map { .page($0.id) }
        jobs.append(.timeline)
        jobs += graph.documents.filter { graph.documentTimelines[$0.id] != nil }.map { .documentTimeline($0.id) }
        jobs.append(.lawReferences)
        jobs += graph.lawParagraphs.map { .lawParagraph($0) }
        jobs.append(.compareIndex)
        jobs += graph.themes.map { .compare($0.id) }
        return jobs
    }

    /// The prepared values of one page; nil for an id the graph does not have.
    public func prepare(_ job: PageJob, in graph: SiteGraph) -> PreparedPage? {
        prepare(job, in: graph, shared: SharedWork(graph, self))
    }

    /// What the pages and files of one rendering share, made once, when first needed.
    struct SharedWork: Sendable {
        /// The data files, made one at a time and handed on as they are made: written as an
        /// extra, and listed (rows and sizes) by the data page.
        let dataFiles: Once<Result<[DataExport.WrittenFile], any Error>>

        /// - Parameter writeData: where the data files go as they are made, when this
        ///   rendering writes them; without it they are made only to be counted and weighed.
        init(_ graph: SiteGraph, _ renderer: SiteRenderer, writeData: (@Sendable (OutputFile) throws -> Void)? = nil) {
            dataFiles = Once {
                Result {
                    try DataExport(graph: graph, strings: renderer.theme.strings, markdown: renderer.markdown)
                        .write(writeData ?? { _ in })
                }
            }
        }
    }

    private func prepare(_ job: PageJob, in graph: SiteGraph, shared: SharedWork) -> PreparedPage? {
        let reader = GraphReader(graph)
        let view = ViewContext(graph: reader, strings: theme.strings, markdown: markdown)
        guard var page = prepare(job, view: view, shared: shared) else { return nil }
        if let entity = job.entity, reader.isDraft(entity) { page.context["isDraft"] = true }
        let metadata = view.metadata(for: job, heading: page.context["title"] as? String ?? "")
        page.context["documentTitle"] = metadata.title
        page.context["metaDescription"] = metadata.description
        page.dependencies = reader.reads
        return page
    }

    private func prepare(_ job: PageJob, view: ViewContext, shared: SharedWork) -> PreparedPage? {
        let graph = view.graph
        switch job {
        case .home: return view.homePage()
        case .municipalities: return view.municipalitiesPage()
        case .themes: return view.themesPage()
        case .tags: return view.tagsPage()
        case .search: return view.searchPage()
        case .municipality(let id): return graph.municipality(id).map(view.municipalityPage)
        case .document(let id): return graph.document(id).map(view.documentPage)
        case .section(let id): return graph.section(id).flatMap { $0.shownByItemID == nil ? view.sectionPage($0) : nil }
        case .item(let id): return graph.item(id).flatMap(view.itemPage)
        case .activity(let id): return graph.unit(id).flatMap(view.activityPage)
        case .theme(let id): return graph.theme(id).map(view.themePage)
        case .tag(let id): return graph.tag(id).map(view.tagPage)
        case .timeline: return view.timelinePage()
        case .documentTimeline(let id): return graph.document(id).flatMap(view.documentTimelinePage)
        case .page(let id):
            guard let page = graph.page(id) else { return nil }
            // Only the data page lists the files, and the files show the whole graph.
            var dataFiles: [[String: Any]] = []
            if page.layout == Theme.dataLayout, case .success(let written) = shared.dataFiles.value {
                dataFiles = DataExport(graph: graph.everything, strings: theme.strings, markdown: markdown).descriptions(of: written)
            }
            return view.freePage(page, dataFiles: dataFiles)
        case .lawReferences: return view.lawReferencesPage()
        case .lawParagraph(let paragraph): return view.lawParagraphPage(paragraph)
        case .compareIndex: return view.compareIndexPage()
        case .compare(let id): return graph.theme(id).flatMap(view.comparePage)
        }
    }

    /// Problems between the content and the theme, found before anything is rendered:
    /// a page whose `layout:` names no layout of the theme, and an id made from content
    /// that the theme's templates already use on the same page.
    public func check(_ graph: SiteGraph) -> [Diagnostic] {
        layoutProblems(graph) + anchorProblems(graph) + contactProblems(graph)
    }

    /// The missing contact, when a page shows it: the accessibility statement
    /// (`layout: accessibility`) must give a written and a phone contact.
    private func contactProblems(_ graph: SiteGraph) -> [Diagnostic] {
        guard let warning = graph.site.contactWarning,
              graph.pages.contains(where: { $0.layout == Theme.accessibilityLayout }) else { return [] }
        return [warning]
    }

    private func layoutProblems(_ graph: SiteGraph) -> [Diagnostic] {
        graph.pages.compactMap { page in
            guard let layout = page.layout, !theme.layouts.contains(layout) else { return nil }
            let location = page.layoutLocation ?? SourceLocation(path: page.id)
            let hint = "use one of the theme's page layouts: \(theme.layouts.joined(separator: ", ")) "
                + "(\(theme.location)/templates/\(Theme.layoutFolder)/), or add one there"
            guard let other = otherTemplate(named: layout) else {
                return .error(at: location, "the theme has no template '\(layout)' for this page's layout", hint: hint)
            }
            return .error(at: location, "'\(layout)' is not a page layout: it is \(other)", hint: hint)
        }
    }

    /// What the theme's template `name` is, when it exists but is not a layout.
    private func otherTemplate(named name: String) -> String? {
        if name.hasPrefix(Theme.layoutFolder + "/"), theme.layouts.contains(String(name.dropFirst(Theme.layoutFolder.count + 1))) {
            return "a layout's file name; name the layout without its folder"
        }
        guard theme.library.getTemplate(named: name) != nil else { return nil }
        if name.hasPrefix("partials/") { return "a partial, a piece that other templates include" }
        if name == "base" { return "the base template that every page fills in" }
        if Theme.requiredTemplates.contains(name) { return "the template of the site's own '\(name)' pages" }
        return "a template outside \(Theme.layoutFolder)/"
    }

    /// Renders one prepared page to HTML.
    public func render(_ page: PreparedPage) -> Result<OutputFile, Diagnostic> {
        guard let html = theme.library.render(page.context, withTemplate: page.template) else {
            return .failure(.error(
                at: SourceLocation(path: "\(theme.location)/templates/\(page.template).mustache"),
                "no template '\(page.template)' for the page '\(page.path)'",
                hint: "add the template to the theme, or change the page's 'layout:'"))
        }
        return .success(OutputFile(path: page.path + "index.html", text: html))
    }

    /// Renders the whole site, handing each file to `emit` as soon as it is ready, so
    /// that the site is never held in memory at once. Pages are rendered in parallel;
    /// `emit` must be safe to call from several threads.
    public func renderSite(
        _ graph: SiteGraph, emit: @Sendable (OutputFile) throws -> Void
    ) -> (pagesByKind: [String: Int], files: Int, diagnostics: [Diagnostic]) {
        let outcome = render(jobs(graph), in: graph, extras: Set(Extra.allCases), emit: emit)
        var files = outcome.files
        var diagnostics = outcome.diagnostics
        if let sitemap = sitemap(graph, pages: outcome.pages.values) {
            do {
                try emit(sitemap)
                files += 1
            } catch {
                diagnostics.append(.error(at: SourceLocation(path: sitemap.path), "cannot write the sitemap: \(error)"))
            }
        }
        var pagesByKind: [String: Int] = [:]
        for page in outcome.pages.values { pagesByKind[page.kind, default: 0] += 1 }
        return (pagesByKind, files, diagnostics)
    }

    /// Files of the site besides its pages.
    public enum Extra: Sendable, Hashable, CaseIterable {
        /// The theme's CSS and icons.
        case assets
        /// The open-data files, which show every entity.
        case data
        /// The search page's index (`<search>/index/`), which holds every entity.
        case search

        /// Whether the extra is made from every entity of the site, and so is large.
        var showsEverything: Bool { self != .assets }
    }

    /// What rendering a set of pages gave: each page written, with what it read.
    public struct Outcome: Sendable {
        public var pages: [PageJob: RenderedPage] = [:]
        /// The paths each extra wrote, for the extras written in full: a long-lived site
        /// removes the ones the next writing of the same extra leaves out (the index file
        /// of a document that is gone).
        public var extraFiles: [Extra: Set<String>] = [:]
        public var files = 0
        public var diagnostics: [Diagnostic] = []

        public init(pages: [PageJob: RenderedPage] = [:], files: Int = 0, diagnostics: [Diagnostic] = []) {
            self.pages = pages
            self.files = files
            self.diagnostics = diagnostics
        }
    }

    /// Renders `jobs` (and the `extras`) in parallel, handing each file to `emit`.
    public func render(
        _ jobs: [PageJob], in graph: SiteGraph, extras: Set<Extra> = [], emit: @Sendable (OutputFile) throws -> Void
    ) -> Outcome {
        // The extra files are jobs beside the pages, so they are made while pages render
        // instead of after them.
        // The data files and the search index each hold the whole site while they are made
        // (at 10,000 items about 60 and 45 MB): one job makes them one after the other, so
        // that their peaks never add up, while the other cores render pages.
        let wanted = Extra.allCases.filter(extras.contains)
        let extraJobs = [wanted.filter { !$0.showsEverything }, wanted.filter(\.showsEverything)].filter { !$0.isEmpty }
        let work: [Work] = extraJobs.map(Work.extras) + jobs.map(Work.page)
        return withoutActuallyEscaping(emit) { emit in
            let shared = SharedWork(graph, self, writeData: extras.contains(.data) ? emit : nil)
            return render(work, in: graph, shared: shared, emit: emit)
        }
    }

    private func render(
        _ work: [Work], in graph: SiteGraph, shared: SharedWork, emit: @Sendable (OutputFile) throws -> Void
    ) -> Outcome {
        let results = work.concurrentMap { work -> WorkResult in
            switch work {
            case .extras(let extras):
                var result = WorkResult()
                for extra in extras {
                    let (paths, diagnostic) = emitExtra(extra, graph, shared: shared, emit: emit)
                    if diagnostic == nil { result.extras.append((extra, paths)) }
                    result.files += paths.count
                    result.diagnostics += diagnostic.map { [$0] } ?? []
                }
                return result
            case .page(let job):
                guard let page = prepare(job, in: graph, shared: shared) else { return WorkResult() }
                switch render(page) {
                case .success(let file):
                    do {
                        try emit(file)
                        return WorkResult(page: (job, RenderedPage(kind: page.kind, path: page.path, dependencies: Array(page.dependencies))), files: 1)
                    } catch {
                        return WorkResult(diagnostics: [.error(at: SourceLocation(path: file.path), "cannot write the page: \(error)")])
                    }
                case .failure(let diagnostic):
                    return WorkResult(diagnostics: [diagnostic])
                }
            }
        }
        var outcome = Outcome()
        for result in results {
            if let (job, page) = result.page { outcome.pages[job] = page }
            for (extra, paths) in result.extras { outcome.extraFiles[extra] = Set(paths) }
            outcome.files += result.files
            outcome.diagnostics += result.diagnostics
        }
        return outcome
    }

    /// The sitemap of `pages`; nil without a base URL, since the sitemap protocol allows
    /// only absolute addresses.
    public func sitemap(_ graph: SiteGraph, pages: some Sequence<RenderedPage>) -> OutputFile? {
        guard graph.site.baseURL != nil else { return nil }
        let paths = pages.map(\.path).sorted()
        return OutputFile(path: "sitemap.xml", text: DataExport(graph: graph, strings: theme.strings, markdown: markdown).sitemap(paths: paths))
    }

    /// The files of an extra, as the site has them; a failure is a diagnostic at the
    /// extra's folder.
    public func files(of extra: Extra, in graph: SiteGraph) -> Result<[OutputFile], Diagnostic> {
        switch extra {
        case .assets:
            return .success(theme.assets.map {
                OutputFile(path: graph.site.paths.assets + "/" + $0.path.dropFirst("assets/".count), data: $0.data)
            })
        case .data:
            return Result { try DataExport(graph: graph, strings: theme.strings, markdown: markdown).files() }.mapError {
                .error(at: SourceLocation(path: graph.site.paths.data), "cannot make the data files: \($0)")
            }
        case .search:
            return .success(searchIndexFiles(graph))
        }
    }

    /// Writes one extra; the paths written, and a problem that stopped it.
    private func emitExtra(
        _ extra: Extra, _ graph: SiteGraph, shared: SharedWork, emit: @Sendable (OutputFile) throws -> Void
    ) -> ([String], Diagnostic?) {
        var written: [String] = []
        do {
            switch extra {
            case .assets:
                for file in try self.files(of: .assets, in: graph).get() {
                    try emit(file)
                    written.append(file.path)
                }
            case .data:
                // Made and written one at a time, by whichever of this extra and the data
                // page asks first.
                written = try shared.dataFiles.value.get().map(\.path)
            case .search:
                try writeSearchIndex(graph) { file in
                    try emit(file)
                    written.append(file.path)
                }
            }
            return (written, nil)
        } catch let diagnostic as Diagnostic {
            return (written, diagnostic)
        } catch {
            let (place, what): (String, String) = switch extra {
            case .assets: (graph.site.paths.assets, "the assets")
            case .data: (graph.site.paths.data, "the data files")
            case .search: (graph.site.paths.search + "/" + Self.searchIndexFolder, "the search index")
            }
            return (written, .error(at: SourceLocation(path: place), "cannot write \(what): \(error)"))
        }
    }
}

private enum Work: Sendable {
    /// Extras made one after the other, by one job.
    case extras([SiteRenderer.Extra])
    case page(PageJob)
}

private struct WorkResult: Sendable {
    var page: (PageJob, RenderedPage)?
    var extras: [(SiteRenderer.Extra, [String])] = []
    var files = 0
    var diagnostics: [Diagnostic] = []
}
