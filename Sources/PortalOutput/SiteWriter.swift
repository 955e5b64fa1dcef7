import Foundation
import PortalCore
#if canImport(Glibc)
import Glibc
#endif

/// Stage 5 of the build: writes the site so that `output/` is only ever the complete
/// previous site or the complete new one.
///
/// Files are written into a staging folder beside the output folder (same file
/// system, so renames are cheap and atomic) while the site is rendered, then the
/// staging folder is swapped in. A build that fails or is killed before the swap
/// leaves the old `output/` exactly as it was; the next build removes what a killed
/// one left. After a good build `output/` holds exactly the new files.
public struct SiteWriter: Sendable {
    public let outputDirectory: URL

    public init(outputDirectory: URL) {
        self.outputDirectory = outputDirectory.standardizedFileURL
    }

    var parent: URL { outputDirectory.deletingLastPathComponent() }
    var stagingPrefix: String { ".\(outputDirectory.lastPathComponent).staging-" }
    var retiredPrefix: String { ".\(outputDirectory.lastPathComponent).old-" }

    /// The file that marks a folder as one this writer made, so that it never replaces a
    /// folder it did not make (`--output .` or `--output content` by mistake).
    public static let markerName = ".kommuneportal"

    /// Starts a new staging folder; write files into it, then `commit()` or `abort()`.
    /// - Parameter protecting: folders the output must not be or contain (the content
    ///   and theme folders); the current folder and its ancestors are always protected.
    public func begin(protecting protected: [URL] = []) throws(OutputError) -> StagedSite {
        try checkSafeToReplace(protecting: protected)
        try removeLeftovers()
        let staging = parent.appendingPathComponent(stagingPrefix + ProcessInfo.processInfo.globallyUniqueString)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(staging.path, error.localizedDescription)
        }
        let site = StagedSite(staging: staging, writer: self)
        try site.write(OutputFile(path: Self.markerName, text: "Made by portal build; replaced as a whole by the next build.\n"))
        return site
    }

    /// Refuses to replace a folder that holds the content, the theme or the current
    /// folder, or an existing folder the portal did not make.
    func checkSafeToReplace(protecting protected: [URL]) throws(OutputError) {
        let output = outputDirectory.resolvingSymlinksInPath().path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        for folder in protected.map({ $0.standardizedFileURL.resolvingSymlinksInPath().path }) + [current] {
            if folder == output || folder.hasPrefix(output == "/" ? "/" : output + "/") {
                throw .unsafeOutput(outputDirectory.path, "it holds \(folder)")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .unsafeOutput(outputDirectory.path, "it is a file, not a folder") }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if !names.isEmpty, !names.contains(Self.markerName) {
            throw .unsafeOutput(outputDirectory.path, "it is a folder the portal did not make")
        }
    }

    /// Writes `files` as the whole new site in one go.
    public func write(_ files: [OutputFile]) throws(OutputError) {
        let site = try begin()
        do {
            for file in files { try site.write(file) }
            try site.commit()
        } catch {
            site.abort()
            throw error
        }
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

/// A site being written into its staging folder. `write` may be called from several
/// threads at once (for different files).
public struct StagedSite: Sendable {
    public let staging: URL
    let writer: SiteWriter

    public func write(_ file: OutputFile) throws(OutputError) {
        guard let relative = SiteWriter.safeRelativePath(file.path) else { throw .unsafePath(file.path) }
        let target = staging.path + "/" + relative
        let folder = String(target[..<(target.lastIndex(of: "/") ?? target.endIndex)])
        // Plain system calls: at tens of thousands of pages, FileManager's extra checks
        // per call cost more than the writing. Not atomic per file on purpose: the whole
        // folder is swapped in atomically instead.
        if mkdir(folder, 0o755) != 0, errno != EEXIST {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(folder, error.localizedDescription)
            }
        }
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(target, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let failure = file.data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
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
    }

    /// Swaps the staged site in as the output folder: old output aside, staging in,
    /// old output removed.
    public func commit() throws(OutputError) {
        let manager = FileManager.default
        let output = writer.outputDirectory
        let retired = writer.parent.appendingPathComponent(writer.retiredPrefix + ProcessInfo.processInfo.globallyUniqueString)
        let hadOutput = manager.fileExists(atPath: output.path)
        do {
            if hadOutput { try manager.moveItem(at: output, to: retired) }
            try manager.moveItem(at: staging, to: output)
        } catch {
            if hadOutput, !manager.fileExists(atPath: output.path) {
                try? manager.moveItem(at: retired, to: output)
            }
            abort()
            throw .cannotWrite(output.path, error.localizedDescription)
        }
        try? manager.removeItem(at: retired)
    }

    /// Throws the staged files away; the output folder is untouched.
    public func abort() {
        try? FileManager.default.removeItem(at: staging)
    }
}

/// Why the output could not be written.
public enum OutputError: Error, Equatable, CustomStringConvertible {
    case cannotWrite(String, String)
    case unsafePath(String)
    case unsafeOutput(String, String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .unsafePath(let path): "refusing to write outside the output folder: \(path)"
        case .unsafeOutput(let path, let reason):
            "refusing to replace \(path) with the site: \(reason) (choose another --output, or delete the folder first)"
        }
    }
}
