import Foundation
import PortalCore
import PortalOutput
import PortalTestSupport
import Testing

@Suite("The output folder is only ever the whole old site or the whole new one")
struct SiteWriterTests {
    let marker = SiteWriter.markerName

    /// The files of a folder, without the writer's marker.
    func files(in folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path),
               let text = String(data: data, encoding: .utf8), path != marker {
                result[path] = text
            }
        }
        return result
    }

    @Test func writesTheFilesAndLeavesNothingStale() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            let writer = try SiteWriter(outputDirectory: output)
            try writer.write([OutputFile(path: "index.html", text: "gammel"), OutputFile(path: "a/b/index.html", text: "b")])
            try writer.write([OutputFile(path: "index.html", text: "ny"), OutputFile(path: "c/index.html", text: "c")])
            #expect(files(in: output) == ["index.html": "ny", "c/index.html": "c"])
            // The previous site stays as the one retired folder, for the next build to remove.
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "output" && $0 != ".output.lock" }
            #expect(leftovers.count == 1 && leftovers.allSatisfy { $0.hasPrefix(".output.old-") }, "\(leftovers)")
        }
    }

    @Test func aPathOutsideTheOutputIsRefusedAndTheOldSiteKept() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            let writer = try SiteWriter(outputDirectory: output)
            try writer.write([OutputFile(path: "index.html", text: "gammel")])
            for bad in ["../escape.html", "/etc/x", "a//b", "./a"] {
                #expect(throws: OutputError.unsafePath(bad)) {
                    try writer.write([OutputFile(path: "index.html", text: "ny"), OutputFile(path: bad, text: "x")])
                }
            }
            #expect(files(in: output) == ["index.html": "gammel"])
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("escape.html").path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".output.lock", "output"])
        }
    }

    @Test func theOutputIsMarkedAsTheWritersOwn() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            try SiteWriter(outputDirectory: output).write([OutputFile(path: "index.html", text: "ny")])
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(marker).path))
        }
    }

    @Test func aFolderThePortalDidNotMakeIsNeverReplaced() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("dokumenter")
            try writeContent(["vigtigt.docx": "egne filer"], to: output)
            #expect(throws: OutputError.unsafeOutput(output.path, "it is a folder the portal did not make")) {
                _ = try SiteWriter(outputDirectory: output)
            }
            #expect(files(in: output) == ["vigtigt.docx": "egne filer"])
        }
    }

    @Test func anEmptyExistingFolderMayBecomeTheOutput() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try SiteWriter(outputDirectory: output).write([OutputFile(path: "index.html", text: "ny")])
            #expect(files(in: output) == ["index.html": "ny"])
        }
    }

    @Test func theOutputMayNotBeHoldOrLieInsideTheContentNorHoldTheCurrentFolder() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let content = folder.appendingPathComponent("site/content")
            try writeContent(["a.md": "x"], to: content)
            #expect(throws: OutputError.self) { try SiteWriter(outputDirectory: folder.appendingPathComponent("site"), protecting: [content]) }
            #expect(throws: OutputError.self) { try SiteWriter(outputDirectory: content, protecting: [content]) }
            #expect(throws: OutputError.self) {
                try SiteWriter(outputDirectory: content.appendingPathComponent("output"), protecting: [content])
            }
            let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            #expect(throws: OutputError.self) { try SiteWriter(outputDirectory: current) }
            #expect(throws: OutputError.self) { try SiteWriter(outputDirectory: URL(fileURLWithPath: "/")) }
            #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent("a.md").path))
        }
    }

    @Test func aSymbolicLinkToTheContentIsSeenThrough() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let content = folder.appendingPathComponent("content")
            try writeContent(["a.md": "x"], to: content)
            let link = folder.appendingPathComponent("output")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: content)
            #expect(throws: OutputError.self) { try SiteWriter(outputDirectory: link, protecting: [content]) }
            #expect(files(in: content) == ["a.md": "x"])
        }
    }

    @Test func anOutputThatIsASymbolicLinkIsBuiltBehindAndTheLinkKept() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let webRoot = folder.appendingPathComponent("www/portal")
            try SiteWriter(outputDirectory: webRoot).write([OutputFile(path: "index.html", text: "gammel")])
            let link = folder.appendingPathComponent("output")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "www/portal")
            try SiteWriter(outputDirectory: link).write([OutputFile(path: "index.html", text: "ny")])
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "www/portal")
            #expect(files(in: webRoot) == ["index.html": "ny"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("www").path)
                .filter { !$0.hasPrefix(".portal.old-") }.sorted() == [".portal.lock", "portal"])
        }
    }

    @Test func aDanglingSymbolicLinkAsOutputIsRefused() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let link = folder.appendingPathComponent("output")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "findes-ikke")
            #expect(throws: OutputError.unsafeOutput(link.path, "it is a symbolic link to findes-ikke, which does not exist")) {
                _ = try SiteWriter(outputDirectory: link)
            }
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "findes-ikke")
        }
    }

    @Test func leftoversOfAKilledBuildAreCleanedUp() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(".output.staging-dead/x"), withIntermediateDirectories: true)
            let writer = try SiteWriter(outputDirectory: output)
            try writer.write([OutputFile(path: "index.html", text: "ny")])
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".output.lock", "output"])
        }
    }

    @Test func aSiteSwappedOutBeforeAKillIsPutBack() async throws {
        try await Repository.withTemporaryDirectory { folder in
            // A build killed between its two renames leaves only the retired old site.
            let retired = folder.appendingPathComponent(".output.old-dead")
            try writeContent(["index.html": "gammel"], to: retired)
            let writer = try SiteWriter(outputDirectory: folder.appendingPathComponent("output"))
            let lock = try writer.lock()
            try writer.removeLeftovers(holding: lock)
            #expect(files(in: folder.appendingPathComponent("output")) == ["index.html": "gammel"])
        }
    }

    @Test func theArchiveHoldsExactlyTheOutputAtItsTopLevel() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            try SiteWriter(outputDirectory: output).write([
                OutputFile(path: "index.html", text: "forside"), OutputFile(path: "temaer/sundhed/index.html", text: "tema"),
            ])
            let archive = folder.appendingPathComponent("site.zip")
            try SiteArchive().archive(output, to: archive)
            let unpacked = folder.appendingPathComponent("unpacked")
            try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: true)
            let unzip = Process()
            unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            unzip.arguments = ["python3", "-m", "zipfile", "-e", archive.path, unpacked.path]
            try unzip.run()
            unzip.waitUntilExit()
            #expect(unzip.terminationStatus == 0)
            #expect(files(in: unpacked).filter { !$0.key.hasSuffix("/") && $0.value != "" } ==
                ["index.html": "forside", "temaer/sundhed/index.html": "tema"])
        }
    }
}
