import Foundation
import PortalContent
import PortalCore
import Testing

/// Each message and hint names the real cause: a hint that sends the editor after tabs
/// when the line has none, or suggests an empty or unchanged value, costs more than none.
@Suite("Every message and hint about a content file names the real cause")
struct TrueHintsTests {
    func diagnostics(_ text: String) -> [PortalCore.Diagnostic] {
        RecordDecoder().decode(SourceFile(path: "content/x.md", text: text)).diagnostics
    }

    func only(_ text: String) throws -> PortalCore.Diagnostic {
        let found = diagnostics(text)
        try #require(found.count == 1, "\(found)")
        return found[0]
    }

    func tag(_ lines: String) -> String { "---\nkind: tag\nid: eksempel\n\(lines)\n---\nTekst.\n" }

    // MARK: YAML syntax

    @Test("A text starting with a character YAML reserves is told to be quoted, not to lose its tabs",
          arguments: [("%", "title: %50 af borgerne", 8), ("@", "title: @eksempel", 8), ("`", "title: `kode` i teksten", 8),
                      ("@", "title: [Eksempel, @eksempel]", 19), ("%", "title:\t%50", 8)])
    func reservedFirstCharacters(character: String, line: String, column: Int) throws {
        let diagnostic = try only(tag(line))
        #expect(diagnostic.location == PortalCore.SourceLocation(path: "content/x.md", line: 4, column: column))
        #expect(diagnostic.hint == "a text starting with '\(character)' must be put in quotes")
    }

    @Test func onlyARealTabGetsTheTabHint() throws {
        #expect(try only(tag("\ttitle: Eksempel")).hint == "indent with spaces, not tabs")
        #expect(try only("---\nkind: tag\nid: eksempel\ntitle: T\nx:\n\t- a\n---\n").hint == "indent with spaces, not tabs")
        #expect(try only("---\nkind: tag\nid: x\ntitle: |\n\tTekst\n---\n").hint == "indent with spaces, not tabs")
        #expect(try only(tag("title: [a,\t@b]")).hint == "a text starting with '@' must be put in quotes")
    }

    @Test func aLineStartingWithPercentIsExplainedAsADirective() throws {
        #expect(try only(tag("%title: Eksempel")).hint == "a line starting with '%' is read as a YAML directive; put the text in quotes")
    }

    // MARK: Empty values

    @Test func anEmptySlugSaysSoInsteadOfSuggestingAnEmptyOne() throws {
        let diagnostic = try only(tag("title: Eksempel\nslug: \"\""))
        #expect(diagnostic.message == "slug is empty")
        #expect(diagnostic.location.line == 5 && diagnostic.location.column == 7)
        #expect(diagnostic.hint == "remove the 'slug:' line to make the address from the title, or write the address part you want")
    }

    @Test func aSlugWithoutLettersGetsNoEmptySuggestion() throws {
        let diagnostic = try only(tag("title: Eksempel\nslug: \"!!!\""))
        #expect(diagnostic.message == "slug '!!!' may only hold lower-case letters a-z, digits and single hyphens")
        #expect(diagnostic.hint == "remove the 'slug:' line to make the address from the title, or use letters a-z and digits")
        #expect(try only(tag("title: Eksempel\nslug: Åben Dialog")).hint == "try 'aaben-dialog'")
    }

    @Test func anEmptyIdSuggestsOneFromTheTitle() throws {
        let diagnostic = try only("---\nkind: tag\nid: \"\"\ntitle: Åben Dialog\n---\n")
        #expect(diagnostic.message == "id is empty")
        #expect(diagnostic.hint == "give the file an id, such as 'aaben-dialog'")
        let noLetters = try only("---\nkind: tag\nid: \"--\"\ntitle: Eksempel\n---\n")
        #expect(noLetters.hint == "write an id of lower-case letters a-z, digits and single hyphens")
    }

    @Test func aNullRequiredFieldIsReportedAtItsLine() throws {
        for line in ["title: null", "title: ~", "title:"] {
            let diagnostic = try only(tag(line))
            #expect(diagnostic.message == "field 'title' is empty (null)")
            #expect(diagnostic.location.line == 4, "\(line)")
        }
        // A field that is really missing is still called missing, at the first field.
        let missing = try only(tag("order: 1"))
        #expect(missing.message == "missing required field 'title'")
        #expect(missing.location == PortalCore.SourceLocation(path: "content/x.md", line: 2, column: 1))
    }

