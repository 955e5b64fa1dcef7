import PortalContent

/// Computes the matrices the site shows from resolved entities.
struct MatrixBuilder {
    let themes: [Topic]
    let municipalities: [Municipality]
    let sections: [Section]
    let items: [Item]

    /// Themes × municipalities; items in site order within each cell.
    func themeMatrix() -> ThemeMatrix {
        ThemeMatrix(
            municipalityIDs: municipalities.map(\.id),
            rows: themes.map { theme in
                ThemeMatrix.Row(themeID: theme.id, cells: municipalities.map { municipality in
                    items.filter { $0.municipalityID == municipality.id && $0.themeIDs.contains(theme.id) }.map(\.id)
                })
            })
    }

    /// The document's own matrices: local themes (if it has them), sections (if it has
    /// more than one), and the cross-municipality themes its items map to.
    func matrices(for document: Document) -> [DocumentMatrix] {
        let documentItems = items.filter { $0.documentID == document.id }
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
                DocumentMatrix.Row(itemID: item.id, activityIndex: nil,
                                   marks: document.localThemes.map { item.localThemes.contains($0.number) })
            }))
        }
        let documentSections = document.sectionIDs.compactMap { id in sections.first { $0.id == id } }
        if documentSections.count > 1 {
            let columns = documentSections.map { DocumentMatrix.Column(key: $0.id, title: $0.title) }
            var rows: [DocumentMatrix.Row] = []
            for item in documentItems {
                let marks = documentSections.map { $0.id == item.sectionID }
                if document.matrixRows == .activities, !item.activities.isEmpty {
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
                    DocumentMatrix.Row(itemID: item.id, activityIndex: nil, marks: usedThemes.map { item.themeIDs.contains($0.id) })
                }))
        }
        return result
    }
}
