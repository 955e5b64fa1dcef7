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
            // Both locks wait on threads of their own: a lock's wait blocks its thread, and
            // on a loaded two-core machine blocking the tasks' shared threads would keep the
            // first holder from ever waking up to let go.
            let holding = DispatchSemaphore(value: 0)
            let first = Self.onThread { () throws -> ContinuousClock.Instant in
                let held = try OutputLock(for: output)
                let taken = ContinuousClock.now
                holding.signal()
                usleep(300_000)
                _ = consume held
                return taken
            }
            let taken = try await Self.onThread { () throws -> Bool in holding.wait(timeout: .now() + 60) == .success }.value
            try #require(taken, "the first lock was never taken")
            let second = try await Self.onThread { () throws -> ContinuousClock.Instant in
                let lock = try OutputLock(for: output, timeout: .seconds(120))
                _ = consume lock
                return ContinuousClock.now
            }.value
            let firstTaken = try await first.value
            #expect(second - firstTaken >= .milliseconds(250), "the second lock did not wait for the first: \(second - firstTaken)")
        }
    }

    /// Runs `body` on a new thread; the task gives its result.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) -> Task<T, Error> {
        Task {
            try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread { continuation.resume(with: Result(catching: body)) }
            }
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
