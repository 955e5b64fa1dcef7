import PortalContent
import PortalCore
@testable import PortalGraph
import Testing

@Suite("Each unit's most related units of other municipalities, with the reasons")
struct RelatedUnitsTests {
    static let settings = SiteConfig.Related(threshold: 40, limit: 5, weights: .init(themes: 30, tags: 50, lawReferences: 60))

    static func unit(_ id: String, in municipality: String, themes: [String] = [], tags: [String] = []) -> ComparableUnit {
        ComparableUnit(
            id: ComparableUnit.ID(itemID: id), kind: .item(.idea), municipalityID: municipality, documentID: municipality + "-plan",
            sectionID: nil, number: nil, title: id, lead: nil, status: nil, statusText: nil, themeIDs: themes, tagIDs: tags,
            path: "\(municipality)/\(id)/")
    }

    static func index(_ units: [ComparableUnit], settings: SiteConfig.Related = settings,
                      paragraphs: [String: [Int]] = [:]) -> RelatedUnitsIndex {
        RelatedUnitsIndex(units: units, settings: settings) { id in
            (paragraphs[id.itemID] ?? []).compactMap { LawParagraph(number: $0) }
        }
    }

    static func related(_ index: RelatedUnitsIndex, _ id: String) -> [String] {
        index.related(to: ComparableUnit.ID(itemID: id)).map(\.id.itemID)
    }

    @Test func aSharedTagIsEnoughAndOneSharedThemeIsNotButTwoAre() {
        let index = Self.index([
            Self.unit("a", in: "m1", themes: ["sundhed", "faellesskaber"], tags: ["motion"]),
            Self.unit("tag", in: "m2", tags: ["motion"]),
            Self.unit("one-theme", in: "m2", themes: ["sundhed"]),
            Self.unit("two-themes", in: "m3", themes: ["faellesskaber", "sundhed"]),
        ])
        #expect(Self.related(index, "a") == ["two-themes", "tag"])
        #expect(index.related(to: ComparableUnit.ID(itemID: "a")).map(\.score) == [60, 50])
    }

    @Test func weightsAddUpPerSharedFeatureAndOrderTheList() {
        let index = Self.index([
            Self.unit("a", in: "m1", themes: ["sundhed"], tags: ["motion", "kost"]),
            Self.unit("tags", in: "m2", tags: ["kost", "motion"]),
            Self.unit("law", in: "m2"),
            Self.unit("theme-and-law", in: "m3", themes: ["sundhed"]),
        ], paragraphs: ["a": [85], "law": [85], "theme-and-law": [85]])
        let related = index.related(to: ComparableUnit.ID(itemID: "a"))
        #expect(related.map(\.id.itemID) == ["tags", "theme-and-law", "law"])
        #expect(related.map(\.score) == [100, 90, 60])
    }

    @Test func aWeightOfZeroIgnoresThatKindOfFeature() {
        var settings = Self.settings
        settings.weights.lawReferences = 0
        let units = [Self.unit("a", in: "m1"), Self.unit("b", in: "m2")]
        #expect(Self.related(Self.index(units, settings: settings, paragraphs: ["a": [85], "b": [85]]), "a") == [])
        #expect(Self.related(Self.index(units, paragraphs: ["a": [85], "b": [85]]), "a") == ["b"])
    }

    @Test func theThresholdIsTheSmallestScoreListed() {
        let units = [Self.unit("a", in: "m1", tags: ["motion"]), Self.unit("b", in: "m2", tags: ["motion"])]
        var settings = Self.settings
        settings.threshold = 50
        #expect(Self.related(Self.index(units, settings: settings), "a") == ["b"])
        settings.threshold = 51
        #expect(Self.related(Self.index(units, settings: settings), "a") == [])
    }

    @Test func theLimitKeepsTheBestAndZeroListsNone() {
        let units = [Self.unit("a", in: "m1", themes: ["sundhed"], tags: ["motion"])]
            + (1...8).map { Self.unit("tag-\($0)", in: "m2", tags: ["motion"]) }
            + [Self.unit("best", in: "m3", themes: ["sundhed"], tags: ["motion"])]
        var settings = Self.settings
        settings.limit = 3
        #expect(Self.related(Self.index(units, settings: settings), "a") == ["best", "tag-1", "tag-2"])
        settings.limit = 0
        #expect(Self.related(Self.index(units, settings: settings), "a") == [])
    }

    @Test func onlyOtherMunicipalitiesAreListed() {
        let index = Self.index([
            Self.unit("a", in: "m1", tags: ["motion"]),
            Self.unit("same-municipality", in: "m1", tags: ["motion"]),
            Self.unit("other", in: "m2", tags: ["motion"]),
        ])
        #expect(Self.related(index, "a") == ["other"])
        #expect(Self.related(index, "same-municipality") == ["other"])
        #expect(Self.related(index, "other") == ["a", "same-municipality"])
    }

