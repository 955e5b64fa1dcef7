import Foundation
import PortalCore
#if canImport(Glibc)
import Glibc
#endif

/// Everything a build reads and how it is called, as one value: every file below the
/// content and theme folders (relative path, size and a 64-bit FNV-1a hash of its
/// bytes), the portal program itself (its size, modification time and inode, so that a
/// new portal builds again), and the options that change what is written or printed
/// (the base URL, drafts, how the folders are named in diagnostics).
///
/// Two builds with the same fingerprint write the same bytes: the output depends on
/// nothing else (no clock, no environment). The hash is for noticing change, not for
/// security; a change that keeps a file's size and FNV-1a hash is vanishingly unlikely.
///
/// It is taken before the content is loaded: a file edited while the build runs then
/// differs from what the fingerprint recorded, so the next build builds again rather
/// than trust an output made from the older bytes.
///
/// Hidden folders (`.git`) are passed over, as the content reader and the theme loader
/// do; every other file counts, read or not (at worst a change the build ignores makes
/// the next one build again). Links are followed, as the content reader follows them.
struct InputFingerprint: Sendable {
    /// Increased whenever what goes into the fingerprint changes.
    static let version = 1

    /// The fingerprint of a build with `options` and `sources`; nil when the portal
    /// program cannot be identified (then every build builds).
    static func of(_ options: BuildOptions, _ sources: SiteSources) -> String? {
        guard let program = programIdentity else { return nil }
        var lines = [
            "kommuneportal-inputs \(version)",
            "program \(program)",
            "base-url \(options.baseURL ?? "-")",
            "drafts \(sources.includeDrafts)",
            "content-display \(sources.contentDisplay)",
            "theme-display \(sources.themeDisplay)",
        ]
        var count = 0
        var bytes: Int64 = 0
        for (name, folder) in [("content", sources.contentDirectory), ("theme", sources.themeDirectory)] {
            var found: [Entry] = []
            var visited: Set<FolderID> = []
            walk(folder.path, relative: "", visited: &visited, into: &found)
            let hashed = found.concurrentMap { $0.hashed() }
            for entry in hashed.sorted(by: { $0.path < $1.path }) {
                lines.append("\(name) \(entry.description)")
                count += 1
                bytes += max(0, entry.size)
            }
        }
        var hash = FNV1a()
        for line in lines {
            hash.add(line.utf8)
            hash.add(CollectionOfOne(0x0A))
        }
        return "v\(version)-\(count)-\(bytes)-" + String(hash.value, radix: 16)
    }

    /// The running program's size, modification time and inode; nil when unknown.
    static var programIdentity: String? {
        guard let path = Bundle.main.executablePath else { return nil }
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_dev):\(status.st_ino)"
    }

    private struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// One thing found below a folder.
    private struct Entry: Sendable {
        enum Kind: Sendable { case file, special, unreadable }
        var path: String
        var absolute: String
        var kind: Kind
        var size: Int64 = -1
        var hash: UInt64 = 0

        /// With the hash of its bytes, when it is a file.
        func hashed() -> Entry {
            guard kind == .file else { return self }
            var copy = self
            guard let hash = FNV1a.ofFile(absolute) else {
                copy.kind = .unreadable
                return copy
            }
            copy.size = hash.size
            copy.hash = hash.value
            return copy
        }

        var description: String {
            switch kind {
            case .file: "\(path)\t\(size)\t\(String(hash, radix: 16))"
            case .special: "\(path)\tspecial"
            case .unreadable: "\(path)\tunreadable"
            }
        }
    }

    private static func walk(_ folder: String, relative: String, visited: inout Set<FolderID>, into found: inout [Entry]) {
        var status = stat()
        guard stat(folder, &status) == 0,
              visited.insert(FolderID(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))).inserted,
              let directory = opendir(folder) else {
            found.append(Entry(path: relative + "/", absolute: folder, kind: .unreadable))
            return
        }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        closedir(directory)
        for name in names {
            let absolute = folder + "/" + name
            let path = relative.isEmpty ? name : relative + "/" + name
            guard stat(absolute, &status) == 0 else {
                // A dangling link: the content reader reports it, so it counts.
                found.append(Entry(path: path, absolute: absolute, kind: .unreadable))
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                if !name.hasPrefix(".") { walk(absolute, relative: path, visited: &visited, into: &found) }
            case S_IFREG:
                found.append(Entry(path: path, absolute: absolute, kind: .file))
            default:
                // Not opened: reading a named pipe would wait for ever.
                found.append(Entry(path: path, absolute: absolute, kind: .special))
            }
        }
    }
}

/// The 64-bit FNV-1a hash: simple and fast enough to hash 50 MB of content in well
/// under a second, and good at telling small edits apart.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
    }

    mutating func add(_ buffer: UnsafeRawBufferPointer) {
        var value = self.value
        for byte in buffer {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        self.value = value
    }

    /// The hash of a file's bytes and their number; nil when it cannot be read.
    static func ofFile(_ path: String) -> (value: UInt64, size: Int64)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var hash = FNV1a()
        var size: Int64 = 0
        let complete = withUnsafeTemporaryAllocation(byteCount: 64 * 1024, alignment: 16) { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            while true {
                let count = read(descriptor, base, buffer.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if count == 0 { return true }
                hash.add(UnsafeRawBufferPointer(start: base, count: count))
                size += Int64(count)
            }
        }
        return complete ? (hash.value, size) : nil
    }
}
