import PortalContent
import PortalCore
import PortalGraph
import Testing

/// References to Serviceloven are found once, when the graph is made, in every text of
/// every entity, each with the sentence it stands in.
@Suite("The graph holds every reference to Serviceloven with its place and sentence")
struct LawReferenceGraphTests {
    static func paragraph(_ text: String) -> LawParagraph {
        LawParagraph(text) ?? LawParagraph(number: 1)!
    }

    /// The fixture with § references in several kinds of text.
    static var fixture: GraphFixture {
        var fixture = GraphFixture()
        fixture.files["i1.md"] = """
        ---
        kind: item
        type: idea
        id: i1
        document: d
        section: s1
        number: "1"
        title: Første idé
        local_themes: [1]
        tags: [kost]
        goals:
          - "At 10 borgere har afsluttet et §82 forløb."
        milestones:
          - text: "§ 82a og §82b er fuldt implementeret"
            when: Ultimo 2019
        ---
        Eksempeltekst om bl.a. servicelovens § 85. Næste sætning nævner intet.
        Vi skriver også om §§ 103/104 og
        om §103 igen.

        ## Baggrund

        - Et punkt om § 141
        - Et punkt om sundhedslovens § 119
        """
        fixture.files["i2.md"] = "---\nkind: item\ntype: idea\nid: i2\ndocument: d\nsection: s2\nnumber: \"2\"\ntitle: Besøgsvenner som supplement til §85\nthemes: [sundhed]\n---\nTekst.\n"
        fixture.files["a.md"] = "---\nkind: appendix\nid: a\ndocument: d\ntitle: Bilag\n---\nBilaget nævner § 85, stk. 2.\n"
        fixture.files["om.md"] = "---\nkind: page\nid: om\ntitle: Om portalen\n---\nPortalen viser henvisninger som § 85.\n"
        return fixture
    }

    static func graph(_ fixture: GraphFixture = fixture) throws -> SiteGraph {
        let (graph, diagnostics) = fixture.build()
        return try #require(graph, "\(diagnostics.filter { $0.severity == .error })")
    }

