import Foundation
import PortalTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("portal serve as a command: prints its address, stops cleanly on Ctrl-C")
struct ServeCommandTests {
    /// The `portal` binary built with the tests.
    static let binary: URL? = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent("portal")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = Repository.root.appendingPathComponent(".build/debug/portal")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }()

    @Test func ctrlCStopsThePreviewWithNothingLeftBehind() async throws {
        let binary = try #require(Self.binary, "build the portal binary first")
        try await Repository.withTemporaryDirectory { folder in
            try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("minimal"),
                                             to: folder.appendingPathComponent("content"))
            let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            let output = folder.appendingPathComponent("serve.log")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            let process = Process()
            process.executableURL = binary
            process.arguments = ["serve", "--content", "content", "--theme", Repository.theme.path, "--port", "0"]
            process.currentDirectoryURL = folder
            let log = try FileHandle(forWritingTo: output)
            process.standardOutput = log
            process.standardError = log
            try process.run()
            defer { if process.isRunning { process.terminate() } }

            let clock = ContinuousClock()
            let start = clock.now
            var text = ""
            while clock.now - start < .seconds(60), !text.contains("Preview at http://127.0.0.1:") {
                try await Task.sleep(for: .milliseconds(50))
                text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            }
            #expect(text.contains("Preview at http://127.0.0.1:"), "\(text)")
            kill(process.processIdentifier, SIGINT)
            let stopping = clock.now
            while process.isRunning, clock.now - stopping < .seconds(30) { try await Task.sleep(for: .milliseconds(50)) }
            #expect(!process.isRunning, "still running 30 s after Ctrl-C")
            process.waitUntilExit()
            #expect(process.terminationReason == .exit && process.terminationStatus == 0)
            #expect(((try? String(contentsOf: output, encoding: .utf8)) ?? "").contains("Stopped."))
            try? log.close()
            try FileManager.default.removeItem(at: output)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before, "the preview left files behind")
        }
    }
}
