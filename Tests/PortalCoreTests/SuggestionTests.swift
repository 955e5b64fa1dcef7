import PortalCore
import Testing

@Suite("Misspelt names get a suggestion only when they are close to a real one")
struct SuggestionTests {
    @Test func closeTyposAreSuggested() {
        #expect(Suggestion.closest(to: "tittle", in: ["title", "slug", "order"]) == "title")
        #expect(Suggestion.closest(to: "sundhd", in: ["sundhed", "faellesskaber"]) == "sundhed")
        #expect(Suggestion.closest(to: "sucess_criteria", in: ["success_criteria", "goals"]) == "success_criteria")
    }

    @Test func farOffNamesAreNot() {
        #expect(Suggestion.closest(to: "beskaeftigelse", in: ["sundhed", "tilbud"]) == nil)
        #expect(Suggestion.closest(to: "x", in: []) == nil)
    }

    @Test func neitherTheNameItselfNorAnythingForAnEmptyNameIsSuggested() {
        #expect(Suggestion.closest(to: "", in: ["id", "slug"]) == nil)
        #expect(Suggestion.closest(to: "slug", in: ["slug", ""]) == nil)
        #expect(Suggestion.closest(to: "x", in: [""]) == nil)
    }

    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("æøå", "aeoeaa") == 6)
    }
}
