import PortalContent
import PortalCore
import PortalGraph

/// The CSV files: one per kind of row, so that each opens in Excel as one table a reader
/// can sort and filter without splitting cells first.
extension DataExport {
    /// The CSV files in the order they are written and the "Hent data" page lists them.
    static let tableOrder: [SpreadsheetTable.Kind] = [.units, .activities, .milestones, .themeMatrix, .items]

    /// Every CSV file, in the order the "Hent data" page lists them.
    public func tables() -> [SpreadsheetTable] {
        Self.tableOrder.map(table)
    }

    /// The CSV file of one kind of row.
    public func table(_ kind: SpreadsheetTable.Kind) -> SpreadsheetTable {
        switch kind {
        case .units: unitsTable()
        case .activities: activitiesTable()
        case .milestones: milestonesTable()
        case .themeMatrix: themeMatrixTable()
        case .items: itemsTable()
        }
    }

    private func header(_ keys: [String]) -> [String] { keys.map { strings["csv.\($0)"] } }

    private func joined(_ values: [String]) -> String { values.joined(separator: SpreadsheetTable.valueSeparator) }

    private func themeTitles(_ ids: [String]) -> String { joined(ids.compactMap(graph.theme).map(\.title)) }

    private func tagTitles(_ ids: [String]) -> String { joined(ids.compactMap(graph.tag).map(\.title)) }

    private func paragraphs(_ ref: EntityRef) -> String { joined(graph.lawReferences(in: ref).map { "§ \($0)" }) }

    private func status(_ status: Status?) -> String { status.map { strings["status.\($0.rawValue)"] } ?? "" }

    /// What a unit is called, in the theme's words ("aktivitet", "indsats", "idé").
    private func unitKind(_ kind: ComparableUnit.Kind) -> String {
        switch kind {
        case .activity: strings["csv.kindNames.activity"]
        case .item(let type): strings["csv.kindNames.\(type.rawValue)"]
        }
    }

    /// One row per unit: what the portal counts and compares across municipalities.
    func unitsTable() -> SpreadsheetTable {
        let rows = graph.units.map { unit -> [String] in
            let item = graph.item(unit.id.itemID)
            return [
                unit.id.description,
                unitKind(unit.kind),
                graph.municipality(unit.municipalityID)?.title ?? "",
                graph.document(unit.documentID)?.title ?? "",
                unit.sectionID.flatMap(graph.section)?.title ?? "",
                unit.kind == .activity ? item?.title ?? "" : "",
                unit.number ?? "",
                unit.title.map(plain) ?? "",
                unit.lead ?? "",
                status(unit.status),
                unit.statusText.map(plain) ?? "",
                themeTitles(unit.themeIDs),
                tagTitles(unit.tagIDs),
                paragraphs(EntityRef(.item, unit.id.itemID)),
                url(unit.path),
            ]
        }
        return SpreadsheetTable(kind: .units, header: header([
            "id", "kind", "municipality", "document", "section", "item", "number", "title", "description",
            "status", "statusText", "themes", "tags", "lawReferences", "url",
        ]), rows: rows)
    }

    /// One row per activity, with its status: what a follow-up reports.
    func activitiesTable() -> SpreadsheetTable {
        var rows: [[String]] = []
        for item in graph.items {
            let pages = Dictionary(graph.units(ofItem: item.id).compactMap { unit in unit.id.activity.map { ($0, unit.path) } },
                                   uniquingKeysWith: { first, _ in first })
            for (index, activity) in item.activities.enumerated() {
                rows.append([
                    ComparableUnit.ID(itemID: item.id, activity: index).description,
                    graph.municipality(item.municipalityID)?.title ?? "",
                    graph.document(item.documentID)?.title ?? "",
                    item.sectionID.flatMap(graph.section)?.title ?? "",
                    item.title,
                    activity.number ?? "",
                    activity.title.map(plain) ?? "",
                    activity.text.map(plain) ?? "",
                    status(activity.status),
                    activity.statusText.map(plain) ?? "",
                    url(pages[index] ?? item.path),
                ])
            }
        }
        return SpreadsheetTable(kind: .activities, header: header([
            "id", "municipality", "document", "section", "item", "number", "title", "text", "status", "statusText", "url",
        ]), rows: rows)
    }

