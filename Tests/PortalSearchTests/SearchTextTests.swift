import PortalSearch
import PortalTestSupport
import PropertyBased
import Testing

@Suite("Folding: æ/ae, ø/oe and å/aa find each other, case and accents do not matter")
struct FoldingTests {
    @Test(arguments: [
        ("Åben Dialog", "aaben dialog"),
        ("Besøgsvenner", "besoegsvenner"),
        ("FÆLLESSKAB", "faellesskab"),
        ("Café og idé", "cafe og ide"),
        ("Müller Straße", "muller strasse"),
        ("a\u{030A}ben", "aaben"),       // å written as a and a combining ring
        ("\u{01FD}", "ae"),              // ǽ: æ with an accent
        ("§ 85", "§ 85"),
    ])
    func foldsDanishLettersAndDiacritics(text: String, folded: String) {
        #expect(SearchText.fold(text) == folded)
    }

    @Test func foldedTextIsStableAndHasNoCaseOrDanishLetters() async {
        await propertyCheck(count: 400, input: TextGen.anyText(0...60)) { text in
            let folded = SearchText.fold(text)
            #expect(SearchText.fold(folded) == folded)
            #expect(!folded.contains { "æøåÆØÅ".contains($0) })
            #expect(folded.unicodeScalars.allSatisfy { !$0.properties.isUppercase || $0.properties.lowercaseMapping == String($0) })
        }
    }

    @Test func foldingIgnoresCase() async {
        await propertyCheck(count: 300, input: TextGen.contentText(0...60)) { text in
            #expect(SearchText.fold(text.uppercased()) == SearchText.fold(text))
        }
    }
}

@Suite("Words: runs of letters, digits and combining marks, whatever separates them")
struct WordTests {
    @Test func splitsOnEverythingButLettersDigitsAndMarks() {
        #expect(SearchText.words(in: "Åben Dialog-møder (2019): 25 medarbejdere.").map(String.init)
            == ["Åben", "Dialog", "møder", "2019", "25", "medarbejdere"])
        #expect(SearchText.words(in: "").isEmpty)
        #expect(SearchText.words(in: " – § / ").isEmpty)
    }

    @Test func leavesOutWordsNoOneTypes() {
        let long = String(repeating: "a", count: SearchText.maximumWordLength + 1)
        #expect(SearchText.words(in: "kort \(long) ord").map(String.init) == ["kort", "ord"])
        let longest = String(repeating: "b", count: SearchText.maximumWordLength)
        #expect(SearchText.words(in: longest).map(String.init) == [longest])
    }

    @Test func wordsAreTheMaximalRunsOfWordCharactersInOrder() async {
        await propertyCheck(count: 500, input: TextGen.anyText(0...120)) { text in
            let words = SearchText.words(in: text)
            // Every scalar of a word is a word scalar, and the words appear in order (as
            // runs of scalars: a word can end inside a character, before a format mark).
            var rest = Array(text.unicodeScalars)[...]
            for word in words {
                let scalars = Array(word.unicodeScalars)
                #expect(!scalars.isEmpty)
                #expect(scalars.allSatisfy { SearchText.isWordScalar($0) })
                #expect(scalars.count <= SearchText.maximumWordLength)
                guard let start = rest.indices.first(where: { rest[$0...].starts(with: scalars) }) else {
                    Issue.record("\(word) is not in order in \(text)")
                    return
                }
                rest = rest[(start + scalars.count)...]
            }
            // Taking the words out leaves no word scalar but those of overlong words.
            let kept = words.reduce(0) { $0 + $1.unicodeScalars.count }
            let wordScalars = text.unicodeScalars.filter { SearchText.isWordScalar($0) }.count
            if kept == wordScalars { return }
            #expect(kept < wordScalars)
            #expect(text.unicodeScalars.count > SearchText.maximumWordLength)
        }
    }

    @Test func separatorsBetweenWordsNeverJoinOrSplitThem() async {
        let word = Gen<Character?>.element(of: Array("abcæøå019")).map { $0 ?? "a" }.string(of: 1...12)
        let separator = Gen<Character?>.element(of: Array(" .,;:-–/§()\"'\n\t")).map { $0 ?? " " }.string(of: 1...4)
        await propertyCheck(count: 300, input: word.array(of: 1...8), separator.array(of: 8)) { words, separators in
            let text = zip(words, separators).map { $0 + $1 }.joined()
            #expect(SearchText.words(in: text).map(String.init) == words)
        }
    }
}

@Suite("Paragraph references: every way of writing one gives its numbers as words")
struct ParagraphReferenceTests {
    let maker = TermMaker()

    @Test(arguments: [
        ("§85", ["85"]),
        ("§ 85", ["85"]),
        ("§§ 103/104", ["103", "104"]),
        ("§§103 og 104", ["103", "og", "104"]),
        ("§ 103/104", ["103", "104"]),
        ("Servicelovens § 82", ["servicelov", "82"]),
        ("§82a og §82b", ["82a", "og", "82b"]),
        ("§ 141", ["141"]),
    ])
    func referencesBecomeTheirNumbers(text: String, terms: [String]) {
        #expect(maker.terms(in: text) == terms)
    }

    @Test func anyFormOfAReferenceHoldsItsNumber() async {
        let number = Gen<Int>.int(in: 1...250)
        let letter = Gen<Character?>.element(of: Array("abcd")).map { $0.map(String.init) ?? "" }
        let form = Gen<Int>.int(in: 0...4)
        await propertyCheck(count: 300, input: number, letter, form) { number, letter, form in
            let paragraph = "\(number)\(letter)"
            let text = ["§\(paragraph)", "§ \(paragraph)", "§§ \(paragraph)/\(number + 1)", "§§\(paragraph) og \(number + 1)",
                        "Servicelovens §\u{00A0}\(paragraph)"][form]
            let terms = maker.terms(in: text)
            #expect(terms.contains(paragraph), "\(text) gives \(terms)")
            // The query "§ 85" and the query "85" are the same search.
            #expect(maker.terms(in: "§ \(paragraph)") == maker.terms(in: paragraph))
        }
    }
}
