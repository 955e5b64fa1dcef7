import PortalContent
import PortalCore
import PortalGraph
import PortalTestSupport
import PropertyBased
import Testing

@Suite("The site graph resolves references, places pages and computes relations")
struct SiteGraphTests {
    @Test func aValidSiteResolvesWithoutErrors() throws {
        let (graph, diagnostics) = GraphFixture().build()
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        let site = try #require(graph)
        #expect(site.items.map(\.id) == ["i1", "i2"])
        #expect(site.document("d")?.sectionIDs == ["s1", "s2"])
        #expect(site.section("s1")?.itemIDs == ["i1"])
    }

    @Test func pagesLiveAtReadableAddresses() throws {
        let site = try #require(GraphFixture().build().graph)
        #expect(site.municipality("m")?.path == "kommuner/eksempel/")
        #expect(site.document("d")?.path == "kommuner/eksempel/plan-2020/")
        #expect(site.item("i1")?.path == "kommuner/eksempel/plan-2020/foerste-ide/")
        #expect(site.theme("faellesskaber")?.path == "temaer/faellesskaber/")
        #expect(site.page("om")?.path == "om-portalen/")
    }

    @Test func anItemsThemesCombineItsOwnItsSectionsAndItsLocalThemes() throws {
        let site = try #require(GraphFixture().build().graph)
        // i1: section s1 gives sundhed, local theme 1 gives faellesskaber; ordered by theme order.
        #expect(site.item("i1")?.themeIDs == ["faellesskaber", "sundhed"])
        #expect(site.item("i2")?.themeIDs == ["sundhed"])
        #expect(site.items(inTheme: "sundhed").map(\.id) == ["i1", "i2"])
        #expect(site.items(withTag: "kost").map(\.id) == ["i1"])
    }

    @Test func relatedDocumentsLinkBothWays() throws {
        let site = try #require(GraphFixture().build().graph)
        #expect(site.document("p")?.relatedIDs == ["d"])
        #expect(site.document("d")?.relatedIDs == ["p"])
    }

    @Test func theThemeMatrixCountsItemsPerThemeAndMunicipality() throws {
        let site = try #require(GraphFixture().build().graph)
        #expect(site.themeMatrix.municipalityIDs == ["m"])
        #expect(site.themeMatrix.rows.map(\.themeID) == ["faellesskaber", "sundhed"])
        #expect(site.themeMatrix.rows.map { $0.cells[0].count } == [1, 2])
    }

    @Test func documentMatricesMarkLocalThemesAndSections() throws {
        let site = try #require(GraphFixture().build().graph)
        let matrices = site.documentMatrices["d"] ?? []
        #expect(matrices.map(\.axis) == [.localThemes, .sections, .themes])
        let local = matrices[0]
        #expect(local.rows.map(\.marks) == [[.yes, .no], [.no, .no]])
        let sections = matrices[1]
        #expect(sections.rows.map(\.marks) == [[.yes, .no], [.no, .yes]])
    }

    @Test func anUnknownReferenceIsReportedWhereItIsWrittenWithASuggestion() {
        var fixture = GraphFixture()
        fixture.files["i2.md"] = "---\nkind: item\ntype: idea\nid: i2\ndocument: d\nsection: s2\ntitle: Anden\nthemes: [sundhd]\n---\nTekst.\n"
        let error = fixture.errors().first
        #expect(error?.location == SourceLocation(path: "i2.md", line: 8, column: 10))
        #expect(error?.message == "theme 'sundhd' does not exist")
        #expect(error?.hint == "did you mean 'sundhed'?")
    }

    @Test func aReferenceToTheWrongKindSaysWhatItIs() {
        var fixture = GraphFixture()
        fixture.files["i2.md"] = "---\nkind: item\ntype: idea\nid: i2\ndocument: s1\ntitle: Anden\n---\nTekst.\n"
        #expect(fixture.errors().contains { $0.message == "document 's1' is a section, not a document" })
    }

