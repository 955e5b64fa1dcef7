import PortalContent
import PortalCore
import PortalMarkdown

/// Stages 2 and 3 of the build: validates the loaded records (unique ids, every
/// reference resolvable, unique addresses) and resolves them into a `SiteGraph`.
///
/// Every problem is collected; the graph is only returned when there is no error.
public struct SiteGraphBuilder: Sendable {
    public init() {}

    /// - Parameter memo: what earlier resolutions made from records, kept by a long-lived
    ///   site (the preview) so that records that did not change are not prepared again.
    public func build(_ content: LoadedContent, memo: ResolutionMemo? = nil) -> (graph: SiteGraph?, diagnostics: [Diagnostic]) {
        defer { memo?.endResolution() }
        var resolver = Resolver(records: content.records, unusable: content.unusable, leftOut: content.leftOut, memo: memo)
        guard let site = content.site else {
            _ = resolver.resolve(site: nil)
            return (nil, resolver.diagnostics)
        }
        var graph = resolver.resolve(site: site)
        graph?.drafts = content.drafts
        let hasErrors = resolver.diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : graph, resolver.diagnostics)
    }
}
