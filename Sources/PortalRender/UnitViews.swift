import PortalContent
import PortalGraph

/// How comparable units (`ComparableUnit`) are named, counted and listed on pages.
extension ViewContext {
    /// The theme's word for what a unit is, as a strings key: `units.activity`,
    /// `units.initiative`, `units.idea`.
    static func unitKey(_ kind: ComparableUnit.Kind) -> String {
        switch kind {
        case .activity: "units.activity"
        case .item(let type): "units.\(type.rawValue)"
        }
    }

    /// The strings key that names units of `kinds` together: the one kind's word, or
    /// "indsatser, aktiviteter og idéer" (`units.mixed`) for none or several.
    static func unitKey(_ kinds: [ComparableUnit.Kind]) -> String {
        Set(kinds).count == 1 ? unitKey(kinds[0]) : "units.mixed"
    }

    /// "6 aktiviteter", "1 idé": a count that says what it counts. Units of more than
    /// one kind are counted as "indsatser, aktiviteter og idéer".
    /// - Parameter municipality: whose units these are, so that none of them is still
    ///   counted in the municipality's own kind ("0 aktiviteter").
    func unitCount(_ units: [ComparableUnit], of municipality: Municipality? = nil) -> String {
        var kinds = units.map(\.kind)
        if kinds.isEmpty, let municipality { kinds = municipality.documentIDs.compactMap(graph.document).flatMap(\.unitKinds) }
        return counted(Self.unitKey(kinds), units.count)
    }

    /// "25 aktiviteter": the units of `documents` counted, saying what they are.
    func unitCount(of documents: [Document]) -> String {
        counted(Self.unitKey(documents.flatMap(\.unitKinds)), documents.reduce(0) { $0 + $1.unitCount })
    }

    /// "Aktivitet 2", "Indsats 3", or nil for a unit without a number.
    func unitNumberLabel(_ unit: ComparableUnit) -> String? {
        guard let number = unit.number else { return nil }
        switch unit.kind {
        case .activity:
            return strings.format("units.activityNumber", ["number": number])
        case .item(let type):
            let label = graph.document(unit.documentID)?.itemLabel ?? strings["item.\(type.rawValue)"]
            return "\(label) \(number)"
        }
    }

    /// What a unit is called on pages: its title, or (for an activity the source gives no
    /// title) its first sentence, or its number.
    func unitTitle(_ unit: ComparableUnit) -> String {
        unit.title ?? unit.lead ?? unitNumberLabel(unit) ?? unit.id.description
    }

    /// The values lists of units show: title with number, where it comes from (the item
    /// an activity belongs to), what it is about, and its status.
    func unitSummary(_ unit: ComparableUnit, _ links: Links) -> [String: Any] {
        var summary: [String: Any] = [
            "title": unitTitle(unit),
            "url": links.page(unit.path),
            "municipality": municipalityTitle(unit.municipalityID),
            "document": graph.document(unit.documentID)?.title ?? "",
        ]
        summary["numberLabel"] = absent(unitNumberLabel(unit))
        let section = unit.sectionID.flatMap(graph.section)
        summary["section"] = absent(section?.title)
        if unit.kind == .activity, let item = graph.item(unit.id.itemID) {
            summary["partOf"] = ["title": item.title, "url": links.page(item.path), "numberLabel": absent(numberLabel(item))]
            // Where the item is its section's only one under the same title (Hillerød's
            // ambitions), naming both says the same twice.
            if section?.title == item.title { summary["section"] = nil }
        }
        // A lead that is the title already would say the same twice.
        summary["lead"] = absent(unit.lead.flatMap { $0 == unitTitle(unit) ? nil : $0 })
        summary["status"] = absent(status(unit.status))
        return summary
    }

    /// Units grouped by municipality, each group with an anchor and a count that says
    /// what it counts.
    func unitsByMunicipality(_ units: [ComparableUnit], _ links: Links) -> [[String: Any]] {
        let byMunicipality = Dictionary(grouping: units, by: \.municipalityID)
        return graph.municipalities.map { municipality -> [String: Any] in
            let own = byMunicipality[municipality.id] ?? []
            return [
                "title": municipality.title,
                "anchor": anchor(for: municipality),
                "url": links.page(municipality.path),
                "count": unitCount(own, of: municipality),
                "units": own.map { unitSummary($0, links) },
                "hasUnits": !own.isEmpty,
            ]
        }
    }
}
