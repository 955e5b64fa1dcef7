import Foundation
import PortalCore

/// Stage 5 of the build: writes the site so that `output/` is only ever the complete
/// previous site or the complete new one.
///
/// The new site is written to a staging folder beside the output folder (same file
/// system, so renames are cheap and atomic), then swapped in. A build that fails or is
/// killed before the swap leaves the old `output/` exactly as it was; leftovers of a
/// killed build are removed by the next one. After a good build `output/` holds exactly
/// the new files: nothing stale survives from earlier builds.
public struct SiteWriter: Sendable {
    public let outputDirectory: URL

    public init(outputDirectory: URL) {
        self.outputDirectory = outputDirectory.standardizedFileURL
    }

    private var parent: URL { outputDirectory.deletingLastPathComponent() }
    private var name: String { outputDirectory.lastPathComponent }
    private var stagingPrefix: String { ".\(name).staging-" }
    private var retiredPrefix: String { ".\(name).old-" }

    /// Writes `files` and swaps them in as the new output folder.
    public func write(_ files: [OutputFile]) throws(OutputError) {
        try removeLeftovers()
        let unique = ProcessInfo.processInfo.globallyUniqueString
        let staging = parent.appendingPathComponent(stagingPrefix + unique)
        let retired = parent.appendingPathComponent(retiredPrefix + unique)
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(staging.path, error.localizedDescription)
        }
        do {
            var folders: Set<String> = []
            for file in files {
                guard let relative = Self.safeRelativePath(file.path) else { throw OutputError.unsafePath(file.path) }
                let target = staging.appendingPathComponent(relative)
                let folder = target.deletingLastPathComponent().path
                if folders.insert(folder).inserted {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                guard manager.createFile(atPath: target.path, contents: file.data) else {
                    throw OutputError.cannotWrite(target.path, "the file could not be created")
                }
            }
        } catch let error as OutputError {
            try? manager.removeItem(at: staging)
            throw error
        } catch {
            try? manager.removeItem(at: staging)
            throw .cannotWrite(staging.path, error.localizedDescription)
        }
        // Swap: old output aside, staging in, old output removed.
        let hadOutput = manager.fileExists(atPath: outputDirectory.path)
        do {
            if hadOutput { try manager.moveItem(at: outputDirectory, to: retired) }
            try manager.moveItem(at: staging, to: outputDirectory)
        } catch {
            if hadOutput, !manager.fileExists(atPath: outputDirectory.path) {
                try? manager.moveItem(at: retired, to: outputDirectory)
            }
            try? manager.removeItem(at: staging)
            throw .cannotWrite(outputDirectory.path, error.localizedDescription)
        }
        try? manager.removeItem(at: retired)
    }

    /// Removes staging and retired folders a killed build left behind. A retired folder
    /// with no output folder beside it is the last good site: it is put back.
    public func removeLeftovers() throws(OutputError) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() {
            let url = parent.appendingPathComponent(name)
            if name.hasPrefix(retiredPrefix), !manager.fileExists(atPath: outputDirectory.path) {
                try? manager.moveItem(at: url, to: outputDirectory)
            } else if name.hasPrefix(stagingPrefix) || name.hasPrefix(retiredPrefix) {
                try? manager.removeItem(at: url)
            }
        }
    }

    /// The path if it stays inside the output folder: relative, no `..`, no empty parts.
    static func safeRelativePath(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.isEmpty,
              parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }) else { return nil }
        return path
    }
}

/// Why the output could not be written.
public enum OutputError: Error, Equatable, CustomStringConvertible {
    case cannotWrite(String, String)
    case unsafePath(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .unsafePath(let path): "refusing to write outside the output folder: \(path)"
        }
    }
}
