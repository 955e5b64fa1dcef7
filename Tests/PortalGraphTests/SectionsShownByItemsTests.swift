import PortalGraph
import Testing

/// A section whose only unit has its own title is one page to a reader (Hillerød's
/// ambitions): the item stands for the section.
@Suite("A section with one unit of the same title is shown by that unit")
struct SectionsShownByItemsTests {
    @Test func theItemStandsForItsSectionAndTakesItsAddress() throws {
        var fixture = GraphFixture()
        // Same title, so one of the two needs its own slug (the address rule is unchanged).
        fixture.files["s1.md"] = "---\nkind: section\nid: s1\ndocument: d\ntitle: Første  idé\nslug: maal-1\norder: 1\n---\n"
        let graph = try #require(fixture.build().graph)
        let section = try #require(graph.section("s1"))
        let item = try #require(graph.item("i1"))
        #expect(section.shownByItemID == "i1")
        #expect(section.path == item.path, "every link to the section leads to the one page")
    }

    @Test func aSectionWithAnotherTitleOrMoreUnitsKeepsItsPage() throws {
        var fixture = GraphFixture()
        fixture.files["i3.md"] = "---\nkind: item\ntype: idea\nid: i3\ndocument: d\nsection: s2\ntitle: Andet mål\nslug: andet\nthemes: [sundhed]\n---\nTekst.\n"
        let graph = try #require(fixture.build().graph)
        #expect(graph.section("s1")?.shownByItemID == nil, "'Første mål' is not 'Første idé'")
        #expect(graph.section("s2")?.shownByItemID == nil, "'Andet mål' has two units")
        #expect(graph.section("s1")?.path != graph.item("i1")?.path)
    }
}
