import Foundation
import PortalOutput
import PortalTestSupport
import Testing

/// `portal new` and `portal schema` write below one folder and never destroy a file:
/// a new file never replaces anything, a replaced file is always one the portal wrote,
/// and no folder on the way may lead out of the root.
@Suite("Files are written only inside their folder, and never over what the portal did not make")
struct ContainedWriterTests {
    func listing(_ folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func aNewFileIsWrittenWithTheFoldersOnTheWayAndNothingElse() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let content = folder.appendingPathComponent("content")
            try writeContent(["tags/motion.md": "x"], to: content)
            let writer = try ContainedWriter(root: content, display: "content")
            let shown = try writer.create(["kommuner", "eksempel", "kommune.md"], contents: Data("ny\n".utf8))
            #expect(shown == "content/kommuner/eksempel/kommune.md")
            #expect(try String(contentsOf: content.appendingPathComponent("kommuner/eksempel/kommune.md"), encoding: .utf8) == "ny\n")
            #expect(listing(content) == ["kommuner", "kommuner/eksempel", "kommuner/eksempel/kommune.md", "tags", "tags/motion.md"],
                    "no temporary file is left")
        }
    }

    @Test func anExistingFileIsNeverReplaced() async throws {
        try await Repository.withTemporaryDirectory { folder in
            try writeContent(["tags/motion.md": "egen tekst"], to: folder)
            let writer = try ContainedWriter(root: folder, display: "content")
            #expect(throws: WriteRefusal.exists("content/tags/motion.md")) {
                try writer.create(["tags", "motion.md"], contents: Data("ny".utf8))
            }
            #expect(try String(contentsOf: folder.appendingPathComponent("tags/motion.md"), encoding: .utf8) == "egen tekst")
            #expect(listing(folder) == ["tags", "tags/motion.md"])
        }
    }

    @Test func aDanglingLinkAtTheNameIsNotWrittenThrough() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let content = folder.appendingPathComponent("content")
            try FileManager.default.createDirectory(at: content.appendingPathComponent("tags"), withIntermediateDirectories: true)
            let target = folder.appendingPathComponent("udenfor.md")
            try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("tags/ny.md").path, withDestinationPath: target.path)
            let writer = try ContainedWriter(root: content, display: "content")
            #expect(throws: WriteRefusal.exists("content/tags/ny.md")) { try writer.create(["tags", "ny.md"], contents: Data("ny".utf8)) }
            #expect(!FileManager.default.fileExists(atPath: target.path))
        }
    }

    @Test func aLinkedFolderThatLeadsOutsideIsRefusedAndNothingIsWrittenThere() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let content = folder.appendingPathComponent("content")
            let elsewhere = folder.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("tags").path, withDestinationPath: elsewhere.path)
            let writer = try ContainedWriter(root: content, display: "content")
            #expect(throws: WriteRefusal.outside("content/tags", "it is a symbolic link to \(elsewhere.resolvingSymlinksInPath().path), outside content")) {
                try writer.create(["tags", "ny", "ny.md"], contents: Data("ny".utf8))
            }
            #expect(listing(elsewhere).isEmpty)
        }
    }

    @Test func aLinkedFolderInsideTheRootIsFollowed() async throws {
        try await Repository.withTemporaryDirectory { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("rigtige-tags"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("tags").path, withDestinationPath: "rigtige-tags")
            let writer = try ContainedWriter(root: folder, display: "content")
            try writer.create(["tags", "ny.md"], contents: Data("ny".utf8))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("rigtige-tags/ny.md").path))
        }
    }

    @Test(arguments: [["..", "x.md"], ["tags", "..", "..", "x.md"], ["a/b", "x.md"], [""], [], ["tags", "."]])
    func namesThatAreNoPlainNamesAreRefused(components: [String]) async throws {
        try await Repository.withTemporaryDirectory { folder in
            let root = folder.appendingPathComponent("content")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let writer = try ContainedWriter(root: root, display: "content")
            #expect(throws: WriteRefusal.self) { try writer.create(components, contents: Data("ny".utf8)) }
            #expect(listing(folder) == ["content"])
        }
    }

    @Test func aFileInTheWayOfAFolderIsRefusedAndTheFoldersMadeAreRemoved() async throws {
        try await Repository.withTemporaryDirectory { folder in
            try writeContent(["kommuner/eksempel": "en fil, ikke en mappe"], to: folder)
            let writer = try ContainedWriter(root: folder, display: "content")
            #expect(throws: WriteRefusal.notAFolder("content/kommuner/eksempel")) {
                try writer.create(["kommuner", "eksempel", "plan", "dokument.md"], contents: Data("ny".utf8))
            }
            #expect(listing(folder) == ["kommuner", "kommuner/eksempel"])
            // A name too long for the file system fails only after the folders were made.
            let tooLong = String(repeating: "a", count: 250) + ".md"
            #expect(throws: WriteRefusal.self) { try writer.create(["ny", "mappe", tooLong], contents: Data("ny".utf8)) }
            #expect(listing(folder) == ["kommuner", "kommuner/eksempel"], "the folders made on the way are removed again")
        }
    }

    @Test func aFileIsReplacedOnlyWhenThePortalWroteIt() async throws {
        try await Repository.withTemporaryDirectory { folder in
            try writeContent(["own.json": "generated v1", "other.json": "someone's file"], to: folder)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("a-folder.json"), withIntermediateDirectories: true)
            let writer = try ContainedWriter(root: folder, display: "schemas")
            let isOwn: (Data) -> Bool = { String(decoding: $0, as: UTF8.self).hasPrefix("generated") }
            #expect(try writer.replace("own.json", contents: Data("generated v2".utf8), isOwn: isOwn) == false)
            #expect(try writer.replace("new.json", contents: Data("generated v1".utf8), isOwn: isOwn) == true)
            #expect(throws: WriteRefusal.notOwn("schemas/other.json", "the portal did not write it")) {
                try writer.replace("other.json", contents: Data("generated v2".utf8), isOwn: isOwn)
            }
            #expect(throws: WriteRefusal.notOwn("schemas/a-folder.json", "it is not a regular file")) {
                try writer.replace("a-folder.json", contents: Data("generated v2".utf8), isOwn: isOwn)
            }
            #expect(try String(contentsOf: folder.appendingPathComponent("own.json"), encoding: .utf8) == "generated v2")
            #expect(try String(contentsOf: folder.appendingPathComponent("other.json"), encoding: .utf8) == "someone's file")
            #expect(listing(folder) == ["a-folder.json", "new.json", "other.json", "own.json"])
        }
    }
}