    @Test func everyBrokenReferenceIsReportedInOneRun() {
        var fixture = GraphFixture()
        fixture.files["i2.md"] = "---\nkind: item\ntype: idea\nid: i2\ndocument: d\nsection: nope\ntitle: Anden\nthemes: [x]\ntags: [y]\nlocal_themes: [9]\n---\nTekst.\n"
        fixture.files["site.yaml"] = "title: Portal\nfooter_pages: [mangler]\n"
        let messages = fixture.errors().map(\.message)
        #expect(messages.contains("section 'nope' does not exist"))
        #expect(messages.contains("theme 'x' does not exist"))
        #expect(messages.contains("tag 'y' does not exist"))
        #expect(messages.contains("local theme 9 is not in the document's local_themes"))
        #expect(messages.contains("footer page 'mangler' does not exist"))
    }

    @Test func duplicateIdsOfOneKindAreErrorsButKindsHaveTheirOwnIds() {
        var fixture = GraphFixture()
        fixture.files["tag2.md"] = "---\nkind: tag\nid: sundhed\ntitle: Sundhed (tag)\n---\n"
        #expect(fixture.errors().isEmpty)
        fixture.files["tag3.md"] = "---\nkind: tag\nid: kost\ntitle: Kost igen\n---\n"
        let error = fixture.errors().first
        #expect(error?.location.path == "tag3.md")
        #expect(error?.message == "id 'kost' is already used by tag.md:3")
    }

    @Test func twoTitlesGivingTheSameAddressAreAnError() {
        var fixture = GraphFixture()
        fixture.files["a1.md"] = "---\nkind: item\ntype: idea\nid: a1\ndocument: d\nsection: s1\ntitle: Åben Dialog\n---\nTekst.\n"
        fixture.files["a2.md"] = "---\nkind: item\ntype: idea\nid: a2\ndocument: d\nsection: s1\ntitle: Aaben dialog\n---\nTekst.\n"
        let errors = fixture.errors()
        #expect(errors.count == 1)
        let error = errors.first
        // Reported at one file, naming the other.
        let files = [error?.location.path ?? "", error?.message ?? ""].joined(separator: " ")
        #expect(files.contains("a1.md") && files.contains("a2.md"))
        #expect(error?.message.contains("'kommuner/eksempel/plan-2020/aaben-dialog/' is already used by") == true)
        #expect(error?.hint?.contains("slug") == true)
    }

    @Test func anItemMustBelongToASectionOfItsOwnDocument() {
        var fixture = GraphFixture()
        fixture.files["s3.md"] = "---\nkind: section\nid: s3\ndocument: p\ntitle: Politikkens mål\n---\n"
        fixture.files["i2.md"] = "---\nkind: item\ntype: idea\nid: i2\ndocument: d\nsection: s3\ntitle: Anden\n---\nTekst.\n"
        #expect(fixture.errors().contains { $0.message.contains("belongs to document 'p', not to 'd'") })
    }

    @Test func resolvingRandomReferencesNeverCrashesAndKeepsAddressesUnique() async {
        await propertyCheck(count: 200, input: TextGen.anyText(0...30), TextGen.anyText(0...30), TextGen.contentText(1...20)) { title, other, reference in
            var fixture = GraphFixture()
            let quoted = { (text: String) in "\"" + text.unicodeScalars.map { $0.escaped(asASCII: true) }.joined() + "\"" }
            fixture.files["x1.md"] = "---\nkind: item\ntype: idea\nid: x1\ndocument: d\nsection: s1\ntitle: \(quoted(title + "a"))\n---\nTekst.\n"
            fixture.files["x2.md"] = "---\nkind: item\ntype: idea\nid: x2\ndocument: d\nsection: s1\ntitle: \(quoted(other + "b"))\ntags: [\(quoted(reference))]\n---\nTekst.\n"
            let (graph, _) = fixture.build()
            if let graph {
                let paths = graph.items.map(\.path) + graph.sections.map(\.path)
                #expect(Set(paths).count == paths.count)
                #expect(paths.allSatisfy { $0.split(separator: "/").allSatisfy { Slug.isValid(String($0)) } })
            }
        }
    }
}
