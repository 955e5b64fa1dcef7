import Foundation
import ZIPFoundation

/// Packs a written site into a zip archive for IT departments that upload one. The
/// archive holds exactly the output folder's files at its top level, so it can be
/// unpacked into any folder, including a sub-path of a web server.
public struct SiteArchive: Sendable {
    public init() {}

    public func archive(_ outputDirectory: URL, to archiveURL: URL) throws(OutputError) {
        let manager = FileManager.default
        let temporary = archiveURL.deletingLastPathComponent()
            .appendingPathComponent(".\(archiveURL.lastPathComponent).\(ProcessInfo.processInfo.globallyUniqueString)")
        do {
            try manager.zipItem(at: outputDirectory, to: temporary, shouldKeepParent: false, compressionMethod: .deflate)
            if manager.fileExists(atPath: archiveURL.path) { try manager.removeItem(at: archiveURL) }
            try manager.moveItem(at: temporary, to: archiveURL)
        } catch {
            try? manager.removeItem(at: temporary)
            throw .cannotWrite(archiveURL.path, error.localizedDescription)
        }
    }
}
