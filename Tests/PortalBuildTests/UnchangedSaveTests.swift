import Foundation
import PortalBuild
import PortalTestSupport
import Testing

// Editors and tools often give one save as several events (a write, then the close a
// moment later), or save a file without changing it. A file that reads as it read
// before changes nothing: nothing is resolved or rendered again.

@Suite("A save that changes nothing the site reads renders nothing")
struct UnchangedSaveTests {
    @Test func theSameBytesSavedAgainRenderNothing() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let sources = try IncrementalSiteTests.copySources(into: folder)
            let site = await Site.load(sources)
            let live = MemoryFolder()
            _ = site.renderAll(emit: live.write)
            let before = live.files
            let url = sources.contentDirectory.appendingPathComponent(IncrementalSiteTests.item)
            try Data(contentsOf: url).write(to: url)
            let update = await site.apply([FileChange(.modified, url)], emit: live.write, remove: live.remove)
            #expect(!update.failed)
            #expect(update.rendered.isEmpty)
            #expect(update.files == 0)
            #expect(live.files == before)
        }
    }

    @Test func spacesAfterAValueRenderNothing() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let sources = try IncrementalSiteTests.copySources(into: folder)
            let site = await Site.load(sources)
            _ = site.renderAll { _ in }
            let change = try IncrementalSiteTests.replace(
                "title: Fælles café en gang om ugen\n", with: "title: Fælles café en gang om ugen   \n",
                in: sources.contentDirectory, IncrementalSiteTests.item)
            let update = await site.apply([change], emit: { _ in }, remove: { _ in })
            #expect(update.rendered.isEmpty)
        }
    }

    @Test func aRealChangeAfterAnUnchangedSaveIsApplied() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let sources = try IncrementalSiteTests.copySources(into: folder)
            let site = await Site.load(sources)
            let live = MemoryFolder()
            _ = site.renderAll(emit: live.write)
            let url = sources.contentDirectory.appendingPathComponent(IncrementalSiteTests.item)
            try Data(contentsOf: url).write(to: url)
            _ = await site.apply([FileChange(.modified, url)], emit: live.write, remove: live.remove)
            let change = try IncrementalSiteTests.append("\nEn ny sætning.\n", in: sources.contentDirectory, IncrementalSiteTests.item)
            let update = await site.apply([change], emit: live.write, remove: live.remove)
            #expect(!update.rendered.isEmpty)
            let full = MemoryFolder()
            _ = await Site.load(sources).renderAll(emit: full.write)
            #expect(live.files == full.files)
        }
    }
}
