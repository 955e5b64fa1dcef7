import PortalCore
import PortalTestSupport
import PropertyBased
import Testing

@Suite("Slugs follow Danish transliteration and are always safe in a URL")
struct SlugTests {
    @Test("æ, ø and å become ae, oe and aa", arguments: [
        ("Åben Dialog", "aaben-dialog"),
        ("Fællesskaber og netværk", "faellesskaber-og-netvaerk"),
        ("Sundhed og trivsel", "sundhed-og-trivsel"),
        ("Hillerød Kommune", "hilleroed-kommune"),
        ("ÆØÅ æøå", "aeoeaa-aeoeaa"),
    ])
    func danishLetters(title: String, slug: String) {
        #expect(Slug.make(title) == slug)
    }

    @Test func punctuationAndSpacesCollapseToSingleHyphens() {
        #expect(Slug.make("  Indsats 1: Udvikling af borgerkurser -- God og sikker adfærd!  ") ==
            "indsats-1-udvikling-af-borgerkurser-god-og-sikker-adfaerd")
    }

    @Test func otherAccentsFoldToTheirBaseLetter() {
        #expect(Slug.make("Café Teglporten – naïve Über") == "cafe-teglporten-naive-uber")
    }

    @Test func differentTitlesCanGiveTheSameSlug() {
        #expect(Slug.make("Åben Dialog") == Slug.make("Aaben dialog"))
    }

    @Test func longTitlesAreCutAtAWordBoundary() {
        let slug = Slug.make("Udvikling og etablering af mangfoldige beskæftigelsestilbud til borgere med særlige behov")
        #expect(slug == "udvikling-og-etablering-af-mangfoldige-beskaeftigelsestilbud")
        #expect(slug.count <= Slug.defaultMaximumLength)
    }

    @Test func textWithoutLettersOrDigitsGivesAnEmptySlug() {
        #expect(Slug.make("§ – ¶ !!") == "")
    }

    @Test func validityCheck() {
        #expect(Slug.isValid("rudersdal-indsats-01"))
        #expect(!Slug.isValid("Rudersdal"))
        #expect(!Slug.isValid("-a"))
        #expect(!Slug.isValid("a--b"))
        #expect(!Slug.isValid("æble"))
        #expect(!Slug.isValid(""))
    }

    @Test func anyUnicodeTextGivesAValidOrEmptySlug() async {
        await propertyCheck(count: 500, input: TextGen.anyText(0...80)) { text in
            let slug = Slug.make(text)
            #expect(slug.isEmpty || Slug.isValid(slug))
            #expect(slug.count <= Slug.defaultMaximumLength)
            #expect(slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        }
    }

    @Test func slugsAreStable() async {
        await propertyCheck(count: 300, input: TextGen.anyText(0...60)) { text in
            let slug = Slug.make(text)
            #expect(Slug.make(text) == slug)
            #expect(Slug.make(slug) == slug)
        }
    }
}
