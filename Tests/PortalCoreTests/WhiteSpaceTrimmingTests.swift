import Foundation
import PortalCore
import Testing

@Suite("Trimming white space as Foundation does, without Foundation")
struct WhiteSpaceTrimmingTests {
    static let samples = [
        "", " ", "\n\t \r\n", "tekst", "  to ord  ", "\u{00A0}hårdt mellemrum\u{00A0}", "\u{2003}em\u{2028}",
        "linje\nlinje\n", "\u{0085}næste\u{000B}", " \u{0301}kombineret ", "æøå\u{200B}", "\u{3000}ideografisk\u{3000}",
    ]

    @Test("white space and line breaks at either end go, as with .whitespacesAndNewlines", arguments: samples)
    func whiteSpaceAndNewlines(text: String) {
        #expect(text.trimmingWhiteSpaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text[...].trimmingWhiteSpaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("spaces and tabs at either end go and line breaks stay, as with .whitespaces", arguments: samples)
    func spaces(text: String) {
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
    }
}
