/// The folders README's convention puts content files in:
/// `kommuner/<kommune>/kommune.md`, `kommuner/<kommune>/<dokument>/{dokument.md,
/// sektioner/, indsatser/, bilag/}`, `temaer/`, `tags/`, `sider/`, `lovhenvisninger/`.
///
/// The reader reads every `.md` file whatever its folder; this is only where `portal new`
/// puts a new file, so that editors find things where they expect them. The names are
/// folder names of the content, not words the site shows.
public enum ContentLayout {
    /// Where a new file of `kind` goes, relative to the content folder: folder names and
    /// the file name.
    /// - Parameters:
    ///   - id: the new file's id.
    ///   - slug: the address part made from its title (a document's folder is named so).
    ///   - parentFolder: the folder of the file it belongs to (a document's municipality,
    ///     a section's, item's or appendix's document), relative to the content folder.
    public static func path(of kind: EntityKind, id: String, slug: String, parentFolder: [String]) -> [String] {
        switch kind {
        case .municipality: ["kommuner", id, "kommune.md"]
        case .document: parentFolder + [slug, "dokument.md"]
        case .section: parentFolder + ["sektioner", id + ".md"]
        case .item: parentFolder + ["indsatser", id + ".md"]
        case .appendix: parentFolder + ["bilag", id + ".md"]
        case .theme: ["temaer", id + ".md"]
        case .tag: ["tags", id + ".md"]
        case .page: ["sider", id + ".md"]
        case .lawParagraph: ["lovhenvisninger", id + ".md"]
        }
    }

    /// The kind of file a new file of `kind` is put beside, in that file's folder: the
    /// municipality for a document, the document for a section, item or appendix.
    public static func parent(of kind: EntityKind) -> EntityKind? {
        switch kind {
        case .document: .municipality
        case .section, .item, .appendix: .document
        case .municipality, .theme, .tag, .page, .lawParagraph: nil
        }
    }
}
