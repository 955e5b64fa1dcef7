import PortalGraph

/// A page ready for its template: where it goes, which template shows it, and the
/// prepared values the template reads. Values are plain dictionaries, arrays and strings
/// (no reflection at render time), which keeps rendering fast at national scale.
public struct PreparedPage: @unchecked Sendable {
    /// The page's folder relative to the site root (`temaer/sundhed/`).
    public var path: String
    public var template: String
    /// What kind of page it is, for the build summary (`item`, `theme`, ...).
    public var kind: String
    /// Immutable once prepared; holds only strings, numbers, booleans, arrays and dictionaries.
    public var context: [String: Any]
    /// Everything the page read from the graph, recorded while it was prepared (see
    /// `GraphReader`): the page must be prepared again exactly when one of these changed.
    public var dependencies: Set<Dependency> = []
}
