import Foundation
import PortalContent
import PortalCore
import PortalGraph
import Testing

/// When one file fails, its own error is reported once; nothing that only follows from it
/// is reported about other files (a reference "does not exist", a tag "is not used", an
/// item "has no theme"), because those messages would be false.
@Suite("A file that fails gives its own error and no false follow-on diagnostics")
struct FollowOnDiagnosticsTests {
    /// GraphFixture with the tag `kost` in `kost.md` (so that its file name is its id).
    func fixture(kost: String) -> GraphFixture {
        var fixture = GraphFixture()
        fixture.files["tag.md"] = nil
        fixture.files["kost.md"] = kost
        return fixture
    }

    @Test("A reference to a file that exists but fails is not reported as missing", arguments: [
        "---\nkind: tag\nid: kost\ntitle: [Kost\n---\n", // YAML that does not parse
        "---\nkind: tag\nid: \"kost\" # the tag\ntitle: [Kost\n---\n", // quoted id with a comment
        "---\nkind: 'tag'  # a tag\nid: 'kost'\ntitle: [Kost\n---\n",
        "\u{FEFF}---\nkind: tag\nid: kost\ntitle: [Kost\n---\n", // a byte-order mark
        "---\nkind: tag\nid: kost\ntitle: Kost\n", // front matter not closed
        "kind: tag\nid: kost\ntitle: Kost\n", // no front matter at all
        "---\nkind: tag\nid: kost\ntitle: null\n---\n", // YAML fine, record not
        "---\nkind: tagg\nid: kost\ntitle: Kost\n---\n", // unknown kind
        "---\nkind: tag\nid: \"\"\ntitle: Kost\n---\n", // no id: the file name stands in
        "---\nkind: tag\nid: Kost\ntitle: Kost\n---\n", // an invalid id, as the editor will fix it
        "---\n---\n", // empty front matter
    ])
    func referencesToAFailedFileStayQuiet(kost: String) {
        let diagnostics = fixture(kost: kost).build().diagnostics
        #expect(diagnostics.filter { $0.location.path != "kost.md" }.isEmpty, "\(diagnostics)")
        #expect(diagnostics.contains { $0.location.path == "kost.md" && $0.severity == .error })
    }

    @Test func aReferenceToAnIdThatAFailedFileSharesWithAGoodOneResolves() throws {
        var fixture = GraphFixture()
        // A broken copy that may have the id `sundhed` (its file name) beside the real theme.
        fixture.files["sundhed.md"] = "---\nkind: theme\ntitle: [Sundhed\n---\n"
        let (_, diagnostics) = fixture.build()
        #expect(diagnostics.map(\.location.path) == ["sundhed.md"], "\(diagnostics)")
    }

    @Test func aReferenceToAnIdNoFailedFileHasIsStillReported() {
        var fixture = fixture(kost: "---\nkind: tag\nid: kost\ntitle: [Kost\n---\n")
        fixture.files["i2.md"] = "---\nkind: item\ntype: idea\nid: i2\ndocument: d\nsection: s2\ntitle: Anden\nthemes: [sundhed]\ntags: [motion]\n---\nTekst.\n"
        #expect(fixture.errors().contains { $0.location.path == "i2.md" && $0.message == "tag 'motion' does not exist" })
    }

    // MARK: Unused tags

    func warnings(_ fixture: GraphFixture) -> [String] {
        fixture.build().diagnostics.filter { $0.severity == .warning }.map { "\($0.location.path): \($0.message)" }
    }

    var withUnusedTag: GraphFixture {
        var fixture = GraphFixture()
        fixture.files["ubrugt.md"] = "---\nkind: tag\nid: ubrugt\ntitle: Ubrugt\n---\n"
        return fixture
    }

    @Test func aTagUsedOnlyByAFailedItemIsNotCalledUnused() {
        var fixture = withUnusedTag
        #expect(warnings(fixture) == ["ubrugt.md: tag 'ubrugt' is not used by any item"])
        // i1 is the only item with the tag `kost`; its YAML breaks after the tags line.
        fixture.files["i1.md"] = "---\nkind: item\ntype: idea\nid: i1\ndocument: d\nsection: s1\ntags: [kost]\ntitle: \"Første\n---\nTekst.\n"
        #expect(warnings(fixture) == ["ubrugt.md: tag 'ubrugt' is not used by any item"])
        // The same with the tags as a block list, and with a record that fails after parsing.
        fixture.files["i1.md"] = "---\nkind: item\ntype: idea\nid: i1\ndocument: d\ntags:\n  - kost # the tag\ntitle: [Første\n---\nTekst.\n"
        #expect(warnings(fixture) == ["ubrugt.md: tag 'ubrugt' is not used by any item"])
        fixture.files["i1.md"] = "---\nkind: item\ntype: idea\nid: i1\ndocument: d\ntags: [kost]\ntitle: null\n---\nTekst.\n"
        #expect(warnings(fixture) == ["ubrugt.md: tag 'ubrugt' is not used by any item"])
    }

    @Test func whenAFailedItemsTagsCannotBeReadNoTagIsCalledUnused() {
        var fixture = withUnusedTag
        fixture.files["i1.md"] = "---\nkind: item\ntype: idea\nid: i1\ndocument: d\ntags: [kost,\n  ubrugt\ntitle: Første\n---\nTekst.\n"
        #expect(warnings(fixture).isEmpty, "\(warnings(fixture))")
    }

