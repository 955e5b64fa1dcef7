import Foundation
import PortalBuild
import PortalTestSupport
import Testing

// A build loads its site for one rendering (`changes: .none`), which keeps less after
// resolving. What it renders must not depend on that.

@Suite("A site loaded for one build renders what a site that expects changes renders")
struct SiteChangesTests {
    @Test func theSameFilesWithTheSameBytes() async throws {
        let sources = SiteSources(contentDirectory: Repository.content, themeDirectory: Repository.theme, contentDisplay: "content")
        let once = await Site.load(sources, changes: .none)
        let kept = await Site.load(sources, changes: .expected)
        #expect(once.changes == .none && kept.changes == .expected)
        #expect(once.diagnostics == kept.diagnostics)
        let (onceFiles, keptFiles) = (MemoryFolder(), MemoryFolder())
        let onceOutcome = once.renderAll(emit: onceFiles.write)
        _ = kept.renderAll(emit: keptFiles.write)
        #expect(onceOutcome.diagnostics.isEmpty, "\(onceOutcome.diagnostics)")
        #expect(onceFiles.files.count > 100)
        #expect(onceFiles.files == keptFiles.files)
        #expect(Set(once.pages.keys) == Set(kept.pages.keys))
    }
}
