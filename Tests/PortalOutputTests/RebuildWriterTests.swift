import Foundation
import PortalCore
@testable import PortalOutput
import PortalTestSupport
import Testing

/// The identity of a file as rsync and web caches see it.
private struct Identity: Equatable {
    var inode: UInt64
    var seconds: Int
    var nanoseconds: Int

    init(_ path: URL) throws {
        var status = stat()
        guard lstat(path.path, &status) == 0 else { throw CocoaError(.fileNoSuchFile) }
        inode = UInt64(status.st_ino)
        seconds = status.st_mtim.tv_sec
        nanoseconds = status.st_mtim.tv_nsec
    }
}

@Suite("A rebuild writes only the files whose bytes changed and leaves the old site for the next build to remove")
struct RebuildWriterTests {
    let site = [
        OutputFile(path: "index.html", text: "forside"),
        OutputFile(path: "temaer/sundhed/index.html", text: "sundhed"),
        OutputFile(path: "temaer/trivsel/index.html", text: "trivsel"),
    ]

    @Test func unchangedFilesKeepTheirInodeAndModificationTimeChangedOnesGetNewBytesRemovedOnesAreGone() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            let writer = try SiteWriter(outputDirectory: output)
            let first = try writer.write(site)
            #expect(first == CommitReport(written: 3, unchanged: 0, removed: 0))
            let kept = try Identity(output.appendingPathComponent("temaer/sundhed/index.html"))
            let changed = try Identity(output.appendingPathComponent("index.html"))

            let second = try writer.write([
                OutputFile(path: "index.html", text: "ny forside"),
                OutputFile(path: "temaer/sundhed/index.html", text: "sundhed"),
                OutputFile(path: "temaer/ny/index.html", text: "ny"),
            ])
            #expect(second == CommitReport(written: 2, unchanged: 1, removed: 1))
            #expect(try Identity(output.appendingPathComponent("temaer/sundhed/index.html")) == kept)
            #expect(try Identity(output.appendingPathComponent("index.html")) != changed)
            #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "ny forside")
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("temaer/trivsel/index.html").path))
        }
    }

    @Test func aFileOfTheSameSizeWithOtherBytesIsWritten() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            let writer = try SiteWriter(outputDirectory: output)
            try writer.write([OutputFile(path: "index.html", text: "abc")])
            let report = try writer.write([OutputFile(path: "index.html", text: "abd")])
            #expect(report == CommitReport(written: 1, unchanged: 0, removed: 0))
            #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "abd")
        }
    }

    @Test func aPathStagedTwiceNeverWritesThroughALinkIntoTheLiveOutput() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            let writer = try SiteWriter(outputDirectory: output)
            try writer.write([OutputFile(path: "index.html", text: "gammel")])
            let lock = try writer.lock()
            let staged = try writer.begin(holding: lock)
            try staged.write(OutputFile(path: "index.html", text: "gammel"))  // linked to output/index.html
            try staged.write(OutputFile(path: "index.html", text: "ny"))
            #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "gammel")
            staged.abort()
            #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "gammel")
        }
    }

    @Test func eachBuildLeavesAtMostTheOneRetiredSiteAndRemovesThePreviousOne() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            let writer = try SiteWriter(outputDirectory: output)
            func retired() throws -> [String] {
                try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".output.old-") }
            }
            try writer.write(site)
            #expect(try retired().isEmpty)
            try writer.write([OutputFile(path: "index.html", text: "to")])
            let afterSecond = try retired()
            #expect(afterSecond.count == 1)
            try writer.write([OutputFile(path: "index.html", text: "tre")])
            let afterThird = try retired()
            #expect(afterThird.count == 1 && afterThird != afterSecond, "the second build's retired site was not removed")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(!names.contains { $0.contains(".staging-") || $0.contains(".removing-") }, "\(names)")
        }
    }

    @Test func aRemovalCutShortIsNeverPutBackAsTheOutput() async throws {
        try await Repository.withTemporaryDirectory { folder in
            // A build killed while removing a retired site leaves it under the removing name.
            try writeContent(["index.html": "halvt fjernet"], to: folder.appendingPathComponent(".output.removing-dead"))
            let writer = try SiteWriter(outputDirectory: folder.appendingPathComponent("output"))
            let lock = try writer.lock()
            try writer.removeLeftovers(holding: lock)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [".output.lock"])
        }
    }

    @Test func theOutputIsKnownUnchangedOnlyForTheSameInputsAndUntouchedFiles() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            let writer = try SiteWriter(outputDirectory: output)
            let warning = Diagnostic.warning(at: SourceLocation(path: "content/a.md", line: 2, column: 3), "a\tb\nc", hint: "ret \\ det")
            func build() throws {
                let lock = try writer.lock()
                let staged = try writer.begin(holding: lock)
                for file in site { try staged.write(file) }
                try staged.commit(inputs: "fingeraftryk", counts: ["item": 2], warnings: [warning])
            }
            try build()
            let marker = try #require(writer.unchangedSite(madeFrom: "fingeraftryk"))
            #expect(marker.warnings == [warning])
            #expect(marker.counts == ["item": 2])
            #expect(Set(marker.files.keys) == Set(site.map(\.path)))
            #expect(writer.unchangedSite(madeFrom: "andet") == nil)
            #expect(writer.unchangedSite(madeFrom: "") == nil)

            // Edited in place (same size), removed, or added: the folder is no longer as it was built.
            let page = output.appendingPathComponent("index.html")
            try Data("FORSIDE".utf8).write(to: page)
            #expect(writer.unchangedSite(madeFrom: "fingeraftryk") == nil)
            try build()
            #expect(writer.unchangedSite(madeFrom: "fingeraftryk") != nil)
            try FileManager.default.removeItem(at: page)
            #expect(writer.unchangedSite(madeFrom: "fingeraftryk") == nil)
            try build()
            try Data("x".utf8).write(to: output.appendingPathComponent("ekstra.html"))
            #expect(writer.unchangedSite(madeFrom: "fingeraftryk") == nil)
        }
    }

    @Test func aMarkerOfAnotherFormatIsNoRecord() {
        let marker = OutputMarker(inputs: "x", counts: ["a b": 1], files: ["a b/c.html": FileStamp(size: 3, seconds: 4, nanoseconds: 5)])
        #expect(OutputMarker(text: marker.text) == marker)
        #expect(OutputMarker(text: "Made by portal build; replaced as a whole by the next build.\n") == nil)
        #expect(OutputMarker(text: marker.text.replacingOccurrences(of: "format 1", with: "format 2")) == nil)
    }
}
