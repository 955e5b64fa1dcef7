import Foundation
import PortalTestSupport
import Testing

// The preview makes the data files when they are asked for, not on every save: they
// must still be served, and show the last save. (In the serialized suite, like every test
// that starts a server.)
extension PreviewServerTests {
    @Test func theDataFilesAreMadeWhenAskedForAndFollowEverySave() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let preview = try await Preview.start(in: folder)
            do {
                let json = try await preview.probe.get("/data/portal.json")
                #expect(json.status == 200 && json.headers["content-type"] == "application/json; charset=utf-8")
                #expect(json.text.contains("Fælles café en gang om ugen"))
                let stream = try await preview.probe.events("/__portal/events")
                try await Task.sleep(for: .milliseconds(200))
                try preview.edit(Self.item, replacing: "title: Fælles café en gang om ugen", with: "title: Fælles café hver uge")
                #expect(try await stream.next() == "reload")
                let after = try await preview.probe.get("/data/portal.json")
                #expect(after.status == 200)
                #expect(after.text.contains("Fælles café hver uge"))
                #expect(!after.text.contains("Fælles café en gang om ugen"))
                let csv = try await preview.probe.get("/data/portal.csv")
                #expect(csv.status == 200 && csv.text.contains("Fælles café hver uge"))
            } catch {
                await preview.stop()
                throw error
            }
            await preview.stop()
        }
    }
}
