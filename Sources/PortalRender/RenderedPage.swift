import PortalGraph

/// A page that was written: its kind, its folder and what it read from the graph.
public struct RenderedPage: Sendable, Hashable {
    public var kind: String
    public var path: String
    public var dependencies: Set<Dependency>
}
