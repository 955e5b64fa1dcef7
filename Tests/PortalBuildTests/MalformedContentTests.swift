import Foundation
import PortalTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Bad input must be harmless: every malformed content folder makes the real `portal`
// binary exit with status 1 (never crash), report each problem as
// `path:LINE:COL: error: message`, and leave the previous output/ byte for byte as it was.
//
// Each case is an overlay on a copy of Tests/Fixtures/minimal/ (see
// Tests/Fixtures/malformed/README.md); the cases git cannot store (NUL bytes, Latin-1,
// a 20 MB file, symbolic links, file permissions) are written here at run time.

@Suite("Malformed content is reported precisely and never harms the published site")
struct MalformedContentTests {
    @Test("The minimal fixture builds with the real theme, without errors or warnings")
    func theMinimalFixtureBuildsCleanly() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let run = try await BuildFolder.prepare(in: folder).build()
            #expect(run.exitedNormally && run.status == 0, "\(run.stderr)")
            #expect(!run.stderr.contains("error:") && !run.stderr.contains("warning:"), "\(run.stderr)")
        }
    }

    @Test("There are at least 25 malformed-content cases, each with its expectation")
    func everyCaseHasAnExpectation() {
        #expect(MalformedCase.all.count >= 25)
        for testCase in MalformedCase.all {
            #expect(testCase.expectation.problems.isEmpty, "\(testCase.name): \(testCase.expectation.problems)")
            if testCase.expectation.exitStatus != 0 {
                #expect(!testCase.expectation.diagnostics.isEmpty, "\(testCase.name) expects a failure but names no diagnostic")
            }
        }
    }

    @Test("Bad content fails the build with exit 1 and path:LINE:COL errors, and output/ stays byte-for-byte the previous site",
          arguments: MalformedCase.failing)
    func badContentFailsAndLeavesOutputUntouched(_ testCase: MalformedCase) async throws {
        try await Self.buildWithOverlay(testCase) { site, before, run in
            #expect(run.exitedNormally, "the build crashed with signal \(run.status)\n\(run.stderr)")
            #expect(run.status == 1, "exit status \(run.status)\n\(run.stderr)")
            expectWellFormedErrorLines(run)
            for expected in testCase.expectation.diagnostics {
                #expect(run.errorLines.contains { expected.matches($0) },
                        "missing diagnostic: \(expected)\nstderr was:\n\(run.stderr)")
            }
            let after = try FolderSnapshot(site.output)
            #expect(after == before, "output/ changed: \(after.differences(from: before).prefix(10))")
            #expect(site.leftovers().isEmpty, "left behind: \(site.leftovers())")
        }
    }

    @Test("Unusual but valid content (BOM, CRLF, odd file names, template syntax) builds and replaces output/",
          arguments: MalformedCase.working)
    func unusualButValidContentBuilds(_ testCase: MalformedCase) async throws {
        try await Self.buildWithOverlay(testCase) { site, before, run in
            #expect(run.exitedNormally && run.status == 0, "exit status \(run.status)\n\(run.stderr)")
            #expect(run.errorLines.isEmpty, "\(run.stderr)")
            let after = try FolderSnapshot(site.output)
            #expect(after != before, "output/ was not updated")
            for (path, text) in testCase.expectation.shows {
                let shown = after.text(of: path)?.contains(text) ?? false
                #expect(shown, "output/\(path) should show \(text)")
            }
            for (path, text) in testCase.expectation.lacks {
                let absent = after.text(of: path).map { !$0.contains(text) } ?? false
                #expect(absent, "output/\(path) should exist and not contain \(text)")
            }
            #expect(site.leftovers().isEmpty, "left behind: \(site.leftovers())")
        }
    }

    /// Builds the minimal site, snapshots its output, applies the case's overlay and
    /// builds again; `check` gets the site, the snapshot from before and the second run.
    static func buildWithOverlay(
        _ testCase: MalformedCase, _ check: (BuildFolder, FolderSnapshot, PortalRun) throws -> Void
    ) async throws {
        try await Repository.withTemporaryDirectory { folder in
            let site = try await BuildFolder.prepare(in: folder)
            let before = try FolderSnapshot(site.output)
            try testCase.apply(to: site)
            defer { testCase.restore?(site.content) }
            let run = try await site.build(unprivileged: testCase.unprivileged)
            try #require(!run.timedOut, "the build did not finish in time")
            try check(site, before, run)
        }
    }

    @Test("A build killed with SIGKILL while writing leaves the previous output/ intact; the next build succeeds and cleans up")
    func aKilledBuildLeavesThePreviousSite() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let site = try await BuildFolder.prepare(in: folder)
            // A fast machine can write a small site between two looks at the folder, so
            // the content grows until one build is caught writing.
            var generated = 0
            var killed: PortalRun?
            var before = try FolderSnapshot(site.output)
            for target in [1_500, 4_000, 10_000] {
                try Self.generateItems(from: generated, to: target, in: site.content)
                generated = target
                let run = try await Self.killWhileWriting(site, in: folder)
                if !run.exitedNormally { killed = run; break }
                try #require(run.status == 0, "the build failed: \(run.stderr)")
                before = try FolderSnapshot(site.output)
            }
            let run = try #require(killed, "every build finished before it could be killed, even with \(generated) items")
            #expect(run.status == SIGKILL, "the build was not killed: \(run.status)")
            #expect(!site.stagingFolders().isEmpty, "the build was not killed while writing: no staging folder is left")
            let after = try FolderSnapshot(site.output)
            #expect(after == before, "output/ changed: \(after.differences(from: before).prefix(10))")

            let next = try await site.build()
            #expect(next.exitedNormally && next.status == 0, "\(next.stderr)")
            #expect(site.leftovers().isEmpty, "left behind: \(site.leftovers())")
            let rebuilt = try FolderSnapshot(site.output)
            #expect(rebuilt.files.keys.contains { $0.contains("genereret-indsats-\(generated - 1)/") })
        }
    }

    @Test("--archive packs exactly the files of output/, byte for byte, at the top level of the zip")
    func theArchiveHoldsExactlyTheSite() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let site = try await BuildFolder.prepare(in: folder, archive: "site.zip")
            let archive = folder.appendingPathComponent("site.zip")
            let output = try FolderSnapshot(site.output)
            #expect(FileManager.default.fileExists(atPath: archive.path))

            let listing = try await Tool.run("unzip", ["-Z1", archive.path], in: folder)
            #expect(listing.status == 0, "\(listing.stderr)")
            let entries = listing.stdout.split(separator: "\n").map(String.init).filter { !$0.hasSuffix("/") }
            #expect(Set(entries) == Set(output.files.keys))
            #expect(entries.count == output.files.count, "an entry is in the zip twice")
            #expect(!entries.contains { $0.hasPrefix("output/") || $0.hasPrefix("/") }, "entries must sit at the top level")

            let extracted = folder.appendingPathComponent("extracted")
            let unpack = try await Tool.run("unzip", ["-q", archive.path, "-d", extracted.path], in: folder)
            #expect(unpack.status == 0, "\(unpack.stderr)")
            #expect(try FolderSnapshot(extracted).files == output.files)
        }
    }

    // MARK: Helpers

    /// Runs `body` on a thread of its own and returns its result.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: body()) }
        }
    }

    /// Adds `count` items to the minimal document, enough to make a build take seconds.
    /// Starts a build and kills it the moment its first file is in the staging folder.
    /// Returns how the build ended: killed, or finished before it could be.
    static func killWhileWriting(_ site: BuildFolder, in folder: URL) async throws -> PortalRun {
        let running = try PortalBinary.start(site.buildArguments, in: folder)
        // Watched from a thread of its own, without sleeping between looks: under a full
        // test run the tasks' shared threads can be busy for longer than the build takes.
        await onThread { [site] in
            let clock = ContinuousClock()
            let start = clock.now
            while running.isRunning, clock.now - start < .seconds(120) {
                let staged = site.stagingFolders().contains {
                    let files = (try? FileManager.default.contentsOfDirectory(
                        atPath: folder.appendingPathComponent($0).path)) ?? []
                    return !files.isEmpty
                }
                if staged {
                    running.kill()
                    return
                }
                usleep(100)
            }
        }
        return await running.finish()
    }

    static func generateItems(_ count: Int, in content: URL) throws {
        try generateItems(from: 0, to: count, in: content)
    }

    static func generateItems(from first: Int, to end: Int, in content: URL) throws {
        let folder = content.appendingPathComponent("kommuner/eksempel/handleplan-2024/indsatser/genereret")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in first..<end {
            let text = """
                ---
                kind: item
                type: initiative
                id: genereret-indsats-\(index)
                document: eksempel-handleplan-2024
                section: eksempel-maal-\(1 + index % 2)
                number: "\(100 + index)"
                title: Genereret indsats \(index)
                tags: [frivillige]
                activities:
                  - number: "1"
                    title: Eksempelaktivitet
                    text: Eksempeltekst nummer \(index).
                ---
                Eksempeltekst til den genererede indsats \(index).

                """
            try Data(text.utf8).write(to: folder.appendingPathComponent("genereret-\(index).md"))
        }
    }

    /// Every stderr line that says `error:` must be a diagnostic an editor can jump to.
    func expectWellFormedErrorLines(_ run: PortalRun) {
        let pattern = try! Regex(#"^[^:]+:\d+:\d+: error: .+$"#)
        for line in run.errorLines {
            #expect((try? pattern.wholeMatch(in: line)) != nil, "not path:LINE:COL: error: ...: \(line)")
        }
    }
}

