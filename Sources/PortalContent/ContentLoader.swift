import Foundation
import PortalCore

/// Everything read from a content folder: the settings, one record per file that could
/// be decoded, and every problem found on the way.
public struct LoadedContent: Sendable {
    public var site: SiteConfig?
    public var records: [ContentRecord]
    public var diagnostics: [Diagnostic]
    /// Files that exist but could not be read or decoded; their errors are already
    /// reported, so what follows from them (a reference to one, a tag one may use) is not.
    public var unusable = UnusableFiles()
    /// Drafts left out of this content (see `withoutDrafts()`).
    public var leftOut: Set<EntityRef> = []
}

/// Stage 1 of the build: reads the content folder into typed records. Later stages
/// never touch the file system; everything they know comes from here.
public struct ContentLoader: Sendable {
    public init() {}

    /// - Parameter displayPrefix: how the folder is written in diagnostics, usually as the
    ///   user gave it on the command line (`content`).
    public func load(from directory: URL, displayPrefix: String) -> LoadedContent {
        let (site, siteDiagnostics) = SiteConfig.load(from: directory, displayPrefix: displayPrefix)
        let folder = ContentReader().readFolder(in: directory, displayPrefix: displayPrefix)
        var decoded = load(folder.files)
        decoded.site = site
        decoded.diagnostics = siteDiagnostics + folder.diagnostics + decoded.diagnostics
        for unreadable in folder.unreadable { decoded.unusable.add(unreadable.salvaged) }
        return decoded
    }

    /// Decodes files that are already in memory (tests, an editor preview).
    public func load(_ files: [SourceFile]) -> LoadedContent {
        assemble(files.concurrentMap(RecordDecoder().decode))
    }

    /// The content made of files decoded one by one, so that a long-lived site can
    /// decode again only the files that changed.
    public func assemble(_ files: some Sequence<RecordDecoder.Decoded>) -> LoadedContent {
        var loaded = LoadedContent(site: nil, records: [], diagnostics: [])
        for decoded in files {
            if let record = decoded.record { loaded.records.append(record) }
            if let salvaged = decoded.salvaged { loaded.unusable.add(salvaged) }
            loaded.diagnostics.append(contentsOf: decoded.diagnostics)
        }
        return loaded
    }
}
