import Foundation
import PortalContent

/// One event from a file watcher: which file, and what happened to it.
public struct FileChange: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case created, modified, removed
    }

    public var url: URL
    public var kind: Kind
    /// Whether the event is about a folder (created, moved or removed as a whole).
    public var isFolder: Bool

    public init(_ kind: Kind, _ url: URL, isFolder: Bool = false) {
        self.url = url.standardizedFileURL
        self.kind = kind
        self.isFolder = isFolder
    }

    /// Whether the name is one editors and systems write beside the real files: hidden
    /// files, swap, lock and backup files (`.x.md.swp`, `x.md~`, `#x.md#`, `~$x.md`).
    public var isEditorScratch: Bool {
        let name = url.lastPathComponent
        return name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#"))
            || name.hasPrefix("~$") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".tmp")
    }
}

/// What a change means to the site, decided by where the file is (as Zola's `ChangeKind`):
/// the unit of work `Site.apply` does for it.
enum ChangeScope: Hashable {
    /// A content file (`.md`): read again, or dropped when removed.
    case contentFile(URL, display: String)
    /// `site.yaml`: the settings every page shows.
    case settings
    /// A folder created, moved or removed below the content folder, or a file that is
    /// not a content file: the folder is read again.
    case contentFolder
    /// A template, the strings or an asset: the theme is loaded again and every page
    /// rendered again.
    case theme
    /// Outside the content and the theme.
    case unrelated

    init(of change: FileChange, in sources: SiteSources) {
        let path = change.url.path
        if change.isEditorScratch, !change.isFolder {
            self = .unrelated
            return
        }
        let content = sources.contentDirectory.standardizedFileURL.path
        let theme = sources.themeDirectory.standardizedFileURL.path
        if let relative = Self.relative(path, below: content) {
            if relative == SiteConfig.fileName {
                self = .settings
            } else if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                self = .unrelated  // hidden folders (.git) are not content
            } else if change.isFolder {
                self = .contentFolder
            } else if relative.hasSuffix(".md") {
                let display = sources.contentDisplay.isEmpty ? relative : sources.contentDisplay + "/" + relative
                self = .contentFile(change.url, display: display)
            } else if case .misnamed = ContentFileName(change.url.lastPathComponent) {
                // A name such as x.MD may be a content file misnamed: read the folder
                // again so that its warning appears or disappears.
                self = .contentFolder
            } else {
                // Other files beside the content (images, notes) are not read, nor are
                // the temporary files tools write and rename over a file they save
                // (sed's `sedAb12Cd`, Vim's `4913`): reading the whole folder again for
                // them took most of a save's time at 1,000 items.
                self = .unrelated
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
