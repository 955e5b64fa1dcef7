import Foundation
@testable import PortalServe
import PortalBuild
import PortalTestSupport
import Testing

@Suite("The file watcher reports saves in bursts, by inotify and by polling")
struct FileWatcherTests {
    @Test("A save, a new folder's file and a removal are reported", arguments: [FileWatcher.Method.automatic, .polling])
    func changesAreReported(_ method: FileWatcher.Method) async throws {
        try await Repository.withTemporaryDirectory { folder in
            try writeContent(["temaer/a.md": "en"], to: folder)
            let watcher = FileWatcher([folder], method: method)
            watcher.start()
            defer { watcher.stop() }
            var bursts = watcher.bursts().makeAsyncIterator()
            try await Task.sleep(for: .milliseconds(400))  // the first poll's snapshot

            try Data("to".utf8).write(to: folder.appendingPathComponent("temaer/a.md"))
            let saved = await bursts.next() ?? []
            #expect(saved.contains { $0.url.lastPathComponent == "a.md" && $0.kind != .removed }, "\(saved)")

            // A folder that appears is watched too (inotify adds a watch for it).
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("ny"), withIntermediateDirectories: true)
            try await Task.sleep(for: .milliseconds(400))
            try Data("tre".utf8).write(to: folder.appendingPathComponent("ny/b.md"))
            var seen: [FileChange] = []
            while !seen.contains(where: { $0.url.lastPathComponent == "b.md" }), let burst = await bursts.next() { seen += burst }
            #expect(seen.contains { $0.url.lastPathComponent == "b.md" }, "\(seen)")

            try FileManager.default.removeItem(at: folder.appendingPathComponent("temaer/a.md"))
            var removed: [FileChange] = []
            while !removed.contains(where: { $0.kind == .removed }), let burst = await bursts.next() { removed += burst }
            #expect(removed.contains { $0.url.lastPathComponent == "a.md" && $0.kind == .removed }, "\(removed)")
        }
    }
}
