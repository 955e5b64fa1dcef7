import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#endif

/// Packs a written site into a zip archive for IT departments that upload one. The
/// archive holds exactly the output folder's files at its top level, so it can be
/// unpacked into any folder, including a sub-path of a web server.
///
/// It only ever writes a regular file: the zip is made in a temporary file beside the
/// target and renamed over it, so the target is either the old archive or the new one,
/// and nothing else is ever removed. Which targets are allowed is `PathGuard`'s rule.
public struct SiteArchive: Sendable {
    public init() {}

    /// - Parameters:
    ///   - outputDirectory: the written site.
    ///   - archiveURL: a path `PathGuard.archiveFile` has accepted.
    public func archive(_ outputDirectory: URL, to archiveURL: URL) throws(OutputError) {
        let manager = FileManager.default
        let temporary = archiveURL.deletingLastPathComponent()
            .appendingPathComponent(".\(archiveURL.lastPathComponent).\(ProcessInfo.processInfo.globallyUniqueString)")
        do {
            try manager.zipItem(at: outputDirectory, to: temporary, shouldKeepParent: false, compressionMethod: .deflate)
        } catch {
            try? manager.removeItem(at: temporary)
            throw .cannotWrite(archiveURL.path, error.localizedDescription)
        }
        // rename(2) replaces a regular file atomically and never removes a folder.
        guard rename(temporary.path, archiveURL.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(at: temporary)
            throw .cannotWrite(archiveURL.path, reason)
        }
    }

    /// Whether `url` is the archive of the site now in `folder`: its marker (which records
    /// every file's size and modification time) is the folder's, byte for byte.
    public static func isArchive(_ url: URL, of folder: URL) -> Bool {
        guard let archive = try? Archive(url: url, accessMode: .read), let entry = archive[SiteWriter.markerName],
              let current = FileManager.default.contents(atPath: folder.appendingPathComponent(SiteWriter.markerName).path)
        else { return false }
        var packed = Data()
        guard (try? archive.extract(entry, consumer: { packed.append($0) })) != nil else { return false }
        return packed == current
    }

    /// Whether `url` is a zip of a built site (it holds the output marker at its top
    /// level): the only kind of existing file an archive may replace.
    public static func isPortalArchive(_ url: URL) -> Bool {
        guard let archive = try? Archive(url: url, accessMode: .read) else { return false }
        return archive[SiteWriter.markerName] != nil
    }
}
