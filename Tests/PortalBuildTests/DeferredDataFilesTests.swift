import Foundation
import PortalBuild
import PortalCore
import PortalRender
import PortalTestSupport
import Testing

// The preview makes the data files only when they are asked for. What it then makes must
// be exactly what a build of the same files writes, before and after edits.

@Suite("Data files made when asked for are the build's data files")
struct DeferredDataFilesTests {
    static let dataPaths: Set<String> = Set(DataExport.paths(dataFolder: "data"))

    @Test func renderingLeavesThemOutAndMakingGivesTheBuildsBytes() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let sources = try IncrementalSiteTests.copySources(into: folder)
            let site = await Site.load(sources, dataFiles: .whenAsked)
            let live = MemoryFolder()
            _ = site.renderAll(emit: live.write)
            #expect(live.files.keys.filter(Self.dataPaths.contains).isEmpty, "the data files were written with the pages")
            let deferred = try #require(site.deferredDataFiles)
            #expect(deferred.paths == Self.dataPaths)
            let built = try await Self.built(sources)
            #expect(try Self.made(deferred) == built)
        }
    }

    @Test func afterAnEditTheyAreMadeFromTheEditedSite() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let sources = try IncrementalSiteTests.copySources(into: folder)
            let site = await Site.load(sources, dataFiles: .whenAsked)
            let live = MemoryFolder()
            _ = site.renderAll(emit: live.write)
            let before = try Self.made(try #require(site.deferredDataFiles))

            let change = try IncrementalSiteTests.replace(
                "title: Fælles café en gang om ugen", with: "title: Fælles café hver uge", in: sources.contentDirectory,
                IncrementalSiteTests.item)
            let update = await site.apply([change], emit: live.write, remove: live.remove)
            #expect(!update.failed, "\(update.diagnostics)")
            #expect(live.files.keys.filter(Self.dataPaths.contains).isEmpty, "the data files were written with the pages")
            let after = try Self.made(try #require(site.deferredDataFiles))
            let built = try await Self.built(sources)
            #expect(after != before)
            #expect(after == built)
        }
    }

    @Test func aFailedEditKeepsTheDataFilesOfTheLastGoodSite() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let sources = try IncrementalSiteTests.copySources(into: folder)
            let site = await Site.load(sources, dataFiles: .whenAsked)
            _ = site.renderAll { _ in }
            let good = try Self.made(try #require(site.deferredDataFiles))

            let broken = try IncrementalSiteTests.replace(
                "tags: [frivillige]", with: "tags: [frivillig]", in: sources.contentDirectory, IncrementalSiteTests.item)
            let update = await site.apply([broken], emit: { _ in }, remove: { _ in })
            #expect(update.failed)
            #expect(try Self.made(try #require(site.deferredDataFiles)) == good)
        }
    }

    @Test func aBuildWritesThemWithThePagesAndDefersNothing() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let sources = try IncrementalSiteTests.copySources(into: folder)
            let site = await Site.load(sources)
            let written = MemoryFolder()
            _ = site.renderAll(emit: written.write)
            #expect(Set(written.files.keys).isSuperset(of: Self.dataPaths))
            #expect(site.deferredDataFiles == nil)
        }
    }

    @Test func theSearchIndexIsMadeWhenAskedAndIsTheBuildsIndexBeforeAndAfterAnEdit() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let sources = try IncrementalSiteTests.copySources(into: folder)
            let site = await Site.load(sources, dataFiles: .whenAsked)
            let live = MemoryFolder()
            _ = site.renderAll(emit: live.write)
            let deferred = try #require(site.deferredDataFiles)
            #expect(live.files.keys.filter { $0.hasPrefix(deferred.searchIndexFolder) }.isEmpty,
                    "the search index was written with the pages")
            let before = try Self.searchIndex(deferred)
            #expect(!before.isEmpty)
            #expect(before == (try await Self.builtSearchIndex(sources, folder: deferred.searchIndexFolder)))

            let change = try IncrementalSiteTests.replace(
                "title: Fælles café en gang om ugen", with: "title: Fælles café hver uge", in: sources.contentDirectory,
                IncrementalSiteTests.item)
            let update = await site.apply([change], emit: live.write, remove: live.remove)
            #expect(!update.failed, "\(update.diagnostics)")
            let after = try Self.searchIndex(try #require(site.deferredDataFiles))
            #expect(after != before)
            #expect(after == (try await Self.builtSearchIndex(sources, folder: deferred.searchIndexFolder)))
        }
    }

    @Test func theDataPageIsMadeWhenAskedAfterAnEditAndIsTheBuildsPage() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let sources = try IncrementalSiteTests.copySources(into: folder)
            let site = await Site.load(sources, dataFiles: .whenAsked)
            let live = MemoryFolder()
            _ = site.renderAll(emit: live.write)
            let dataPage = try #require(site.pages.values.first { $0.dependencies.contains(.everything) }).path + "index.html"
            #expect(site.deferredDataFiles?.pages.isEmpty == true, "the first rendering writes every page")

            let change = try IncrementalSiteTests.replace(
                "title: Fælles café en gang om ugen", with: "title: Fælles café hver uge", in: sources.contentDirectory,
                IncrementalSiteTests.item)
            let update = await site.apply([change], emit: live.write, remove: live.remove)
            #expect(!update.failed, "\(update.diagnostics)")
            #expect(!update.rendered.map { $0 + "index.html" }.contains(dataPage), "the data page was rendered on the save")
            let deferred = try #require(site.deferredDataFiles)
            #expect(Set(deferred.pages.keys) == [dataPage])
            let made = try Self.byPath(deferred.makePages())
            #expect(made == (try await Self.built(sources, where: { $0 == dataPage })))
            #expect(made.keys.sorted() == [dataPage])
        }
    }

    // MARK: Helpers

    static func searchIndex(_ deferred: DeferredFiles) throws -> [String: Data] {
        let files = try byPath(deferred.makeSearchIndex())
        #expect(files.keys.allSatisfy { $0.hasPrefix(deferred.searchIndexFolder) })
        return files
    }

    static func builtSearchIndex(_ sources: SiteSources, folder: String) async throws -> [String: Data] {
        try await built(sources, where: { $0.hasPrefix(folder) })
    }

    static func made(_ deferred: DeferredFiles) throws -> [String: Data] {
        try byPath(deferred.make())
    }

    static func byPath(_ made: Result<[OutputFile], Diagnostic>) throws -> [String: Data] {
        Dictionary(uniqueKeysWithValues: try made.get().map { ($0.path, $0.data) })
    }

    /// The data files a full build of the files as they are now writes.
    static func built(_ sources: SiteSources) async throws -> [String: Data] {
        try await built(sources, where: dataPaths.contains)
    }

    /// The files a full build of the files as they are now writes at the paths `wanted` takes.
    static func built(_ sources: SiteSources, where wanted: (String) -> Bool) async throws -> [String: Data] {
        let full = MemoryFolder()
        let site = await Site.load(sources)
        try #require(site.isBuildable, "\(site.diagnostics)")
        _ = site.renderAll(emit: full.write)
        return full.files.filter { wanted($0.key) }
    }
}
