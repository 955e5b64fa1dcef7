import Foundation
import PortalContent
import PortalCore
import PortalGraph
@testable import PortalRender
import PortalTestSupport
import Testing

@Suite("Ids made from content never take an element id the theme's templates use on the same page")
struct ElementIDTests {
    static let site = "title: Portal\npaths:\n  municipalities: kommuner\n  themes: temaer\n"
    static let files: [String: String] = [
        "m.md": "---\nkind: municipality\nid: m\ntitle: Eksempel Kommune\nslug: eksempel\n---\n",
        "d.md": "---\nkind: document\nid: d\nmunicipality: m\ntitle: Plan 2020\ndocument_type: udviklingsplan\nlocal_themes:\n  - number: 1\n    title: Netværk\n---\n",
        "i.md": "---\nkind: item\ntype: idea\nid: i\ndocument: d\ntitle: Idé\nthemes: [t]\n---\nTekst.\n",
        "t.md": "---\nkind: theme\nid: t\ntitle: Sundhed\n---\n",
    ]

    /// The problems `check` finds for the files above changed by `changes`, with the
    /// default theme changed by `themeChanges`.
    func problems(_ changes: [String: String], themeChanges: [String: String] = [:]) async throws -> [Diagnostic] {
        let content = ContentLoader().load(Self.files.merging(changes) { _, new in new }.sorted { $0.key < $1.key }
            .map { SourceFile(path: $0.key, text: $0.value) })
        var loaded = content
        loaded.site = SiteConfig.parse(SourceFile(path: "site.yaml", text: Self.site)).0
        let (graph, diagnostics) = SiteGraphBuilder().build(loaded)
        let site = try #require(graph, "\(content.diagnostics + diagnostics)")
        return try await Repository.withTemporaryDirectory { folder in
            let themeFolder = folder.appendingPathComponent("theme")
            try FileManager.default.copyItem(at: Repository.theme, to: themeFolder)
            try writeContent(themeChanges, to: themeFolder)
            let (theme, themeDiagnostics) = await ThemeLoader().load(from: themeFolder, displayPrefix: "theme")
            return SiteRenderer(theme: try #require(theme, "\(themeDiagnostics)")).check(site)
        }
    }

    @Test func theTemplatesIdsAreReadWithTheirPlaces() {
        let ids = ElementIDs.scan("""
        <main id="indhold">
          <section id="{{anchor}}" aria-labelledby="{{anchor}}-heading"><h2 id='{{{anchor}}}-heading'>x</h2></section>
        <p data-id="ikke-et-id" id="{{a}}-{{b}}">
        """, display: "t.mustache")
        #expect(ids.map { [$0.prefix, $0.value ?? "-", $0.suffix] } == [["indhold", "-", ""], ["", "anchor", ""], ["", "anchor", "-heading"]])
        #expect(ids.map(\.location) == [
            SourceLocation(path: "t.mustache", line: 1, column: 7), SourceLocation(path: "t.mustache", line: 2, column: 12),
            SourceLocation(path: "t.mustache", line: 2, column: 69),
        ])
    }

    @Test func thePagesIdsIncludeThoseOfItsParentAndPartials() async throws {
        let (theme, _) = await ThemeLoader().load(from: Repository.theme, displayPrefix: "theme")
        let page = try #require(theme).elementIDs.page(["theme"])
        #expect(page.fixed["indhold"]?.path == "theme/templates/base.mustache")
        #expect(page.fixed["bilag-heading"] == nil)
        #expect(page.ids(madeFrom: "x", named: "anchor") == ["x", "x-heading"])
    }

    @Test func theDefaultContentHasNoClash() async throws {
        #expect(try await problems([:]).isEmpty)
    }

    @Test func aMunicipalitySlugThatIsTheSkipLinksTargetIsAnErrorAtTheSlug() async throws {
        let problems = try await problems(["m.md": "---\nkind: municipality\nid: m\ntitle: Eksempel Kommune\nslug: indhold\n---\n"])
        #expect(problems.map(\.location) == [SourceLocation(path: "m.md", line: 5, column: 7)])
        #expect(problems.first?.message == "municipality 'Eksempel Kommune' gets the element id 'indhold' on theme and tag pages, which the theme already uses (theme/templates/base.mustache:19)")
    }

    @Test func anIdOnlyOnAnotherKindOfPageIsNoClash() async throws {
        // 'tekst-heading' is on document pages, not on theme pages: a municipality 'Tekst' is fine.
        #expect(try await problems(["m.md": "---\nkind: municipality\nid: m\ntitle: Tekst\n---\n"]).isEmpty)
    }

    @Test func theReservedIdsAreTheThemesOwn() async throws {
        // A theme whose main element is not called 'indhold' leaves that slug free.
        let base = try String(contentsOf: Repository.theme.appendingPathComponent("templates/base.mustache"), encoding: .utf8)
            .replacingOccurrences(of: "indhold", with: "hovedindhold")
        let problems = try await problems(["m.md": "---\nkind: municipality\nid: m\ntitle: Indhold\n---\n"],
                                          themeChanges: ["templates/base.mustache": base])
        #expect(problems.isEmpty)
    }

    @Test func twoAppendicesWhoseIdsMeetAreAnErrorAtTheLaterOne() async throws {
        let problems = try await problems([
            "a1.md": "---\nkind: appendix\nid: a1\ndocument: d\ntitle: Vision\norder: 1\n---\n",
            "a2.md": "---\nkind: appendix\nid: a2\ndocument: d\ntitle: Vision heading\norder: 2\n---\n",
        ])
        #expect(problems.map(\.location) == [SourceLocation(path: "a2.md", line: 5, column: 8)])
        #expect(problems.first?.message.contains("'bilag-vision-heading'") == true)
        #expect(problems.first?.message.contains("which appendix 'Vision' gets too") == true)
    }

    @Test func aThemeIdOfTheFormTheGeneratorGivesLocalThemesIsAnErrorInTheTheme() async throws {
        let document = try String(contentsOf: Repository.theme.appendingPathComponent("templates/document.mustache"), encoding: .utf8)
            .replacingOccurrences(of: "<h2 id=\"tekst-heading\">", with: "<h2 id=\"lokalt-tema-1\">")
        let problems = try await problems([:], themeChanges: ["templates/document.mustache": document])
        #expect(problems.map(\.location.path) == ["theme/templates/document.mustache"])
        #expect(problems.first?.message == "the theme's element id 'lokalt-tema-1' is also the id the generator gives local theme 1 on the page of document 'Plan 2020'")
    }
}
