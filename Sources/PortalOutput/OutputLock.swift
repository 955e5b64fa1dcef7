import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Exclusive right to write one output folder, so that two builds into it (an editor's
/// build while a CI job or a file watcher runs one) take turns instead of removing each
/// other's staging folders.
///
/// It is an OS advisory lock (`flock`) on a file beside the output folder
/// (`.output.lock`), so the kernel releases it when the process ends in any way, even
/// by SIGKILL: a lock is never left stale. The file itself stays, as lock files do;
/// removing it while another process waits on it would let a third one in.
///
/// Non-copyable: the lock is held exactly as long as this value lives.
public struct OutputLock: ~Copyable {
    private let descriptor: Int32
    /// The lock file's path.
    public let path: String

    /// Takes the lock for the output folder `folder` (a real path), waiting while another
    /// build holds it.
    /// - Parameters:
    ///   - timeout: how long to wait for another build before giving up.
    ///   - waiting: called once, before waiting, with the other build's process id when
    ///     the lock file names it; so that the user is told why nothing happens.
    public init(
        for folder: URL, timeout: Duration = .seconds(600), waiting: (Int32?) -> Void = { _ in }
    ) throws(OutputError) {
        let parent = folder.deletingLastPathComponent().path
        let name = "." + folder.lastPathComponent + ".lock"
        path = (parent == "/" ? "" : parent) + "/" + name
        // The output's parent folder may be new (`--output site/2026`).
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(parent, error.localizedDescription)
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotWrite(path, "cannot create the lock file: " + String(cString: strerror(errno)))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw .cannotWrite(path, "cannot lock: " + reason)
            }
            waiting(Self.holder(descriptor))
            let clock = ContinuousClock()
            let deadline = clock.now + timeout
            while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                guard clock.now < deadline else {
                    close(descriptor)
                    throw .busy(folder.path, Self.describe(timeout))
                }
                usleep(50_000)
            }
        }
        self.descriptor = descriptor
        record(getpid())
    }

    deinit {
        close(descriptor)
    }

    /// Writes the holder's process id into the lock file, for the message of a build that waits.
    private func record(_ pid: Int32) {
        let text = Array("\(pid)\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func describe(_ duration: Duration) -> String {
        let seconds = duration.components.seconds
        return seconds >= 120 ? "\(seconds / 60) minutes" : "\(seconds) seconds"
    }
}
