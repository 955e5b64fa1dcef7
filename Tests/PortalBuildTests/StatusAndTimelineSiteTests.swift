import Foundation
import PortalContent
import PortalCore
import PortalGraph
import PortalTestSupport
import Testing

/// The real content's statuses and milestones, as a reader finds them on the built site.
@Suite("The real site shows Slagelse's statuses at a glance and every milestone on a timeline")
struct StatusAndTimelineSiteTests {
    static let slagelse = "kommuner/slagelse/opfoelgning-udviklingsaftalen-2014/index.html"
    static let rudersdalTimeline = "tidslinje/rudersdal/virksomhedsplan-2019/index.html"

    var graph: SiteGraph {
        get async throws { try await RealSite.shared.build().report.graph }
    }

    var site: BuiltSite {
        get async throws { try await RealSite.shared.build().site }
    }

    /// The status tags in `html`, in order, by their modifier (`realiseret`, `i-gang` ...).
    static func statusTags(_ html: String) -> [String] {
        HTMLPage(path: "", html: html).matches(#"class="status status--([a-z-]+)""#)
    }

    static func counted(_ tags: [String]) -> [String: Int] {
        Dictionary(tags.map { ($0, 1) }, uniquingKeysWith: +)
    }

    // MARK: Status at a glance

    @Test func slagelsesOverviewCountsAllElevenActivitiesAsTheirOwnPagesDo() async throws {
        let site = try await site
        let graph = try await graph
        let page = try #require(site.page(Self.slagelse))
        #expect(page.text.contains("Status for 11 aktiviteter: 7 realiseret 3 i gang 1 fravalgt"))
        let table = try #require(page.matches(#"<table class="status-table[^"]*"[^>]*>(.*?)</table>"#).first)
        let overview = Self.statusTags(table)
        #expect(overview.count == 11)
        #expect(Self.counted(overview) == ["realiseret": 7, "i-gang": 3, "fravalgt": 1])
        // Each activity's own page says the same, in the same order.
        var onItemPages: [String] = []
        for id in try #require(graph.document("slagelse-opfoelgning-udviklingsaftalen-2014")?.itemIDs) {
            let item = try #require(graph.item(id))
            let itemPage = try #require(site.page(item.path + "index.html"))
            let activities = try #require(itemPage.matches(#"<ul class="activities">(.*?)</ul>\s*</section>"#).first)
            onItemPages += Self.statusTags(activities)
        }
        #expect(onItemPages == overview)
        // The table is accessible: a caption, column headers and a header for each goal's rows.
        #expect(table.contains("<caption id=\"status-oversigt-caption\">Opfølgning på Udviklingsaftalen 2014: status for hver aktivitet</caption>"))
        #expect(page.matches(#"<th scope="col">"#, group: 0).count >= 4)
        #expect(page.matches(#"<th scope="rowgroup" rowspan="\d+""#, group: 0).count == 7)
    }

    @Test func theMunicipalityPageHasTheSameOverview() async throws {
        let site = try await site
        let page = try #require(site.page("kommuner/slagelse/index.html"))
        #expect(page.text.contains("Status for 11 aktiviteter: 7 realiseret 3 i gang 1 fravalgt"))
        let table = try #require(page.matches(#"<table class="status-table[^"]*"[^>]*>(.*?)</table>"#).first)
        #expect(Self.counted(Self.statusTags(table)) == ["realiseret": 7, "i-gang": 3, "fravalgt": 1])
    }

    @Test func aGoalWhoseActivitiesDifferSaysSoOnItsPageAndInTheOverview() async throws {
        let site = try await site
        let graph = try await graph
        let goal = try #require(graph.item("slagelse-opfoelgning-2014-maal-05"))
        let page = try #require(site.page(goal.path + "index.html"))
        #expect(page.text.contains("Status Aktiviteterne har forskellig status: 1 realiseret · 1 i gang"))
        #expect(try #require(site.page(Self.slagelse)).text.contains("Aktiviteterne har forskellig status: 1 realiseret · 1 i gang"))
        // Goals whose activities agree say that, instead of nothing.
        let agreeing = try #require(graph.item("slagelse-opfoelgning-2014-maal-04"))
        #expect(try #require(site.page(agreeing.path + "index.html")).text.contains("Status Aktiviteternes status: 3 realiseret"))
    }

    @Test func documentsWithoutAnyStatusShowNoStatusTagAtAll() async throws {
        let site = try await site
        let graph = try await graph
        for document in ["hilleroed-udviklingsplan-2019-2021", "rudersdal-virksomhedsplan-2019", "hilleroed-en-del-af-faellesskabet"] {
            let doc = try #require(graph.document(document))
            for path in site.pagePaths where path.hasPrefix(doc.path) {
                let html = try #require(site.page(path)).html
                #expect(!html.contains("status--ikke-angivet"), "\(path) shows 'Ikke angivet' as a status")
                #expect(!html.contains("status-table"), "\(path) has a status overview")
            }
        }
        // Kalundborg's ideas keep their status as proposals, without an overview.
        let idea = try #require(graph.items.first { $0.documentID == "kalundborg-idekatalog-h24" })
        #expect(Self.statusTags(try #require(site.page(idea.path + "index.html")).html) == ["forslag"])
        #expect(try #require(site.page("kommuner/kalundborg/idekatalog-h24/index.html")).html.contains("status-table") == false)
    }

