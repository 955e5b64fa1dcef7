import Foundation
import PortalCore
import PortalOutput
import PortalTestSupport
import Testing

/// One rule for every path the portal writes: whatever a user types, nothing the portal
/// did not make is replaced, and no folder the build reads is written into.
@Suite("Every path the portal writes is checked against what it must never replace")
struct PathGuardTests {
    /// A project folder as an editor has it: content, theme, a built output, other files.
    struct Project {
        let root: URL
        var content: URL { root.appendingPathComponent("content") }
        var theme: URL { root.appendingPathComponent("theme") }
        var output: URL { root.appendingPathComponent("output") }
        var guardian: PathGuard { PathGuard(sources: [content, theme], currentDirectory: root) }

        init(_ root: URL) throws {
            self.root = root
            try writeContent(["site.yaml": "title: x\n", "temaer/a.md": "---\n"], to: content)
            try writeContent(["templates/base.mustache": "x"], to: theme)
            try SiteWriter(outputDirectory: output).write([OutputFile(path: "index.html", text: "site")])
            try writeContent(["noter.txt": "egne noter"], to: root)
        }
    }

    @Test("The archive may not be a folder, hold one the build reads, or lie inside content, theme or output",
          arguments: ["content", "theme", "output", ".", "..", "content/site.yaml", "content/ny.zip", "theme/x.zip",
                      "output/site.zip", "output/index.html"])
    func archivePathsThatWouldHarmAreRefused(_ path: String) async throws {
        try await Repository.withTemporaryDirectory { folder in
            let project = try Project(folder)
            let archive = project.root.appendingPathComponent(path).standardizedFileURL
            #expect(throws: OutputError.self) { try project.guardian.archiveFile(archive, output: project.output) }
        }
    }

    @Test func anArchiveReplacesOnlyAZipABuildWrote() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let project = try Project(folder)
            let notes = project.root.appendingPathComponent("noter.txt")
            #expect(throws: OutputError.unsafeArchive(notes.path, "it is a file the portal did not write (not a zip of a built site)")) {
                try project.guardian.archiveFile(notes, output: project.output)
            }
            let zip = project.root.appendingPathComponent("site.zip")
            #expect(try project.guardian.archiveFile(zip, output: project.output) == zip)
            try SiteArchive().archive(project.output, to: zip)
            #expect(SiteArchive.isPortalArchive(zip))
            #expect(try project.guardian.archiveFile(zip, output: project.output) == zip)
            try SiteArchive().archive(project.output, to: zip)
            #expect(try String(contentsOf: notes, encoding: .utf8) == "egne noter")
        }
    }

    @Test func anArchivePathThatIsASymbolicLinkOrInAMissingFolderIsRefused() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let project = try Project(folder)
            let link = project.root.appendingPathComponent("site.zip")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "noter.txt")
            #expect(throws: OutputError.unsafeArchive(link.path, "it is a symbolic link; name the file itself")) {
                try project.guardian.archiveFile(link, output: project.output)
            }
            let missing = project.root.appendingPathComponent("findes-ikke/site.zip")
            #expect(throws: OutputError.self) { try project.guardian.archiveFile(missing, output: project.output) }
        }
    }

    @Test func anOutputInsideTheContentOrThroughALinkIntoItIsRefused() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let project = try Project(folder)
            #expect(throws: OutputError.self) { try project.guardian.outputFolder(project.content.appendingPathComponent("ud")) }
            let link = project.root.appendingPathComponent("genvej")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "theme")
            #expect(throws: OutputError.self) { try project.guardian.outputFolder(link) }
            #expect(try project.guardian.outputFolder(project.output) == project.output)
        }
    }
}
