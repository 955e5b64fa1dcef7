import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one rule for every path the portal writes (the output folder, the archive, and
/// whatever later commands write): nothing typed on the command line may destroy what
/// the portal did not make.
///
/// Paths are compared as real paths, with symbolic links resolved, so that a link or
/// a `..` cannot smuggle a protected folder past the check. The rule:
/// - a written path may never be, hold or lie inside a *source* folder (the content
///   and the theme: what the build reads);
/// - it may never be or hold the current folder (`--output .`, `--archive ..`);
/// - a file (the archive) may in addition never lie inside the output folder, and may
///   only replace a regular file that the portal wrote itself.
public struct PathGuard: Sendable {
    /// Real paths of the folders the build reads.
    let sources: [String]
    /// Real path of the folder the command runs in.
    let current: String

    /// - Parameter sources: the content and theme folders.
    public init(sources: [URL], currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.sources = sources.map { RealPath.of($0.path) }
        current = RealPath.of(currentDirectory.path)
    }

    /// The real folder the site is swapped into: `output` itself, or the folder it is a
    /// symbolic link to (a deploy link such as `output -> /var/www/portal` is kept, and
    /// the site is built behind it).
    /// - Throws: `OutputError.unsafeOutput` when the folder may not be replaced.
    public func outputFolder(_ output: URL) throws(OutputError) -> URL {
        let shown = output.path
        if let target = RealPath.symbolicLinkTarget(shown), !RealPath.exists(RealPath.of(shown)) {
            throw .unsafeOutput(shown, "it is a symbolic link to \(target), which does not exist")
        }
        let real = RealPath.of(shown)
        try checkNotOverlapping(real, shown: shown, isFile: false, reason: OutputError.unsafeOutput)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else { return URL(fileURLWithPath: real) }
        guard isDirectory.boolValue else { throw .unsafeOutput(shown, "it is a file, not a folder") }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: real)) ?? []
        if !names.isEmpty, !names.contains(SiteWriter.markerName) {
            throw .unsafeOutput(shown, "it is a folder the portal did not make")
        }
        return URL(fileURLWithPath: real)
    }

    /// The real path the archive is written to.
    /// - Parameter output: the real output folder, which the archive may not lie inside.
    /// - Throws: `OutputError.unsafeArchive` for a folder, a symbolic link, a file that is
    ///   not an archive the portal wrote, a path in or around a protected folder, or a
    ///   folder that does not exist.
    public func archiveFile(_ archive: URL, output: URL) throws(OutputError) -> URL {
        let shown = archive.path
        if RealPath.symbolicLinkTarget(shown) != nil {
            throw .unsafeArchive(shown, "it is a symbolic link; name the file itself")
        }
        let real = RealPath.of(shown)
        let outputReal = RealPath.of(output.path)
        if real == outputReal {
            throw .unsafeArchive(shown, "it is the output folder")
        }
        if RealPath.isInside(real, outputReal) {
            throw .unsafeArchive(shown, "it is inside the output folder \(output.path)")
        }
        try checkNotOverlapping(real, shown: shown, isFile: true, reason: OutputError.unsafeArchive)
        let parent = (real as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unsafeArchive(shown, "the folder \(parent) does not exist")
        }
        var status = stat()
        if lstat(real, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR: throw .unsafeArchive(shown, "it is a folder")
            case S_IFREG:
                guard SiteArchive.isPortalArchive(URL(fileURLWithPath: real)) else {
                    throw .unsafeArchive(shown, "it is a file the portal did not write (not a zip of a built site)")
                }
            default: throw .unsafeArchive(shown, "it is not a regular file")
            }
        }
        return URL(fileURLWithPath: real)
    }

    /// Refuses `real` when it is, holds or lies inside a source folder, or is or holds the
    /// current folder.
    private func checkNotOverlapping(
        _ real: String, shown: String, isFile: Bool, reason: (String, String) -> OutputError
    ) throws(OutputError) {
        if real == current || RealPath.isInside(current, real) {
            throw reason(shown, real == current ? "it is the current folder" : "it holds the current folder \(current)")
        }
        for source in sources {
            if real == source || RealPath.isInside(source, real) {
                throw reason(shown, real == source ? "it is the folder \(source) that the build reads" : "it holds \(source)")
            }
            if RealPath.isInside(real, source) {
                throw reason(shown, "it is inside \(source), which the build reads")
            }
        }
    }
}

/// Real paths of files that may not exist yet.
enum RealPath {
    /// `path` made absolute, with every symbolic link and `.`/`..` of its existing part
    /// resolved; the part that does not exist yet is appended as written.
    static func of(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = (absolute as NSString).standardizingPath
        var missing: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return missing.reversed().reduce(base) { ($0 == "/" ? "" : $0) + "/" + $1 }
            }
            let parent = (existing as NSString).deletingLastPathComponent
            if parent == existing || parent.isEmpty { return (absolute as NSString).standardizingPath }
            missing.append((existing as NSString).lastPathComponent)
            existing = parent
        }
    }

    /// Whether `path` lies strictly inside `folder` (both real paths).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }

    /// Whether something exists at `path`, following symbolic links (a dangling link
    /// does not count).
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// What the symbolic link at `path` points to; nil when `path` is no link.
    static func symbolicLinkTarget(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    }
}
