import Foundation
import PortalTestSupport
import Testing

@Suite("A flood of problems is printed capped, with a true count")
struct DiagnosticFloodTests {
    @Test func aThousandBrokenFilesPrintTwoHundredErrorsAndCountTheRest() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let site = try await BuildFolder.prepare(in: folder)
            let broken = site.content.appendingPathComponent("tags/brudte")
            try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
            for index in 0..<1_000 {
                try Data("---\nkind: tag\nid: brudt-\(index)\n---\n".utf8).write(to: broken.appendingPathComponent("brudt-\(index).md"))
            }
            let run = try await site.build()
            #expect(run.status == 1)
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.filter { $0.contains(": error: ") }.count == 200, "\(lines.count) lines")
            #expect(run.stderr.contains("800 more errors are not shown"), "\(lines.suffix(3))")
            #expect(run.stderr.contains("build failed: 1000 errors; output/ was left unchanged"), "\(lines.suffix(3))")
            #expect(lines.count < 210)
        }
    }
}
