import PortalContent
import PortalGraph

/// Turns matrices into the values of the theme's table partial (a caption, column
/// headers, rows whose every cell says what it holds in text, never by colour or a
/// symbol alone) or, for a grouping, of its grouped-lists partial.
extension ViewContext {
    /// Where the rows and cells of the theme × municipality counts lead.
    enum ThemeCountLinks {
        /// To the theme page and its part for the municipality, each row also offering the
        /// theme's comparison (the home page, the themes index).
        case themePages
        /// To the theme's comparison and its column for the municipality (the compare index).
        case comparisons
    }

    /// Themes × municipalities with the number of units in each cell, each column saying
    /// what it counts. One builder for every page that shows the counts, so that they
    /// cannot drift apart; `linking` says where rows and cells lead.
    func themeMatrixTable(id: String = "temamatrix", caption: String? = nil, linking: ThemeCountLinks = .themePages,
                          _ links: Links) -> [String: Any] {
        let matrix = graph.themeMatrix
        let municipalities = matrix.municipalityIDs.compactMap(graph.municipality)
        let unitKeys = matrix.municipalityIDs.indices.map { index in
            Self.unitKey(index < matrix.unitKinds.count ? matrix.unitKinds[index] : [])
        }
        return [
            "id": id,
            "caption": caption ?? strings["matrix.themesCaption"],
            "corner": strings["matrix.themeColumn"],
            "numeric": true,
            "marks": false,
            "key": false,
            "notStatedNote": false,
            "wide": false,
            "columns": zip(municipalities, unitKeys).map { municipality, key -> [String: Any] in
                ["title": municipality.shortTitle, "url": links.page(municipality.path), "note": strings["\(key).name"]]
            },
            "rows": matrix.rows.compactMap { row -> [String: Any]? in
                guard let theme = graph.link(to: EntityRef(.theme, row.themeID)) else { return nil }
                let comparison = links.page(comparePath(theme.path))
                let rowURL = linking == .themePages ? links.page(theme.path) : comparison
                return [
                    "title": theme.title,
                    "url": rowURL,
                    "compareURL": linking == .themePages ? comparison : false,
                    "compareLabel": strings.format("compare.rowLabel", ["theme": theme.title]),
                    "empty": false,
                    "cells": zip(zip(municipalities, unitKeys), row.cells).map { column, unitIDs -> [String: Any] in
                        let (municipality, key) = column
                        let url = linking == .themePages
                            ? links.page(theme.path, anchor: anchor(for: municipality))
                            : comparison + "#" + anchor(for: municipality)
                        return Self.cell(
                            text: String(unitIDs.count),
                            column: strings.format("matrix.countColumn", ["municipality": municipality.shortTitle, "units": strings["\(key).name"]]),
                            label: strings.format("matrix.countLabel", [
                                "count": counted(key, unitIDs.count), "theme": theme.title, "municipality": municipality.shortTitle,
                            ]),
                            url: unitIDs.isEmpty ? nil : url)
                    },
                ]
            },
        ]
    }

    /// A document's own matrix: grouped lists where it is a grouping (`DocumentMatrix.layout`),
    /// otherwise a table of marks ("●" for yes, an empty cell for no, both also said in
    /// words to screen readers, and "Ikke angivet" where the source does not say).
    func documentMatrixView(_ matrix: DocumentMatrix, document: Document, index: Int, _ links: Links) -> [String: Any] {
        let columns = matrixColumns(matrix, document: document, links)
        let caption: String
        let corner: String
        switch matrix.axis {
        case .localThemes:
            caption = "matrix.localThemesCaption"
            corner = document.itemLabel ?? strings["item.initiative"]
        case .sections:
            caption = document.units == .activities ? "matrix.activitiesCaption" : "matrix.sectionsCaption"
            corner = document.units == .activities ? strings["item.activities"] : (document.itemLabel ?? strings["item.initiative"])
        case .themes:
            caption = "matrix.crossThemesCaption"
            corner = document.itemLabel ?? strings["item.initiative"]
        }
        // What the rows are, in the caption: "idéer" for Kalundborg's ideas, not "indsatser".
        let rowKinds = matrix.rows.map(rowKind)
        var values: [String: Any] = [
            "id": "matrix-\(index + 1)",
            "caption": strings.format(caption, [
                "document": document.title, "sections": document.sectionLabel ?? strings["section.label"],
                "units": strings["\(Self.unitKey(rowKinds)).name"],
            ]),
        ]
        if case .groups(let groups) = matrix.layout {
            values["grouped"] = true
            values["groups"] = groups.map { group -> [String: Any] in
                let members = group.rows.compactMap { row in matrixRow(row, links) }
                let kinds = group.rows.map(rowKind)
                var column = columns[group.column]
                column["count"] = members.isEmpty ? strings["matrix.groupEmpty"] : counted(Self.unitKey(kinds), members.count)
                column["units"] = members
                column["hasUnits"] = !members.isEmpty
                column["anchor"] = "matrix-\(index + 1)-\(group.column + 1)"
                return column
            }
            return values
        }
        let rows = matrix.rows.compactMap { row in matrixRow(row, links).map { (row, $0) } }
        let names = matrix.columns.map { columnName($0, matrix.axis) }
        let hasNotStated = matrix.rows.contains { $0.marks.contains(.notStated) }
        values.merge([
            "grouped": false,
            "numeric": false,
            "marks": true,
            "key": strings["matrix.key"],
            "notStatedNote": hasNotStated ? strings["matrix.notStatedNote"] : false,
            // More columns than fit an A4 page upright: printed on a landscape page.
            "wide": columns.count > 5,
            "corner": corner,
            "columns": columns,
            "rows": rows.map { row, values -> [String: Any] in
                var values = values
                values["compareURL"] = false
                values["empty"] = !row.marks.contains(.yes) && !row.marks.contains(.notStated) ? strings["matrix.noMarks"] : false
                values["cells"] = markCells(row.marks, columns: names)
                return values
            },
        ]) { _, new in new }
        return values
    }

