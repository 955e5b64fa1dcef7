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

    /// The file that marks a folder as one this writer made, so that it never replaces a
    /// folder it did not make (`--output .` or `--output content` by mistake).
    public static let markerName = ".kommuneportal"

    /// Takes the output folder's lock; hold it from `begin` until after the commit.
    /// - Parameter waiting: called before waiting for another build into the same folder.
    public func lock(timeout: Duration = .seconds(600), waiting: (Int32?) -> Void = { _ in }) throws(OutputError) -> OutputLock {
        try OutputLock(for: folder, timeout: timeout, waiting: waiting)
    }

    /// Starts a new staging folder; write files into it, then `commit()` or `abort()`.
    /// Requires the output's lock, so that cleaning up never removes the staging folder of
    /// a build that is still running: with the lock held, every other one is a dead build's.
    public func begin(holding lock: borrowing OutputLock) throws(OutputError) -> StagedSite {
        // The folder may have changed since the check (another build finished meanwhile).
        _ = try PathGuard(sources: []).outputFolder(folder)
        try removeLeftovers(holding: lock)
        let staging = parent.appendingPathComponent(stagingPrefix + ProcessInfo.processInfo.globallyUniqueString)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(staging.path, error.localizedDescription)
        }
        let site = StagedSite(staging: staging, writer: self)
        try site.write(OutputFile(path: Self.markerName, text: "Made by portal build; replaced as a whole by the next build.\n"))
        return site
    }

    /// Writes `files` as the whole new site in one go.
    public func write(_ files: [OutputFile]) throws(OutputError) {
        let lock = try lock()
        let site = try begin(holding: lock)
        do {
            for file in files { try site.write(file) }
            try site.commit()
        } catch {
            site.abort()
            throw error
        }
    }

    /// Removes staging and retired folders a killed build left behind. A retired folder
    /// with no output folder beside it is the last good site: it is put back.
    public func removeLeftovers(holding lock: borrowing OutputLock) throws(OutputError) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() {
            let url = parent.appendingPathComponent(name)
            if name.hasPrefix(retiredPrefix), !manager.fileExists(atPath: folder.path) {
                try? manager.moveItem(at: url, to: folder)
            } else if name.hasPrefix(stagingPrefix) || name.hasPrefix(retiredPrefix) {
                try? manager.removeItem(at: url)
            }
        }
    }

    /// The path if it stays inside the output folder: relative, no `..`, no empty parts.
    static func safeRelativePath(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.isEmpty,
              parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }) else { return nil }
        return path
    }
}

/// A site being written into its staging folder. `write` may be called from several
/// threads at once (for different files).
public struct StagedSite: Sendable {
    public let staging: URL
    let writer: SiteWriter

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
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(target, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let failure = file.data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw .cannotWrite(target, String(cString: strerror(failure))) }
    }

    /// Swaps the staged site in as the output folder: old output aside, staging in,
    /// old output removed.
    /// - Throws: `cannotWrite` when the swap failed and the old site is back in place;
    ///   `cannotRestore` in the rare case that putting it back failed too (the next build
    ///   puts it back).
    public func commit() throws(OutputError) {
        let manager = FileManager.default
        let output = writer.folder
        let retired = writer.parent.appendingPathComponent(writer.retiredPrefix + ProcessInfo.processInfo.globallyUniqueString)
        let hadOutput = manager.fileExists(atPath: output.path)
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
        try? manager.removeItem(at: retired)
    }

    /// Throws the staged files away; the output folder is untouched.
    public func abort() {
        try? FileManager.default.removeItem(at: staging)
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