    /// One row per milestone in site order: the text, when as written, and the first and
    /// last day it is read as (empty where it cannot be placed, with the reason).
    func milestonesTable() -> SpreadsheetTable {
        var placements: [String: [Int: Timeline.Placement]] = [:]
        for entry in graph.timeline.dated + graph.timeline.unplaced {
            placements[entry.itemID, default: [:]][entry.index] = entry.placement
        }
        var rows: [[String]] = []
        for item in graph.items {
            for (index, milestone) in item.milestones.enumerated() {
                let placement = placements[item.id]?[index] ?? .undated
                let (start, end, note): (String, String, String) = switch placement {
                case .dated(let range): (Self.iso(range.start), Self.iso(range.end), range.ongoing ? strings["csv.placements.ongoing"] : "")
                case .withoutYear: ("", "", strings["csv.placements.withoutYear"])
                case .unreadable: ("", "", strings["csv.placements.unreadable"])
                case .undated: ("", "", strings["csv.placements.undated"])
                }
                rows.append([
                    "\(item.id)#\(index + 1)",
                    graph.municipality(item.municipalityID)?.title ?? "",
                    graph.document(item.documentID)?.title ?? "",
                    item.title,
                    plain(milestone.text),
                    milestone.when ?? "",
                    start, end, note,
                    url(item.path),
                ])
            }
        }
        return SpreadsheetTable(kind: .milestones, header: header([
            "id", "municipality", "document", "item", "milestone", "when", "start", "end", "placement", "url",
        ]), rows: rows)
    }

    /// Themes × municipalities, each column saying what it counts, as on the home page.
    func themeMatrixTable() -> SpreadsheetTable {
        let matrix = graph.themeMatrix
        let columns = matrix.municipalityIDs.enumerated().map { index, id -> String in
            let kinds = index < matrix.unitKinds.count ? matrix.unitKinds[index] : []
            let key = ViewContext.unitKey(kinds)
            return "\(graph.municipality(id)?.shortTitle ?? id) (\(strings["\(key).name"]))"
        }
        let rows = matrix.rows.map { row in
            [graph.theme(row.themeID)?.title ?? row.themeID] + row.cells.map { String($0.count) }
        }
        return SpreadsheetTable(kind: .themeMatrix, header: [strings["csv.theme"]] + columns, rows: rows)
    }

    /// One row per item (indsats or idea), as the documents organise them.
    func itemsTable() -> SpreadsheetTable {
        let rows = graph.items.map { item -> [String] in
            [
                item.id,
                graph.municipality(item.municipalityID)?.title ?? "",
                graph.document(item.documentID)?.title ?? "",
                item.sectionID.flatMap(graph.section)?.title ?? "",
                item.number ?? "",
                item.title,
                status(item.status),
                item.statusText.map(plain) ?? "",
                themeTitles(item.themeIDs),
                tagTitles(item.tagIDs),
                paragraphs(EntityRef(.item, item.id)),
                joined(item.milestones.map { "\(plain($0.text)) (\($0.when ?? strings["missing.notGiven"]))" }),
                url(item.path),
            ]
        }
        return SpreadsheetTable(kind: .items, header: header([
            "id", "municipality", "document", "section", "number", "title", "status", "statusText",
            "themes", "tags", "lawReferences", "milestones", "url",
        ]), rows: rows)
    }

    /// "2019-05-31": the form Excel reads as a date in every locale.
    static func iso(_ day: CalendarDay) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(padded(day.year, 4))-\(padded(day.month, 2))-\(padded(day.day, 2))"
    }
}
