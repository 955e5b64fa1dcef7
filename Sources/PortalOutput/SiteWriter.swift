import Foundation
import PortalCore
#if canImport(Glibc)
import Glibc
#endif

/// Stage 5 of the build: writes the site so that `output/` is only ever the complete
/// previous site or the complete new one.
///
/// Files are written into a staging folder beside the output folder (same file
/// system, so renames are cheap and atomic) while the site is rendered, then the
/// staging folder is swapped in. A build that fails or is killed before the swap
/// leaves the old `output/` exactly as it was; the next build removes what a killed
/// one left. After a good build `output/` holds exactly the new files.
///
/// A file with the same bytes as the file at its path in the current output is not
/// written but hard-linked from there, so it keeps its inode and modification time:
/// rsync and web caches see only the files that changed. The old output is not removed
/// by the build that replaces it (that would put a tree walk of 16,000 files on every
/// build's critical path): it stays beside the output as one hidden retired folder,
/// sharing most of its files' inodes with the new one, and the next build removes it on
/// a thread of its own while it renders.
public struct SiteWriter: Sendable {
    /// The output folder as the user named it (for messages).
    public let outputDirectory: URL
    /// The real folder that is replaced: `outputDirectory`, or the folder it links to.
    public let folder: URL

    /// Checks that the output folder may be replaced (see `PathGuard`).
    /// - Parameter protecting: the folders the build reads (content, theme); the output
    ///   may not be, hold or lie inside them, nor be or hold the current folder.
    public init(outputDirectory: URL, protecting protected: [URL] = []) throws(OutputError) {
        self.outputDirectory = outputDirectory.standardizedFileURL
        folder = try PathGuard(sources: protected).outputFolder(self.outputDirectory)
    }

    var parent: URL { folder.deletingLastPathComponent() }
    var stagingPrefix: String { ".\(folder.lastPathComponent).staging-" }
    var retiredPrefix: String { ".\(folder.lastPathComponent).old-" }
    /// A retired folder being removed: renamed first, so that a removal cut short (a
    /// killed build) never leaves a half-removed site that could be put back as the output.
    var removingPrefix: String { ".\(folder.lastPathComponent).removing-" }

    /// The file that marks a folder as one this writer made, so that it never replaces a
    /// folder it did not make (`--output .` or `--output content` by mistake). It also
    /// records what made the site (see `OutputMarker`).
    public static let markerName = ".kommuneportal"

    /// Takes the output folder's lock; hold it from `begin` until after the commit.
    /// - Parameter waiting: called before waiting for another build into the same folder.
    public func lock(timeout: Duration = .seconds(600), waiting: (Int32?) -> Void = { _ in }) throws(OutputError) -> OutputLock {
        try OutputLock(for: folder, timeout: timeout, waiting: waiting)
    }

    /// The output's marker, when the output folder is exactly as the build that wrote it
    /// left it (no file edited, added or removed since) and that build read `inputs`:
    /// then building again from the same inputs would give the same folder. Only reads.
    public func unchangedSite(madeFrom inputs: String) -> OutputMarker? {
        guard !inputs.isEmpty, let marker = OutputMarker.read(in: folder), marker.inputs == inputs,
              let files = FolderInventory.files(below: folder.path, skipping: Self.markerName),
              files == marker.files else { return nil }
        return marker
    }

