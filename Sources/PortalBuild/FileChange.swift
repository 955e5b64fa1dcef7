import Foundation
import PortalContent

/// One event from a file watcher: which file, and what happened to it.
public struct FileChange: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case created, modified, removed
    }

    public var url: URL
    public var kind: Kind

    public init(_ kind: Kind, _ url: URL) {
        self.url = url.standardizedFileURL
        self.kind = kind
    }
}

/// What a change means to the site, decided by where the file is (as Zola's `ChangeKind`):
/// the unit of work `Site.apply` does for it.
enum ChangeScope: Hashable {
    /// A content file (`.md`): read again, or dropped when removed.
    case contentFile(URL, display: String)
    /// `site.yaml`: the settings every page shows.
    case settings
    /// Anything else below the content folder (a folder created, moved or removed):
    /// the folder is read again.
    case contentFolder
    /// A template, the strings or an asset: the theme is loaded again and every page
    /// rendered again.
    case theme
    /// Outside the content and the theme.
    case unrelated

    init(of change: FileChange, in sources: SiteSources) {
        let path = change.url.path
        let content = sources.contentDirectory.standardizedFileURL.path
        let theme = sources.themeDirectory.standardizedFileURL.path
        if let relative = Self.relative(path, below: content) {
            if relative == SiteConfig.fileName {
                self = .settings
            } else if relative.hasSuffix(".md"), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                let display = sources.contentDisplay.isEmpty ? relative : sources.contentDisplay + "/" + relative
                self = .contentFile(change.url, display: display)
            } else {
                self = .contentFolder
            }
        } else if Self.relative(path, below: theme) != nil {
            self = .theme
        } else {
            self = .unrelated
        }
    }

    private static func relative(_ path: String, below folder: String) -> String? {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}
