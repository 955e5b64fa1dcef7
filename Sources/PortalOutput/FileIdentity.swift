import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file operations of the staging folder, in plain system calls: at tens of thousands
/// of files, FileManager's extra checks per call cost more than the work.
enum FileIdentity {
    /// Links the file at `old` in as `target` when it is a regular file holding exactly
    /// `data` (size first, then bytes), so that the file keeps its inode and modification
    /// time. Nil when it does not hold them, or linking failed (another file system, no
    /// right to link): the caller then writes the file.
    static func link(_ old: String, to target: String, ifItHolds data: Data) -> FileStamp? {
        var status = stat()
        guard lstat(old, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == data.count,
              holds(old, data) else { return nil }
        if Glibc.link(old, target) != 0 {
            // A path staged twice: the earlier file is replaced, never written through.
            guard errno == EEXIST, unlink(target) == 0, Glibc.link(old, target) == 0 else { return nil }
        }
        guard lstat(target, &status) == 0 else { return nil }
        return FileStamp(status)
    }

    /// Writes `data` as a new file at `target`; the stamp it then has. A file already at
    /// `target` is unlinked first, never truncated: it may be linked to a file of the
    /// live output.
    static func write(_ data: Data, to target: String) throws(OutputError) -> FileStamp {
        var descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == EEXIST, unlink(target) == 0 {
            descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw .cannotWrite(target, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let failure = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
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
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .cannotWrite(target, String(cString: strerror(errno))) }
        return FileStamp(status)
    }

    /// Whether the file at `path` holds exactly `data`.
    static func holds(_ path: String, _ data: Data) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return data.withUnsafeBytes { expected -> Bool in
            withUnsafeTemporaryAllocation(byteCount: 64 * 1024, alignment: 16) { buffer -> Bool in
                guard let base = buffer.baseAddress else { return false }
                var offset = 0
                while true {
                    let count = read(descriptor, base, buffer.count)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    if count == 0 { return offset == expected.count }
                    guard offset + count <= expected.count, let start = expected.baseAddress,
                          memcmp(base, start + offset, count) == 0 else { return false }
                    offset += count
                }
            }
        }
    }

    /// Removes the folder at `path` and everything below it, links not followed; what
    /// cannot be removed stays (the next build tries again).
    static func removeTree(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            unlink(path)
            return
        }
        removeContents(of: descriptor)
        rmdir(path)
    }

    /// Removes everything in the open folder `descriptor`, and closes it.
    private static func removeContents(of descriptor: Int32) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(directory) }
        // Names as bytes (a name need not be UTF-8), all read before anything is removed.
        var names: [[CChar]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                raw.prefix { $0 != 0 }.map { CChar(bitPattern: $0) } + [0]
            }
            if name == [46, 0] || name == [46, 46, 0] { continue }
            names.append(name)
        }
        for name in names {
            // unlink(2) refuses a folder (EISDIR on Linux, EPERM by POSIX): empty it first.
            guard unlinkat(descriptor, name, 0) != 0, errno == EISDIR || errno == EPERM else { continue }
            let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 { removeContents(of: child) }
            unlinkat(descriptor, name, AT_REMOVEDIR)
        }
    }
}