// MARK: - Cases

/// One way content can be wrong (or unusual but right), applied on a copy of the minimal fixture.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// Files copied over the content folder, with the same relative paths.
    var overlay: URL?
    /// Writes what git cannot store into the content folder.
    var prepare: (@Sendable (URL) throws -> Void)?
    /// Gives the test process its rights back on what `prepare` locked.
    var restore: (@Sendable (URL) -> Void)?
    /// Runs the build as an unprivileged user so that file permissions apply even to root.
    var unprivileged = false
    let expectation: CaseExpectation

    var testDescription: String { name }

    func apply(to site: BuildFolder) throws {
        if let overlay { try Self.copyOverlay(overlay, onto: site.content) }
        try prepare?(site.content)
        if unprivileged {
            // The unprivileged build must be able to reach everything except what is locked.
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: site.folder.path)
        }
    }

    static func copyOverlay(_ overlay: URL, onto content: URL) throws {
        let manager = FileManager.default
        guard let paths = manager.enumerator(atPath: overlay.path)?.allObjects as? [String] else { return }
        for relative in paths.sorted() where relative != CaseExpectation.fileName {
            let source = overlay.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let target = content.appendingPathComponent(relative)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.copyItem(at: source, to: target)
        }
    }

    static let fixturesFolder = Repository.fixtures.appendingPathComponent("malformed")

    /// The cases in Tests/Fixtures/malformed/, one folder each.
    static let fromFixtures: [MalformedCase] = {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: fixturesFolder.path)) ?? []
        return names.sorted().compactMap { name in
            let folder = fixturesFolder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            let expected = folder.appendingPathComponent(CaseExpectation.fileName)
            let expectation = (try? String(contentsOf: expected, encoding: .utf8)).map { CaseExpectation(parsing: $0) }
                ?? CaseExpectation(problems: ["\(name)/\(CaseExpectation.fileName) is missing"])
            return MalformedCase(name: name, overlay: folder, expectation: expectation)
        }
    }()

    /// The cases git cannot store well, made at run time.
    static let madeAtRunTime: [MalformedCase] = [
        MalformedCase(name: "nul-byte (made at run time)", prepare: { content in
            try write(Array("---\nkind: tag\nid: nul\ntitle: Nul\n---\nTekst med ".utf8) + [0] + Array(" byte.\n".utf8),
                      to: content, "tags/nul.md")
        }, expectation: CaseExpectation(parsing: "tags/nul.md:6:11: error: file contains a NUL byte; it is not a text file")),

        MalformedCase(name: "latin-1-bytes (made at run time)", prepare: { content in
            // "Hillerød" saved as Latin-1: ø is the single byte 0xF8.
            try write(Array("---\nkind: tag\nid: hilleroed\ntitle: Hiller".utf8) + [0xF8] + Array("d\n---\n".utf8),
                      to: content, "tags/hilleroed.md")
        }, expectation: CaseExpectation(parsing: "tags/hilleroed.md:4:14: error: file is not valid UTF-8 (byte 0xF8)")),

        MalformedCase(name: "twenty-megabyte-file (made at run time)", prepare: { content in
            var bytes = Array("---\nkind: tag\nid: stor\ntitle: Stor\n---\n".utf8)
            let line = Array((String(repeating: "Eksempeltekst. ", count: 60) + "\n").utf8)
            bytes.reserveCapacity(20 * 1024 * 1024 + line.count)
            while bytes.count < 20 * 1024 * 1024 { bytes += line }
            try write(bytes, to: content, "tags/stor.md")
        }, expectation: CaseExpectation(parsing: "tags/stor.md:1:1: error: file is 20 MB; content files may be at most 4 MB")),

        MalformedCase(name: "ten-thousand-deep-nesting (made at run time)", prepare: { content in
            let title = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
            try write(Array("---\nkind: tag\nid: dyb\ntitle: \(title)\n---\n".utf8), to: content, "tags/dyb.md")
        }, expectation: CaseExpectation(parsing: "tags/dyb.md:4:72: error: front matter is nested more than 64 levels deep")),

        MalformedCase(name: "symlink-loop (made at run time)", prepare: { content in
            // temaer/loop points to its parent's parent, the content folder itself.
            try FileManager.default.createSymbolicLink(
                atPath: content.appendingPathComponent("temaer/loop").path, withDestinationPath: "..")
        }, expectation: CaseExpectation(parsing: "temaer/loop:1:1: error: folder is reached twice through a symbolic link (a link loop)")),

        MalformedCase(name: "dangling-symlink (made at run time)", prepare: { content in
            try FileManager.default.createSymbolicLink(
                atPath: content.appendingPathComponent("temaer/borte.md").path, withDestinationPath: "findes-ikke.md")
        }, expectation: CaseExpectation(parsing: "temaer/borte.md:1:1: error: symbolic link points to nothing")),

        MalformedCase(name: "unreadable-file (made at run time, built as an unprivileged user)", prepare: { content in
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: content.appendingPathComponent("tags/motion.md").path)
        }, restore: { content in
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: content.appendingPathComponent("tags/motion.md").path)
        }, unprivileged: true,
           expectation: CaseExpectation(parsing: "tags/motion.md:1:1: error: cannot open the file")),

        MalformedCase(name: "unreadable-folder (made at run time, built as an unprivileged user)", prepare: { content in
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: content.appendingPathComponent("temaer").path)
        }, restore: { content in
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: content.appendingPathComponent("temaer").path)
        }, unprivileged: true,
           expectation: CaseExpectation(parsing: "temaer:1:1: error: cannot read the folder")),
    ]

    static var all: [MalformedCase] { fromFixtures + madeAtRunTime }
    static var failing: [MalformedCase] { all.filter { $0.expectation.exitStatus != 0 } }
    static var working: [MalformedCase] { all.filter { $0.expectation.exitStatus == 0 } }

    private static func write(_ bytes: [UInt8], to content: URL, _ path: String) throws {
        try Data(bytes).write(to: content.appendingPathComponent(path))
    }
}

