import Foundation
import PortalBuild
import PortalCore
import PortalGraph
@testable import PortalRender
import PortalTestSupport
import Testing

// The data files are made one at a time and handed on as they are made, so that a build
// never holds them all (about 90 MB at 10,000 items). Made that way, they must be the
// files a making of the whole would give.

@Suite("Data files are made one at a time, and are what making them whole gives")
struct DataFileWritingTests {
    static func realSite() async throws -> (SiteGraph, Theme) {
        let site = await Site.load(SiteSources(contentDirectory: Repository.content, themeDirectory: Repository.theme))
        try #require(site.isBuildable, "\(site.diagnostics)")
        return (try #require(site.graph), try #require(site.theme))
    }

    @Test func theJSONMadeEntityByEntityIsWhatEncodingTheWholeExportGives() async throws {
        let (graph, theme) = try await Self.realSite()
        let export = DataExport(graph: graph, strings: theme.strings)
        var entities: [DataExport.Entity] = []
        export.forEachEntity { entities.append($0) }
        let whole = DataExport.Export(formatVersion: DataExport.formatVersion, dataset: export.dataset, entities: entities)

        let made = try export.jsonFile()
        #expect(made.entities == entities.count)
        #expect(made.file.path == "data/portal.json")
        #expect(made.file.data == (try DataExport.jsonEncoder().encode(whole)))
    }

    @Test func eachFileIsHandedOnBeforeTheNextIsMadeWithItsRowsAndSize() async throws {
        let (graph, theme) = try await Self.realSite()
        let export = DataExport(graph: graph, strings: theme.strings)
        var handed: [OutputFile] = []
        let written = try export.write { handed.append($0) }

        #expect(handed.map { $0.path } == ["data/portal.json"] + DataExport.tableOrder.map { "data/" + $0.fileName })
        #expect(written.map(\.path) == handed.map { $0.path })
        #expect(written.map(\.bytes) == handed.map { $0.data.count })
        let tables = export.tables()
        #expect(Array(written.dropFirst().map(\.rows)) == tables.map(\.rows.count))
        #expect(Array(handed.dropFirst().map { $0.data }) == tables.map(\.data))
        #expect(written.first?.rows == graph.municipalities.count + graph.documents.count + graph.sections.count
            + graph.items.count + graph.appendices.count + graph.themes.count + graph.tags.count + graph.pages.count
            + graph.lawParagraphTexts.filter { graph.isCited($0.paragraph) }.count)
    }

    @Test func aFileThatCannotBeWrittenStopsTheRestAndSaysWhy() async throws {
        struct Full: Error {}
        let (graph, theme) = try await Self.realSite()
        var handed: [String] = []
        #expect(throws: Full.self) {
            try DataExport(graph: graph, strings: theme.strings).write { file in
                handed.append(file.path)
                if handed.count == 2 { throw Full() }
            }
        }
        #expect(handed.count == 2)
    }
}
