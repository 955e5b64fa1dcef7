import Foundation
import PortalTestSupport
import Testing

// Nothing typed can lose data: whatever path a user gives `--archive` or `--output`, the
// real binary leaves everything it did not make exactly as it was, and says truly what
// it did. Builds into one output folder, started at once, all leave a complete site.

@Suite("Paths typed on the command line never destroy what the portal did not make")
struct WritePathSafetyTests {
    /// `project/` holds content, a copy of the theme, a built output and an editor's own
    /// file; the build runs in `project/`, so `..` is the folder above it.
    struct Project {
        let top: URL
        var root: URL { top.appendingPathComponent("project") }

        static func prepare(in top: URL) async throws -> Project {
            let project = Project(top: top)
            try FileManager.default.createDirectory(at: project.root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("minimal"),
                                             to: project.root.appendingPathComponent("content"))
            try FileManager.default.copyItem(at: Repository.theme, to: project.root.appendingPathComponent("theme"))
            try Data("egne noter".utf8).write(to: project.root.appendingPathComponent("noter.txt"))
            try Data("ved siden af".utf8).write(to: top.appendingPathComponent("naboen.txt"))
            try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("genvej.zip").path,
                                                       withDestinationPath: "noter.txt")
            let first = try await project.build([])
            try #require(first.status == 0, "\(first.stderr)")
            return project
        }

        func build(_ extra: [String], unprivileged: Bool = false) async throws -> PortalRun {
            try await PortalBinary.start(
                ["build", "--content", "content", "--theme", "theme", "--output", "output", "--quiet"] + extra,
                in: root, unprivileged: unprivileged).finish()
        }
    }

    @Test("--archive refuses a folder, a protected place, a foreign file or a link, and touches nothing",
          arguments: ["content", "theme", "output", ".", "..", "content/site.yaml", "content/temaer",
                      "theme/templates/base.mustache", "output/index.html", "output/site.zip", "noter.txt", "genvej.zip",
                      "findes-ikke/site.zip"])
    func aHarmfulArchivePathIsRefusedAndNothingChanges(_ path: String) async throws {
        try await Repository.withTemporaryDirectory { top in
            let project = try await Project.prepare(in: top)
            let before = try FolderSnapshot(top)
            let run = try await project.build(["--archive", path])
            #expect(run.exitedNormally && run.status == 1, "exit \(run.status)\n\(run.stderr)")
            #expect(run.stderr.contains("error: refusing to write the archive to "), "\(run.stderr)")
            #expect(run.stderr.contains("output/ was left unchanged"), "\(run.stderr)")
            let after = try FolderSnapshot(top)
            #expect(after == before, "changed: \(after.differences(from: before).prefix(10))")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project.root.appendingPathComponent("genvej.zip").path) == "noter.txt")
        }
    }

    @Test("--output refuses the project, the content, the theme and what it did not make, and touches nothing",
          arguments: [".", "..", "content", "theme", "content/site", "noter.txt", "theme/templates"])
    func aHarmfulOutputPathIsRefusedAndNothingChanges(_ path: String) async throws {
        try await Repository.withTemporaryDirectory { top in
            let project = try await Project.prepare(in: top)
            let before = try FolderSnapshot(top)
            let run = try await PortalBinary.start(
                ["build", "--content", "content", "--theme", "theme", "--output", path, "--quiet"], in: project.root).finish()
            #expect(run.exitedNormally && run.status == 1, "exit \(run.status)\n\(run.stderr)")
            #expect(run.stderr.contains("error: refusing to replace "), "\(run.stderr)")
            #expect(run.stderr.contains("was left unchanged"), "\(run.stderr)")
            let after = try FolderSnapshot(top)
            #expect(after == before, "changed: \(after.differences(from: before).prefix(10))")
        }
    }

    @Test func anEmptyPathIsAUsageErrorNotTheCurrentFolder() async throws {
        try await Repository.withTemporaryDirectory { top in
            let project = try await Project.prepare(in: top)
            let before = try FolderSnapshot(top)
            for option in ["--output", "--archive", "--content", "--theme"] {
                let run = try await PortalBinary.start(["build", option, ""], in: project.root).finish()
                #expect(run.status == 64, "\(option): exit \(run.status)\n\(run.stderr)")
                #expect(run.stderr.contains("\(option) needs a path"), "\(run.stderr)")
            }
            #expect(try FolderSnapshot(top) == before)
        }
    }

    @Test func aZipAnEarlierBuildWroteIsReplaced() async throws {
        try await Repository.withTemporaryDirectory { top in
            let project = try await Project.prepare(in: top)
            for _ in 0..<2 {
                let run = try await project.build(["--archive", "site.zip"])
                #expect(run.status == 0, "\(run.stderr)")
            }
            let listing = try await Tool.run("unzip", ["-Z1", "site.zip"], in: project.root)
            #expect(listing.stdout.split(separator: "\n").contains(".kommuneportal"))
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: project.root.path)) ?? []).filter { $0.hasPrefix(".site.zip") }.isEmpty)
        }
    }

    @Test func anOutputThatIsASymbolicLinkIsBuiltBehindTheLinkAndKept() async throws {
        try await Repository.withTemporaryDirectory { top in
            let project = try await Project.prepare(in: top)
            let webRoot = top.appendingPathComponent("www")
            try FileManager.default.moveItem(at: project.root.appendingPathComponent("output"), to: webRoot)
            try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("output").path,
                                                       withDestinationPath: webRoot.path)
            try Data("stale".utf8).write(to: webRoot.appendingPathComponent("gammel.html"))
            let run = try await project.build([])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project.root.appendingPathComponent("output").path) == webRoot.path)
            #expect(FileManager.default.fileExists(atPath: webRoot.appendingPathComponent("index.html").path))
            #expect(!FileManager.default.fileExists(atPath: webRoot.appendingPathComponent("gammel.html").path), "the web root still has the old site")
        }
    }

    @Test func whenTheArchiveFailsAfterTheSwapTheMessageSaysTheNewSiteIsInPlace() async throws {
        try await Repository.withTemporaryDirectory { top in
            let project = try await Project.prepare(in: top)
            // The unprivileged build may replace output/ but not write into locked/.
            try Tool.chmodRecursively(top, 0o777)
            let locked = project.root.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
            try await project.build([], unprivileged: true).expectSuccess()
            // With nothing changed the output is left alone, and the message says so.
            let unchanged = try await project.build(["--archive", "locked/site.zip"], unprivileged: true)
            #expect(unchanged.status == 1, "\(unchanged.stderr)")
            #expect(unchanged.stderr.contains("output/ already held this site (nothing had changed) and was left as it was, but the archive was not written"),
                    "\(unchanged.stderr)")
            // A change makes the build swap a new site in before the archive fails.
            let page = project.root.appendingPathComponent("content/sider/om-portalen.md")
            try Data((try String(contentsOf: page, encoding: .utf8) + "\nEn ny sætning.\n").utf8).write(to: page)
            let run = try await project.build(["--archive", "locked/site.zip"], unprivileged: true)
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains("error: cannot write"), "\(run.stderr)")
            #expect(run.stderr.contains("output/ holds the new site, but the archive was not written"), "\(run.stderr)")
            #expect(!run.stderr.contains("left unchanged"), "\(run.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
        }
    }
}