    /// Starts a new staging folder; write files into it, then `commit()` or `abort()`.
    /// Requires the output's lock, so that cleaning up never removes the staging folder of
    /// a build that is still running: with the lock held, every other one is a dead build's.
    /// What earlier builds left is removed on a thread of its own meanwhile (see `clearAway`).
    /// - Parameter clearing: the removal `clearAway` started under the same lock; nil to start it now.
    public func begin(holding lock: borrowing OutputLock, clearing removal: LeftoverRemoval? = nil) throws(OutputError) -> StagedSite {
        // The folder may have changed since the check (another build finished meanwhile).
        do {
            _ = try PathGuard(sources: []).outputFolder(folder)
        } catch {
            removal?.finish()
            throw error
        }
        let cleanup = removal ?? clearAway(holding: lock)
        let staging = parent.appendingPathComponent(stagingPrefix + ProcessInfo.processInfo.globallyUniqueString)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            cleanup.finish()
            throw .cannotWrite(staging.path, error.localizedDescription)
        }
        var isFolder: ObjCBool = false
        let previous = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue
        return StagedSite(staging: staging, writer: self, previous: previous ? folder.path : nil, cleanup: cleanup)
    }

    /// Writes `files` as the whole new site in one go.
    @discardableResult
    public func write(_ files: [OutputFile]) throws(OutputError) -> CommitReport {
        let lock = try lock()
        let site = try begin(holding: lock)
        do {
            for file in files { try site.write(file) }
            return try site.commit()
        } catch {
            site.abort()
            throw error
        }
    }

    /// Removes staging and retired folders earlier builds left behind, and waits until
    /// they are gone. A retired folder with no output folder beside it is the last good
    /// site: it is put back.
    public func removeLeftovers(holding lock: borrowing OutputLock) throws(OutputError) {
        clearAway(holding: lock).finish()
    }

    /// Puts a retired folder back when the output is missing (a build killed between its
    /// two renames), renames the other retired folders out of the way, and starts removing
    /// them, dead builds' staging folders and removals cut short, on a thread of its own.
    ///
    /// A build calls it as soon as it holds the lock, so that the removal runs while the
    /// content is loaded and the site rendered, and hands the result to `begin`.
    public func clearAway(holding lock: borrowing OutputLock) -> LeftoverRemoval {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        var doomed: [String] = []
        for name in names.sorted() {
            let url = parent.appendingPathComponent(name)
            if name.hasPrefix(retiredPrefix), !manager.fileExists(atPath: folder.path) {
                try? manager.moveItem(at: url, to: folder)
            } else if name.hasPrefix(retiredPrefix) {
                let removing = parent.appendingPathComponent(removingPrefix + ProcessInfo.processInfo.globallyUniqueString)
                doomed.append(rename(url.path, removing.path) == 0 ? removing.path : url.path)
            } else if name.hasPrefix(stagingPrefix) || name.hasPrefix(removingPrefix) {
                doomed.append(url.path)
            }
        }
        return LeftoverRemoval(removing: doomed, listing: manager.fileExists(atPath: folder.path) ? folder.path : nil)
    }

    /// The path if it stays inside the output folder: relative, no `..`, no empty parts.
    static func safeRelativePath(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.isEmpty,
              parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }) else { return nil }
        return path
    }
}

/// What a commit did to the output folder's files (the marker not counted).
public struct CommitReport: Sendable, Equatable {
    /// Files written because they are new or their bytes changed.
    public var written: Int
    /// Files with the same bytes as before: linked, so their inode and modification time are kept.
    public var unchanged: Int
    /// Files of the previous output that the new one no longer has.
    public var removed: Int

    public init(written: Int, unchanged: Int, removed: Int) {
        self.written = written
        self.unchanged = unchanged
        self.removed = removed
    }
}

/// A site being written into its staging folder. `write` may be called from several
/// threads at once (for different files).
public struct StagedSite: Sendable {
    public let staging: URL
    let writer: SiteWriter
    /// The current output folder's real path, whose unchanged files are linked; nil when there is none.
    let previous: String?
    let cleanup: LeftoverRemoval
    private let tally = StagingTally()

    init(staging: URL, writer: SiteWriter, previous: String?, cleanup: LeftoverRemoval) {
        self.staging = staging
        self.writer = writer
        self.previous = previous
        self.cleanup = cleanup
    }

