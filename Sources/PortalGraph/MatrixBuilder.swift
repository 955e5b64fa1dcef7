import PortalContent

/// Computes the matrices the site shows from resolved entities.
struct MatrixBuilder {
    let themes: [Topic]
    let municipalities: [Municipality]
    let sections: [Section]
    let items: [Item]
    let units: [ComparableUnit]
    /// Items by document and sections by id, grouped once: matrices are built for every
    /// document, and scanning all items each time is quadratic at national scale.
    private let itemsByDocument: [String: [Item]]
    private let sectionsByID: [String: Section]

    init(themes: [Topic], municipalities: [Municipality], sections: [Section], items: [Item], units: [ComparableUnit]) {
        self.themes = themes
        self.units = units
        self.municipalities = municipalities
        self.sections = sections
        self.items = items
        itemsByDocument = Dictionary(grouping: items, by: \.documentID)
        sectionsByID = Dictionary(sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Themes × municipalities; comparable units in site order within each cell.
    func themeMatrix() -> ThemeMatrix {
        // One pass over the units fills every cell.
        var cells: [String: [String: [ComparableUnit.ID]]] = [:]
        var kinds: [String: [ComparableUnit.Kind]] = [:]
        for unit in units {
            for theme in unit.themeIDs { cells[theme, default: [:]][unit.municipalityID, default: []].append(unit.id) }
            if kinds[unit.municipalityID]?.contains(unit.kind) != true { kinds[unit.municipalityID, default: []].append(unit.kind) }
        }
        return ThemeMatrix(
            municipalityIDs: municipalities.map(\.id),
            unitKinds: municipalities.map { kinds[$0.id] ?? [] },
            rows: themes.map { theme in
                ThemeMatrix.Row(themeID: theme.id, cells: municipalities.map { cells[theme.id]?[$0.id] ?? [] })
            })
    }

    /// The document's own matrices: local themes (if it has them), sections (if it has
    /// more than one), and the cross-municipality themes its items map to.
    func matrices(for document: Document) -> [DocumentMatrix] {
        let documentItems = itemsByDocument[document.id] ?? []
        guard !documentItems.isEmpty else { return [] }
        var result: [DocumentMatrix] = []
        if !document.localThemes.isEmpty {
            let columns = document.localThemes.map { DocumentMatrix.Column(key: String($0.number), title: $0.title) }
            // The catalogue's own table lists its ideas by number, not by grouping.
            let byNumber = documentItems.enumerated().sorted { lhs, rhs in
                let a = lhs.element.number.flatMap { Int($0) } ?? .max
                let b = rhs.element.number.flatMap { Int($0) } ?? .max
                return a != b ? a < b : lhs.offset < rhs.offset
            }.map(\.element)
            result.append(DocumentMatrix(axis: .localThemes, columns: columns, rows: byNumber.map { item in
                DocumentMatrix.Row(itemID: item.id, activityIndex: nil, marks: localThemeMarks(of: item, in: document))
            }))
        }
        let documentSections = document.sectionIDs.compactMap { sectionsByID[$0] }
        if documentSections.count > 1 {
            let columns = documentSections.map { DocumentMatrix.Column(key: $0.id, title: $0.title) }
            var rows: [DocumentMatrix.Row] = []
            for item in documentItems {
                let marks = documentSections.map { $0.id == item.sectionID ? DocumentMatrix.Mark.yes : .no }
                if document.units == .activities, !item.activities.isEmpty {
                    rows += item.activities.indices.map { DocumentMatrix.Row(itemID: item.id, activityIndex: $0, marks: marks) }
                } else {
                    rows.append(DocumentMatrix.Row(itemID: item.id, activityIndex: nil, marks: marks))
                }
            }
            result.append(DocumentMatrix(axis: .sections, columns: columns, rows: rows))
        }
        let usedThemes = themes.filter { theme in documentItems.contains { $0.themeIDs.contains(theme.id) } }
        if !usedThemes.isEmpty {
            result.append(DocumentMatrix(
                axis: .themes, columns: usedThemes.map { DocumentMatrix.Column(key: $0.id, title: $0.title) },
                rows: documentItems.map { item in
                    DocumentMatrix.Row(itemID: item.id, activityIndex: nil, marks: usedThemes.map { item.themeIDs.contains($0.id) ? .yes : .no })
                }))
        }
        return result
    }

    /// The catalogue's marks of an item's own themes. The catalogue marks them in the
    /// item's text; an item whose text is missing in the source (`missing_description:
    /// true`) and that names no themes is not stated under any of them, rather than "no".
    /// Themes an editor gives such an item from elsewhere (the table of contents) still count.
    func localThemeMarks(of item: Item, in document: Document) -> [DocumentMatrix.Mark] {
        let unknown = item.missingDescription && item.localThemes.isEmpty
        return document.localThemes.map { theme in
            unknown ? .notStated : item.localThemes.contains(theme.number) ? .yes : .no
        }
    }
}
