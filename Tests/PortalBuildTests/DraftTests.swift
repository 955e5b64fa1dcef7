import Foundation
import PortalBuild
import PortalContent
import PortalTestSupport
import Testing

@Suite("Drafts are shown by the preview and never published by a build")
struct DraftTests {
    static let item = "kommuner/eksempel/handleplan-2024/indsatser/eksempel-ide-03.md"
    static let document = "kommuner/eksempel/handleplan-2024/dokument.md"

    func withContent(_ edit: (URL) throws -> Void, _ body: (SiteSources, URL) async throws -> Void) async throws {
        try await Repository.withTemporaryDirectory { folder in
            let content = folder.appendingPathComponent("content")
            try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("minimal"), to: content)
            try edit(content)
            try await body(SiteSources(contentDirectory: content, themeDirectory: Repository.theme, contentDisplay: "content"), folder)
        }
    }

    static func markDraft(_ content: URL, _ path: String) throws {
        let url = content.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\ntitle:", with: "\ndraft: true\ntitle:").utf8).write(to: url)
    }

    @Test func aDraftItemIsLeftOutOfTheBuildTheDataAndTheSitemap() async throws {
        try await withContent({ try Self.markDraft($0, Self.item) }) { sources, folder in
            let output = folder.appendingPathComponent("output")
            var options = BuildOptions(contentDirectory: sources.contentDirectory, themeDirectory: sources.themeDirectory,
                                       outputDirectory: output, baseURL: "https://eksempel.dk/")
            options.contentDisplay = "content"
            let report = try await SiteBuilder().build(options)
            #expect(report.graph.item("eksempel-ide-03") == nil)
            let site = BuiltSite(root: output)
            let json = try String(contentsOf: output.appendingPathComponent("data/portal.json"), encoding: .utf8)
            #expect(!json.contains("eksempel-ide-03"))
            let csv = try String(contentsOf: output.appendingPathComponent("data/portal.csv"), encoding: .utf8)
            #expect(!csv.contains("eksempel-ide-03"))
            let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
            let preview = await Site.load({ var shown = sources; shown.includeDrafts = true; return shown }())
            let draftPath = try #require(preview.graph?.item("eksempel-ide-03")?.path)
            #expect(!sitemap.contains(draftPath))
            #expect(!site.pagePaths.contains(draftPath + "index.html"))
        }
    }

    @Test func thePreviewShowsADraftMarkedAsOne() async throws {
        try await withContent({ try Self.markDraft($0, Self.item) }) { sources, _ in
            var shown = sources
            shown.includeDrafts = true
            let site = await Site.load(shown)
            let files = MemoryFolder()
            _ = site.renderAll(emit: files.write)
            let path = try #require(site.graph?.item("eksempel-ide-03")?.path)
            let page = try #require(files.files[path + "index.html"].map { String(decoding: $0, as: UTF8.self) })
            #expect(page.contains("class=\"draft-notice\""))
            let other = try #require(site.graph?.item("eksempel-indsats-01")?.path)
            #expect(files.files[other + "index.html"].map { !String(decoding: $0, as: UTF8.self).contains("draft-notice") } == true)
        }
    }

    @Test func aDraftDocumentTakesItsSectionsAndItemsAlong() async throws {
        try await withContent({ try Self.markDraft($0, Self.document) }) { sources, _ in
            let site = await Site.load(sources)
            #expect(site.isBuildable, "\(site.diagnostics)")
            #expect(site.graph?.documents.isEmpty == true)
            #expect(site.graph?.sections.isEmpty == true)
            #expect(site.graph?.items.isEmpty == true)
            #expect(site.diagnostics.contains { $0.message.contains("featured document 'eksempel-handleplan-2024' is a draft") })
        }
    }

    @Test func aReferenceToADraftTagIsDroppedWithAWarning() async throws {
        try await withContent({ try Self.markDraft($0, "tags/motion.md") }) { sources, _ in
            let site = await Site.load(sources)
            #expect(site.isBuildable, "\(site.diagnostics)")
            #expect(site.graph?.item("eksempel-indsats-02")?.tagIDs == ["frivillige"])
            #expect(site.diagnostics.contains { $0.severity == .warning && $0.message.contains("tag 'motion' is a draft") })
        }
    }
}
