import Foundation
import PortalBuild
import PortalContent
import PortalGraph
import PortalRender
import PortalCore
import PortalTestSupport
import Testing

// The long-lived site records what each page read. These tests prove the records are
// complete: after an edit, the pages it renders again, with the pages it leaves alone,
// are byte for byte what a full build of the edited content gives.

@Suite("Applying a change to a long-lived site gives exactly the full build of the changed files")
struct IncrementalSiteTests {
    /// One edit an editor makes, as the files it changes.
    struct Edit: Sendable, CustomTestStringConvertible {
        let name: String
        /// Whether every page must be rendered again (a setting or the theme changed).
        var touchesEveryPage = false
        /// The pages that must be rendered again, where the edit pins them down.
        var renders: [String]?
        /// Pages that must be among those rendered again, and pages that must not be.
        var includes: [String] = []
        var leavesAlone: [String] = []
        let apply: @Sendable (_ content: URL, _ theme: URL) throws -> [FileChange]
        var testDescription: String { name }
    }

    static let item = "kommuner/eksempel/handleplan-2024/indsatser/eksempel-indsats-01.md"
    static let section = "kommuner/eksempel/handleplan-2024/sektioner/eksempel-maal-1.md"
    /// The address of the document's page.
    static let document = "kommuner/eksempelkommune/handleplan-2024/"
    /// The item that cites § 85.
    static let referringItem = "kommuner/eksempel/handleplan-2024/indsatser/eksempel-indsats-02.md"

