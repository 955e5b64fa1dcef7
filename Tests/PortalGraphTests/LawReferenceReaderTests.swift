import PortalCore
import PortalGraph
import PortalTestSupport
import PropertyBased
import Testing

/// The § reader finds Serviceloven's paragraphs in the forms plans write them, and nothing
/// else: no other law, no year, no amount, no sign without a number.
@Suite("The § reader recognises references to Serviceloven")
struct LawReferenceReaderTests {
    let reader = LawReferenceReader()

    /// Each mention of `text` as the text it covers and the paragraphs it names.
    func read(_ text: String) -> [Mention] {
        reader.mentions(in: text).map { Mention(String(text[$0.range]), $0.paragraphs.map(\.description)) }
    }

    struct Mention: Equatable, CustomStringConvertible {
        var text: String
        var paragraphs: [String]
        init(_ text: String, _ paragraphs: [String]) {
            self.text = text
            self.paragraphs = paragraphs
        }
        var description: String { "\(text.debugDescription) → \(paragraphs)" }
    }

    @Test("Every form plans write", arguments: [
        ("§ 82", [Mention("§ 82", ["82"])]),
        ("§82", [Mention("§82", ["82"])]),
        ("§82a", [Mention("§82a", ["82a"])]),
        ("§ 82a", [Mention("§ 82a", ["82a"])]),
        ("§ 82 a", [Mention("§ 82 a", ["82a"])]),
        ("§§ 103/104", [Mention("§§ 103/104", ["103", "104"])]),
        ("§§103 og 104", [Mention("§§103 og 104", ["103", "104"])]),
        ("§ 103/104", [Mention("§ 103/104", ["103", "104"])]),
        ("§ 141", [Mention("§ 141", ["141"])]),
        ("Servicelovens § 82", [Mention("Servicelovens § 82", ["82"])]),
        ("servicelovens §§ 103 og 104", [Mention("servicelovens §§ 103 og 104", ["103", "104"])]),
        ("serviceloven § 85", [Mention("serviceloven § 85", ["85"])]),
        ("SEL § 85", [Mention("SEL § 85", ["85"])]),
        ("lov om social service § 85", [Mention("lov om social service § 85", ["85"])]),
        ("§ 85, stk. 2", [Mention("§ 85, stk. 2", ["85"])]),
        ("§ 85 stk. 2", [Mention("§ 85 stk. 2", ["85"])]),
        ("§ 85, stk. 2, nr. 3", [Mention("§ 85, stk. 2, nr. 3", ["85"])]),
        ("§§ 103, 104 eller 105", [Mention("§§ 103, 104 eller 105", ["103", "104", "105"])]),
        ("§§ 103-105", [Mention("§§ 103-105", ["103", "105"])]),
        ("§§ 103–105", [Mention("§§ 103–105", ["103", "105"])]),
        ("§§ 85/85", [Mention("§§ 85/85", ["85"])]),
        ("§82a og §82b", [Mention("§82a", ["82a"]), Mention("§82b", ["82b"])]),
        ("§ 85-indsatsen", [Mention("§ 85", ["85"])]),
        ("§ 85 og 10 borgere", [Mention("§ 85", ["85"])]),
        ("§ 85 i 2019", [Mention("§ 85", ["85"])]),
        ("§ 85 i lov om social service", [Mention("§ 85", ["85"])]),
        ("§ 85 i serviceloven", [Mention("§ 85", ["85"])]),
        ("(§ 85)", [Mention("§ 85", ["85"])]),
        ("§ 85.", [Mention("§ 85", ["85"])]),
        ("§\u{00A0}85", [Mention("§\u{00A0}85", ["85"])]),
        ("sundhedslovens § 119 og servicelovens § 85", [Mention("servicelovens § 85", ["85"])]),
    ])
    func everyForm(text: String, expected: [Mention]) {
        #expect(read(text) == expected)
    }