/// What `expected.txt` says about a case: one expected diagnostic a line
/// (`PATH:LINE:COL: error: SUBSTRING`, `*` for a column that cannot be pinned), and for
/// cases that must simply work `exit: 0` plus optional `shows: OUTPUT-PATH: TEXT` and
/// `lacks: OUTPUT-PATH: TEXT`. Blank lines and lines starting with `#` are ignored.
struct CaseExpectation: Sendable {
    static let fileName = "expected.txt"

    var exitStatus: Int32 = 1
    var diagnostics: [ExpectedDiagnostic] = []
    var shows: [(path: String, text: String)] = []
    var lacks: [(path: String, text: String)] = []
    /// Lines that could not be read.
    var problems: [String] = []

    init(problems: [String]) {
        self.problems = problems
    }

    init(parsing text: String) {
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("exit:") {
                guard let status = Int32(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) else {
                    problems.append(line)
                    continue
                }
                exitStatus = status
            } else if line.hasPrefix("shows: ") || line.hasPrefix("lacks: ") {
                let rest = line.dropFirst(7)
                guard let separator = rest.range(of: ": ") else {
                    problems.append(line)
                    continue
                }
                let entry = (path: String(rest[..<separator.lowerBound]), text: String(rest[separator.upperBound...]))
                if line.hasPrefix("shows") { shows.append(entry) } else { lacks.append(entry) }
            } else if let diagnostic = ExpectedDiagnostic(line) {
                diagnostics.append(diagnostic)
            } else {
                problems.append(line)
            }
        }
    }
}

