import PortalCore
import PortalTestSupport
import PropertyBased
import Testing

@Suite("A paragraph of Serviceloven is a number with an optional letter, ordered as the act is")
struct LawParagraphTests {
    @Test("Editors write a paragraph as the text does", arguments: [
        ("85", "85"), ("82a", "82a"), ("82 a", "82a"), ("82A", "82a"), (" 141 ", "141"), ("999", "999"),
    ])
    func readsWhatEditorsWrite(written: String, read: String) {
        #expect(LawParagraph(written)?.description == read)
    }

    @Test("Anything else is not a paragraph", arguments: ["", "§ 85", "0", "085", "1000", "2019", "85ab", "abc", "85 ab", "8-5", "½", "８５"])
    func refusesWhatIsNoParagraph(written: String) {
        #expect(LawParagraph(written) == nil)
    }

    @Test func lettersComeAfterTheirNumberAndBeforeTheNext() throws {
        let written = ["103", "82b", "82", "141", "82a", "85", "104", "83"]
        let sorted = try written.map { try #require(LawParagraph($0)) }.sorted().map(\.description)
        #expect(sorted == ["82", "82a", "82b", "83", "85", "103", "104", "141"])
    }

    @Test func theSlugIsTheParagraphAsWritten() {
        #expect(LawParagraph(number: 82, letter: "a")?.slug == "82a")
        #expect(LawParagraph(number: 85)?.slug == "85")
        #expect(LawParagraph(number: 85, letter: "æ") == nil)
        #expect(LawParagraph(number: 0) == nil)
    }

    @Test func everyParagraphReadsBackFromItsText() async {
        let letters = Gen<Character?>.element(of: Array("abcdefghijklmnopqrstuvwxyz")).map { $0 ?? "a" }.optional()
        await propertyCheck(count: 400, input: Gen<Int>.int(in: 1...999), letters) { number, letter in
            guard let paragraph = LawParagraph(number: number, letter: letter) else {
                Issue.record("\(number)\(String(describing: letter)) was refused")
                return
            }
            #expect(LawParagraph(paragraph.description) == paragraph)
            #expect(paragraph.number == number)
        }
    }

    @Test func theOrderIsByNumberThenLetter() async {
        let letters = Gen<Character?>.element(of: Array("abcz")).map { $0 ?? "a" }.optional()
        await propertyCheck(count: 300, input: Gen<Int>.int(in: 1...200), letters, Gen<Int>.int(in: 1...200), letters) { a, x, b, y in
            guard let lhs = LawParagraph(number: a, letter: x), let rhs = LawParagraph(number: b, letter: y) else {
                Issue.record("\(a)\(String(describing: x)) or \(b)\(String(describing: y)) was refused")
                return
            }
            // A plain paragraph sorts as if its letter came before "a".
            let expected = a != b ? a < b : String(x.map { "-\($0)" } ?? "") < String(y.map { "-\($0)" } ?? "")
            #expect((lhs < rhs) == expected, "\(lhs) < \(rhs)")
            #expect(!(lhs < rhs && rhs < lhs))
        }
    }
}
