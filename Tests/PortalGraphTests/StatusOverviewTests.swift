import PortalContent
import PortalCore
import PortalGraph
import Testing

@Suite("A document that reports status has an overview that counts its smallest units")
struct StatusOverviewTests {
    /// A follow-up in the manner of Slagelse's: goals with lettered activities, each with
    /// its own status, and a goal with a status of its own.
    static func fixture(statuses: (String, String, String) = ("realiseret", "i-gang", "realiseret")) -> GraphFixture {
        var fixture = GraphFixture()
        fixture.files["i1.md"] = """
        ---
        kind: item
        type: initiative
        id: i1
        document: d
        section: s1
        number: "1)"
        title: Første udviklingsmål
        themes: [sundhed]
        activities:
          - number: "A."
            text: Eksempel på en aktivitet.
            status: \(statuses.0)
            status_text: Eksempel på en status.
          - number: "B."
            text: Eksempel på en anden aktivitet.
            status: \(statuses.1)
            status_text: Eksempel på en anden status.
        ---
        """
        fixture.files["i2.md"] = """
        ---
        kind: item
        type: initiative
        id: i2
        document: d
        section: s2
        number: "2)"
        title: Andet udviklingsmål
        themes: [sundhed]
        status: \(statuses.2)
        status_text: Eksempel på målets status.
        activities:
          - number: "A."
            text: Eksempel på målets eneste aktivitet.
        ---
        """
        return fixture
    }

    @Test func theOverviewCountsActivitiesByStatusInTheOrderOfTheStatuses() throws {
        let graph = try #require(Self.fixture().build().graph)
        let overview = try #require(graph.statusOverviews["d"])
        #expect(overview.rows.map { "\($0.itemID)/\($0.activityIndex.map(String.init) ?? "-") \($0.status?.rawValue ?? "")" }
            == ["i1/0 realiseret", "i1/1 i-gang", "i2/0 realiseret"])
        #expect(overview.counts == [.init(status: .realiseret, count: 2), .init(status: .iGang, count: 1)])
        #expect(overview.countsActivities)
        // An activity without a status of its own has its item's, in its item's words.
        #expect(overview.rows.last?.statusText == "Eksempel på målets status.")
        #expect(graph.documentsWithStatus == ["d"])
    }

    @Test func aGoalWhoseActivitiesDifferSaysSoWithTheCounts() throws {
        let graph = try #require(Self.fixture().build().graph)
        let goals = try #require(graph.statusOverviews["d"]?.goals)
        let first = try #require(goals.first?.activities)
        #expect(first.differ)
        #expect(first.counts == [.init(status: .realiseret, count: 1), .init(status: .iGang, count: 1)])
        // A goal with its own status needs no summary of its activities.
        #expect(goals.last?.activities == nil)
        let same = try #require(Self.fixture(statuses: ("fravalgt", "fravalgt", "realiseret")).build().graph?.item("i1"))
        #expect(ActivityStatuses(same)?.differ == false)
        #expect(ActivityStatuses(same)?.counts == [.init(status: .fravalgt, count: 2)])
    }

    @Test func proposalsAloneAreNoStatusToOverviewButStillAStatus() throws {
        let graph = try #require(Self.fixture(statuses: ("forslag", "forslag", "forslag")).build().graph)
        #expect(graph.statusOverviews["d"] == nil)
        #expect(graph.documentsWithStatus == ["d"])
    }

    @Test func aDocumentWithoutAnyStatusHasNeitherOverviewNorStatus() throws {
        let graph = try #require(GraphFixture().build().graph)
        #expect(graph.statusOverviews.isEmpty)
        #expect(graph.documentsWithStatus.isEmpty)
    }

    @Test func unitsWithoutAStatusInADocumentThatReportsOneCountAsNotGiven() throws {
        var fixture = Self.fixture()
        fixture.files["i3.md"] = "---\nkind: item\ntype: initiative\nid: i3\ndocument: d\nsection: s2\ntitle: Tredje udviklingsmål\nthemes: [sundhed]\n---\nTekst.\n"
        let overview = try #require(fixture.build().graph?.statusOverviews["d"])
        #expect(overview.counts.last == .init(status: .ikkeAngivet, count: 1))
        #expect(!overview.countsActivities)
    }
}