/// `PATH:LINE:COL: error: SUBSTRING`, the path relative to the content folder.
struct ExpectedDiagnostic: Sendable, CustomStringConvertible {
    var path: String
    var line: Int
    /// Nil for `*`: any column.
    var column: Int?
    var message: String

    init?(_ text: String) {
        guard let marker = text.range(of: ": error: ") else { return nil }
        let place = text[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
        guard place.count >= 3, let line = Int(place[place.count - 2]) else { return nil }
        let columnText = place[place.count - 1]
        guard columnText == "*" || Int(columnText) != nil else { return nil }
        path = place.dropLast(2).joined(separator: ":")
        self.line = line
        column = Int(columnText)
        message = String(text[marker.upperBound...])
        guard !path.isEmpty, !message.isEmpty else { return nil }
    }

    /// Whether a line of the build's stderr is this diagnostic (the build is given `--content content`).
    func matches(_ stderrLine: String) -> Bool {
        let prefix = "\(BuildFolder.contentName)/\(path):\(line):"
        guard stderrLine.hasPrefix(prefix) else { return false }
        let rest = stderrLine.dropFirst(prefix.count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, column == nil || Int(digits) == column else { return false }
        let afterColumn = rest.dropFirst(digits.count)
        guard afterColumn.hasPrefix(": error: ") else { return false }
        return afterColumn.dropFirst(": error: ".count).contains(message)
    }

    var description: String { "\(path):\(line):\(column.map(String.init) ?? "*"): error: \(message)" }
}

// MARK: - A folder with content/ and output/

/// A temporary folder holding `content/` (a copy of the minimal fixture) and `output/`.
struct BuildFolder: Sendable {
    static let contentName = "content"
    static let outputName = "output"

    let folder: URL
    var archive: String?
    var content: URL { folder.appendingPathComponent(Self.contentName) }
    var output: URL { folder.appendingPathComponent(Self.outputName) }

    /// Copies the minimal fixture into `folder` and builds it once, so output/ holds a good site.
    static func prepare(in folder: URL, archive: String? = nil) async throws -> BuildFolder {
        let site = BuildFolder(folder: folder, archive: archive)
        try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("minimal"), to: site.content)
        let first = try await site.build()
        try #require(first.exitedNormally && first.status == 0, "the minimal fixture must build:\n\(first.stderr)")
        try #require(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path),
                     "the minimal fixture's build wrote no output/index.html")
        return site
    }