    @Test func aFileOfUnknownKindMayBeAnItemThatUsesItsTags() {
        var fixture = withUnusedTag
        fixture.files["i1.md"] = "---\nkind: itme\ntype: idea\nid: i1\ndocument: d\ntitle: Første\ntags: [kost]\n---\nTekst.\n"
        #expect(warnings(fixture) == ["ubrugt.md: tag 'ubrugt' is not used by any item"])
        // Text without any `tags:` line names no tag: the warning is then true.
        fixture.files["i1.md"] = "Tekst uden front matter.\n"
        #expect(warnings(fixture).contains("tag.md: tag 'kost' is not used by any item"))
    }

    @Test func aTagOfAnItemWhoseDocumentIsUnknownIsStillUsed() {
        var fixture = GraphFixture()
        fixture.files["i1.md"] = "---\nkind: item\ntype: idea\nid: i1\ndocument: findes-ikke\ntitle: Første\ntags: [kost]\n---\nTekst.\n"
        let diagnostics = fixture.build().diagnostics
        #expect(diagnostics.map(\.message) == ["document 'findes-ikke' does not exist"], "\(diagnostics)")
    }

    // MARK: Items without a theme

    func themeWarnings(_ fixture: GraphFixture) -> [String] {
        warnings(fixture).filter { $0.hasSuffix("item has no cross-municipality theme") }
    }

    /// i2 gets its only theme from its own `themes:`; s2 gives none.
    static let i2 = "---\nkind: item\ntype: idea\nid: i2\ndocument: d\nsection: s2\ntitle: Anden idé\n"

    @Test func anItemWithoutAnyThemeIsStillWarnedAbout() {
        var fixture = GraphFixture()
        fixture.files["i2.md"] = Self.i2 + "---\nTekst.\n"
        #expect(themeWarnings(fixture) == ["i2.md: item has no cross-municipality theme"])
    }

    @Test("An item whose theme is missing only because of an error is not also said to have no theme", arguments: [
        ("i2.md", i2 + "themes: [sundhd]\n---\nTekst.\n"), // its own theme is misspelt
        ("t2.md", "---\nkind: theme\nid: sundhed\ntitle: [Sundhed\n---\n"), // its theme's file fails
        ("s2.md", "---\nkind: section\nid: s2\ndocument: d\ntitle: [Andet\n---\n"), // its section fails
        ("s2.md", "---\nkind: section\nid: s2\ndocument: findes-ikke\ntitle: Andet mål\n---\n"), // its section has no document
        ("s2.md", "---\nkind: section\nid: s2\ndocument: d\ntitle: Andet mål\nthemes: [sundhd]\n---\n"), // its section's theme is misspelt
        ("i2.md", "---\nkind: item\ntype: idea\nid: i2\ndocument: d\ntitle: Anden idé\n---\nTekst.\n"), // no section, though the document has sections
        ("i2.md", i2 + "local_themes: [7]\n---\nTekst.\n"), // a local theme the document lacks
    ])
    func noThemeThatFollowsFromAnError(file: String, text: String) {
        var fixture = GraphFixture()
        fixture.files["i2.md"] = Self.i2 + "themes: [sundhed]\n---\nTekst.\n"
        fixture.files["s1.md"] = fixture.files["s1.md"]?.replacingOccurrences(of: "themes: [sundhed]\n", with: "")
        fixture.files[file] = text
        let diagnostics = fixture.build().diagnostics
        #expect(diagnostics.contains { $0.severity == .error }, "the case must have an error")
        #expect(themeWarnings(fixture).isEmpty, "\(diagnostics)")
    }

    // MARK: Addresses

    @Test func documentsWhoseMunicipalityFailsDoNotCollideWhereTheyCannotBe() {
        var fixture = GraphFixture()
        fixture.files["m.md"] = "---\nkind: municipality\nid: m\ntitle: [Eksempel\n---\n"
        fixture.files["m2.md"] = "---\nkind: municipality\nid: m2\ntitle: Anden Kommune\n---\n"
        // Two plans with one title in two municipalities, and a page with that address at the root.
        fixture.files["p.md"] = "---\nkind: document\nid: p\nmunicipality: m2\ntitle: Plan 2020\ndocument_type: politik\n---\n"
        fixture.files["om.md"] = "---\nkind: page\nid: om\ntitle: Plan 2020\n---\nTekst.\n"
        fixture.files["site.yaml"] = "title: Portal\n"
        let diagnostics = fixture.build().diagnostics
        #expect(diagnostics.filter { $0.severity == .error }.map(\.location.path) == ["m.md"], "\(diagnostics)")
    }

    // MARK: Files that cannot be read as text

    @Test("A reference to a file that cannot be read as text is not reported as missing", arguments: [
        "utf-16", "nul", "latin-1", "empty",
    ])
    func unreadableFilesAreKnownByWhatCanBeRead(encoding: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("follow-on-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in GraphFixture().files where name != "tag.md" {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let tag = "---\nkind: tag\nid: kost\ntitle: Kost og m\u{E5}ltider\n---\n"
        let bytes: [UInt8] = switch encoding {
        case "utf-16": [0xFF, 0xFE] + Array(tag.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "nul": Array(tag.utf8) + [0]
        case "latin-1": tag.unicodeScalars.map { UInt8($0.value) }
        default: []
        }
        // Under another name, so that only what the file says can tell its id.
        try Data(bytes).write(to: folder.appendingPathComponent(encoding == "empty" ? "kost.md" : "emne.md"))
        var content = ContentLoader().load(from: folder, displayPrefix: "content")
        content.site = SiteConfig.parse(SourceFile(path: "site.yaml", text: GraphFixture().files["site.yaml"] ?? "")).0
        let diagnostics = content.diagnostics + SiteGraphBuilder().build(content).diagnostics
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.location.path.hasSuffix(encoding == "empty" ? "kost.md" : "emne.md") == true)
    }
}
