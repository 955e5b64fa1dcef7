import Foundation
import PortalBuild
import PortalOutput
import PortalTestSupport
import Testing

/// Every file below a folder with its inode and modification time: what rsync -a and
/// web caches go by.
struct FileIdentities: Equatable {
    struct Identity: Equatable {
        var inode: UInt64
        var seconds: Int
        var nanoseconds: Int
    }

    var files: [String: Identity] = [:]

    init(_ root: URL) {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            var status = stat()
            guard lstat(root.appendingPathComponent(relative).path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            files[relative] = Identity(inode: UInt64(status.st_ino), seconds: status.st_mtim.tv_sec, nanoseconds: status.st_mtim.tv_nsec)
        }
    }

    /// The paths whose file is new or another one than in `other`.
    func changed(since other: FileIdentities) -> Set<String> {
        Set(files.filter { other.files[$0.key] != $0.value }.keys)
    }

    /// The folder's own modification time and names: creating or removing anything in it
    /// (a staging folder, a lock file) changes them.
    static func listing(of folder: URL) throws -> (names: [String], seconds: Int, nanoseconds: Int) {
        var status = stat()
        guard stat(folder.path, &status) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return (try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), status.st_mtim.tv_sec, status.st_mtim.tv_nsec)
    }
}

@Suite("A rebuild with nothing changed writes nothing; a change rewrites only the files it changes")
struct RebuildTests {
    /// A file the content reader warns about (it is not read), so that the build has a warning.
    static let misnamed = "tags/notat.markdown"

    static func options(_ sources: SiteSources, in folder: URL, baseURL: String? = nil, archive: URL? = nil) -> BuildOptions {
        BuildOptions(contentDirectory: sources.contentDirectory, themeDirectory: sources.themeDirectory,
                     outputDirectory: folder.appendingPathComponent("output"), baseURL: baseURL, archive: archive,
                     contentDisplay: "content", themeDisplay: "theme")
    }

