import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files below one folder and nowhere else, never destroying what the portal did
/// not make: `portal new` creates a content file that must not exist yet, and
/// `portal schema` writes files it may only replace when it wrote them itself.
///
/// The rule is `PathGuard`'s, for files inside a folder the user named: every folder on
/// the way is checked as a real path (a symbolic link that leads out of the root is
/// refused), a new file is written to a temporary file beside it and linked into place
/// with link(2), which fails rather than replace anything, and a replaced file is renamed
/// over only when it is a regular file that passes the caller's test of being its own.
public struct ContainedWriter: Sendable {
    /// The folder as the user named it, for messages.
    let display: String
    /// Its real path.
    let root: String

    /// - Parameter display: how `root` is named in messages (`content`).
    /// - Throws: `WriteRefusal.notAFolder` when `root` is not an existing folder.
    public init(root: URL, display: String) throws(WriteRefusal) {
        self.display = display
        self.root = RealPath.of(root.path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: self.root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notAFolder(display)
        }
    }

    /// Creates the file at `components` (folders, then the file name, relative to the
    /// root) with `contents`, and the folders on the way that do not exist yet.
    /// - Returns: the file's path as the user would type it (`content/tags/ny.md`).
    /// - Throws: `WriteRefusal` when something is already there, a folder on the way is
    ///   a file or a link that leads out of the root, or the file cannot be written; the
    ///   folders it made are then removed again.
    @discardableResult
    public func create(_ components: [String], contents: Data) throws(WriteRefusal) -> String {
        let shown = ([display] + components).joined(separator: "/")
        guard let name = components.last else { throw .notPlain(shown) }
        for component in components where !Self.isPlainName(component) { throw .notPlain(shown) }
        var made: [String] = []
        do throws(WriteRefusal) {
            let folder = try folder(for: Array(components.dropLast()), made: &made)
            try Self.linkNew(contents, as: folder + "/" + name, shown: shown)
        } catch {
            for path in made.reversed() { rmdir(path) }
            throw error
        }
        return shown
    }

    /// Writes `name` directly in the root, replacing a file of that name only when it is
    /// a regular file for which `isOwn` says the portal wrote it.
    /// - Returns: whether the file was new, or replaced.
    @discardableResult
    public func replace(_ name: String, contents: Data, isOwn: (Data) -> Bool) throws(WriteRefusal) -> Bool {
        let shown = display + "/" + name
        guard Self.isPlainName(name) else { throw .notPlain(shown) }
        let path = root + "/" + name
        var status = stat()
        let exists = lstat(path, &status) == 0
        if exists {
            guard status.st_mode & S_IFMT == S_IFREG else { throw .notOwn(shown, "it is not a regular file") }
            guard let current = FileManager.default.contents(atPath: path), isOwn(current) else {
                throw .notOwn(shown, "the portal did not write it")
            }
            if current == contents { return false }
        }
        let temporary = try Self.temporaryFile(with: contents, beside: path, shown: shown)
        // rename(2) replaces the regular file checked above in one step.
        guard rename(temporary, path) == 0 else {
            let reason = Self.lastError
            unlink(temporary)
            throw .cannotWrite(shown, reason)
        }
        return !exists
    }

    // MARK: Steps

    /// The real path of the folder at `components`, made where missing; `made` collects
    /// the folders made, so that a failure can remove them again.
    private func folder(for components: [String], made: inout [String]) throws(WriteRefusal) -> String {
        var current = root
        var shown = display
        for component in components {
            let path = current + "/" + component
            shown += "/" + component
            var status = stat()
            if lstat(path, &status) != 0 {
                guard errno == ENOENT else { throw .cannotWrite(shown, Self.lastError) }
                guard mkdir(path, 0o777) == 0 else { throw .cannotWrite(shown, Self.lastError) }
                made.append(path)
                current = path
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                current = path
            case S_IFLNK:
                let real = RealPath.of(path)
                guard RealPath.isInside(real, root) else {
                    throw .outside(shown, "it is a symbolic link to \(real), outside \(display)")
                }
                var target = stat()
                guard stat(real, &target) == 0, target.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(shown) }
                current = real
            default:
                throw .notAFolder(shown)
            }
        }
        return current
    }

    /// Writes `contents` to a new temporary file beside `path` and links it in as `path`,
    /// which fails if anything (even a dangling link) is there.
    private static func linkNew(_ contents: Data, as path: String, shown: String) throws(WriteRefusal) {
        var status = stat()
        if lstat(path, &status) == 0 { throw .exists(shown) }
        let temporary = try temporaryFile(with: contents, beside: path, shown: shown)
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw .exists(shown) }
            throw .cannotWrite(shown, lastError)
        }
    }

    /// A new file beside `path` holding `contents`, written to disk. Its name ends in
    /// `.tmp`, which the content reader passes over in silence, as it does editors' files.
    private static func temporaryFile(with contents: Data, beside path: String, shown: String) throws(WriteRefusal) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = folder + "/." + name + "." + UUID().uuidString.prefix(8).lowercased() + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .cannotWrite(shown, lastError) }
        var failure: String?
        contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, failure == nil {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno != EINTR { failure = lastError }
                } else {
                    offset += written
                }
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = lastError }
        if close(descriptor) != 0, failure == nil { failure = lastError }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(shown, failure)
        }
        return temporary
    }

    /// A file or folder name that stays where it is put: not empty, no slash, not `.`
    /// or `..`, no NUL.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    private static var lastError: String { String(cString: strerror(errno)) }
}

/// Why a file was not written; nothing was changed.
public enum WriteRefusal: Error, Equatable, CustomStringConvertible {
    /// Something is already at the path; it is never replaced.
    case exists(String)
    /// A folder on the way leads out of the folder it must stay in, and why.
    case outside(String, String)
    case notAFolder(String)
    /// A name that is not a plain file name (empty, `..`, holding a slash).
    case notPlain(String)
    /// The file there may not be replaced, and why.
    case notOwn(String, String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .exists(let path): "\(path) already exists; it is never replaced"
        case .outside(let path, let reason): "refusing to write through \(path): \(reason)"
        case .notAFolder(let path): "\(path) is not a folder"
        case .notPlain(let path): "refusing to write \(path): a name in it is not a plain file name"
        case .notOwn(let path, let reason): "refusing to replace \(path): \(reason)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