    var buildArguments: [String] {
        ["build", "--content", Self.contentName, "--theme", Repository.theme.path, "--output", Self.outputName, "--quiet"]
            + (archive.map { ["--archive", $0] } ?? [])
    }

    func build(unprivileged: Bool = false) async throws -> PortalRun {
        try await PortalBinary.start(buildArguments, in: folder, unprivileged: unprivileged).finish()
    }

    func stagingFolders() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(".\(Self.outputName).staging-") }
    }

    /// Folders of the writer that a finished build left behind beyond the one retired
    /// previous site it may leave for the next build to remove: staging folders, removals
    /// cut short, a second retired folder.
    func leftovers() -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        let retired = names.filter { $0.hasPrefix(".\(Self.outputName).old-") }
        return names.filter { $0.hasPrefix(".\(Self.outputName).staging-") || $0.hasPrefix(".\(Self.outputName).removing-") }
            + retired.dropFirst()
    }
}

/// Every file (path relative to the root → bytes) and folder below a folder.
struct FolderSnapshot: Equatable {
    var files: [String: Data] = [:]
    var folders: Set<String> = []

    init(_ root: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SnapshotError.missing(root.path)
        }
        guard let enumerator = manager.enumerator(atPath: root.path) else { throw SnapshotError.missing(root.path) }
        for case let relative as String in enumerator {
            let url = root.appendingPathComponent(relative)
            if manager.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                folders.insert(relative)
            } else {
                files[relative] = try Data(contentsOf: url)
            }
        }
    }

    func text(of path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    func differences(from other: FolderSnapshot) -> [String] {
        let paths = Set(files.keys).union(other.files.keys).sorted()
        return paths.filter { files[$0] != other.files[$0] }.map { path in
            switch (other.files[path], files[path]) {
            case (nil, _): "added \(path)"
            case (_, nil): "removed \(path)"
            default: "changed \(path)"
            }
        } + folders.symmetricDifference(other.folders).sorted().map { "folder \($0)" }
    }

    enum SnapshotError: Error { case missing(String) }
}

