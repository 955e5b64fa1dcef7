import PortalContent
import PortalCore
import PortalGraph
import Testing

@Suite("An unknown reference gets a hint that is true: the id of the title it names, a near miss, or a new file")
struct ReferenceHintsTests {
    func error(municipality value: String) -> Diagnostic? {
        var fixture = GraphFixture()
        fixture.files["d.md"] = "---\nkind: document\nid: d\nmunicipality: \(value)\ntitle: Plan 2020\ndocument_type: udviklingsplan\n---\n"
        return fixture.errors().first { $0.location.path == "d.md" }
    }

    @Test func aTitleNamesTheIdOfTheEntityWithThatTitle() {
        let diagnostic = error(municipality: "Eksempel Kommune")
        #expect(diagnostic?.message == "municipality 'Eksempel Kommune' does not exist")
        #expect(diagnostic?.location == SourceLocation(path: "d.md", line: 4, column: 15))
        #expect(diagnostic?.hint == "did you mean 'm'? (the id of 'Eksempel Kommune'; references name the id, not the title)")
    }

    @Test func titlesAreComparedWithoutCaseAccentsOrPunctuation() {
        for written in ["eksempel kommune", "EKSEMPEL-KOMMUNE", "Eksempel  Kommune."] {
            #expect(error(municipality: written)?.hint?.hasPrefix("did you mean 'm'? (the id of 'Eksempel Kommune'") == true, "\(written)")
        }
    }

    @Test func aShortTitleNamesItsIdToo() {
        var fixture = GraphFixture()
        fixture.files["m.md"] = "---\nkind: municipality\nid: m\ntitle: Eksempel Kommune\nshort_title: Æblerød\nslug: eksempel\n---\n"
        fixture.files["d.md"] = "---\nkind: document\nid: d\nmunicipality: æblerød\ntitle: Plan 2020\ndocument_type: udviklingsplan\n---\n"
        #expect(fixture.errors().first?.hint == "did you mean 'm'? (the id of 'Eksempel Kommune'; references name the id, not the title)")
    }

    @Test func aValueThatCannotBeAnIdIsNotSuggestedAsANewFilesId() {
        let diagnostic = error(municipality: "Testrup Kommune")
        #expect(diagnostic?.message == "municipality 'Testrup Kommune' does not exist")
        #expect(diagnostic?.hint == "'Testrup Kommune' is not an id (ids hold only lower-case letters a-z, digits and single hyphens); write the id from the municipality's file")
        #expect(diagnostic?.hint?.contains("create") == false)
    }

    @Test func aValidIdThatNamesNothingMayBeANewFile() {
        #expect(error(municipality: "testrup")?.hint == "check the spelling, or create a municipality file with 'id: testrup'")
    }

    @Test func aTitleSharedByTwoEntitiesNamesBoth() {
        var fixture = GraphFixture()
        fixture.files["tag2.md"] = "---\nkind: tag\nid: kost-2\ntitle: Kost\nslug: kost-igen\n---\n"
        fixture.files["i2.md"] = "---\nkind: item\ntype: idea\nid: i2\ndocument: d\nsection: s2\ntitle: Anden\ntags: [Kost, kost-2]\n---\nTekst.\n"
        let diagnostic = fixture.errors().first { $0.location.path == "i2.md" }
        #expect(diagnostic?.message == "tag 'Kost' does not exist")
        #expect(diagnostic?.hint == "did you mean one of 'kost' ('Kost'), 'kost-2' ('Kost')?")
    }
}