@Suite("Builds into one output folder at once all leave a complete site")
struct ConcurrentBuildTests {
    @Test func threeBuildsAtOnceTakeTurnsAndLeaveACompleteSite() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let site = try await BuildFolder.prepare(in: folder)
            try MalformedContentTests.generateItems(400, in: site.content)
            let builds = try (0..<3).map { _ in try PortalBinary.start(site.buildArguments, in: folder) }
            var runs: [PortalRun] = []
            for build in builds { runs.append(await build.finish()) }
            for run in runs { #expect(run.exitedNormally && run.status == 0, "\(run.stderr)") }
            #expect(runs.contains { $0.stderr.contains("waiting for another build into output to finish") },
                    "no build said it waited: \(runs.map(\.stderr))")
            let output = try FolderSnapshot(site.output)
            for path in [".kommuneportal", "index.html", "assets/site.css", "data/portal.json"] {
                #expect(output.files[path] != nil, "output/\(path) is missing")
            }
            #expect(output.files.keys.contains { $0.contains("genereret-indsats-399/") })
            #expect(site.leftovers().isEmpty, "left behind: \(site.leftovers())")
        }
    }
}

extension PortalRun {
    func expectSuccess() throws {
        try #require(exitedNormally && status == 0, "exit \(status)\n\(stderr)")
    }
}

extension Tool {
    static func chmodRecursively(_ folder: URL, _ mode: Int) throws {
        let manager = FileManager.default
        try manager.setAttributes([.posixPermissions: mode], ofItemAtPath: folder.path)
        for case let relative as String in manager.enumerator(atPath: folder.path) ?? FileManager.DirectoryEnumerator() {
            let path = folder.appendingPathComponent(relative).path
            if (try? manager.destinationOfSymbolicLink(atPath: path)) != nil { continue }
            try manager.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }
    }
}
