/// What the name of a file in the content folder says it is: a content file, a file that
/// looks meant as one but would be skipped, or anything else.
///
/// Only `name.md` is read. A file an editor meant as content but named otherwise
/// (`x.MD`, `x.markdown`, Notepad's `x.md.txt`, a hidden `.x.md`) would silently be left
/// out of the site, so it is named in a warning with the rename that makes it count.
/// Editors' lock, swap and backup files and the files operating systems leave behind
/// are expected beside content and stay silent, as does everything that is not
/// Markdown (images, `site.yaml`).
public enum ContentFileName: Equatable, Sendable {
    case content
    /// Not read, though it looks meant as content; `rename` is the name that would be read.
    case misnamed(reason: String, rename: String)
    case other

    /// The extensions editors use for Markdown.
    static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mdtxt", "mdtext"]

    public init(_ name: String) {
        guard !Self.isEditorOrSystemFile(name) else {
            self = .other
            return
        }
        let hidden = name.hasPrefix(".")
        let parts = name.drop { $0 == "." }.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else {
            self = .other
            return
        }
        let extensions = parts.map { $0.lowercased() }
        let stemParts: ArraySlice<Substring>
        var reason = "content files end in '.md'"
        if Self.markdownExtensions.contains(extensions[extensions.count - 1]) {
            stemParts = parts.dropLast()
            if extensions[extensions.count - 1] == "md" { reason += ", in lower case" }
        } else if extensions[extensions.count - 1] == "txt", parts.count >= 3,
                  Self.markdownExtensions.contains(extensions[extensions.count - 2]) {
            stemParts = parts.dropLast(2)
            reason = "content files end in '.md', and this name ends in '.txt' (Notepad adds it unless 'All files' is chosen)"
        } else {
            self = .other
            return
        }
        let stem = stemParts.joined(separator: ".")
        guard !stem.isEmpty else {
            self = .other
            return
        }
        let rename = stem + ".md"
        if hidden {
            self = .misnamed(reason: "its name starts with '.', which makes it a hidden file", rename: rename)
        } else {
            self = name == rename ? .content : .misnamed(reason: reason, rename: rename)
        }
    }

    /// Lock, swap and backup files of editors (Emacs, Vim, LibreOffice, Word) and the
    /// files macOS and Windows leave in folders.
    static func isEditorOrSystemFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        if [".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini"].contains(lower) { return true }
        // .#x.md (Emacs lock), ~$x.md (Word), .~lock.x.md# (LibreOffice), ._x.md (macOS resource fork).
        if [".#", "~$", ".~lock.", "._"].contains(where: name.hasPrefix) { return true }
        // x.md~ (backup), #x.md# (Emacs auto-save).
        if name.hasSuffix("~") || name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#") { return true }
        let last = lower.split(separator: ".").last.map(String.init) ?? ""
        return lower.contains(".") && ["swp", "swo", "swn", "swx", "bak", "tmp", "orig", "backup"].contains(last)
    }
}
