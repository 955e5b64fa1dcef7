import Foundation
import PortalTestSupport
import Testing

@Suite("No front-matter field can make the site balloon")
struct FieldSizeTests {
    @Test func aFieldOfMegabytesIsAnErrorAtItsPlaceAndTheSiteIsUntouched() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let site = try await BuildFolder.prepare(in: folder)
            let before = try FolderSnapshot(site.output)
            // Quotes escape to six bytes each on every page that would list the title.
            let title = String(repeating: "\"", count: 3_000_000)
            try Data("---\nkind: tag\nid: motion\ntitle: '\(title)'\n---\n".utf8)
                .write(to: site.content.appendingPathComponent("tags/motion.md"))
            let run = try await site.build()
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains("content/tags/motion.md:4:8: error: field 'title' holds 2929 KB of text; a field holds at most 64 KB"),
                    "\(run.stderr.prefix(500))")
            #expect(try FolderSnapshot(site.output) == before)
        }
    }
}
