import Foundation
import PortalTestSupport
import Testing

@Suite("portal check reports every problem and writes nothing")
struct CheckCommandTests {
    func check(_ extra: [String], prepare: (URL) throws -> Void = { _ in }) async throws -> (PortalRun, [String]) {
        try await Repository.withTemporaryDirectory { folder in
            let content = folder.appendingPathComponent("content")
            try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("minimal"), to: content)
            try prepare(content)
            let run = try await PortalBinary.start(["check", "--content", "content", "--theme", Repository.theme.path] + extra,
                                                   in: folder).finish()
            return (run, try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted())
        }
    }

    @Test func goodContentPassesAndNothingIsWritten() async throws {
        let (run, files) = try await check([])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("check passed: 0 errors, 0 warnings"))
        #expect(files == ["content"], "check wrote \(files)")
    }

    @Test func anErrorFailsWithItsPlace() async throws {
        let (run, files) = try await check([]) { content in
            try Data("---\nkind: tag\nid: ny\n---\n".utf8).write(to: content.appendingPathComponent("tags/ny.md"))
        }
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/tags/ny.md:2:1: error: missing required field 'title'"), "\(run.stderr)")
        #expect(run.stderr.contains("check failed: 1 error"), "\(run.stderr)")
        #expect(files == ["content"])
    }

    @Test func aWarningFailsOnlyWithStrict() async throws {
        let unusedTag: (URL) throws -> Void = { content in
            try Data("---\nkind: tag\nid: ubrugt\ntitle: Ubrugt\n---\n".utf8).write(to: content.appendingPathComponent("tags/ubrugt.md"))
        }
        let (lenient, _) = try await check([], prepare: unusedTag)
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("warning: tag 'ubrugt' is not used"), "\(lenient.stderr)")
        let (strict, _) = try await check(["--strict"], prepare: unusedTag)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("check failed: 0 errors, 1 warning (--strict)"), "\(strict.stderr)")
    }
}
