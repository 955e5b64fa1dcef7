import PortalContent
import PortalGraph

/// Turns matrices into the values of the theme's table partial: a caption, column
/// headers, and rows whose every cell holds a text (never colour or a symbol alone).
extension ViewContext {
    /// Themes × municipalities with the number of units in each cell, linking to the
    /// theme page's part for that municipality. Each column says what it counts.
    func themeMatrixTable(_ links: Links) -> [String: Any] {
        let matrix = graph.themeMatrix
        let municipalities = matrix.municipalityIDs.compactMap(graph.municipality)
        let unitKeys = matrix.municipalityIDs.indices.map { index in
            let kinds = index < matrix.unitKinds.count ? matrix.unitKinds[index] : []
            return Self.unitKey(kinds)
        }
        return [
            "id": "temamatrix",
            "caption": strings["matrix.themesCaption"],
            "corner": strings["matrix.themeColumn"],
            "numeric": true,
            "columns": zip(municipalities, unitKeys).map { municipality, key -> [String: Any] in
                ["title": municipality.shortTitle, "url": links.page(municipality.path), "note": strings["\(key).name"]]
            },
            "rows": matrix.rows.compactMap { row -> [String: Any]? in
                guard let theme = graph.link(to: EntityRef(.theme, row.themeID)) else { return nil }
                return [
                    "title": theme.title,
                    "url": links.page(theme.path),
                    "compareURL": links.page(comparePath(theme.path)),
                    "compareLabel": strings.format("compare.rowLabel", ["theme": theme.title]),
                    "cells": zip(zip(municipalities, unitKeys), row.cells).map { column, unitIDs -> [String: Any] in
                        let (municipality, key) = column
                        return [
                            "text": String(unitIDs.count),
                            "marked": false,
                            "label": strings.format("matrix.countLabel", [
                                "count": counted(key, unitIDs.count), "theme": theme.title, "municipality": municipality.shortTitle,
                            ]),
                            "url": unitIDs.isEmpty ? false : links.page(theme.path, anchor: anchor(for: municipality)),
                        ]
                    },
                ]
            },
        ]
    }

    /// A document's own matrix as a table of "Ja"/"Nej" cells.
    func documentMatrixTable(_ matrix: DocumentMatrix, document: Document, index: Int, _ links: Links) -> [String: Any] {
        let captionKey: String
        let corner: String
        var columns: [[String: Any]]
        switch matrix.axis {
        case .localThemes:
            captionKey = "matrix.localThemesCaption"
            corner = document.itemLabel ?? strings["item.initiative"]
            columns = matrix.columns.map { ["title": "\($0.key) \($0.title)", "url": false] }
        case .sections:
            captionKey = document.units == .activities ? "matrix.activitiesCaption" : "matrix.sectionsCaption"
            corner = document.units == .activities ? strings["item.activities"] : (document.itemLabel ?? strings["item.initiative"])
            columns = matrix.columns.map { column in
                ["title": column.title, "url": absent(graph.section(column.key).map { links.page($0.path) })]
            }
        case .themes:
            captionKey = "matrix.crossThemesCaption"
            corner = document.itemLabel ?? strings["item.initiative"]
            columns = matrix.columns.map { column in
                ["title": column.title, "url": absent(graph.link(to: EntityRef(.theme, column.key)).map { links.page($0.path) })]
            }
        }
        let sectionLabel = document.sectionLabel ?? strings["section.label"]
        return [
            "id": "matrix-\(index + 1)",
            "caption": strings.format(captionKey, ["document": document.title, "sections": sectionLabel]),
            "numeric": false,
            // More columns than fit an A4 page upright: printed on a landscape page.
            "wide": columns.count > 5,
            "corner": corner,
            "columns": columns,
            "rows": matrix.rows.compactMap { row -> [String: Any]? in
                guard let item = graph.item(row.itemID) else { return nil }
                var title = [numberLabel(item), item.title].compactMap { $0 }.joined(separator: ": ")
                if let activityIndex = row.activityIndex {
                    let activity = item.activities[activityIndex]
                    title = [activity.number, activity.title ?? activity.text].compactMap { $0 }.joined(separator: ". ")
                }
                return [
                    "title": title,
                    "url": links.page(item.path),
                    "cells": zip(matrix.columns, row.marks).map { column, marked -> [String: Any] in
                        [
                            "text": marked ? strings["matrix.yes"] : strings["matrix.no"],
                            "marked": marked,
                            "url": false,
                        ]
                    },
                ]
            },
        ]
    }
}
