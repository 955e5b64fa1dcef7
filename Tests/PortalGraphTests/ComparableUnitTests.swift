import Foundation
import PortalContent
import PortalCore
import PortalGraph
import Testing

@Suite("Counts and comparisons use each document's smallest unit of action")
struct ComparableUnitTests {
    /// Document `d` acts through activities (in the manner of Hillerød's plan): item `i1`
    /// has two, one with themes and tags of its own and one that inherits its item's;
    /// item `i2` has none, so it is no unit. Document `k` acts through its ideas.
    static func fixture(activityThemes: String = "[faellesskaber]") -> GraphFixture {
        var fixture = GraphFixture()
        fixture.files["d.md"] = """
        ---
        kind: document
        id: d
        municipality: m
        title: Plan 2020
        document_type: udviklingsplan
        units: activities
        ---
        """
        fixture.files["i1.md"] = """
        ---
        kind: item
        type: initiative
        id: i1
        document: d
        section: s1
        title: Første indsats
        themes: [sundhed]
        tags: [kost]
        activities:
          - number: "1"
            title: Fælles madlavning
            text: Borgerne laver mad sammen. Det giver fællesskab.
            themes: \(activityThemes)
            tags: []
          - number: "2"
            text: Eksempel på en aktivitet uden titel. Med en sætning mere.
        ---
        """
        fixture.files["i2.md"] = """
        ---
        kind: item
        type: initiative
        id: i2
        document: d
        section: s2
        title: Indsats uden aktiviteter
        themes: [sundhed]
        ---
        Se under den første indsats.
        """
        fixture.files["k.md"] = """
        ---
        kind: document
        id: k
        municipality: m2
        title: Idékatalog
        document_type: idekatalog
        lead_field: Formål
        ---
        """
        fixture.files["m2.md"] = "---\nkind: municipality\nid: m2\ntitle: Sidste Kommune\nslug: sidste\n---\n"
        fixture.files["k1.md"] = """
        ---
        kind: item
        type: idea
        id: k1
        document: k
        number: "1"
        title: Madklub
        themes: [sundhed, faellesskaber]
        ---
        Indledningen står først. Den er ikke formålet.

        ## Formål

        At borgerne spiser sundere sammen. Og mere.
        """
        fixture.files["k2.md"] = """
        ---
        kind: item
        type: idea
        id: k2
        document: k
        number: "2"
        title: Gåture
        themes: [sundhed]
        ---
        ## Baggrund

        Mange går for lidt. Derfor.
        """
        return fixture
    }

    @Test func aDocumentWhoseUnitsAreActivitiesCountsEachActivityAndNoItemWithoutOne() throws {
        let graph = try #require(Self.fixture().build().graph)
        #expect(graph.units.map(\.id.description) == ["i1/1", "i1/2", "k1", "k2"])
        #expect(graph.units(ofItem: "i2").isEmpty)
        #expect(graph.units(ofItem: "k1").map(\.kind) == [.item(.idea)])
        #expect(graph.document("d")?.unitCount == 2)
        #expect(graph.document("d")?.unitKinds == [.activity])
        #expect(graph.document("k")?.unitKinds == [.item(.idea)])
    }

    @Test func anActivityHasItsOwnThemesAndTagsOrElseItsItems() throws {
        let graph = try #require(Self.fixture().build().graph)
        let own = try #require(graph.unit(ComparableUnit.ID(itemID: "i1", activity: 0)))
        let inherited = try #require(graph.unit(ComparableUnit.ID(itemID: "i1", activity: 1)))
        #expect(own.themeIDs == ["faellesskaber"])
        #expect(own.tagIDs == [])
        #expect(inherited.themeIDs == ["sundhed"])
        #expect(inherited.tagIDs == ["kost"])
        // The item keeps its own themes: the faithful reading of the document is unchanged.
        #expect(graph.item("i1")?.themeIDs == ["sundhed"])
    }

    @Test func theThemeMatrixCountsUnitsAndSaysWhatEachMunicipalityCounts() throws {
        let graph = try #require(Self.fixture().build().graph)
        let matrix = graph.themeMatrix
        #expect(matrix.municipalityIDs == ["m", "m2"])
        #expect(matrix.unitKinds == [[.activity], [.item(.idea)]])
        let health = try #require(matrix.rows.first { $0.themeID == "sundhed" })
        let community = try #require(matrix.rows.first { $0.themeID == "faellesskaber" })
        // i2 has no activities and is counted nowhere; i1's first activity left health.
        #expect(health.cells.map { $0.map(\.description) } == [["i1/2"], ["k1", "k2"]])
        #expect(community.cells.map { $0.map(\.description) } == [["i1/1"], ["k1"]])
        #expect(graph.units(inTheme: "faellesskaber").map(\.id.description) == ["i1/1", "k1"])
        #expect(graph.units(withTag: "kost").map(\.id.description) == ["i1/2"])
    }

    @Test func aUnitIsIntroducedByItsFirstSentenceOrItsStatedPurposeInTheSourcesWords() throws {
        let graph = try #require(Self.fixture().build().graph)
        #expect(graph.unit(ComparableUnit.ID(itemID: "i1", activity: 0))?.lead == "Borgerne laver mad sammen.")
        #expect(graph.unit(ComparableUnit.ID(itemID: "i1", activity: 1))?.lead == "Eksempel på en aktivitet uden titel.")
        #expect(graph.unit(ComparableUnit.ID(itemID: "k1"))?.lead == "At borgerne spiser sundere sammen.")
        // Without the lead field, the first sentence of the first text there is.
        #expect(graph.unit(ComparableUnit.ID(itemID: "k2"))?.lead == "Mange går for lidt.")
    }

    @Test func eachActivityHasAnAddressBelowItsItemMadeFromItsTitleOrNumber() throws {
        let graph = try #require(Self.fixture().build().graph)
        let item = try #require(graph.item("i1"))
        #expect(graph.units(ofItem: "i1").map(\.path) == [item.path + "faelles-madlavning/", item.path + "2/"])
        #expect(graph.unit(ComparableUnit.ID(itemID: "i1", activity: 1))?.title == nil)
    }

    @Test func twoActivitiesWithTheSameAddressAreAnErrorAtTheSecond() {
        var fixture = Self.fixture()
        fixture.files["i1.md"] = """
        ---
        kind: item
        type: initiative
        id: i1
        document: d
        section: s1
        title: Første indsats
        themes: [sundhed]
        activities:
          - number: "1"
            title: Madlavning
          - number: "2"
            slug: madlavning
        ---
        """
        let errors = fixture.errors().map(\.description)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("i1.md:13:11:") == true, "\(errors)")
        #expect(errors.first?.contains("is already used by the activity at line 10") == true)
    }

    @Test func anActivityThemeThatDoesNotExistIsAnErrorWhereItIsWritten() {
        let errors = Self.fixture(activityThemes: "[faelleskaber]").errors().map(\.description)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("i1.md:14:14:") == true, "\(errors)")
        #expect(errors.first?.contains("faelleskaber") == true)
    }

    @Test func aTagUsedOnlyByAnActivityIsUsed() {
        var fixture = Self.fixture()
        fixture.files["tag2.md"] = "---\nkind: tag\nid: motion\ntitle: Motion\n---\n"
        fixture.files["i1.md"] = fixture.files["i1.md"]?.replacingOccurrences(of: "tags: []", with: "tags: [motion]")
        #expect(!fixture.build().diagnostics.contains { $0.message.contains("is not used by any item") })
    }
}