    static let edits: [Edit] = [
        Edit(name: "an item's title") { content, _ in
            [try replace("title: Fælles café en gang om ugen", with: "title: Fælles café hver uge", in: content, item)]
        },
        Edit(name: "an item's tags") { content, _ in
            [try replace("tags: [frivillige]", with: "tags: [frivillige, motion]", in: content, item)]
        },
        Edit(name: "an item's body text") { content, _ in
            [try append("\nEn ny sætning i eksempelteksten.\n", in: content, item)]
        },
        Edit(name: "a section's themes, which reach its items") { content, _ in
            [try replace("themes: [faellesskaber]", with: "themes: [faellesskaber, sundhed]", in: content, section)]
        },
        Edit(name: "a theme's title") { content, _ in
            [try replace("title: Sundhed og trivsel", with: "title: Sundhed", in: content, "temaer/sundhed.md")]
        },
        Edit(name: "a tag's title") { content, _ in
            [try replace("title: Motion", with: "title: Motion og bevægelse", in: content, "tags/motion.md")]
        },
        Edit(name: "a municipality's short title") { content, _ in
            [try replace("short_title: Eksempel", with: "short_title: Eksempelby", in: content, "kommuner/eksempel/kommune.md")]
        },
        Edit(name: "a free page's text, which the data files hold and so the data page counts", renders: ["hent-data/", "om-portalen/"]) { content, _ in
            [try append("\nMere tekst om portalen.\n", in: content, "sider/om-portalen.md")]
        },
        Edit(name: "a new item") { content, _ in
            let path = "kommuner/eksempel/handleplan-2024/indsatser/eksempel-indsats-09.md"
            try Data("""
                ---
                kind: item
                type: initiative
                id: eksempel-indsats-09
                document: eksempel-handleplan-2024
                section: eksempel-maal-2
                number: "9"
                title: En ny eksempelindsats
                tags: [motion]
                ---
                Eksempeltekst til den nye indsats.

                """.utf8).write(to: content.appendingPathComponent(path))
            return [FileChange(.created, content.appendingPathComponent(path))]
        },
        Edit(name: "an item removed") { content, _ in
            let url = content.appendingPathComponent("kommuner/eksempel/handleplan-2024/indsatser/eksempel-indsats-02.md")
            try FileManager.default.removeItem(at: url)
            return [FileChange(.removed, url)]
        },
        Edit(name: "an item's title that moves its page to another address") { content, _ in
            [try replace("number: \"1\"\ntitle: Fælles café en gang om ugen", with: "number: \"1\"\ntitle: Café for alle", in: content, item)]
        },
        Edit(name: "an item that becomes a draft, which a build leaves out") { content, _ in
            [try replace("title: Fælles café en gang om ugen", with: "draft: true\ntitle: Fælles café en gang om ugen", in: content, item)]
        },
        Edit(name: "a milestone's date, which moves it on the timelines",
             includes: [document, "tidslinje/", "tidslinje/eksempelkommune/handleplan-2024/"]) { content, _ in
            [try replace("when: Ultimo marts", with: "when: Ultimo juni", in: content, item)]
        },
        Edit(name: "a document's period, which gives its milestones their year",
             includes: [document, "tidslinje/", "tidslinje/eksempelkommune/handleplan-2024/"]) { content, _ in
            [try replace("period: \"2024\"", with: "period: \"2025\"", in: content, "kommuner/eksempel/handleplan-2024/dokument.md")]
        },
        Edit(name: "an item's status, which the status overview counts",
             includes: [document, "kommuner/eksempelkommune/"]) { content, _ in
            [try replace("status: i-gang", with: "status: realiseret", in: content, item)]
        },
        Edit(name: "an activity's own status, which its item says with the others'",
             includes: [document, "kommuner/eksempelkommune/"]) { content, _ in
            [try replace("    title: Faste ruter\n", with: "    title: Faste ruter\n    status: fravalgt\n", in: content,
                         "kommuner/eksempel/handleplan-2024/indsatser/eksempel-indsats-02.md")]
        },
        Edit(name: "a document whose units become its activities, which gives each activity a page and changes the counts",
             includes: [document, "", "temaer/", "kommuner/eksempelkommune/handleplan-2024/gaature-i-naboskabet/faste-ruter/"]) { content, _ in
            [try replace("units: items", with: "units: activities", in: content, "kommuner/eksempel/handleplan-2024/dokument.md")]
        },
        Edit(name: "an activity's own theme and tag, where its document's units are activities",
             includes: ["temaer/faellesskaber/", "tags/frivillige/"]) { content, _ in
            [try replace("units: items", with: "units: activities", in: content, "kommuner/eksempel/handleplan-2024/dokument.md"),
             try replace("    title: Faste ruter\n", with: "    title: Faste ruter\n    themes: [faellesskaber]\n    tags: [motion]\n",
                         in: content, referringItem)]
        },
        Edit(name: "a § reference added to an item's text, which gives the paragraph a page",
             includes: ["lovhenvisninger/", "lovhenvisninger/103/", "lovhenvisninger/104/"], leavesAlone: ["lovhenvisninger/85/"]) { content, _ in
            [try append("\nEksempelteksten nævner også §§ 103/104.\n", in: content, item)]
        },
        Edit(name: "the only § reference to a paragraph removed, which takes its page away") { content, _ in
            [try replace("Eksempelindsatsen hører under servicelovens § 85.", with: "Eksempelindsatsen har ingen henvisning.",
                         in: content, referringItem)]
        },
        Edit(name: "the sentence around a § reference", includes: ["lovhenvisninger/85/"], leavesAlone: ["lovhenvisninger/"]) { content, _ in
            [try replace("Eksempelindsatsen hører under", with: "Eksempelindsatsen følger", in: content, referringItem)]
        },
        Edit(name: "a second § reference to a cited paragraph, which changes the counts",
             includes: ["lovhenvisninger/", "lovhenvisninger/85/"]) { content, _ in
            [try append("\nEksempelcaféen er også et tilbud efter § 85.\n", in: content, item)]
        },
        Edit(name: "a text about a law paragraph added, which the data files hold", renders: ["hent-data/", "lovhenvisninger/85/"]) { content, _ in
            let url = content.appendingPathComponent("lovhenvisninger/eksempel-85.md")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("---\nkind: law-paragraph\nid: eksempel-85\nparagraph: \"85\"\ntitle: Eksempeltitel\n---\nEksempeltekst.\n".utf8).write(to: url)
            return [FileChange(.created, url)]
        },
        Edit(name: "a unit of a second municipality with a shared tag, which gives the first's units related units",
             includes: ["kommuner/eksempelkommune/handleplan-2024/faelles-cafe-en-gang-om-ugen/",
                        "kommuner/eksempelkommune/handleplan-2024/gaature-i-naboskabet/"],
             leavesAlone: ["kommuner/eksempelkommune/handleplan-2024/ide-om-en-faelles-kalender/"]) { content, _ in
            try neighbour(in: content, tags: "[frivillige]")
        },
        Edit(name: "the path of the § index in site.yaml", touchesEveryPage: true) { content, _ in
            [try replace("law_references: lovhenvisninger", with: "law_references: paragraffer", in: content, "site.yaml")]
        },
        Edit(name: "an item's first sentence, which its theme's comparison shows as its lead",
             includes: ["sammenlign/faellesskaber/"], leavesAlone: ["sammenlign/", "sammenlign/sundhed-og-trivsel/"]) { content, _ in
            [try replace("Eksempeltekst: en café, hvor borgere kan mødes.", with: "Eksempeltekst: en café for alle borgere.", in: content, item)]
        },
        Edit(name: "an item's own theme, which puts it in another theme's comparison and changes the index's counts",
             includes: ["sammenlign/", "sammenlign/sundhed-og-trivsel/"]) { content, _ in
            [try replace("tags: [frivillige]", with: "themes: [sundhed]\ntags: [frivillige]", in: content, item)]
        },
        Edit(name: "a theme's title, which names its comparison and its row of the comparisons' index",
             includes: ["sammenlign/", "sammenlign/sundhed-og-velvaere/"]) { content, _ in
            [try replace("title: Sundhed og trivsel", with: "title: Sundhed og velvære", in: content, "temaer/sundhed.md")]
        },
        Edit(name: "an activity's own theme, which takes it to that theme's comparison",
             includes: ["sammenlign/", "sammenlign/sundhed-og-trivsel/", "sammenlign/faellesskaber/"]) { content, _ in
            [try replace("units: items", with: "units: activities", in: content, "kommuner/eksempel/handleplan-2024/dokument.md"),
             try replace("    title: Caféen åbner\n", with: "    title: Caféen åbner\n    themes: [sundhed]\n", in: content, item)]
        },
        Edit(name: "the path of the comparisons in site.yaml", touchesEveryPage: true) { content, _ in
            [try replace("compare: sammenlign", with: "compare: side-om-side", in: content, "site.yaml")]
        },
        Edit(name: "the portal's title in site.yaml", touchesEveryPage: true) { content, _ in
            [try replace("title: Eksempelportalen", with: "title: Eksempelportalen 2", in: content, "site.yaml")]
        },
        Edit(name: "a template of the theme", touchesEveryPage: true) { _, theme in
            [try replace("</footer>", with: "<p>Ny tekst i sidefoden.</p></footer>", in: theme, "templates/partials/footer.mustache")]
        },
    ]