    @Test("Another law's paragraph is no reference to Serviceloven", arguments: [
        "sundhedslovens § 119", "Sundhedsloven § 119", "§ 119 i sundhedsloven", "§ 17 i lov om aktiv beskæftigelsesindsats",
        "beskæftigelseslovens § 10", "LAB § 49", "LAB-lovens § 49", "dagtilbudslovens §§ 4 og 5", "Barnets Lov § 32",
        "§ 32 i barnets lov", "§ 2 i bekendtgørelse nr. 1", "bekendtgørelsens § 3", "efter § 5 i forvaltningsloven",
        "§ 7, stk. 1, i lov om retssikkerhed", "SUL § 140",
    ])
    func otherLaws(text: String) {
        #expect(read(text).isEmpty, "\(read(text))")
    }

    @Test("A sign without a paragraph, a year or an amount is no reference", arguments: [
        "§", "§§", "§ abc", "§ ", "§ 2019", "i 2019 og 2020", "kr. 85.000", "85 borgere", "§ 0", "§ 085", "§85indsatsen",
        "§§§ 85", "§\n85", "§ æ", "paragrafglidning", "paragraf 85", "§ -85", "§ 1000",
    ])
    func noReference(text: String) {
        #expect(read(text).isEmpty, "\(read(text))")
    }

    /// Every sentence of the five sources with a § sign, and what it cites.
    @Test("The sources' own sentences", arguments: [
        ("i en gråzone mellem §104 og §103 eller i flow fra §103 til skånejob.",
         [Mention("§104", ["104"]), Mention("§103", ["103"]), Mention("§103", ["103"])]),
        ("indenfor rammerne af Servicelovens § 82.", [Mention("Servicelovens § 82", ["82"])]),
        ("Implementering af kvalitetsstandarder for § 82 indsatser i Social og Sundhed", [Mention("§ 82", ["82"])]),
        ("§82 indsatserne skal leveres af den socialpædagogiske bostøtte", [Mention("§82", ["82"])]),
        ("har implementeret kvalitetsstandarderne for §82a og §82b.", [Mention("§82a", ["82a"]), Mention("§82b", ["82b"])]),
        ("§ 82a og §82b er fuldt implementeret", [Mention("§ 82a", ["82a"]), Mention("§82b", ["82b"])]),
        ("At indsatserne bidrager til et fald i §85 bevillingerne.", [Mention("§85", ["85"])]),
        ("inden for §103 beskyttet beskæftigelse/ støttede jobs", [Mention("§103", ["103"])]),
        ("borgere i §§103 og 104 aktivitet og beskæftigelse, borgere omfattet af §85 indsatser",
         [Mention("§§103 og 104", ["103", "104"]), Mention("§85", ["85"])]),
        ("Optimere §§ 103/104 så de bliver synlige i civilsamfundet", [Mention("§§ 103/104", ["103", "104"])]),
        ("Optimere § 103/104 så de bliver synlige i civilsamfundet", [Mention("§ 103/104", ["103", "104"])]),
        ("Besøgsvenner som supplement til §85", [Mention("§85", ["85"])]),
        ("Øget anvendelse af Servicelovens § 141 handleplan", [Mention("Servicelovens § 141", ["141"])]),
    ])
    func sourceSentences(text: String, expected: [Mention]) {
        #expect(read(text) == expected)
    }

    @Test func eachNumberIsKeptWhereItIsWritten() throws {
        let text = "Servicelovens §§ 103/104 og 82 a"
        let mention = try #require(reader.mentions(in: text).first)
        #expect(mention.numbers.map { String(text[$0.range]) } == ["103", "104", "82 a"])
        #expect(mention.numbers.map(\.paragraph.description) == ["103", "104", "82a"])
    }

    @Test func paragraphsAreListedOnceInTheOrderFirstCited() {
        #expect(reader.paragraphs(in: "§ 103, §§ 85 og 103, § 82a").map(\.description) == ["103", "85", "82a"])
    }

    // MARK: Properties

