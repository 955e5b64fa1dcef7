/// One cross-municipality theme side by side: for each municipality, its comparable units
/// under the theme, grouped by the document they come from, in site order.
///
/// It is what a comparison page shows, worked out once beside the graph so that the
/// page only lays it out, and so that a preview can tell whether a comparison changed
/// by comparing it (`Dependency.themeComparison`) instead of every unit. Every
/// municipality has a column, also one with no unit under the theme: that it has none
/// is part of the comparison.
public struct ThemeComparison: Sendable, Hashable {
    /// A municipality's units under the theme.
    public struct Column: Sendable, Hashable {
        public var municipalityID: String
        /// The units, by document, in site order (documents in the municipality's order).
        public var documents: [DocumentGroup]
        /// What the municipality's units are (its activities, indsatser or ideas), also
        /// when none is under the theme: so that "0 aktiviteter" says what it counts.
        public var unitKinds: [ComparableUnit.Kind]

        /// Every unit of the column, in site order.
        public var unitIDs: [ComparableUnit.ID] { documents.flatMap(\.unitIDs) }
        public var unitCount: Int { documents.reduce(0) { $0 + $1.unitIDs.count } }
    }

    /// The units of one document in a column.
    public struct DocumentGroup: Sendable, Hashable {
        public var documentID: String
        public var unitIDs: [ComparableUnit.ID]
    }

    public var themeID: String
    /// One column per municipality, in site order.
    public var columns: [Column]

    public var unitCount: Int { columns.reduce(0) { $0 + $1.unitCount } }

    /// The comparison of every theme, keyed by theme id, in one pass over the units.
    /// - Parameter units: the units in site order, as `SiteGraph.units` holds them.
    public static func all(themes: [Topic], municipalities: [Municipality], units: [ComparableUnit]) -> [String: ThemeComparison] {
        var byTheme: [String: [String: [(document: String, unit: ComparableUnit.ID)]]] = [:]
        var kinds: [String: [ComparableUnit.Kind]] = [:]
        for unit in units {
            if kinds[unit.municipalityID]?.contains(unit.kind) != true { kinds[unit.municipalityID, default: []].append(unit.kind) }
            for theme in unit.themeIDs { byTheme[theme, default: [:]][unit.municipalityID, default: []].append((unit.documentID, unit.id)) }
        }
        var comparisons: [String: ThemeComparison] = [:]
        for theme in themes {
            let columns = municipalities.map { municipality in
                Column(municipalityID: municipality.id,
                       documents: groups(byTheme[theme.id]?[municipality.id] ?? []),
                       unitKinds: kinds[municipality.id] ?? [])
            }
            comparisons[theme.id] = ThemeComparison(themeID: theme.id, columns: columns)
        }
        return comparisons
    }

    /// Consecutive units of one document as one group: units in site order come
    /// document by document, so each document is one group.
    private static func groups(_ units: [(document: String, unit: ComparableUnit.ID)]) -> [DocumentGroup] {
        var groups: [DocumentGroup] = []
        for (document, unit) in units {
            if groups.last?.documentID == document {
                groups[groups.count - 1].unitIDs.append(unit)
            } else {
                groups.append(DocumentGroup(documentID: document, unitIDs: [unit]))
            }
        }
        return groups
    }
}
