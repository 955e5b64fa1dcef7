import Foundation
import PortalCore
import PortalOutput
import PortalTestSupport
import Testing

@Suite("Builds into one output folder take turns")
struct OutputLockTests {
    @Test func aSecondLockWaitsSaysSoAndGivesUpWithAClearError() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            let first = try OutputLock(for: output)
            var toldPid: Int32?? = .none
            #expect(throws: OutputError.busy(output.path, "1 seconds")) {
                _ = try OutputLock(for: output, timeout: .seconds(1)) { pid in toldPid = pid }
            }
            // The holder's process id is in the lock file, for the waiting build's message.
            #expect(toldPid == .some(getpid()))
            _ = consume first
            _ = try OutputLock(for: output, timeout: .seconds(1))
        }
    }

    @Test func aWaitingBuildGetsTheLockWhenTheFirstFinishes() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            let clock = ContinuousClock()
            let start = clock.now
            let release = Task.detached {
                let held = try OutputLock(for: output)
                try await Task.sleep(for: .milliseconds(300))
                _ = consume held
            }
            try await Task.sleep(for: .milliseconds(100))
            let second = Task.detached { () throws -> Duration in
                let lock = try OutputLock(for: output, timeout: .seconds(30))
                _ = consume lock
                return clock.now - start
            }
            try await release.value
            let waited = try await second.value
            #expect(waited >= .milliseconds(250), "the second lock did not wait for the first: \(waited)")
        }
    }

    @Test func theLockFileIsNeverFollowedThroughASymbolicLink() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let victim = folder.appendingPathComponent("vigtig.txt")
            try Data("egne data".utf8).write(to: victim)
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(".output.lock").path, withDestinationPath: "vigtig.txt")
            #expect(throws: OutputError.self) { _ = try OutputLock(for: folder.appendingPathComponent("output")) }
            #expect(try String(contentsOf: victim, encoding: .utf8) == "egne data")
        }
    }
}
