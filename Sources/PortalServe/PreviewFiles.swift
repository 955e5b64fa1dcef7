import Foundation
import PortalCore

/// The preview's site, held in memory: every file the last good build wrote, by its
/// path. Written by the rebuild (from several threads while pages render) and read by
/// requests at the same time, so every access takes the lock.
final class PreviewFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: Data] = [:]
    private var problemsFragment: String?

    /// The problems shown over every page, as HTML from the theme; nil when there are none.
    var problems: String? {
        get { lock.withLock { problemsFragment } }
        set { lock.withLock { problemsFragment = newValue } }
    }

    @Sendable func write(_ file: OutputFile) {
        lock.withLock { files[file.path] = file.data }
    }

    func remove(_ path: String) {
        lock.withLock { files[path] = nil }
    }

    func file(_ path: String) -> Data? {
        lock.withLock { files[path] }
    }

    var count: Int { lock.withLock { files.count } }
}
