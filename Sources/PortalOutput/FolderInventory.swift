import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files below a folder with their stamps, read with plain system calls (a site of
/// 16,000 files in a few tens of milliseconds; FileManager's enumerator takes ten times
/// as long). Symbolic links are not followed; anything that is not a regular file or a
/// folder is listed with an impossible stamp, so that it never matches a recorded file.
enum FolderInventory {
    /// Every regular file below `root` by relative path; nil when `root` cannot be read.
    /// - Parameter skipping: a name at the top level to leave out (the marker).
    static func files(below root: String, skipping skipped: String? = nil) -> [String: FileStamp]? {
        var result: [String: FileStamp] = [:]
        guard walk(root, relative: "", skipping: skipped, into: &result) else { return nil }
        return result
    }

    private static func walk(_ folder: String, relative: String, skipping skipped: String?,
                             into result: inout [String: FileStamp]) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || (relative.isEmpty && name == skipped) { continue }
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            let path = relative.isEmpty ? name : relative + "/" + name
            switch status.st_mode & S_IFMT {
            case S_IFDIR: folders.append(name)
            case S_IFREG: result[path] = FileStamp(status)
            default: result[path] = FileStamp(size: -1, seconds: 0, nanoseconds: 0)
            }
        }
        for name in folders {
            let path = relative.isEmpty ? name : relative + "/" + name
            guard walk(folder + "/" + name, relative: path, skipping: nil, into: &result) else { return false }
        }
        return true
    }
}
