import PortalSearch
import Testing

@Suite("Snowball's Danish stemmer through libstemmer, and the terms made with it")
struct StemmerTests {
    // Stems as the snowballstemmer package 2.2.0 (the oracle) gives them; scripts/
    // search_check.py compares every word of the content with it and with search.js.
    @Test(arguments: [
        ("besøgsvenner", "besøgsven"),
        ("besøgsven", "besøgsv"),
        ("internettet", "internet"),
        ("sundhedsfremme", "sundhedsfrem"),
        ("sundhed", "sund"),
        ("fællesskaber", "fællesskab"),
        ("indsatserne", "indsats"),
        ("frivillige", "frivil"),
        ("succes", "suc"),
        ("løst", "løst"),
        ("ud", "ud"),
    ])
    func stemsAsSnowballDoes(word: String, stem: String) throws {
        let stemmer = try #require(DanishStemmer())
        #expect(stemmer.stem(word) == stem)
    }

    @Test func aStemmerGivesTheSameStemEveryTime() throws {
        let stemmer = try #require(DanishStemmer())
        let words = ["besøgsvenner", "åben", "dialog", "besøgsvenner", "åben"]
        #expect(words.map(stemmer.stem) == words.map(stemmer.stem))
    }

    @Test func termsAreFoldedStemsOfTheWordAsWritten() {
        let maker = TermMaker()
        #expect(maker.terms(in: "Besøgsvenner") == ["besoegsven"])
        #expect(maker.terms(in: "besoegsvenner") == maker.terms(in: "BESOEGSVENNER"))
        #expect(maker.terms(in: "Åben Dialog") == ["aaben", "dialog"])
        #expect(maker.terms(in: "aaben dialog") == ["aab", "dialog"])
        // Words with a digit are folded, never stemmed.
        #expect(maker.terms(in: "2019 85 82a 3.-klasser") == ["2019", "85", "82a", "3", "klas"])
    }

    @Test func aStemIsAPrefixOfItsFoldedWordSoPrefixesFindInflectedForms() {
        // The search page finds "internettet" from "internet" and "sundhedsfremme" from
        // "sundhed" because a word's term begins with the term of its stem.
        let maker = TermMaker()
        for (query, found) in [("internet", "internettet"), ("sundhed", "sundhedsfremme"), ("besøgsven", "besøgsvenner"),
                               ("aaben", "åbne"), ("dialog", "dialogmøder")] {
            let prefix = maker.term(Substring(query))
            #expect(maker.term(Substring(found)).hasPrefix(prefix), "\(found) under \(prefix)")
        }
    }
}
