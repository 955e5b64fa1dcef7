import PortalContent
import PortalGraph
import PortalSearch
import Testing

@Suite("The corpus: every page and appendix of the graph, in the order of the site's tree")
struct SearchCorpusTests {
    static let files: [String: String] = [
        "site.yaml": "title: Eksempelportal\npaths:\n  search: soeg\n",
        "m.md": "---\nkind: municipality\nid: eksempel\ntitle: Eksempel Kommune\nshort_title: Eksempel\norder: 1\n---\nEksempeltekst om kommunen.\n",
        "n.md": "---\nkind: municipality\nid: anden\ntitle: Anden Kommune\norder: 2\n---\n",
        "d.md": """
        ---
        kind: document
        id: plan
        municipality: eksempel
        title: Eksempelplan
        document_type: opfoelgning
        key_facts:
          - group: Kapacitet
            facts:
              - label: Pladser
                value: 12 pladser
        ---
        Eksempeltekst om planen.
        """,
        "s.md": "---\nkind: section\nid: maal\ndocument: plan\ntitle: Første mål\nthemes: [sundhed]\n---\nEksempel på et mål.\n",
        "i.md": """
        ---
        kind: item
        type: initiative
        id: cafe
        document: plan
        section: maal
        title: Fælles café
        status: null
        tags: [kost]
        activities:
          - number: "A"
            text: Eksempel på en aktivitet om **besøgsvenner**.
            status: realiseret
          - number: "B"
            text: Endnu en aktivitet.
            status: i-gang
        goals:
          - Flere borgere mødes
        milestones:
          - text: Caféen åbner.
            when: Ultimo marts
        ---
        Eksempeltekst om caféen.

        ## Formål

        At borgere mødes.
        """,
        "b.md": "---\nkind: appendix\nid: bilag\ndocument: plan\ntitle: Principper\n---\nEksempel på et princip.\n",
        "t.md": "---\nkind: theme\nid: sundhed\ntitle: Sundhed og trivsel\n---\n",
        "tag.md": "---\nkind: tag\nid: kost\ntitle: Kost\n---\n",
        "om.md": "---\nkind: page\nid: om\ntitle: Om portalen\n---\nEksempeltekst.\n",
    ]

    static func corpus(_ files: [String: String] = files) throws -> SearchCorpus {
        let sources = files.filter { $0.key.hasSuffix(".md") }.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, text: $0.value) }
        var content = ContentLoader().load(sources)
        content.site = SiteConfig.parse(SourceFile(path: "site.yaml", text: files["site.yaml"] ?? "")).0
        let (graph, diagnostics) = SiteGraphBuilder().build(content)
        let built = try #require(graph, "\(diagnostics)")
        return SearchCorpus(graph: built, labels: .ids)
    }

    @Test func documentsFollowTheTreeOfTheSite() throws {
        let corpus = try Self.corpus()
        #expect(corpus.documents.map(\.title) == [
            "Eksempel Kommune", "Eksempelplan", "Første mål", "Fælles café", "Principper",
            "Anden Kommune", "Sundhed og trivsel", "Kost", "Om portalen",
        ])
        #expect(corpus.documents.map(\.kind) == [.municipality, .document, .section, .initiative, .appendix,
                                                 .municipality, .theme, .tag, .page])
    }

    @Test func anAppendixIsFoundOnItsDocumentsPage() throws {
        let appendix = try #require(try Self.corpus().documents.first { $0.kind == .appendix })
        #expect(appendix.path.hasSuffix("/#bilag-principper"))
        #expect(appendix.document == "Eksempelplan" && appendix.municipality == "Eksempel Kommune")
    }

    @Test func anItemsTextHoldsEveryPartOfItsPageAsPlainText() throws {
        let item = try #require(try Self.corpus().documents.first { $0.kind == .initiative })
        let text = item.text.joined(separator: "\n")
        for part in ["Eksempeltekst om caféen.", "Eksempel på en aktivitet om besøgsvenner.", "realiseret", "Flere borgere mødes",
                     "Caféen åbner. (Ultimo marts)", "Formål", "At borgere mødes."] {
            #expect(text.contains(part), "\(part)")
        }
        #expect(!text.contains("**"))
    }

    @Test func facetsOfAnItemIncludeItsActivitiesStatusesAndItsPlace() throws {
        let item = try #require(try Self.corpus().documents.first { $0.kind == .initiative })
        #expect(item.facets[.status] == ["realiseret", "i-gang"])
        #expect(item.facets[.municipality] == ["eksempel"])
        #expect(item.facets[.documentType] == ["opfoelgning"])
        #expect(item.facets[.theme] == ["sundhed"])
        #expect(item.facets[.tag] == ["kost"])
        #expect(item.facets[.kind] == ["initiative"])
    }

    @Test func everyDocumentHasAKindAndFacetTablesAreInSiteOrder() throws {
        let corpus = try Self.corpus()
        #expect(corpus.documents.allSatisfy { $0.facets[.kind] == [$0.kind.rawValue] })
        #expect(corpus.facetValues[.municipality]?.map(\.id) == ["eksempel", "anden"])
        #expect(corpus.facetValues[.status]?.map(\.id) == Status.allCases.map(\.rawValue))
        #expect(corpus.facetValues[.kind]?.map(\.id) == SearchDocument.Kind.allCases.map(\.rawValue))
    }

    @Test func aDocumentsKeyFactsAreSearchable() throws {
        let document = try #require(try Self.corpus().documents.first { $0.kind == .document })
        #expect(document.text.contains("Pladser: 12 pladser"))
    }

    @Test func theParagraphsOfServicelovenAnEntityCitesAreAFacet() throws {
        var files = Self.files
        files["i.md"] = files["i.md"]?.replacingOccurrences(of: "Eksempeltekst om caféen.", with: "Eksempeltekst om caféen efter §§ 103/104.")
        files["s.md"] = files["s.md"]?.replacingOccurrences(of: "Eksempel på et mål.", with: "Eksempel på et mål efter servicelovens § 85.")
        let corpus = try Self.corpus(files)
        let item = try #require(corpus.documents.first { $0.kind == .initiative })
        #expect(item.facets[.lawReference] == ["103", "104"])
        let section = try #require(corpus.documents.first { $0.kind == .section })
        #expect(section.facets[.lawReference] == ["85"])
        #expect(corpus.facetValues[.lawReference]?.map(\.id) == ["85", "103", "104"])
        let document = try #require(corpus.documents.first { $0.kind == .document })
        #expect(document.facets[.lawReference]?.isEmpty ?? true, "a document does not cite what its parts cite")
    }
}