    public func write(_ file: OutputFile) throws(OutputError) {
        guard let relative = SiteWriter.safeRelativePath(file.path) else { throw .unsafePath(file.path) }
        let target = staging.path + "/" + relative
        let folder = String(target[..<(target.lastIndex(of: "/") ?? target.endIndex)])
        // Plain system calls: at tens of thousands of pages, FileManager's extra checks
        // per call cost more than the writing. Not atomic per file on purpose: the whole
        // folder is swapped in atomically instead.
        if mkdir(folder, 0o755) != 0, errno != EEXIST {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(folder, error.localizedDescription)
            }
        }
        if let previous, let stamp = FileIdentity.link(previous + "/" + relative, to: target, ifItHolds: file.data) {
            tally.add(relative, stamp, unchanged: true)
            return
        }
        let stamp = try FileIdentity.write(file.data, to: target)
        tally.add(relative, stamp, unchanged: false)
    }

    /// Swaps the staged site in as the output folder: the marker written last, old output
    /// aside (left as the retired folder for the next build to remove), staging in.
    /// - Parameters:
    ///   - inputs: what the build read and how it was called, recorded in the marker so that
    ///     a build from the same inputs can leave the folder alone (see `SiteWriter.unchangedSite`);
    ///     empty when unknown (never matched).
    ///   - counts, warnings: recorded in the marker to be reported again then.
    /// - Throws: `cannotWrite` when the swap failed and the old site is back in place;
    ///   `cannotRestore` in the rare case that putting it back failed too (the next build
    ///   puts it back).
    @discardableResult
    public func commit(inputs: String = "", counts: [String: Int] = [:], warnings: [Diagnostic] = []) throws(OutputError) -> CommitReport {
        let (stamps, unchanged) = tally.result
        let marker = OutputMarker(inputs: inputs, counts: counts, warnings: warnings,
                                  files: stamps.filter { OutputMarker.canRecord($0.key) })
        _ = try FileIdentity.write(Data(marker.text.utf8), to: staging.path + "/" + SiteWriter.markerName)
        let manager = FileManager.default
        let output = writer.folder
        let retired = writer.parent.appendingPathComponent(writer.retiredPrefix + ProcessInfo.processInfo.globallyUniqueString)
        let hadOutput = manager.fileExists(atPath: output.path)
        let before = cleanup.filesBefore() ?? [:]
        do {
            if hadOutput { try manager.moveItem(at: output, to: retired) }
            try manager.moveItem(at: staging, to: output)
        } catch {
            abort()
            if hadOutput, !manager.fileExists(atPath: output.path) {
                do {
                    try manager.moveItem(at: retired, to: output)
                } catch {
                    throw .cannotRestore(writer.outputDirectory.path, retired.path)
                }
            }
            throw .cannotWrite(writer.outputDirectory.path, error.localizedDescription)
        }
        // Waited for only now, so that it never holds up the swap; it ran while the site
        // was rendered, and must be done before the lock is let go.
        cleanup.finish()
        let removed = before.keys.reduce(0) { $0 + (stamps[$1] == nil ? 1 : 0) }
        return CommitReport(written: stamps.count - unchanged, unchanged: unchanged, removed: removed)
    }

    /// Throws the staged files away; the output folder is untouched.
    public func abort() {
        cleanup.finish()
        FileIdentity.removeTree(staging.path)
    }
}

/// The staged files' stamps and how many were linked unchanged; shared by the threads
/// that write.
private final class StagingTally: @unchecked Sendable {
    private let lock = NSLock()
    private var stamps: [String: FileStamp] = [:]
    private var unchanged = 0

    func add(_ path: String, _ stamp: FileStamp, unchanged isUnchanged: Bool) {
        lock.lock()
        defer { lock.unlock() }
        stamps[path] = stamp
        if isUnchanged { unchanged += 1 }
    }

    var result: (stamps: [String: FileStamp], unchanged: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (stamps, unchanged)
    }
}

/// Removes what earlier builds left, on a thread of its own, and lists the current
/// output's files meanwhile (to count what the new site removes).
///
/// Started by `SiteWriter.clearAway` with the output's lock held; `finish()` must be
/// called before the lock is let go (`commit` and `abort` call it).
public final class LeftoverRemoval: @unchecked Sendable {
    private let listing = DispatchGroup()
    private let removal = DispatchGroup()
    /// Written by the thread before it leaves `listing`, read only after waiting on it.
    private var listed: [String: FileStamp]?

    init(removing folders: [String], listing output: String?) {
        listing.enter()
        removal.enter()
        Thread.detachNewThread { [self] in
            if let output { listed = FolderInventory.files(below: output, skipping: SiteWriter.markerName) }
            listing.leave()
            for folder in folders { FileIdentity.removeTree(folder) }
            removal.leave()
        }
    }

    /// The files the output held when the removal began; waits for that listing only
    /// (a walk of milliseconds), so it must be asked before the output is replaced.
    func filesBefore() -> [String: FileStamp]? {
        listing.wait()
        return listed
    }

    /// Waits until the removal is done.
    public func finish() {
        removal.wait()
    }
}

/// Why the output could not be written.
public enum OutputError: Error, Equatable, CustomStringConvertible {
    case cannotWrite(String, String)
    case unsafePath(String)
    /// The output folder (as named) may not be replaced, and why.
    case unsafeOutput(String, String)
    /// The archive path (as named) may not be written, and why.
    case unsafeArchive(String, String)
    /// Another build held the output folder's lock for longer than the wait allowed.
    case busy(String, String)
    /// The swap failed and the old site could not be put back; it is kept at the second path.
    case cannotRestore(String, String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .unsafePath(let path): "refusing to write outside the output folder: \(path)"
        case .unsafeOutput(let path, let reason):
            "refusing to replace \(path) with the site: \(reason) (choose another --output, or delete the folder first)"
        case .unsafeArchive(let path, let reason):
            "refusing to write the archive to \(path): \(reason) (choose another --archive)"
        case .busy(let path, let waited):
            "another build into \(path) is still running after \(waited) of waiting; try again when it has finished"
        case .cannotRestore(let path, let kept):
            "cannot put the previous site back into \(path); it is kept in \(kept), and the next build puts it back"
        }
    }
}
