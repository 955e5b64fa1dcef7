import Foundation
import PortalContent
import Testing

@Suite("Reading content files turns every unreadable file into a diagnostic")
struct ContentReaderTests {
    func decode(_ bytes: [UInt8]) -> Result<SourceFile, PortalCore.Diagnostic> {
        ContentReader.decode(Data(bytes), display: "content/a.md")
    }

    @Test func aByteOrderMarkAndCRLFLineEndsSimplyWork() throws {
        let file = try decode([0xEF, 0xBB, 0xBF] + Array("---\r\nkind: tag\r\n---\r\nTekst\r\n".utf8)).get()
        #expect(file.text == "---\nkind: tag\n---\nTekst\n")
    }

    @Test func emptyAndBlankFilesAreErrors() {
        for bytes in [[], Array("  \n\n\t".utf8)] as [[UInt8]] {
            guard case .failure(let diagnostic) = decode(bytes) else {
                Issue.record("expected an error")
                continue
            }
            #expect(diagnostic.message == "file is empty")
        }
    }

    @Test func aNULByteIsReportedWhereItStands() throws {
        guard case .failure(let diagnostic) = decode(Array("---\nkind: t\u{0}ag\n".utf8)) else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.location.column == 8)
        #expect(diagnostic.message.contains("NUL"))
    }

    @Test func latin1BytesAreReportedWithLineAndColumn() throws {
        // "Hillerød" saved as Latin-1: ø is the single byte 0xF8.
        guard case .failure(let diagnostic) = decode(Array("---\ntitle: Hiller".utf8) + [0xF8] + Array("d\n".utf8)) else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.location == PortalCore.SourceLocation(path: "content/a.md", line: 2, column: 14))
        #expect(diagnostic.message.contains("not valid UTF-8"))
        #expect(diagnostic.hint?.contains("Latin-1") == true)
    }

    @Test func readsEveryMarkdownFileBelowAFolderInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        try "x".write(to: folder.appendingPathComponent("b/c/z.md"), atomically: true, encoding: .utf8)
        try "x".write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "ignored".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "hidden".write(to: folder.appendingPathComponent(".git/x.md"), atomically: true, encoding: .utf8)
        let (files, diagnostics) = ContentReader().readFiles(in: folder, displayPrefix: "content")
        #expect(files.map(\.path) == ["content/a.md", "content/b/c/z.md"])
        #expect(diagnostics.isEmpty)
    }

    @Test func aSymlinkLoopIsReportedNotFollowedForever() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loop-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("a/loop").path, withDestinationPath: "..")
        let (_, diagnostics) = ContentReader().readFiles(in: folder, displayPrefix: "content")
        #expect(diagnostics.contains { $0.message.contains("link loop") && $0.location.path == "content/a/loop" })
    }
}

import PortalCore
