import Foundation
import PortalBuild
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders (recursively) and reports each file event as a `FileChange`.
///
/// It uses inotify, with one watch per folder and a watch added for every folder that
/// appears; where inotify cannot be had (a file system without it, the per-user watch
/// limit reached) it falls back to comparing the folders' files every 300 ms. Events
/// are handed out in bursts, so that several saves give one rebuild.
final class FileWatcher: @unchecked Sendable {
    private let folders: [URL]
    private let lock = NSLock()
    private var stopped = false
    private var thread: Thread?

    /// Events not yet taken, and a signal that there are some.
    private var pending: [FileChange] = []
    /// When the last event came.
    private var lastEvent = ContinuousClock.now
    private let signal: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    /// How the watcher learns of changes, for the start-up message.
    private(set) var method = "inotify"

    /// How to learn of changes: inotify where it works, or polling whatever the system.
    enum Method: Sendable { case automatic, polling }
    private let requested: Method

    init(_ folders: [URL], method: Method = .automatic) {
        self.folders = folders.map(\.standardizedFileURL)
        requested = method
        (signal, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// The events in bursts: a burst ends when no event has come for `quiet`, or after
    /// `longest` (editors save twice; tools write a temporary file and rename it; a
    /// `git checkout` touches hundreds of files). Ends when `stop()` is called.
    func bursts(quiet: Duration = .milliseconds(60), longest: Duration = .seconds(1)) -> AsyncStream<[FileChange]> {
        AsyncStream { output in
            let task = Task {
                for await _ in signal {
                    // Wait until `quiet` has passed since the last event (not since the
                    // first: a save is several events within microseconds).
                    let clock = ContinuousClock()
                    let end = clock.now + longest
                    while !Task.isCancelled {
                        let quietFrom = lock.withLock { lastEvent } + quiet
                        guard clock.now < quietFrom, clock.now < end else { break }
                        try? await Task.sleep(until: min(quietFrom, end), clock: clock)
                    }
                    let burst: [FileChange] = lock.withLock {
                        defer { pending.removeAll() }
                        return pending
                    }
                    if !burst.isEmpty { output.yield(burst) }
                }
                output.finish()
            }
            output.onTermination = { _ in task.cancel() }
        }
    }

    private func report(_ change: FileChange) {
        lock.withLock {
            pending.append(change)
            lastEvent = .now
        }
        continuation.yield()
    }

    func start() {
        let descriptor = requested == .polling ? -1 : inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        let thread: Thread
        if descriptor >= 0, let watches = Inotify(descriptor: descriptor, folders: folders) {
            thread = Thread { [self] in watchWithInotify(watches) }
        } else {
            if descriptor >= 0 { close(descriptor) }
            method = "polling every 300 ms"
            thread = Thread { [self] in watchByPolling() }
        }
        thread.name = "portal file watcher"
        lock.withLock { self.thread = thread }
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
        continuation.finish()
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    // MARK: inotify

    private func watchWithInotify(_ watches: Inotify) {
        defer { watches.close() }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var poller = pollfd(fd: watches.descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(watches.descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            for change in watches.changes(in: buffer[..<count]) { report(change) }
        }
    }

    // MARK: Polling

    private func watchByPolling() {
        var before = snapshot()
        while !isStopped {
            usleep(300_000)
            let now = snapshot()
            for (path, stamp) in now where before[path] != stamp {
                report(FileChange(before[path] == nil ? .created : .modified, URL(fileURLWithPath: path), isFolder: stamp.isFolder))
            }
            for (path, stamp) in before where now[path] == nil {
                report(FileChange(.removed, URL(fileURLWithPath: path), isFolder: stamp.isFolder))
            }
            before = now
        }
    }

    private struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
        var isFolder: Bool
    }

    private func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey, .isDirectoryKey]) else { continue }
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey, .isDirectoryKey])
                stamps[url.standardizedFileURL.path] = Stamp(
                    modified: values?.contentModificationDate, size: values?.fileSize, isFolder: values?.isDirectory ?? false)
            }
        }
        return stamps
    }
}

/// The inotify descriptor and its watches: one per folder, by watch descriptor.
private final class Inotify: @unchecked Sendable {
    let descriptor: Int32
    private var folders: [Int32: String] = [:]

    private static let mask = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MODIFY | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_DELETE_SELF | IN_ATTRIB)

    /// Nil when a folder cannot be watched (the caller then polls).
    init?(descriptor: Int32, folders: [URL]) {
        self.descriptor = descriptor
        for folder in folders where !watchTree(folder.path) { return nil }
    }

    func close() {
        _ = Glibc.close(descriptor)
    }

    /// Watches `path` and every folder below it; false when a watch cannot be added.
    @discardableResult
    private func watchTree(_ path: String) -> Bool {
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return false }
        folders[watch] = path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names where !name.hasPrefix(".") {
            var isFolder: ObjCBool = false
            let child = path + "/" + name
            if FileManager.default.fileExists(atPath: child, isDirectory: &isFolder), isFolder.boolValue {
                guard watchTree(child) else { return false }
            }
        }
        return true
    }

    /// The changes in a buffer of inotify events; folders that appear are watched too.
    func changes(in bytes: ArraySlice<UInt8>) -> [FileChange] {
        var changes: [FileChange] = []
        bytes.withUnsafeBytes { raw in
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= raw.count {
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                let nameBytes = raw[(offset + header)..<min(raw.count, offset + header + Int(event.len))]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + Int(event.len)
                guard let folder = folders[event.wd] else { continue }
                if event.mask & UInt32(IN_IGNORED) != 0 {
                    folders[event.wd] = nil
                    continue
                }
                let path = name.isEmpty ? folder : folder + "/" + name
                let isFolder = event.mask & UInt32(IN_ISDIR) != 0
                let kind: FileChange.Kind
                if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    kind = .created
                    if isFolder, !name.hasPrefix(".") { watchTree(path) }
                } else if event.mask & UInt32(IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF) != 0 {
                    kind = .removed
                } else {
                    kind = .modified
                }
                changes.append(FileChange(kind, URL(fileURLWithPath: path), isFolder: isFolder))
            }
        }
        return changes
    }
}