    @Test func equalScoresAreInSiteOrderOnEveryBuild() {
        let units = [Self.unit("a", in: "m1", tags: ["motion"])]
            + ["z", "b", "y", "c"].map { Self.unit($0, in: "m2", tags: ["motion"]) }
        let first = Self.related(Self.index(units), "a")
        #expect(first == ["z", "b", "y", "c"])
        for _ in 1...5 { #expect(Self.related(Self.index(units), "a") == first) }
    }

    @Test func eachResultSaysWhatTheTwoShareInTheUnitsOwnOrder() {
        let index = Self.index([
            Self.unit("a", in: "m1", themes: ["sundhed", "faellesskaber", "tilbud"], tags: ["motion", "kost"]),
            Self.unit("b", in: "m2", themes: ["faellesskaber", "sundhed"], tags: ["kost", "unge", "motion"]),
        ], paragraphs: ["a": [103, 85], "b": [85, 104, 103]])
        let reasons = index.related(to: ComparableUnit.ID(itemID: "a")).first?.reasons
        #expect(reasons == RelatedUnit.Reasons(
            themeIDs: ["sundhed", "faellesskaber"], tagIDs: ["motion", "kost"],
            paragraphs: [LawParagraph(number: 103), LawParagraph(number: 85)].compactMap { $0 }))
    }

    @Test func aUnitWithoutFeaturesHasNoRelatedUnitsAndIsNoOnesRelatedUnit() {
        let index = Self.index([
            Self.unit("bare", in: "m1"),
            Self.unit("a", in: "m2", tags: ["motion"]),
            Self.unit("b", in: "m3", tags: ["motion"]),
        ])
        #expect(Self.related(index, "bare") == [])
        #expect(Self.related(index, "a") == ["b"])
    }

    @Test func activitiesAreUnitsOfTheirOwn() {
        let activity = ComparableUnit(
            id: ComparableUnit.ID(itemID: "i", activity: 1), kind: .activity, municipalityID: "m2", documentID: "m2-plan",
            sectionID: nil, number: "2", title: nil, lead: nil, status: nil, statusText: nil, themeIDs: [], tagIDs: ["motion"],
            path: "m2/i/2/")
        let index = Self.index([Self.unit("a", in: "m1", tags: ["motion"]), activity])
        #expect(index.related(to: ComparableUnit.ID(itemID: "a")).map(\.id) == [activity.id])
        #expect(index.related(to: activity.id).map(\.id.itemID) == ["a"])
    }

    /// 10,000 units of 10 municipalities with two rare tags each: scored through the
    /// inverted index, each unit meets only the few that share a tag.
    @Test func tenThousandUnitsWithRareTags() {
        let units = (0..<10_000).map { number in
            Self.unit("u\(number)", in: "m\(number % 10)", tags: ["t\(number / 20)", "s\(number % 500)"])
        }
        let index = Self.index(units)
        // u0 shares t0 with u1...u19 (u10 is in its own municipality) (s0 only with units of its own)
        let related = index.related(to: ComparableUnit.ID(itemID: "u0"))
        #expect(related.count == 5)
        #expect(related.map(\.id.itemID) == ["u1", "u2", "u3", "u4", "u5"])
        #expect(related.allSatisfy { $0.score == 50 && $0.reasons.tagIDs == ["t0"] })
    }
}

extension RelatedUnitsTests {
    @Test func atMostPerItemActivitiesOfOneItemAreListed() {
        func activity(_ index: Int, of item: String) -> ComparableUnit {
            ComparableUnit(
                id: ComparableUnit.ID(itemID: item, activity: index), kind: .activity, municipalityID: "m2", documentID: "m2-plan",
                sectionID: nil, number: String(index + 1), title: nil, lead: nil, status: nil, statusText: nil, themeIDs: [],
                tagIDs: ["motion"], path: "m2/\(item)/\(index + 1)/")
        }
        let units = [Self.unit("a", in: "m1", tags: ["motion"])] + (0..<5).map { activity($0, of: "i") }
            + [activity(0, of: "j"), Self.unit("k", in: "m3", tags: ["motion"])]
        let listed = Self.index(units).related(to: ComparableUnit.ID(itemID: "a")).map(\.id.description)
        #expect(listed == ["i/1", "i/2", "j/1", "k"])
        var settings = Self.settings
        settings.perItem = 1
        #expect(Self.index(units, settings: settings).related(to: ComparableUnit.ID(itemID: "a")).map(\.id.description) == ["i/1", "j/1", "k"])
    }
}

@Suite("A unit's related list is a part of the graph a page can depend on")
struct RelatedUnitsDependencyTests {
    static func fixture(neighbourTags: String) -> GraphFixture {
        var fixture = GraphFixture()
        fixture.files["n.md"] = "---\nkind: municipality\nid: n\ntitle: Nabokommune\n---\n"
        fixture.files["nd.md"] = "---\nkind: document\nid: nd\nmunicipality: n\ntitle: Naboplan\ndocument_type: udviklingsplan\n---\n"
        fixture.files["ni.md"] = "---\nkind: item\ntype: idea\nid: ni\ndocument: nd\nnumber: \"1\"\ntitle: Naboidé\ntags: \(neighbourTags)\n---\nTekst.\n"
        return fixture
    }

    @Test func aChangedListIsAChangeAndAnUnchangedOneIsNot() throws {
        let before = try #require(Self.fixture(neighbourTags: "[kost]").build().graph)
        let after = try #require(Self.fixture(neighbourTags: "[]").build().graph)
        let i1 = ComparableUnit.ID(itemID: "i1")
        #expect(before.related(to: i1).map(\.id.itemID) == ["ni"])
        #expect(before.related(to: i1).first?.reasons.tagIDs == ["kost"])
        #expect(after.related(to: i1).isEmpty)
        #expect(!after.isUnchanged(.relatedUnits(i1), since: before))
        #expect(after.isUnchanged(.relatedUnits(ComparableUnit.ID(itemID: "i2")), since: before))
    }

    @Test func readingTheListRecordsItAndEachUnitInIt() throws {
        let graph = try #require(Self.fixture(neighbourTags: "[kost]").build().graph)
        let reader = GraphReader(graph)
        let i1 = ComparableUnit.ID(itemID: "i1")
        _ = reader.related(to: i1)
        #expect(reader.reads == [.relatedUnits(i1), .unit(ComparableUnit.ID(itemID: "ni"))])
    }
}