    @Test func aNullOrEmptyEntryInAReferenceListIsAnEmptyEntry() {
        let decoded = diagnostics("""
        ---
        kind: item
        type: idea
        id: eksempel-ide
        document: eksempel-plan
        title: Eksempel
        tags: [~, "", motion]
        themes:
          -
          - sundhed
        ---
        Tekst.
        """)
        let found = decoded.sorted { $0.location < $1.location }
        #expect(found.map(\.message) == ["empty entry in the list 'tags'", "empty entry in the list 'tags'", "empty entry in the list 'themes'"])
        #expect(found.map(\.location.line) == [7, 7, 9])
        #expect(found.allSatisfy { $0.hint == "remove the empty entry, or write an id in it" })
    }

    @Test func anEmptyReferenceFieldIsEmptyNotAnUnknownId() throws {
        let diagnostic = try only("---\nkind: section\nid: s\ndocument: \"\"\ntitle: Eksempel\n---\n")
        #expect(diagnostic.message == "field 'document' is empty")
        #expect(diagnostic.location.line == 4)
    }

    // MARK: Encodings

    func decodeBytes(_ bytes: [UInt8]) -> PortalCore.Diagnostic? {
        if case .failure(let diagnostic) = ContentReader.decode(Data(bytes), display: "content/x.md") { return diagnostic }
        return nil
    }

    static let frontMatter = "---\nkind: tag\nid: eksempel\ntitle: Eksempel\n---\n"

    @Test func utf16IsNamedAsUTF16WithOrWithoutItsByteOrderMark() {
        let littleEndian = Array(Self.frontMatter.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian = Array(Self.frontMatter.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (bytes, name) in [([0xFF, 0xFE] + littleEndian, "little"), (littleEndian, "little"),
                              ([0xFE, 0xFF] + bigEndian, "big"), (bigEndian, "big")] as [([UInt8], String)] {
            let diagnostic = decodeBytes(bytes)
            #expect(diagnostic?.message == "file is UTF-16 (\(name)-endian); content files are UTF-8")
            #expect(diagnostic?.hint == "save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)")
            #expect(diagnostic?.location.line == 1)
        }
        // One NUL in a UTF-8 file is still a NUL byte, not UTF-16.
        #expect(decodeBytes(Array("---\nkind: t\u{0}ag\n".utf8))?.message == "file contains a NUL byte; it is not a text file")
    }

    @Test("Bytes that read as Latin-1 or Windows-1252 are called so", arguments: [
        [0xF8, 0x64] as [UInt8], // "ød"
        [0xC6, 0x72, 0xF8], // "Ærø"
        [0xD8, 0xC5, 0x20], // "ØÅ "
        [0x20, 0x96, 0x20], // " – " in Windows-1252
        [0xE6], // "æ" at the very end
    ])
    func latin1(_ bytes: [UInt8]) {
        let diagnostic = decodeBytes(Array("---\ntitle: Eksempel ".utf8) + bytes)
        #expect(diagnostic?.message.hasPrefix("file is not valid UTF-8 (byte 0x") == true)
        #expect(diagnostic?.hint == "save the file as UTF-8; it looks like it was saved as Latin-1/Windows-1252")
    }

    @Test("Damaged UTF-8 (overlong, surrogate, past U+10FFFF) is not called Latin-1", arguments: [
        [0xC0, 0xAF] as [UInt8], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80],
    ])
    func damagedUTF8(_ bytes: [UInt8]) {
        let diagnostic = decodeBytes(Array("---\ntitle: Eksempel ".utf8) + bytes + [0xAF, 0x20])
        #expect(diagnostic?.message.hasPrefix("file is not valid UTF-8 (byte 0x") == true)
        #expect(diagnostic?.location.line == 2)
        #expect(diagnostic?.hint == "save the file as UTF-8 text; the bytes here are no character in UTF-8, so retype the text around this place")
    }
}
