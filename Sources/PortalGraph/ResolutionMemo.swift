import Foundation
import PortalContent
import PortalCore

/// What resolving made from each item record on its own, kept by a long-lived site
/// between resolutions (the preview): an editor's save changes one file, and every other
/// item resolves to what it resolved to before. The per-item work is mostly Markdown (a
/// unit's lead is its first sentence, read from its rendered text): at 1,000 items it
/// was most of a save's resolving.
///
/// Entries are keyed by the whole record (and its document's lead field), so a record
/// that changed in any way is prepared again; each resolution keeps only the entries it
/// used, so records edited away do not pile up.
public final class ResolutionMemo: @unchecked Sendable {
    struct ItemKey: Hashable {
        var record: ItemRecord
        var leadField: String?
    }

    private let lock = NSLock()
    private var items: [ItemKey: Resolver.PreparedItem] = [:]
    private var used: [ItemKey: Resolver.PreparedItem] = [:]

    public init() {}

    /// The prepared item for `key`: the one kept from before, or `make()`'s.
    func item(_ key: ItemKey, make: () -> Resolver.PreparedItem) -> Resolver.PreparedItem {
        let kept = lock.withLock { () -> Resolver.PreparedItem? in
            let kept = used[key] ?? items[key]
            if let kept { used[key] = kept }
            return kept
        }
        if let kept { return kept }
        let made = make()
        lock.withLock { used[key] = made }
        return made
    }

    /// Ends a resolution: what it did not use is let go.
    func endResolution() {
        lock.withLock {
            items = used
            used = [:]
        }
    }

    /// How many items are kept, for tests.
    var count: Int { lock.withLock { items.count } }
}