    @Test("Incremental equals full rebuild, byte for byte", arguments: edits)
    func anEditGivesTheSameFilesAsAFullBuild(_ edit: Edit) async throws {
        try await Repository.withTemporaryDirectory { folder in
            let sources = try Self.copySources(into: folder)
            let site = await Site.load(sources)
            try #require(site.isBuildable, "\(site.diagnostics)")
            let live = MemoryFolder()
            _ = site.renderAll(emit: live.write)
            let pagesBefore = site.pages.count

            let changes = try edit.apply(sources.contentDirectory, sources.themeDirectory)
            let update = await site.apply(changes, emit: live.write, remove: live.remove)
            #expect(!update.failed, "\(update.diagnostics)")

            let full = MemoryFolder()
            let fresh = await Site.load(sources)
            try #require(fresh.isBuildable, "\(fresh.diagnostics)")
            _ = fresh.renderAll(emit: full.write)
            let (liveFiles, fullFiles) = (live.files, full.files)
            #expect(Set(liveFiles.keys) == Set(fullFiles.keys),
                    "extra: \(Set(liveFiles.keys).subtracting(fullFiles.keys).sorted()), missing: \(Set(fullFiles.keys).subtracting(liveFiles.keys).sorted())")
            let differing = fullFiles.keys.filter { liveFiles[$0] != fullFiles[$0] }.sorted()
            #expect(differing.isEmpty, "pages that were not rendered again but should have been: \(differing)")
            #expect(!update.rendered.isEmpty, "nothing was rendered again")
            if let renders = edit.renders {
                #expect(update.rendered == renders)
            }
            for path in edit.includes { #expect(update.rendered.contains(path), "\(path) was not rendered again") }
            for path in edit.leavesAlone { #expect(!update.rendered.contains(path), "\(path) was rendered again") }
            if edit.touchesEveryPage {
                #expect(update.rendered.count == fresh.pages.count)
            } else {
                #expect(update.rendered.count < max(pagesBefore, fresh.pages.count), "every page was rendered again: \(update.rendered)")
            }
        }
    }

    @Test func anEditWithAnErrorKeepsTheLastGoodSiteAndTheFixBringsItBack() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let sources = try Self.copySources(into: folder)
            let site = await Site.load(sources)
            let live = MemoryFolder()
            _ = site.renderAll(emit: live.write)
            let good = live.files

            let broken = try Self.replace("tags: [frivillige]", with: "tags: [frivillig]", in: sources.contentDirectory, Self.item)
            let failed = await site.apply([broken], emit: live.write, remove: live.remove)
            #expect(failed.failed)
            #expect(failed.diagnostics.contains { $0.severity == .error && $0.message.contains("tag 'frivillig' does not exist") })
            #expect(live.files == good, "a failed change must not touch the last good site")
            #expect(site.graph != nil)

            let fixed = try Self.replace("tags: [frivillig]", with: "tags: [frivillige, motion]", in: sources.contentDirectory, Self.item)
            let update = await site.apply([fixed], emit: live.write, remove: live.remove)
            #expect(!update.failed)
            let full = MemoryFolder()
            _ = await Site.load(sources).renderAll(emit: full.write)
            #expect(live.files == full.files)
        }
    }

    @Test func anItemPageRecordsWhatItShows() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let site = await Site.load(try Self.copySources(into: folder))
            _ = site.renderAll { _ in }
            let item = try #require(site.pages[.item("eksempel-indsats-01")])
            for read in [Dependency.entity(EntityRef(.item, "eksempel-indsats-01")), .link(EntityRef(.tag, "frivillige")),
                         .link(EntityRef(.theme, "faellesskaber")), .entity(EntityRef(.section, "eksempel-maal-1")),
                         .entity(EntityRef(.document, "eksempel-handleplan-2024")), .link(EntityRef(.page, "om-portalen")),
                         .settings, .relatedUnits(ComparableUnit.ID(itemID: "eksempel-indsats-01"))] {
                #expect(item.dependencies.contains(read), "the item page does not record \(read)")
            }
            // A theme and a tag with the same id are two entities; a link reads no body.
            #expect(!item.dependencies.contains(.link(EntityRef(.theme, "frivillige"))))
            #expect(!item.dependencies.contains(.entity(EntityRef(.page, "om-portalen"))))
        }
    }

    @Test func theStatusAndTimelinePagesRecordTheDerivedViewsTheyShow() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let site = await Site.load(try Self.copySources(into: folder))
            _ = site.renderAll { _ in }
            let document = try #require(site.pages[.document("eksempel-handleplan-2024")])
            #expect(document.dependencies.contains(.statusOverview("eksempel-handleplan-2024")))
            #expect(document.dependencies.contains(.documentTimeline("eksempel-handleplan-2024")))
            let municipality = try #require(site.pages[.municipality("eksempel")])
            #expect(municipality.dependencies.contains(.statusOverview("eksempel-handleplan-2024")))
            #expect(try #require(site.pages[.timeline]).dependencies.contains(.timeline))
            #expect(try #require(site.pages[.documentTimeline("eksempel-handleplan-2024")]).dependencies
                .contains(.documentTimeline("eksempel-handleplan-2024")))
            // An item page asks only whether its document has statuses, not for its overview.
            let item = try #require(site.pages[.item("eksempel-indsats-02")])
            #expect(item.dependencies.contains(.hasStatus("eksempel-handleplan-2024")))
            #expect(!item.dependencies.contains(.statusOverview("eksempel-handleplan-2024")))
        }
    }

    // MARK: Helpers

    static func copySources(into folder: URL) throws -> SiteSources {
        let content = folder.appendingPathComponent("content"), theme = folder.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("minimal"), to: content)
        try FileManager.default.copyItem(at: Repository.theme, to: theme)
        return SiteSources(contentDirectory: content, themeDirectory: theme, contentDisplay: "content", themeDisplay: "theme")
    }

    /// A second municipality, Nabokommune, with a plan of one idea carrying `tags`.
    static func neighbour(in content: URL, tags: String) throws -> [FileChange] {
        let files = [
            "kommuner/nabo/kommune.md": "---\nkind: municipality\nid: nabo\ntitle: Nabokommune\norder: 2\n---\nEksempeltekst.\n",
            "kommuner/nabo/plan/dokument.md": """
            ---
            kind: document
            id: nabo-plan
            municipality: nabo
            slug: plan
            title: Naboplan
            document_type: udviklingsplan
            units: items
            ---
            Eksempeltekst om en plan.

            """,
            "kommuner/nabo/plan/indsatser/nabo-ide-01.md": """
            ---
            kind: item
            type: idea
            id: nabo-ide-01
            document: nabo-plan
            number: "1"
            title: Eksempelidé i nabokommunen
            tags: \(tags)
            ---
            Eksempeltekst om en idé.

            """,
        ]
        return try files.sorted { $0.key < $1.key }.map { path, text in
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return FileChange(.created, url)
        }
    }

    static func replace(_ old: String, with new: String, in folder: URL, _ path: String) throws -> FileChange {
        let url = folder.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(old), "\(path) does not contain \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        return FileChange(.modified, url)
    }

    static func append(_ addition: String, in folder: URL, _ path: String) throws -> FileChange {
        let url = folder.appendingPathComponent(path)
        try Data((try String(contentsOf: url, encoding: .utf8) + addition).utf8).write(to: url)
        return FileChange(.modified, url)
    }
}

/// Files written by a site, kept in memory; safe to write from several threads.
final class MemoryFolder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String: Data] = [:]

    var files: [String: Data] { lock.withLock { stored } }

    @Sendable func write(_ file: OutputFile) {
        lock.withLock { stored[file.path] = file.data }
    }

    func remove(_ path: String) {
        lock.withLock { stored[path] = nil }
    }
}
