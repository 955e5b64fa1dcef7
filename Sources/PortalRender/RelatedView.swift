import PortalContent
import PortalGraph

/// "Relateret i andre kommuner" on a unit's page: the units of other municipalities the
/// graph found most related (`SiteGraph.related(to:)`), each with why in words.
extension ViewContext {
    /// The values of the related section of `unit`'s page: `related` (each with its title,
    /// address, municipality, document and reason) and `hasRelated`.
    func relatedSection(of unit: ComparableUnit, _ links: Links) -> [String: Any] {
        let related = graph.related(to: unit.id).compactMap { related -> [String: Any]? in
            guard let other = graph.unit(related.id) else { return nil }
            var summary = unitSummary(other, links)
            summary["reason"] = reason(related.reasons)
            return summary
        }
        return ["related": related, "hasRelated": !related.isEmpty]
    }

    /// "Fælles tema: Sundhed og trivsel · fælles tag: Motion · begge nævner § 85".
    func reason(_ reasons: RelatedUnit.Reasons) -> String {
        let themes = reasons.themeIDs.compactMap { graph.link(to: EntityRef(.theme, $0))?.title }
        let tags = reasons.tagIDs.compactMap { graph.link(to: EntityRef(.tag, $0))?.title }
        let paragraphs = reasons.paragraphs.map { strings.format("lawReferences.paragraph", ["paragraph": $0.description]) }
        var parts: [String] = []
        // Names are only separated by commas: "og" would run into names that hold one
        // ("Egenmestring og medbestemmelse og Sammenhæng ...").
        let names = strings["related.listSeparator"]
        if !themes.isEmpty { parts.append(counted("related.themes", themes.count, ["list": themes.joined(separator: names)])) }
        if !tags.isEmpty { parts.append(counted("related.tags", tags.count, ["list": tags.joined(separator: names)])) }
        if !paragraphs.isEmpty { parts.append(strings.format("related.lawReferences", ["list": list(paragraphs)])) }
        let text = parts.joined(separator: strings["related.separator"])
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "§ 85", "§ 85 og § 103", "§ 85, § 103 og § 104".
    private func list(_ names: [String]) -> String {
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: strings["related.listSeparator"]) + strings["related.listLast"] + last
    }
}