    /// Copies the minimal site and its theme into `folder`, with a warning, and builds it once.
    static func prepare(in folder: URL) async throws -> (SiteSources, BuildReport) {
        let sources = try IncrementalSiteTests.copySources(into: folder)
        try writeContent([misnamed: "Et notat."], to: sources.contentDirectory)
        guard case .built(let report) = try await SiteBuilder().buildIfChanged(options(sources, in: folder)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return (sources, report)
    }

    @Test func aRebuildWithNothingChangedWritesNothingAndReportsTheWarningsAgain() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let (sources, first) = try await Self.prepare(in: folder)
            #expect(first.warnings.contains { $0.location.path == "content/\(Self.misnamed)" }, "\(first.warnings)")
            let output = folder.appendingPathComponent("output")
            let before = FileIdentities(output)
            let listing = try FileIdentities.listing(of: folder)
            let outputListing = try FileIdentities.listing(of: output)

            let result = try await SiteBuilder().buildIfChanged(Self.options(sources, in: folder))
            guard case .upToDate(let report) = result else {
                Issue.record("the output was built again: \(result)")
                return
            }
            #expect(report.warnings == first.warnings)
            #expect(report.pagesByKind == first.pagesByKind)
            #expect(report.files == first.filesWritten)
            #expect(FileIdentities(output) == before)
            // No staging folder made and removed, no lock file, nothing in output/ replaced.
            let after = try FileIdentities.listing(of: folder)
            #expect(after.names == listing.names && after.seconds == listing.seconds && after.nanoseconds == listing.nanoseconds)
            let outputAfter = try FileIdentities.listing(of: output)
            #expect(outputAfter.seconds == outputListing.seconds && outputAfter.nanoseconds == outputListing.nanoseconds)
        }
    }

    @Test func oneChangedContentFileRewritesOnlyTheFilesItChangesAndTheOthersKeepTheirIdentity() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let (sources, _) = try await Self.prepare(in: folder)
            let output = folder.appendingPathComponent("output")
            let before = FileIdentities(output)
            _ = try IncrementalSiteTests.append("\nEn ny sætning om Eksempelkommune.\n", in: sources.contentDirectory, IncrementalSiteTests.item)
            guard case .built(let report) = try await SiteBuilder().buildIfChanged(Self.options(sources, in: folder)) else {
                Issue.record("a changed content file did not build")
                return
            }
            let after = FileIdentities(output)
            let changed = after.changed(since: before)
            #expect(report.files.written > 0 && report.files.unchanged > 0 && report.files.removed == 0, "\(report.files)")
            // The marker is written too; it is not one of the site's files.
            #expect(changed.count == report.files.written + 1, "\(changed.sorted())")
            #expect(after.files.count - changed.count == report.files.unchanged)
            #expect(changed.contains(SiteWriter.markerName))
            let page = try #require(report.graph.item("eksempel-indsats-01")?.path)
            #expect(changed.contains(page + "index.html"))
            #expect(try String(contentsOf: output.appendingPathComponent(page + "index.html"), encoding: .utf8)
                .contains("En ny sætning om Eksempelkommune."))
        }
    }

    @Test func aRemovedPageTakesItsFileAlong() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let (sources, _) = try await Self.prepare(in: folder)
            let file = "sider/nyt-fra-eksempelkommune.md"
            try writeContent([file: "---\nkind: page\nid: nyt-fra-eksempelkommune\ntitle: Nyt fra Eksempelkommune\n---\nEksempeltekst.\n"],
                             to: sources.contentDirectory)
            guard case .built(let added) = try await SiteBuilder().buildIfChanged(Self.options(sources, in: folder)) else {
                Issue.record("a new page did not build")
                return
            }
            let path = try #require(added.graph.page("nyt-fra-eksempelkommune")?.path) + "index.html"
            let output = folder.appendingPathComponent("output")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path))
            try FileManager.default.removeItem(at: sources.contentDirectory.appendingPathComponent(file))
            guard case .built(let report) = try await SiteBuilder().buildIfChanged(Self.options(sources, in: folder)) else {
                Issue.record("a removed page did not build")
                return
            }
            #expect(report.files.removed > 0)
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path))
        }
    }

    @Test func aDifferentBaseURLOrAChangedThemeFileBuildsAgain() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let (sources, _) = try await Self.prepare(in: folder)
            let withAddress = Self.options(sources, in: folder, baseURL: "https://intranet.example.dk/portal/")
            guard case .built = try await SiteBuilder().buildIfChanged(withAddress) else {
                Issue.record("another --base-url did not build")
                return
            }
            guard case .upToDate(let report) = try await SiteBuilder().buildIfChanged(withAddress) else {
                Issue.record("the same --base-url built again")
                return
            }
            #expect(report.wroteSitemap)
            let css = try #require(FileManager.default.subpathsOfDirectory(atPath: sources.themeDirectory.path).first { $0.hasSuffix(".css") })
            let handle = try FileHandle(forWritingTo: sources.themeDirectory.appendingPathComponent(css))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("\n/* Eksempelkommune */\n".utf8))
            try handle.close()
            guard case .built = try await SiteBuilder().buildIfChanged(withAddress) else {
                Issue.record("a changed theme file did not build")
                return
            }
        }
    }

    @Test func aFileEditedAddedOrDeletedInTheOutputMakesTheNextBuildBuild() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let (sources, _) = try await Self.prepare(in: folder)
            let output = folder.appendingPathComponent("output")
            let home = output.appendingPathComponent("index.html")
            let built = try Data(contentsOf: home)
            let edits: [(String, () throws -> Void)] = [
                ("edited", { try Data("rettet i hånden".utf8).write(to: home) }),
                ("deleted", { try FileManager.default.removeItem(at: home) }),
                ("added", { try Data("x".utf8).write(to: output.appendingPathComponent("ekstra.html")) }),
            ]
            for (what, edit) in edits {
                try edit()
                guard case .built = try await SiteBuilder().buildIfChanged(Self.options(sources, in: folder)) else {
                    Issue.record("an output file \(what) by hand did not make the build build")
                    continue
                }
                #expect(try Data(contentsOf: home) == built, "\(what)")
                #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("ekstra.html").path))
            }
        }
    }

    @Test func theArchiveIsWrittenWhenMissingEvenWithNothingChangedAndElseLeftAlone() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let (sources, _) = try await Self.prepare(in: folder)
            let archive = folder.appendingPathComponent("site.zip")
            let options = Self.options(sources, in: folder, archive: archive)
            guard case .upToDate(let first) = try await SiteBuilder().buildIfChanged(options) else {
                Issue.record("asking for an archive built the site again")
                return
            }
            #expect(first.wroteArchive && FileManager.default.fileExists(atPath: archive.path))
            let written = try FileManager.default.attributesOfItem(atPath: archive.path)[.modificationDate] as? Date
            guard case .upToDate(let second) = try await SiteBuilder().buildIfChanged(options) else {
                Issue.record("the site was built again")
                return
            }
            #expect(!second.wroteArchive)
            #expect(try FileManager.default.attributesOfItem(atPath: archive.path)[.modificationDate] as? Date == written)
        }
    }
}
