@testable import PortalGraph
import Testing

// A long-lived site keeps what resolving made from each item record, so that a save of
// one file does not prepare every item again. What it keeps must never show: the graph
// is the one a resolution from scratch makes, after any edit.

@Suite("Resolving with what earlier resolutions kept gives the graph of a fresh resolution")
struct ResolutionMemoTests {
    /// What item preparation reaches: the items, their units (with their leads) and the
    /// timelines read from their milestones.
    struct Prepared: Equatable {
        var items: [Item]
        var units: [ComparableUnit]
        var timelines: [String]

        init?(_ graph: SiteGraph?) {
            guard let graph else { return nil }
            items = graph.items
            units = graph.units
            timelines = graph.documentTimelines.keys.sorted()
        }
    }

    @Test func aSecondResolutionOfTheSameFilesGivesTheSameGraph() throws {
        let fixture = GraphFixture()
        let memo = ResolutionMemo()
        let first = try #require(Prepared(fixture.build(memo: memo).graph))
        #expect(memo.count == 2, "one entry per item record")
        let second = try #require(Prepared(fixture.build(memo: memo).graph))
        #expect(second == first)
        #expect(second == Prepared(fixture.build().graph))
    }

    @Test func anEditedItemIsPreparedAgainAndTheOldEntryLetGo() throws {
        var fixture = GraphFixture()
        let memo = ResolutionMemo()
        _ = fixture.build(memo: memo)
        fixture.files["i1.md"] = "---\nkind: item\ntype: idea\nid: i1\ndocument: d\nsection: s1\nnumber: \"1\"\ntitle: Første idé\nlocal_themes: [1]\ntags: [kost]\n---\nEn ny første sætning. Og en anden.\n"
        let graph = try #require(fixture.build(memo: memo).graph)
        #expect(Prepared(graph) == Prepared(fixture.build().graph))
        #expect(graph.unit(ComparableUnit.ID(itemID: "i1"))?.lead == "En ny første sætning.")
        #expect(memo.count == 2, "the entry of the record before the edit is let go")
    }

    @Test func aRemovedItemLeavesNothingBehind() throws {
        var fixture = GraphFixture()
        let memo = ResolutionMemo()
        _ = fixture.build(memo: memo)
        fixture.files["i2.md"] = nil
        let graph = fixture.build(memo: memo).graph
        #expect(Prepared(graph) == Prepared(fixture.build().graph))
        #expect(graph?.items.count == 1)
        #expect(memo.count == 1)
    }
}