    @Test func everyMentionStandsAloneAsItself() async {
        let pieces = Gen<String?>.element(of: ["§", "§§", " ", "85", "82a", "og", "/", "-", ", stk. 2", "Servicelovens ", "i lov om ",
                                                "sundhedslovens ", "2019", "a", "\n", "LAB ", "."]).map { $0 ?? "" }
        await propertyCheck(count: 500, input: pieces.array(of: 0...14), TextGen.contentText(0...20)) { parts, noise in
            let text = parts.joined() + noise
            var previousEnd = text.startIndex
            for mention in reader.mentions(in: text) {
                #expect(mention.range.lowerBound >= previousEnd, "overlapping mentions in \(text.debugDescription)")
                previousEnd = mention.range.upperBound
                #expect(!mention.paragraphs.isEmpty)
                #expect(Set(mention.paragraphs).count == mention.paragraphs.count)
                let alone = String(text[mention.range])
                #expect(alone.contains("§"))
                let again = reader.mentions(in: alone)
                #expect(again.count == 1 && again.first.map { alone[$0.range] == alone[...] } == true && again.first?.paragraphs == mention.paragraphs,
                        "\(alone.debugDescription) from \(text.debugDescription) reads as \(again)")
            }
        }
    }

    @Test func textWithoutASignHasNoMention() async {
        await propertyCheck(count: 400, input: TextGen.anyText(0...120)) { text in
            let withoutSign = text.replacingOccurrences(of: "§", with: "")
            #expect(reader.mentions(in: withoutSign).isEmpty)
        }
    }

    /// Written forms of one to three paragraphs, in running text: exactly those paragraphs.
    @Test func writtenParagraphsAreFoundInRunningText() async {
        let letters = Gen<Character?>.element(of: Array("abcdefgh")).map { $0 ?? "a" }.optional(valueRate: 0.3)
        let paragraph = zip(Gen<Int>.int(in: 1...999), letters).map { number, letter in LawParagraph(number: number, letter: letter) }
        let words = Gen<String?>.element(of: ["borgere", "indsatser", "kommunen", "og", "i", "med", "tilbud", "Åben", "Dialog", "–", "(", ")"])
            .map { $0 ?? "" }.array(of: 0...6)
        let form = Gen<Int>.int(in: 0...5)
        await propertyCheck(count: 500, input: words, paragraph.array(of: 1...3), form, words) { before, written, form, after in
            let paragraphs = written.compactMap { $0 }
            guard !paragraphs.isEmpty else { return }
            let numbers = paragraphs.map(\.description)
            let mention: String
            switch (form, numbers.count) {
            case (0, 1): mention = "§ " + numbers[0]
            case (1, 1): mention = "§" + numbers[0]
            case (2, 1): mention = "Servicelovens § \(numbers[0]), stk. 2"
            case (3, _): mention = "§§ " + numbers.joined(separator: "/")
            case (4, _) where numbers.count > 1: mention = "§§ " + numbers.dropLast().joined(separator: ", ") + " og " + numbers[numbers.count - 1]
            default: mention = "§ " + numbers.joined(separator: "/")
            }
            let text = (before + [mention] + ["."] + after).joined(separator: " ")
            var unique: [LawParagraph] = []
            for paragraph in paragraphs where !unique.contains(paragraph) { unique.append(paragraph) }
            let found = reader.mentions(in: text)
            #expect(found.count == 1 && found.first?.paragraphs == unique, "\(text.debugDescription): \(found)")
            #expect(found.first.map { String(text[$0.range]) } == mention)
        }
    }

    @Test func anotherLawsNameBeforeAnyFormMeansNoReference() async {
        let law = Gen<String?>.element(of: ["sundhedslovens", "Dagtilbudsloven", "LAB", "beskæftigelseslovens", "Barnets Lov", "bekendtgørelsens"])
            .map { $0 ?? "" }
        let number = Gen<Int>.int(in: 1...999)
        await propertyCheck(count: 300, input: law, number, number, Gen<Bool>.bool) { law, first, second, several in
            let text = several ? "\(law) §§ \(first) og \(second)" : "\(law) § \(first)"
            #expect(reader.mentions(in: text).isEmpty, "\(text)")
        }
    }
}
