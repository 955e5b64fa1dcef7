import Foundation
import PortalContent
import PortalCore
import Testing

/// Only `name.md` is read; a file that looks meant as content but is named otherwise
/// would vanish from the site without a word, so it gets a warning with the rename.
@Suite("A file that looks meant as content but is not read is named in a warning, with the rename that makes it count")
struct IgnoredFilesTests {
    /// Reads a folder holding `names` (each a small valid file) and returns the warnings as text.
    func warnings(for names: [String], besides existing: [String] = []) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ignored-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tags"), withIntermediateDirectories: true)
        for name in names + existing {
            try Data("---\nkind: tag\nid: x\ntitle: X\n---\n".utf8).write(to: folder.appendingPathComponent("tags/" + name))
        }
        let folderRead = ContentReader().readFolder(in: folder, displayPrefix: "content")
        #expect(folderRead.diagnostics.allSatisfy { $0.severity == .warning })
        return folderRead.diagnostics.map(\.description)
    }

    @Test("Misnamed content files are warned about", arguments: [
        ("Motion.MD", "content/tags/Motion.MD:1:1: warning: file is not read: content files end in '.md', in lower case (hint: rename it to Motion.md)"),
        ("motion.Md", "content/tags/motion.Md:1:1: warning: file is not read: content files end in '.md', in lower case (hint: rename it to motion.md)"),
        ("motion.markdown", "content/tags/motion.markdown:1:1: warning: file is not read: content files end in '.md' (hint: rename it to motion.md)"),
        ("motion.mdown", "content/tags/motion.mdown:1:1: warning: file is not read: content files end in '.md' (hint: rename it to motion.md)"),
        ("motion.md.txt", "content/tags/motion.md.txt:1:1: warning: file is not read: content files end in '.md', and this name ends in '.txt' (Notepad adds it unless 'All files' is chosen) (hint: rename it to motion.md)"),
        (".motion.md", "content/tags/.motion.md:1:1: warning: file is not read: its name starts with '.', which makes it a hidden file (hint: rename it to motion.md)"),
        (".motion.MD", "content/tags/.motion.MD:1:1: warning: file is not read: its name starts with '.', which makes it a hidden file (hint: rename it to motion.md)"),
        ("kost og motion.markdown", "content/tags/kost og motion.markdown:1:1: warning: file is not read: content files end in '.md' (hint: rename it to kost og motion.md)"),
    ])
    func misnamed(name: String, warning: String) throws {
        #expect(try warnings(for: [name]) == [warning])
    }

    @Test func aRenameThatWouldClashSaysSo() throws {
        #expect(try warnings(for: [".motion.md"], besides: ["motion.md"]) == [
            "content/tags/.motion.md:1:1: warning: file is not read: its name starts with '.', which makes it a hidden file (hint: motion.md is beside it; if this is an old copy, delete it, or else rename one of them)",
        ])
    }

    @Test("Editors' lock, swap and backup files, system files and other files stay silent", arguments: [
        ".#motion.md", "motion.md~", "#motion.md#", ".motion.md.swp", ".motion.md.swo", "motion.md.bak", "motion.md.orig",
        ".~lock.motion.md#", "~$motion.md", "._motion.md", ".DS_Store", "Thumbs.db", "desktop.ini",
        "billede.png", "noter.txt", "README.txt", "data.yaml", "site.yaml", ".gitignore", ".md", "md", "motion",
    ])
    func silent(name: String) throws {
        #expect(try warnings(for: [name]).isEmpty)
    }

    @Test func contentFilesAreReadAndTheirNeighboursAreNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ignored-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for name in ["motion.md", "~$motion.md", "motion.MD", ".git/intern.md"] {
            try Data("---\nkind: tag\nid: x\ntitle: X\n---\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        // Emacs' lock file is a symbolic link to nowhere; it is not a broken link to report.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(".#motion.md").path, withDestinationPath: "bruger@maskine.123")
        let read = ContentReader().readFolder(in: folder, displayPrefix: "content")
        #expect(read.files.map(\.path) == ["content/motion.md"])
        #expect(read.diagnostics.map(\.message) == ["file is not read: content files end in '.md', in lower case"])
    }
}
