@testable import PortalRender
import Testing

@Suite("A page's meta description is its own text, plain, on one line, about 160 characters at most")
struct MetaDescriptionTests {
    @Test func aFirstSentenceThatFitsIsTheDescription() {
        let text = "Eksempelkommune samarbejder med frivillige om besøgsvenner i hele kommunen. Næste sætning handler om noget andet."
        #expect(MetaDescription.make(text) == "Eksempelkommune samarbejder med frivillige om besøgsvenner i hele kommunen.")
    }

    @Test func abbreviationsAndOrdinalsDoNotEndTheSentence() {
        let text = "Eksempelkommune tilbyder fx. Besøg efter servicelovens § 85, stk. 2 fra 1. januar hvert år for alle borgere. Mere."
        #expect(MetaDescription.make(text) == "Eksempelkommune tilbyder fx. Besøg efter servicelovens § 85, stk. 2 fra 1. januar hvert år for alle borgere.")
    }

    @Test func aLongTextIsCutAtAWordBoundaryWithAnEllipsis() {
        let text = String(repeating: "Eksempelkommunens borgere ", count: 20)
        let description = MetaDescription.make(text)
        #expect(description.count <= MetaDescription.limit)
        #expect(description.hasSuffix("borgere…") || description.hasSuffix("Eksempelkommunens…"))
        #expect(!description.contains("  "))
    }

    @Test func lineBreaksBecomeSpaces() {
        #expect(MetaDescription.make("Kort\ntekst\n\n  om Eksempelkommune") == "Kort tekst om Eksempelkommune")
    }

    @Test func aLeadingHeadingIsPassedOverForTheFirstBlockThatSaysSomething() {
        let blocks = ["Indledning", "Planen beskriver, hvordan Eksempelkommune vil styrke fællesskaberne i de kommende år."]
        #expect(MetaDescription.make(fromBlocks: blocks) == blocks[1])
        #expect(MetaDescription.make(fromBlocks: ["Formål", "Kort."]) == "Formål Kort.")
        #expect(MetaDescription.make(fromBlocks: ["", "  "]) == nil)
    }
}
