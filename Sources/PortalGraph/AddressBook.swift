import PortalContent
import PortalCore

/// Hands out page addresses and refuses two pages at the same address, which would
/// silently overwrite one another ("Åben Dialog" and "Aaben dialog" both want
/// `aaben-dialog/`).
struct AddressBook {
    private var taken: [String: RecordHeader] = [:]
    private var reserved: Set<String> = []
    /// Folders whose real place is not known (see `placeUnchecked`).
    private var unchecked: Set<String> = []

    /// Addresses the generator itself uses (listing pages, data, assets).
    mutating func reserve(_ paths: [String]) {
        reserved.formUnion(paths)
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
        } else if reserved.contains(path) {
            diagnostics.append(.error(at: location, "the address '\(path)' is reserved for the portal's own pages",
                                      hint: "give the file another 'slug:'"))
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
