import PortalContent
import PortalCore
import Testing

@Suite("A file that fails to decode still tells its kind, id and tags, so that its error is not echoed elsewhere")
struct SalvagedFileTests {
    func salvage(_ text: String, path: String = "content/tags/emne.md") -> SalvagedFile? {
        RecordDecoder().decode(SourceFile(path: path, text: text)).salvaged
    }

    @Test func aFileThatDecodesSalvagesNothing() {
        #expect(salvage("---\nkind: tag\nid: kost\ntitle: Kost\n---\n") == nil)
    }

    @Test("Kind and id are read line by line when the YAML does not parse", arguments: [
        "---\nkind: tag\nid: kost\ntitle: [Kost\n---\n",
        "---\nkind: \"tag\"\nid: \"kost\" # the tag's id\ntitle: [Kost\n---\n",
        "---\nkind: tag # what it is\nid: 'kost'\ntitle: \"Kost\n---\n",
        "\u{FEFF}---\nkind: tag\r\nid: kost\r\ntitle: [Kost\r\n---\r\n",
        "kind: tag\nid: kost\ntitle: Kost\n",
        "---\nkind: tag\nid: kost\ntitle: Kost\n",
        "---\ntitle: |\n  id: noget andet\nkind: tag\nid: kost\n  x: [\n---\n",
    ])
    func kindAndIdLineByLine(text: String) {
        let salvaged = salvage(text)
        #expect(salvaged?.kind == .tag)
        #expect(salvaged?.ids == ["kost"])
    }

    @Test func whatIsAfterTheFrontMatterIsNotRead() {
        let salvaged = salvage("---\nkind: tag\ntitle: [Kost\n---\nid: i-teksten\n")
        #expect(salvaged?.ids == ["emne"])
    }

    @Test func anIdIsAlsoKnownAsTheValidIdItIsMeantToBe() {
        #expect(salvage("---\nkind: tag\nid: Kost og Måltider\ntitle: Kost\n---\n")?.ids == ["Kost og Måltider", "kost-og-maaltider"])
    }

    @Test func withoutAReadableIdTheFileNameStandsIn() {
        #expect(salvage("---\nkind: tag\nid: \"\"\ntitle: Kost\n---\n", path: "content/tags/kost.md")?.ids == ["kost"])
        #expect(salvage("", path: "content/tags/Kost.md")?.ids == ["Kost", "kost"])
        #expect(salvage("---\nkind: tag\nid: null\ntitle: Kost\n---\n", path: "content/tags/kost.md")?.ids == ["kost"])
        #expect(salvage("---\nkind: tag\nid: ~\ntitle: [Kost\n---\n", path: "content/tags/kost.md")?.ids == ["kost"])
    }

    @Test func anUnknownKindIsNil() {
        let salvaged = salvage("---\nkind: tagg\nid: kost\ntitle: Kost\n---\n")
        #expect(salvaged?.kind == nil)
        #expect(salvaged?.ids == ["kost"])
    }

    @Test("The tags an item names are read in every way they are written", arguments: [
        ("tags: [kost, \"motion\", ~]\ntitle: [x", ["kost", "motion"]),
        ("tags:\n  - kost\n  - 'motion' # comment\n  -\ntitle: [x", ["kost", "motion"]),
        ("tags:\n- kost\n- motion\ntitle: \"x", ["kost", "motion"]),
        ("tags: kost\ntitle: [x", ["kost"]),
        ("title: [x", []),
        ("tags: [kost]\ntitle: null", ["kost"]), // YAML parses; the record fails
        ("tags: [kost,\n  motion]\ntitle: null", ["kost", "motion"]),
    ] as [(String, Set<String>)])
    func tags(lines: String, expected: Set<String>) {
        let salvaged = salvage("---\nkind: item\nid: i\n\(lines)\n---\nTekst.\n")
        #expect(salvaged?.tags == expected)
    }

    @Test func tagsThatCannotBeReadAreUnknownNotNone() {
        #expect(salvage("---\nkind: item\nid: i\ntags: [kost,\n  motion\ntitle: x\n---\n")?.tags == nil)
        #expect(salvage("---\nkind: item\nid: i\ntags: {a: b}\ntitle: null\n---\n")?.tags == nil)
        // Front matter that is not closed within the lines read may name tags further down.
        let long = "---\nkind: item\nid: i\ntitle: [x\n" + String(repeating: "goals:\n", count: 500)
        #expect(salvage(long)?.tags == nil)
    }

    @Test func unusableFilesAnswerForWhatMayFollowFromThem() {
        let files = UnusableFiles([
            SalvagedFile(path: "a.md", kind: .tag, id: "kost", tags: nil),
            SalvagedFile(path: "b.md", kind: nil, id: "ukendt", tags: ["motion"]),
            SalvagedFile(path: "c.md", kind: .section, id: "s", tags: nil),
        ])
        #expect(files.mayBe(.tag, id: "kost"))
        #expect(!files.mayBe(.theme, id: "kost"))
        #expect(files.mayBe(.theme, id: "ukendt"), "a file of unknown kind may be of any kind")
        #expect(files.mayName(tag: "motion"))
        #expect(!files.mayName(tag: "kost"), "a tag or a section names no tags")
        var withItem = files
        withItem.add(SalvagedFile(path: "d.md", kind: .item, id: "i", tags: nil))
        #expect(withItem.mayName(tag: "kost"), "an item whose tags cannot be read may name any tag")
    }
}
