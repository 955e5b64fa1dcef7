import Foundation
import PortalTestSupport
import Testing

// Messages must be true end to end: through the real `portal` binary, a file in another
// encoding is named as such. These cases hold bytes git cannot store well, so they are
// written at run time, like `MalformedCase.madeAtRunTime`.

@Suite("The real build names the real cause of a problem")
struct HonestDiagnosticsTests {
    static let tag = "---\nkind: tag\nid: eksempel\ntitle: Eksempel\n---\nEksempeltekst.\n"

    static let encodingCases: [MalformedCase] = [
        MalformedCase(name: "utf-16-with-byte-order-mark (made at run time)", prepare: { content in
            let bytes: [UInt8] = [0xFF, 0xFE] + Array(tag.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            try Data(bytes).write(to: content.appendingPathComponent("tags/eksempel.md"))
        }, expectation: CaseExpectation(parsing: "tags/eksempel.md:1:1: error: file is UTF-16 (little-endian); content files are UTF-8 (hint: save the file as UTF-8")),

        MalformedCase(name: "utf-16-without-byte-order-mark (made at run time)", prepare: { content in
            let bytes = Array(tag.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            try Data(bytes).write(to: content.appendingPathComponent("tags/eksempel.md"))
        }, expectation: CaseExpectation(parsing: "tags/eksempel.md:1:1: error: file is UTF-16 (big-endian); content files are UTF-8")),

        MalformedCase(name: "overlong-utf-8 (made at run time)", prepare: { content in
            // C0 AF is an overlong '/': damaged UTF-8, not Latin-1.
            let bytes = Array("---\nkind: tag\nid: eksempel\ntitle: Eksempel ".utf8) + [0xC0, 0xAF] + Array("\n---\n".utf8)
            try Data(bytes).write(to: content.appendingPathComponent("tags/eksempel.md"))
        }, expectation: CaseExpectation(parsing: "tags/eksempel.md:4:17: error: file is not valid UTF-8 (byte 0xC0) (hint: save the file as UTF-8 text; the bytes here are no character in UTF-8")),
    ]

    @Test("A file in another encoding fails with a message that names it, and output/ stays as it was",
          arguments: encodingCases)
    func encodingsAreNamed(_ testCase: MalformedCase) async throws {
        try await MalformedContentTests.buildWithOverlay(testCase) { site, before, run in
            #expect(run.exitedNormally && run.status == 1, "exit status \(run.status)\n\(run.stderr)")
            MalformedContentTests().expectWellFormedErrorLines(run)
            for expected in testCase.expectation.diagnostics {
                #expect(run.errorLines.contains { expected.matches($0) }, "missing diagnostic: \(expected)\nstderr was:\n\(run.stderr)")
            }
            #expect(!run.stderr.contains("NUL byte") && !run.stderr.contains("Latin-1"), "\(run.stderr)")
            let after = try FolderSnapshot(site.output)
            #expect(after == before, "output/ changed")
        }
    }

    @Test("Files that fail give their own errors and nothing that only follows from them")
    func failedFilesGiveNoFollowOnDiagnostics() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let site = try await BuildFolder.prepare(in: folder)
            // The tag `motion` is used by two items; the section is the only source of
            // eksempel-indsats-02's theme.
            try Data("---\nkind: tag\nid: \"motion\" # the tag\ntitle: [Motion\n---\n".utf8)
                .write(to: site.content.appendingPathComponent("tags/motion.md"))
            try Data("---\nkind: section\nid: eksempel-maal-2\ndocument: eksempel-handleplan-2024\ntitle: Borgerne har det godt\nthemes: [sundhed\n---\n".utf8)
                .write(to: site.content.appendingPathComponent("kommuner/eksempel/handleplan-2024/sektioner/eksempel-maal-2.md"))
            let run = try await site.build()
            #expect(run.exitedNormally && run.status == 1, "\(run.stderr)")
            let problems = run.stderr.split(separator: "\n").filter { $0.contains(" error: ") || $0.contains(" warning: ") }
            #expect(problems.count == 2, "\(run.stderr)")
            #expect(problems.allSatisfy { $0.hasPrefix("content/tags/motion.md:4:8: error: ") || $0.hasPrefix("content/kommuner/eksempel/handleplan-2024/sektioner/eksempel-maal-2.md:") },
                    "\(run.stderr)")
        }
    }

    @Test("A file that looks meant as content but is not read is named in a warning; the build still succeeds")
    func misnamedFilesAreWarnedAbout() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let site = try await BuildFolder.prepare(in: folder)
            let tag = Data("---\nkind: tag\nid: kost\ntitle: Kost\n---\n".utf8)
            try tag.write(to: site.content.appendingPathComponent("tags/kost.md.txt"))
            try tag.write(to: site.content.appendingPathComponent("tags/kost.md~"))
            let run = try await site.build()
            #expect(run.exitedNormally && run.status == 0, "\(run.stderr)")
            let problems = run.stderr.split(separator: "\n").filter { $0.contains(" error: ") || $0.contains(" warning: ") }
            #expect(problems == ["content/tags/kost.md.txt:1:1: warning: file is not read: content files end in '.md', and this name ends in '.txt' (Notepad adds it unless 'All files' is chosen) (hint: rename it to kost.md)"],
                    "\(run.stderr)")
        }
    }
}
