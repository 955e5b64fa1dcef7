import PortalContent
import PortalCore

/// Hands out page addresses and refuses two pages at the same address, which would
/// silently overwrite one another ("Åben Dialog" and "Aaben dialog" both want
/// `aaben-dialog/`).
struct AddressBook {
    private var taken: [String: RecordHeader] = [:]
    private var reserved: [String: SiteConfig.Paths.Folder] = [:]
    private var paths = SiteConfig.Paths.standard
    /// Folders whose real place is not known (see `placeUnchecked`).
    private var unchecked: Set<String> = []

    /// Keeps the root folders the generator itself writes (listing pages, data, assets)
    /// from the pages placed at the root.
    mutating func reserve(_ paths: SiteConfig.Paths) {
        self.paths = paths
        for folder in SiteConfig.Paths.Folder.allCases { reserved[paths[folder] + "/"] = folder }
    }

    /// The folder path for `header` below `parent`, made from its slug or title.
    /// - Parameter madeSlug: the slug made from the title, when the caller made it already
    ///   (in parallel, for many items at once).
    mutating func place(_ header: RecordHeader, under parent: String, madeSlug: String? = nil, diagnostics: inout [Diagnostic]) -> String {
        let path = Self.address(of: header, under: parent, madeSlug: madeSlug)
        if unchecked.contains(parent) { return path }
        let location = header.slug?.location ?? header.titleLocation
        if let first = taken[path] {
            diagnostics.append(.error(
                at: location, "the address '\(path)' is already used by \(first.file.path) ('\(first.title)')",
                hint: "give one of them its own 'slug:' field"))
        } else if let folder = reserved[path] {
            // Reported once, at the file, naming the settings line when site.yaml chose
            // the path: either side can be changed.
            if let setting = paths.locations[folder] {
                diagnostics.append(.error(
                    at: location, "the address '\(path)' is reserved for \(folder.contents) ('\(folder.rawValue): \(paths[folder])' in \(setting.path):\(setting.line):\(setting.column))",
                    hint: "give the file its own 'slug:', or choose another path for '\(folder.rawValue):' in the settings"))
            } else {
                diagnostics.append(.error(at: location, "the address '\(path)' is reserved for \(folder.contents)",
                                          hint: "give the file its own 'slug:'"))
            }
        }
        taken[path] = taken[path] ?? header
        return path
    }

    /// An address for `header` that is neither checked nor taken, nor are the addresses
    /// placed below it: for a document whose municipality does not resolve. Its real
    /// address is unknown until that error is fixed, so a collision now would be false.
    mutating func placeUnchecked(_ header: RecordHeader, under parent: String) -> String {
        let path = Self.address(of: header, under: parent, madeSlug: nil)
        unchecked.insert(path)
        return path
    }

    private static func address(of header: RecordHeader, under parent: String, madeSlug: String?) -> String {
        var slug = header.slug?.value ?? madeSlug ?? Slug.make(header.title)
        if slug.isEmpty { slug = header.id.value }
        return parent + slug + "/"
    }
}
