import Foundation
import PortalTestSupport
import Testing

// The preview watches the files from before it reads them: a save made while it starts,
// or as soon as it prints its address, is shown, never lost. (In the serialized suite,
// like every test that starts a server.)
extension PreviewServerTests {
    @Test func aSaveRightAfterTheAddressIsPrintedIsShown() async throws {
        try await Repository.withTemporaryDirectory { folder in
            // Many folders make watching them take a while, as a large content folder does.
            let content = folder.appendingPathComponent("content")
            try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("minimal"), to: content)
            for index in 0..<400 {
                try FileManager.default.createDirectory(
                    at: content.appendingPathComponent("arkiv/mappe-\(index)/undermappe"), withIntermediateDirectories: true)
            }
            let preview = try await Preview.start(in: folder, copyingContent: false)
            do {
                try preview.edit(Self.item, replacing: "Eksempeltekst om frivillige.", with: "Eksempeltekst om mange frivillige.")
                let page = "/kommuner/eksempelkommune/handleplan-2024/faelles-cafe-en-gang-om-ugen/"
                var shown = false
                for _ in 0..<50 where !shown {
                    try await Task.sleep(for: .milliseconds(100))
                    shown = try await preview.probe.get(page).text.contains("Eksempeltekst om mange frivillige.")
                }
                #expect(shown, "the save made as the address was printed never reached the page")
            } catch {
                await preview.stop()
                throw error
            }
            await preview.stop()
        }
    }
}
