import PortalSearch
import Testing

/// A corpus written by hand: what the index makes of it can be checked word by word.
enum HandCorpus {
    static let documents = [
        SearchDocument(kind: .initiative, title: "Besøgsvenner som supplement til §85", text: ["Borger og besøgsven mødes."],
                       path: "k/a/", municipality: "Eksempel Kommune", document: "Plan",
                       facets: [.municipality: ["eksempel"], .status: ["realiseret"], .kind: ["initiative"], .tag: ["frivillige"]]),
        SearchDocument(kind: .initiative, title: "Implementering af Åben Dialog", text: ["Åben Dialog møder, og internettet."],
                       path: "k/b/", municipality: "Eksempel Kommune", document: "Plan",
                       facets: [.municipality: ["eksempel"], .status: ["i-gang", "realiseret"], .kind: ["initiative"]]),
        SearchDocument(kind: .idea, title: "Sundhedsfremme i hverdagen", text: ["Borgere i §§ 103/104 tilbud."],
                       path: "k/c/", municipality: "Anden Kommune", document: "Katalog",
                       facets: [.municipality: ["anden"], .kind: ["idea"], .tag: ["frivillige", "ukendt-tag"]]),
        SearchDocument(kind: .theme, title: "Sundhed og trivsel", text: [], path: "temaer/sundhed/", facets: [.kind: ["theme"]]),
    ]

    static let corpus = SearchCorpus(documents: documents, facetValues: [
        .municipality: [SearchFacetValue(id: "eksempel", label: "Eksempel Kommune"), SearchFacetValue(id: "anden", label: "Anden Kommune")],
        .tag: [SearchFacetValue(id: "frivillige", label: "Frivillige")],
        .status: [SearchFacetValue(id: "realiseret", label: "Realiseret"), SearchFacetValue(id: "i-gang", label: "I gang")],
        .kind: SearchDocument.Kind.allCases.map { SearchFacetValue(id: $0.rawValue, label: $0.rawValue) },
    ])
}

@Suite("The inverted index: every term with its documents, and every facet value with its documents")
struct SearchIndexTests {
    let index = SearchIndex(HandCorpus.corpus)

    func entry(_ term: String) -> SearchIndex.Entry? {
        index.entries.first { $0.term == term }
    }

    @Test func eachTermListsTheDocumentsThatHoldItAndThoseWithItInTheTitle() throws {
        let friends = try #require(entry("besoegsven"))      // Besøgsvenner
        #expect(friends.documents == [0] && friends.titleDocuments == [0])
        let friend = try #require(entry("besoegsv"))         // besøgsven, in the text only
        #expect(friend.documents == [0] && friend.titleDocuments.isEmpty)
        let open = try #require(entry("aaben"))
        #expect(open.documents == [1] && open.titleDocuments == [1])
        #expect(entry("85")?.documents == [0])
        #expect(entry("103")?.documents == [2] && entry("104")?.documents == [2])
        let healthy = try #require(entry("sund"))
        #expect(healthy.documents == [3] && healthy.titleDocuments == [3])
    }

    @Test func everyListIsAscendingAndATermsTitleDocumentsAreAmongItsDocuments() {
        for entry in index.entries {
            #expect(entry.documents == entry.documents.sorted() && Set(entry.documents).count == entry.documents.count)
            #expect(Set(entry.titleDocuments).isSubset(of: Set(entry.documents)), "\(entry.term)")
        }
    }

    @Test func termsAreSortedAsTheScriptComparesStrings() {
        let terms = index.entries.map(\.term)
        #expect(terms == terms.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        #expect(Set(terms).count == terms.count)
    }

    @Test func facetValuesListTheirDocumentsAndUnknownIdsAreLeftOut() throws {
        #expect(index.facets.map(\.facet) == SearchFacet.allCases)
        let municipality = try #require(index.facets.first { $0.facet == .municipality })
        #expect(municipality.values.map(\.id) == ["eksempel", "anden"])
        #expect(municipality.documents == [[0, 1], [2]])
        let status = try #require(index.facets.first { $0.facet == .status })
        #expect(status.documents == [[0, 1], [1]])
        let tag = try #require(index.facets.first { $0.facet == .tag })
        #expect(tag.values.map(\.id) == ["frivillige"] && tag.documents == [[0, 2]])
        let theme = try #require(index.facets.first { $0.facet == .theme })
        #expect(theme.values.isEmpty)
    }

    @Test func facetCountsOfAnEmptyQueryAreTheIntersectionsOfTheChosenValues() throws {
        // "Everything realised in Eksempel": the documents both lists hold.
        let municipality = try #require(index.facets.first { $0.facet == .municipality })
        let status = try #require(index.facets.first { $0.facet == .status })
        let realisedInEksempel = Set(municipality.documents[0]).intersection(status.documents[0])
        let truth = HandCorpus.documents.indices.filter {
            HandCorpus.documents[$0].facets[.municipality] == ["eksempel"]
                && HandCorpus.documents[$0].facets[.status, default: []].contains("realiseret")
        }
        #expect(realisedInEksempel == Set(truth.map(Int32.init)))
        #expect(realisedInEksempel.count == 2)
    }
}
