import PortalContent
import PortalCore
import PortalGraph
import Testing

@Suite("A theme's comparison sets each municipality's units under it side by side")
struct ThemeComparisonTests {
    /// The units fixture (municipality `m` acts through activities, `m2` through ideas),
    /// with a second document of `m` whose units are its items, and a third municipality
    /// with a document but no unit under any theme.
    static func fixture() -> GraphFixture {
        var fixture = ComparableUnitTests.fixture()
        fixture.files["e.md"] = """
        ---
        kind: document
        id: e
        municipality: m
        title: Handleplan
        document_type: virksomhedsplan
        ---
        """
        fixture.files["e1.md"] = """
        ---
        kind: item
        type: initiative
        id: e1
        document: e
        number: "1"
        title: Sund kantine
        themes: [sundhed]
        ---
        Kantinen serverer sund mad. Hver dag.
        """
        fixture.files["m3.md"] = "---\nkind: municipality\nid: m3\ntitle: Tredje Kommune\nslug: tredje\n---\n"
        fixture.files["f.md"] = "---\nkind: document\nid: f\nmunicipality: m3\ntitle: Plan uden temaer\ndocument_type: virksomhedsplan\n---\n"
        fixture.files["f1.md"] = "---\nkind: item\ntype: initiative\nid: f1\ndocument: f\ntitle: Uden tema\n---\nTekst.\n"
        return fixture
    }

    static func graph() throws -> SiteGraph {
        let built = fixture().build()
        #expect(built.diagnostics.filter { $0.severity == .error }.isEmpty, "\(built.diagnostics)")
        return try #require(built.graph)
    }

    @Test func everyThemeHasAColumnForEveryMunicipalityInSiteOrder() throws {
        let graph = try Self.graph()
        #expect(Set(graph.themeComparisons.keys) == Set(graph.themes.map(\.id)))
        for theme in graph.themes {
            let comparison = try #require(graph.themeComparisons[theme.id])
            #expect(comparison.themeID == theme.id)
            #expect(comparison.columns.map(\.municipalityID) == graph.municipalities.map(\.id))
        }
    }

    @Test func eachColumnHoldsExactlyTheMunicipalitysUnitsUnderTheThemeInSiteOrder() throws {
        let graph = try Self.graph()
        for theme in graph.themes {
            let comparison = try #require(graph.themeComparisons[theme.id])
            for column in comparison.columns {
                let expected = graph.units(inTheme: theme.id).filter { $0.municipalityID == column.municipalityID }.map(\.id)
                #expect(column.unitIDs == expected, "\(theme.id) in \(column.municipalityID)")
                #expect(column.unitCount == expected.count)
            }
            #expect(comparison.unitCount == graph.units(inTheme: theme.id).count)
        }
        let sundhed = try #require(graph.themeComparisons["sundhed"])
        // The activity with a theme of its own is under that theme, not its item's.
        // The municipality's documents in its order (here "Handleplan" before "Plan 2020").
        #expect(graph.municipality("m")?.documentIDs.filter { ["d", "e"].contains($0) } == ["e", "d"])
        #expect(sundhed.columns.map { $0.unitIDs.map(\.description) } == [["e1", "i1/2"], ["k1", "k2"], []])
        let faellesskaber = try #require(graph.themeComparisons["faellesskaber"])
        #expect(faellesskaber.columns.map { $0.unitIDs.map(\.description) } == [["i1/1"], ["k1"], []])
    }

    @Test func aColumnGroupsItsUnitsByDocumentInTheMunicipalitysOrder() throws {
        let graph = try Self.graph()
        let column = try #require(graph.themeComparisons["sundhed"]?.columns.first)
        #expect(column.municipalityID == "m")
        let order = try #require(graph.municipality("m")?.documentIDs).filter { ["d", "e"].contains($0) }
        #expect(column.documents.map(\.documentID) == order)
        #expect(Dictionary(uniqueKeysWithValues: column.documents.map { ($0.documentID, $0.unitIDs.map(\.description)) })
                == ["d": ["i1/2"], "e": ["e1"]])
    }

    @Test func aColumnSaysWhatTheMunicipalitysUnitsAreAlsoWhenItIsEmpty() throws {
        let graph = try Self.graph()
        let columns = try #require(graph.themeComparisons["faellesskaber"]?.columns)
        // Municipality m acts through activities (plan d) and initiatives (plan e).
        #expect(Set(columns[0].unitKinds) == [.activity, .item(.initiative)])
        #expect(columns[1].unitKinds == [.item(.idea)])
        // No unit of m3 is under any theme; its initiative still says what it counts.
        #expect(columns[2].unitIDs.isEmpty)
        #expect(columns[2].documents.isEmpty)
        #expect(columns[2].unitKinds == [.item(.initiative)])
    }

    @Test func aThemeWithoutUnitsHasEmptyColumns() throws {
        var fixture = Self.fixture()
        fixture.files["t3.md"] = "---\nkind: theme\nid: tom\ntitle: Tomt tema\norder: 3\n---\n"
        let graph = try #require(fixture.build().graph)
        let comparison = try #require(graph.themeComparisons["tom"])
        #expect(comparison.columns.count == 3)
        #expect(comparison.unitCount == 0)
    }

    @Test func aComparisonIsADependencyThatSeesAUnitMovingToAnotherTheme() throws {
        let old = try Self.graph()
        var fixture = Self.fixture()
        fixture.files["e1.md"] = fixture.files["e1.md"]?.replacingOccurrences(of: "themes: [sundhed]", with: "themes: [faellesskaber]")
        let new = try #require(fixture.build().graph)
        #expect(!new.isUnchanged(.themeComparison("sundhed"), since: old))
        #expect(!new.isUnchanged(.themeComparison("faellesskaber"), since: old))
        #expect(old.isUnchanged(.themeComparison("sundhed"), since: old))
    }
}