    @Test func everyTextIsReadInSiteOrder() throws {
        let graph = try Self.graph()
        let found = graph.lawReferences.map { "\($0.place.id) \($0.paragraph) \($0.sentence.text)" }
        #expect(found == [
            "i1 85 Eksempeltekst om bl.a. servicelovens § 85.",
            "i1 103 Vi skriver også om §§ 103/104 og om §103 igen.",
            "i1 104 Vi skriver også om §§ 103/104 og om §103 igen.",
            "i1 82 At 10 borgere har afsluttet et §82 forløb.",
            "i1 82a § 82a og §82b er fuldt implementeret",
            "i1 82b § 82a og §82b er fuldt implementeret",
            "i1 141 Et punkt om § 141",
            "i2 85 Besøgsvenner som supplement til §85",
            "a 85 Bilaget nævner § 85, stk. 2.",
            "om 85 Portalen viser henvisninger som § 85.",
        ])
    }

    @Test func eachKeepsItsFieldMunicipalityAndDocument() throws {
        let graph = try Self.graph()
        let references = graph.lawReferences
        #expect(references.map(\.field) == [.body, .body, .body, .goal(0), .milestone(0), .milestone(0), .field("Baggrund"), .title, .body, .body])
        #expect(references.map(\.place) == [EntityRef](repeating: EntityRef(.item, "i1"), count: 7)
            + [EntityRef(.item, "i2"), EntityRef(.appendix, "a"), EntityRef(.page, "om")])
        #expect(references.prefix(9).allSatisfy { $0.municipalityID == "m" && $0.documentID == "d" })
        #expect(references.last?.municipalityID == nil && references.last?.documentID == nil)
    }

    @Test func theMentionsOfTheParagraphAreMarkedInItsSentence() throws {
        let graph = try Self.graph()
        let place103 = try #require(graph.lawReferences(to: Self.paragraph("103")).first)
        #expect(place103.sentence.parts.filter(\.isMention).map(\.text) == ["§§ 103/104", "§103"])
        let place104 = try #require(graph.lawReferences(to: Self.paragraph("104")).first)
        #expect(place104.sentence.parts.filter(\.isMention).map(\.text) == ["§§ 103/104"])
        let named = try #require(graph.lawReferences(to: Self.paragraph("85")).first)
        #expect(named.sentence.parts.filter(\.isMention).map(\.text) == ["servicelovens § 85"])
    }

    @Test func aLongSentenceIsCutAroundItsMention() throws {
        var fixture = Self.fixture
        let filler = String(repeating: "ord ", count: 80)
        fixture.files["om.md"] = "---\nkind: page\nid: om\ntitle: Om portalen\n---\nFørst \(filler)så § 85 og \(filler)slut.\n"
        let quote = try #require(try Self.graph(fixture).lawReferences(to: Self.paragraph("85")).last).sentence.text
        #expect(quote.hasPrefix("… ord ord"))
        #expect(quote.hasSuffix("ord ord …"))
        #expect(quote.contains("så § 85 og"))
        #expect(quote.count < 300)
    }

    @Test func theAccessorsTheSearchAndThePagesRead() throws {
        let graph = try Self.graph()
        #expect(graph.lawParagraphs.map(\.description) == ["82", "82a", "82b", "85", "103", "104", "141"])
        #expect(graph.lawReferences(in: EntityRef(.item, "i1")).map(\.description) == ["82", "82a", "82b", "85", "103", "104", "141"])
        #expect(graph.lawReferences(in: EntityRef(.item, "i2")).map(\.description) == ["85"])
        #expect(graph.lawReferences(in: EntityRef(.section, "s1")).isEmpty)
        let counts = try #require(graph.lawParagraphCounts.first { $0.paragraph == Self.paragraph("85") })
        #expect(counts.total == 4)
        #expect(counts.places == ["m": 3, nil: 1])
        #expect(graph.isCited(Self.paragraph("141")))
        #expect(!graph.isCited(Self.paragraph("119")))
    }

    @Test func referencesInEveryKindOfField() throws {
        var fixture = GraphFixture()
        fixture.files["d.md"] = """
        ---
        kind: document
        id: d
        municipality: m
        title: Plan efter § 1
        document_type: udviklingsplan
        organisation: Center for § 2
        summary: Resumé om § 3
        local_themes:
          - number: 1
            title: Netværk § 4
            description: Beskrivelse af § 5
            themes: [faellesskaber]
        key_facts:
          - group: Kapacitet
            facts:
              - label: Pladser efter § 6
                value: 64 pladser efter § 7
        administrative_ideas_heading: Idéer om § 8
        administrative_ideas:
          - title: Øget anvendelse af Servicelovens § 9 handleplan
        contact: Kontakt om § 10
        ---
        Dokumentets tekst om § 11.
        """
        fixture.files["i1.md"] = """
        ---
        kind: item
        type: idea
        id: i1
        document: d
        section: s1
        number: "1"
        title: Første idé
        short_title: Kort om § 12
        status_text: Status om § 13
        local_themes_as_written: "Tema § 14"
        activities:
          - number: "A"
            title: Aktivitet om § 15
            text: Tekst om § 16
            status_text: Status om § 17
        success_criteria: ["Kriterie om § 18"]
        milestones:
          - text: Milepæl
            when: Efter § 19
        evaluation:
          - label: Evaluering af § 20
            value: Værdi om § 21
        labels:
          goals: Mål efter § 22
        ---
        Tekst.
        """
        fixture.files["s1.md"] = "---\nkind: section\nid: s1\ndocument: d\ntitle: Mål om § 23\norder: 1\n---\nSektionens tekst om § 24.\n"
        fixture.files["m.md"] = "---\nkind: municipality\nid: m\ntitle: Eksempel Kommune\nslug: eksempel\n---\nKommunen om § 25.\n"
        fixture.files["t1.md"] = "---\nkind: theme\nid: faellesskaber\ntitle: Fællesskaber\norder: 1\n---\nTemaet om § 26.\n"
        fixture.files["tag.md"] = "---\nkind: tag\nid: kost\ntitle: Kost § 27\n---\n"
        let graph = try Self.graph(fixture)
        let numbers = graph.lawReferences.map(\.paragraph.number)
        #expect(Set(numbers) == Set(1...27), "missing: \(Set(1...27).subtracting(numbers).sorted())")
        #expect(graph.lawReferences.first { $0.paragraph.number == 9 }?.field == .administrativeIdea(0))
        #expect(graph.lawReferences.first { $0.paragraph.number == 5 }?.field == .localTheme(1))
        #expect(graph.lawReferences.first { $0.paragraph.number == 7 }?.field == .keyFacts(0))
        #expect(graph.lawReferences.first { $0.paragraph.number == 16 }?.field == .activity(0))
    }

    @Test func aSiteWithoutReferencesHasNone() throws {
        let graph = try Self.graph(GraphFixture())
        #expect(graph.lawReferences.isEmpty)
        #expect(graph.lawParagraphs.isEmpty)
    }

    // MARK: Dependencies

    @Test func aChangedReferenceIsSeenByThePagesThatReadIt() throws {
        let old = try Self.graph()
        var fixture = Self.fixture
        fixture.files["i2.md"] = fixture.files["i2.md"]?.replacingOccurrences(of: "§85", with: "§86")
        let new = try Self.graph(fixture)
        let (p85, p86, p103) = (Self.paragraph("85"), Self.paragraph("86"), Self.paragraph("103"))
        #expect(!new.isUnchanged(.lawReferences(p85), since: old))
        #expect(!new.isUnchanged(.lawReferences(p86), since: old))
        #expect(new.isUnchanged(.lawReferences(p103), since: old))
        #expect(!new.isUnchanged(.lawReferenceCounts, since: old))
        #expect(!new.isUnchanged(.lawParagraphPage(p86), since: old))
        // § 85 is still cited elsewhere: a link to its page stays as it was.
        #expect(new.isUnchanged(.lawParagraphPage(p85), since: old))
    }

    @Test func anEditedSentenceChangesTheParagraphsPageButNotTheCounts() throws {
        let old = try Self.graph()
        var fixture = Self.fixture
        fixture.files["a.md"] = fixture.files["a.md"]?.replacingOccurrences(of: "Bilaget nævner", with: "Bilaget omtaler")
        let new = try Self.graph(fixture)
        #expect(!new.isUnchanged(.lawReferences(Self.paragraph("85")), since: old))
        #expect(new.isUnchanged(.lawReferenceCounts, since: old))
    }

    @Test func theReaderRecordsWhatWasRead() throws {
        let reader = GraphReader(try Self.graph())
        _ = reader.lawReferences(to: Self.paragraph("85"))
        _ = reader.isCited(Self.paragraph("141"))
        _ = reader.lawParagraphCounts
        _ = reader.lawReferences(in: EntityRef(.item, "i2"))
        #expect(reader.reads == [.lawReferences(Self.paragraph("85")), .lawParagraphPage(Self.paragraph("141")), .lawReferenceCounts,
                                 .entity(EntityRef(.item, "i2"))])
    }
}
