import PortalGraph

/// A page that was written: its kind, its folder and what it read from the graph.
public struct RenderedPage: Sendable, Hashable {
    public var kind: String
    public var path: String
    /// Each thing the page read, once, in no particular order: an array, not the set the
    /// reader collects them in, since a site keeps every page's reads (at 10,000 items
    /// some 700,000 of them) and an array holds them in half the memory.
    public var dependencies: [Dependency]
}
