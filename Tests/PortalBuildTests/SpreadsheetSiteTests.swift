import Foundation
import PortalGraph
import PortalRender
import PortalTestSupport
import Testing

/// The CSV files as Danish Excel reads them: a byte order mark, `;` between fields,
/// CRLF between rows, quotes where a field holds a separator, one table per file.
@Suite("The data has one CSV per kind of row that Danish Excel opens as it is")
struct SpreadsheetSiteTests {
    var graph: SiteGraph {
        get async throws { try await RealSite.shared.build().report.graph }
    }

    var site: BuiltSite {
        get async throws { try await RealSite.shared.build().site }
    }

    /// The rows of a CSV file, read the way Excel does (RFC 4180 quoting, `;`).
    static func rows(_ data: Data) throws -> [[String]] {
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "no byte order mark")
        let text = try #require(String(data: data.dropFirst(3), encoding: .utf8))
        #expect(text.hasSuffix("\r\n"))
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == ";" {
                row.append(field)
                field = ""
            } else if character == "\r\n" || character == "\n" {
                // Swift reads CRLF as one character; a bare LF outside quotes is a fault.
                #expect(character == "\r\n", "a line ends without CR")
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        return rows
    }

    func table(_ name: String) async throws -> [[String]] {
        let site = try await site
        return try Self.rows(Data(contentsOf: site.root.appendingPathComponent("data/" + name)))
    }

    @Test func everyFileIsOneTableWithAHeaderAndTheSameColumnsInEveryRow() async throws {
        for kind in SpreadsheetTable.Kind.allCases {
            let rows = try await table(kind.fileName)
            #expect(rows.count > 1, "\(kind.fileName) is empty")
            #expect(rows.allSatisfy { $0.count == rows[0].count }, "\(kind.fileName) has ragged rows")
        }
    }

    @Test func theUnitsFileHasARowPerComparableUnitWithItsDescriptionInTheSourcesWords() async throws {
        let graph = try await graph
        let rows = try await table("units.csv")
        #expect(rows.count - 1 == graph.units.count)
        let header = rows[0]
        let id = try #require(header.firstIndex(of: "id")), description = try #require(header.firstIndex(of: "Beskrivelse (kildens ord)"))
        let themes = try #require(header.firstIndex(of: "Fælles temaer"))
        for (row, unit) in zip(rows.dropFirst(), graph.units) {
            #expect(row[id] == unit.id.description)
            #expect(row[description] == unit.lead ?? "")
            // Several themes are split by a bar, so a name with a comma survives text-to-columns.
            #expect(row[themes] == unit.themeIDs.compactMap(graph.theme).map(\.title).joined(separator: " | "))
        }
        #expect(rows.contains { $0[id] == "rudersdal-indsats-03" && $0.last?.hasSuffix("index.html") == true })
    }

    @Test func theActivitiesFileHasEveryActivityWithItsStatusAsTheFollowUpGivesIt() async throws {
        let graph = try await graph
        let rows = try await table("activities.csv")
        #expect(rows.count - 1 == graph.items.reduce(0) { $0 + $1.activities.count })
        let status = try #require(rows[0].firstIndex(of: "Status"))
        let slagelse = rows.filter { $0[0].hasPrefix("slagelse-") }
        #expect(slagelse.count == 11)
        #expect(slagelse.filter { $0[status] == "Realiseret" }.count == 7)
    }

    @Test func theMilestonesFileGivesTheDateAsWrittenAndTheDaysItIsReadAs() async throws {
        let graph = try await graph
        let rows = try await table("milestones.csv")
        #expect(rows.count - 1 == graph.items.reduce(0) { $0 + $1.milestones.count })
        let header = rows[0]
        let when = try #require(header.firstIndex(of: "Tidspunkt som skrevet i kilden"))
        let start = try #require(header.firstIndex(of: "Første dag")), end = try #require(header.firstIndex(of: "Sidste dag"))
        let first = try #require(rows.first { $0[0] == "rudersdal-indsats-01#1" })
        #expect(first[when] == "Ultimo maj")
        #expect(first[start] == "2019-05-21")
        #expect(first[end] == "2019-05-31")
        // Every dated milestone has both days, and only those do.
        let dated = graph.timeline.dated.count
        #expect(rows.dropFirst().filter { !$0[start].isEmpty && !$0[end].isEmpty }.count == dated)
    }

    @Test func theThemeMatrixFileIsTheHomeMatrixAndSaysWhatEachColumnCounts() async throws {
        let graph = try await graph
        let rows = try await table("theme-matrix.csv")
        #expect(rows[0] == ["Fælles tema", "Hillerød (aktiviteter)", "Rudersdal (indsatser)", "Slagelse (aktiviteter)", "Kalundborg (idéer)"])
        #expect(rows.count - 1 == graph.themes.count)
        for (row, matrixRow) in zip(rows.dropFirst(), graph.themeMatrix.rows) {
            #expect(Array(row.dropFirst()) == matrixRow.cells.map { String($0.count) })
        }
    }

    @Test func theDataPageIsInTheMainNavigationAndListsEveryFileWithItsRowsAndSize() async throws {
        let site = try await site
        let home = try #require(site.page("index.html"))
        #expect(home.links.contains("hent-data/index.html"))
        let page = try #require(site.page("hent-data/index.html"))
        let rows = page.tableRows(caption: "Datafiler, der kan hentes")
        #expect(rows.count == 1 + SpreadsheetTable.Kind.allCases.count + 1)
        for kind in SpreadsheetTable.Kind.allCases {
            let row = try #require(rows.first { $0.first == kind.fileName }, "\(kind.fileName) is not listed")
            let lines = try await table(kind.fileName).count - 1
            #expect(row[3] == String(lines))
            let bytes = try Data(contentsOf: site.root.appendingPathComponent("data/" + kind.fileName)).count
            #expect(row[4].hasSuffix("B"))
            #expect(bytes > 0)
        }
    }
}
