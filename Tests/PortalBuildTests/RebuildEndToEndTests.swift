import Foundation
import PortalOutput
import PortalTestSupport
import Testing

@Suite("portal build twice: the second run with nothing changed touches nothing; each build removes the site the one before retired")
struct RebuildEndToEndTests {
    /// `portal build` in `site`'s folder, with the summary.
    func build(_ site: BuildFolder) async throws -> PortalRun {
        let arguments = site.buildArguments.filter { $0 != "--quiet" }
        let run = try await PortalBinary.start(arguments, in: site.folder).finish()
        try #require(run.exitedNormally && run.status == 0, "\(run.stderr)")
        return run
    }

    func retired(_ site: BuildFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.folder.path).filter { $0.hasPrefix(".\(BuildFolder.outputName).old-") }
    }

    @Test func aSecondBuildWithNothingChangedWritesNothingAndPrintsTheWarningsAgain() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let site = try await BuildFolder.prepare(in: folder)
            try writeContent([RebuildTests.misnamed: "Et notat."], to: site.content)
            let first = try await build(site)
            let warning = "\(BuildFolder.contentName)/\(RebuildTests.misnamed):1:1: warning:"
            #expect(first.stderr.contains(warning), "\(first.stderr)")
            let files = FileIdentities(site.output)
            let listing = try FileIdentities.listing(of: folder)

            let second = try await build(site)
            #expect(second.stdout.contains("Up to date:"), "\(second.stdout)")
            #expect(second.stderr == first.stderr)
            #expect(FileIdentities(site.output) == files)
            let after = try FileIdentities.listing(of: folder)
            #expect(after.names == listing.names && after.seconds == listing.seconds && after.nanoseconds == listing.nanoseconds,
                    "a staging folder or a lock file was made: \(after.names)")
        }
    }

    @Test func aChangedFileRewritesOnlyWhatItChangesAndTheNextBuildRemovesTheRetiredSite() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let site = try await BuildFolder.prepare(in: folder)
            let before = FileIdentities(site.output)
            _ = try IncrementalSiteTests.append("\nEn ny sætning.\n", in: site.content, IncrementalSiteTests.item)
            let changedRun = try await build(site)
            let after = FileIdentities(site.output)
            let changed = after.changed(since: before)
            #expect(!changed.isEmpty && changed.count < after.files.count / 2, "\(changed.sorted())")
            #expect(changedRun.stdout.contains("Files written: \(changed.count - 1) changed, \(after.files.count - changed.count) unchanged, 0 removed"),
                    "\(changedRun.stdout)")
            let firstRetired = try retired(site)
            #expect(firstRetired.count == 1)

            _ = try IncrementalSiteTests.append("\nEndnu en sætning.\n", in: site.content, IncrementalSiteTests.item)
            _ = try await build(site)
            let secondRetired = try retired(site)
            #expect(secondRetired.count == 1 && secondRetired != firstRetired, "\(secondRetired)")
            #expect(site.leftovers().isEmpty, "left behind: \(site.leftovers())")
        }
    }
}