    // MARK: Timelines

    @Test func everyMilestoneDateInTheRealContentIsReadAndPlaced() async throws {
        let graph = try await graph
        let withDates = graph.items.flatMap { item in item.milestones.compactMap(\.when).map { (item, $0) } }
        // Every `when:` written in content/ is one of them.
        let written = try Self.whenLinesInContent()
        #expect(withDates.count == written.count && written.count == 69)
        #expect(Set(withDates.map(\.1)) == Set(written))
        for (item, when) in withDates {
            let date = try #require(DanishDate(when), "'\(when)' in \(item.id) cannot be read")
            #expect(date.range(year: graph.document(item.documentID)?.year) != nil, "'\(when)' in \(item.id) has no year")
        }
        #expect(graph.timeline.unplaced.isEmpty)
        #expect(graph.timeline.dated.count == 69)
        // Rudersdal's plan is for 2019: its "Ultimo januar 2019" stays in 2019, as written.
        let january = try #require(graph.timeline.dated.first { $0.milestone.when == "Ultimo januar 2019" })
        #expect(january.range?.start == CalendarDay(year: 2019, month: 1, day: 21))
        #expect(graph.timeline.dated.first { $0.milestone.when == "April 2020" }?.range?.start.year == 2020)
    }

    /// The value of every `when:` line of every content file, unquoted.
    static func whenLinesInContent() throws -> [String] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: Repository.content.path))
        var values: [String] = []
        for case let path as String in enumerator where path.hasSuffix(".md") {
            let text = try String(contentsOf: Repository.content.appendingPathComponent(path), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("when:") else { continue }
                let value = trimmed.dropFirst("when:".count).trimmingCharacters(in: .whitespaces)
                if value != "null", !value.isEmpty { values.append(value.trimmingCharacters(in: CharacterSet(charactersIn: "\""))) }
            }
        }
        return values
    }

    @Test func theTimelinesListEveryMilestoneByQuarterInOrder() async throws {
        let site = try await site
        for path in ["tidslinje/index.html", Self.rudersdalTimeline] {
            let page = try #require(site.page(path))
            #expect(page.text.contains("69 milepæle"), "\(path)")
            let headings = page.matches(#"<th scope="rowgroup" colspan="\d">([^<]*)<"#).map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(headings == ["1. kvartal 2019", "2. kvartal 2019", "3. kvartal 2019", "4. kvartal 2019", "1. kvartal 2020", "2. kvartal 2020"], "\(path)")
            #expect(page.matches(#"<th scope="row" class="timeline-milestone""#, group: 0).count == 69, "\(path)")
            // The drawing is hidden from screen readers and its links from the keyboard: the table is the content.
            #expect(page.html.contains("<svg class=\"timeline-chart\""))
            #expect(page.html.contains("aria-hidden=\"true\" focusable=\"false\""))
            #expect(page.matches(#"<a href="[^"]*" tabindex="-1">"#, group: 0).count == 69)
            #expect(!page.html.contains("Milepæle uden plads"), "\(path)")
        }
    }

    @Test func eachMilestoneLinksToItsRowOnItsUnitsPage() async throws {
        let site = try await site
        let page = try #require(site.page(Self.rudersdalTimeline))
        let links = page.matches(#"<td data-label="Indsats"><a href="([^"]*)""#)
        #expect(links.count == 69)
        for link in links {
            let (target, fragment) = try #require(site.resolve(link, from: Self.rudersdalTimeline))
            let unit = try #require(site.page(target), "\(link)")
            let id = try #require(fragment)
            #expect(id.hasPrefix("milepael-") && unit.ids.contains(id), "\(link)")
        }
    }

    @Test func theTimelinesAreLinkedFromTheNavigationTheDocumentItsMunicipalityAndItsItems() async throws {
        let site = try await site
        let graph = try await graph
        func links(_ path: String) throws -> [String] {
            try #require(site.page(path)).links.compactMap { site.resolve($0, from: path)?.path }
        }
        #expect(try links("index.html").contains("tidslinje/index.html"))
        #expect(try links("kommuner/slagelse/index.html").contains("tidslinje/index.html"))
        #expect(try links("kommuner/rudersdal/virksomhedsplan-2019/index.html").contains(Self.rudersdalTimeline))
        #expect(try links("kommuner/rudersdal/index.html").contains(Self.rudersdalTimeline))
        #expect(try links("tidslinje/index.html").contains(Self.rudersdalTimeline))
        let item = try #require(graph.items.first { $0.documentID == "rudersdal-virksomhedsplan-2019" })
        #expect(try links(item.path + "index.html").contains(Self.rudersdalTimeline))
        // Only documents with milestones have a timeline of their own.
        #expect(site.pagePaths.filter { $0.hasPrefix("tidslinje/") } == ["tidslinje/index.html", Self.rudersdalTimeline])
    }
}