// MARK: - Running the binary

/// How one run of a program ended.
struct PortalRun: Sendable {
    /// The exit status, or the signal when `exitedNormally` is false.
    var status: Int32
    var exitedNormally: Bool
    var timedOut: Bool
    var stdout: String
    var stderr: String

    var errorLines: [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.contains("error:") }
    }
}

enum PortalBinary {
    /// The `portal` binary built with the tests: beside the test bundle, else in .build/debug/.
    static let url: URL? = {
        let manager = FileManager.default
        var candidates: [URL] = []
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(folder.appendingPathComponent("portal"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(Repository.root.appendingPathComponent(".build/debug/portal"))
        return candidates.first { candidate in
            var isDirectory: ObjCBool = false
            return manager.fileExists(atPath: candidate.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && manager.isExecutableFile(atPath: candidate.path)
        }
    }()

    /// Starts the binary in `directory`. With `unprivileged`, a root test process drops to
    /// uid/gid 65534 (nobody) with `setpriv`, so that chmod 000 really keeps it out; a
    /// process that is not root needs no help for that.
    static func start(_ arguments: [String], in directory: URL, unprivileged: Bool = false) throws -> RunningProgram {
        guard let url else { throw RunError.noBinary }
        if unprivileged, getuid() == 0 {
            let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
            guard let setpriv else { throw RunError.cannotDropPrivileges }
            return try RunningProgram(
                URL(fileURLWithPath: setpriv),
                ["--reuid=65534", "--regid=65534", "--clear-groups", url.path] + arguments, in: directory)
        }
        return try RunningProgram(url, arguments, in: directory)
    }

    enum RunError: Error, CustomStringConvertible {
        case noBinary, cannotDropPrivileges

        var description: String {
            switch self {
            case .noBinary: "the portal binary was not found beside the tests or in .build/debug/; run 'swift build' first"
            case .cannotDropPrivileges: "the tests run as root and setpriv is missing, so an unreadable file cannot be tested"
            }
        }
    }
}

enum Tool {
    /// Runs a command-line tool found on PATH.
    static func run(_ name: String, _ arguments: [String], in directory: URL) async throws -> PortalRun {
        try await RunningProgram(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, in: directory).finish()
    }
}

/// A started program whose output goes to files (a pipe could fill up and block it).
final class RunningProgram: @unchecked Sendable {
    private let process = Process()
    private let logs: URL
    private let exited: AsyncStream<Void>
    private let handles: [FileHandle]

    init(_ executable: URL, _ arguments: [String], in directory: URL) throws {
        logs = FileManager.default.temporaryDirectory.appendingPathComponent("portal-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: logs.appendingPathComponent("stdout").path, contents: nil)
        _ = FileManager.default.createFile(atPath: logs.appendingPathComponent("stderr").path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        handles = [try FileHandle(forWritingTo: logs.appendingPathComponent("stdout")),
                   try FileHandle(forWritingTo: logs.appendingPathComponent("stderr"))]
        process.standardOutput = handles[0]
        process.standardError = handles[1]
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        exited = stream
        process.terminationHandler = { _ in continuation.finish() }
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    func kill() {
        #if canImport(Glibc)
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        #else
        _ = Darwin.kill(process.processIdentifier, SIGKILL)
        #endif
    }

    /// Waits for the program to end; kills it after `timeout`.
    func finish(timeout: Duration = .seconds(120)) async -> PortalRun {
        let pid = process.processIdentifier
        let watchdog = Task {
            try? await Task.sleep(for: timeout)
            guard !Task.isCancelled else { return false }
            #if canImport(Glibc)
            _ = Glibc.kill(pid, SIGKILL)
            #else
            _ = Darwin.kill(pid, SIGKILL)
            #endif
            return true
        }
        for await _ in exited {}
        watchdog.cancel()
        let timedOut = await watchdog.value
        process.waitUntilExit()
        for handle in handles { try? handle.close() }
        defer { try? FileManager.default.removeItem(at: logs) }
        func read(_ name: String) -> String {
            (try? String(contentsOf: logs.appendingPathComponent(name), encoding: .utf8)) ?? ""
        }
        return PortalRun(
            status: process.terminationStatus, exitedNormally: process.terminationReason == .exit,
            timedOut: timedOut, stdout: read("stdout"), stderr: read("stderr"))
    }
}
