import PortalContent
import PortalCore

/// Hands out page addresses and refuses two pages at the same address, which would
/// silently overwrite one another ("Åben Dialog" and "Aaben dialog" both want
/// `aaben-dialog/`).
struct AddressBook {
    private var taken: [String: RecordHeader] = [:]
    private var reserved: Set<String> = []

    /// Addresses the generator itself uses (listing pages, data, assets).
    mutating func reserve(_ paths: [String]) {
        reserved.formUnion(paths)
    }

    /// The folder path for `header` below `parent`, made from its slug or title.
    /// - Parameter madeSlug: the slug made from the title, when the caller made it already
    ///   (in parallel, for many items at once).
    mutating func place(_ header: RecordHeader, under parent: String, madeSlug: String? = nil, diagnostics: inout [Diagnostic]) -> String {
        var slug = header.slug?.value ?? madeSlug ?? Slug.make(header.title)
        if slug.isEmpty { slug = header.id.value }
        let path = parent + slug + "/"
        let location = header.slug?.location ?? header.titleLocation
        if let first = taken[path] {
            diagnostics.append(.error(
                at: location, "the address '\(path)' is already used by \(first.file.path) ('\(first.title)')",
                hint: "give one of them its own 'slug:' field"))
        } else if reserved.contains(path) {
            diagnostics.append(.error(at: location, "the address '\(path)' is reserved for the portal's own pages",
                                      hint: "give the file another 'slug:'"))
        }
        taken[path] = taken[path] ?? header
        return path
    }
}