    /// One column's header values: its title and, where it has a page or a place on the
    /// document's page, a link there.
    private func matrixColumns(_ matrix: DocumentMatrix, document: Document, _ links: Links) -> [[String: Any]] {
        matrix.columns.map { column -> [String: Any] in
            let url: String?
            switch matrix.axis {
            case .localThemes:
                url = Int(column.key).map { links.page(document.path, anchor: localThemeAnchor($0)) }
            case .sections:
                url = graph.section(column.key).map { links.page($0.path) }
            case .themes:
                url = graph.link(to: EntityRef(.theme, column.key)).map { links.page($0.path) }
            }
            return ["title": columnName(column, matrix.axis), "url": absent(url), "note": false]
        }
    }

    /// What a row is: an activity, or an item of its type.
    private func rowKind(_ row: DocumentMatrix.Row) -> ComparableUnit.Kind {
        row.activityIndex != nil ? .activity : .item(graph.item(row.itemID)?.type ?? .initiative)
    }

    /// A column's name as shown: a local theme with its number ("3 Sundhedsfremme").
    private func columnName(_ column: DocumentMatrix.Column, _ axis: DocumentMatrix.Axis) -> String {
        axis == .localThemes ? "\(column.key) \(column.title)" : column.title
    }

    /// A row's title and link: the item ("Idé 3: Fremskudt sagsbehandling"), or one of
    /// its activities, linked to the activity's own page where it has one.
    private func matrixRow(_ row: DocumentMatrix.Row, _ links: Links) -> [String: Any]? {
        guard let item = graph.item(row.itemID) else { return nil }
        guard let activityIndex = row.activityIndex, item.activities.indices.contains(activityIndex) else {
            return ["title": [numberLabel(item), item.title].compactMap { $0 }.joined(separator: ": "), "url": links.page(item.path)]
        }
        let activity = item.activities[activityIndex]
        let path = graph.unit(ComparableUnit.ID(itemID: item.id, activity: activityIndex))?.path ?? item.path
        return [
            "title": Self.numbered(activity.number, activity.title ?? activity.text ?? ""),
            "url": links.page(path),
        ]
    }

    /// "1. Systematisk samarbejde", but "1) Lederforum" and "B. Slagelse": a number the
    /// source already ends with its own punctuation gets no second full stop.
    static func numbered(_ number: String?, _ text: String) -> String {
        guard let number, !number.isEmpty else { return text }
        return number + (number.last.map { ".):".contains($0) } == true ? " " : ". ") + text
    }

    /// The cells of a row of marks: one per column, except that a run of "not stated"
    /// marks is one cell across those columns ("Ikke angivet" once, not five times).
    private func markCells(_ marks: [DocumentMatrix.Mark], columns: [String]) -> [[String: Any]] {
        Self.markRuns(marks).map { run in
            switch run.mark {
            case .yes:
                Self.cell(text: "", state: "marked", column: columns[run.start], mark: "●", hidden: strings["matrix.yes"])
            case .no:
                Self.cell(text: "", state: "unmarked", column: columns[run.start], hidden: strings["matrix.no"])
            case .notStated:
                Self.cell(text: strings["matrix.notStated"], state: "not-stated",
                          column: run.span == 1 ? columns[run.start] : nil, colspan: run.span > 1 ? run.span : nil)
            }
        }
    }

    /// The cells a row of marks takes: each `yes` and `no` its own, each run of
    /// consecutive `notStated` one, with the column it starts at and how many it spans.
    static func markRuns(_ marks: [DocumentMatrix.Mark]) -> [(mark: DocumentMatrix.Mark, start: Int, span: Int)] {
        var runs: [(mark: DocumentMatrix.Mark, start: Int, span: Int)] = []
        for (index, mark) in marks.enumerated() {
            if mark == .notStated, let last = runs.last, last.mark == .notStated, last.start + last.span == index {
                runs[runs.count - 1].span += 1
            } else {
                runs.append((mark, index, 1))
            }
        }
        return runs
    }

    /// A table cell's values with every key the partial reads set, so that Mustache never
    /// finds a missing one in an enclosing row or page instead.
    /// - Parameters:
    ///   - text: the visible text.
    ///   - state: the cell's class (`marked`, `unmarked`, `not-stated`).
    ///   - column: the column's name, shown beside the cell where a phone stacks the table.
    ///   - mark: a visible symbol hidden from screen readers, which read `hidden` instead.
    ///   - label: the link's accessible name, where the cell links.
    static func cell(text: String, state: String? = nil, column: String? = nil, colspan: Int? = nil, mark: String? = nil,
                     hidden: String? = nil, label: String? = nil, url: String? = nil) -> [String: Any] {
        [
            "text": text, "state": absent(state), "column": absent(column), "colspan": absent(colspan.map(String.init)),
            "mark": absent(mark), "hidden": absent(hidden), "label": absent(label), "url": absent(url),
        ]
    }
}
