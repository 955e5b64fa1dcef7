import PortalContent
import PortalCore
import PortalGraph
import Testing

@Suite("The folders named in site.yaml's paths never share an address, with each other or with a page")
struct SitePathsTests {
    func errors(paths: String, pages: [String: String] = [:]) -> [Diagnostic] {
        var fixture = GraphFixture()
        fixture.files["site.yaml"] = "title: Portal\nfooter_pages: [om]\npaths:\n" + paths
        fixture.files.merge(pages) { _, new in new }
        return fixture.errors()
    }

    @Test func aPathLeftOutKeepsItsDefault() throws {
        var fixture = GraphFixture()
        fixture.files["site.yaml"] = "title: Portal\nfooter_pages: [om]\npaths:\n  themes: temaer\n"
        let site = try #require(fixture.build().graph)
        #expect(site.site.paths.municipalities == "municipalities")
        #expect(site.site.paths.themes == "temaer")
    }

    @Test func twoEqualPathsAreOneErrorAtTheLaterOne() {
        let errors = errors(paths: "  tags: emner\n  themes: emner\n")
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(path: "site.yaml", line: 5, column: 11))
        #expect(errors.first?.message.contains("already used for the tags listing ('tags:' at line 4)") == true)
    }

    @Test func aPathEqualToAnotherPathsDefaultIsAnError() {
        let errors = errors(paths: "  municipalities: themes\n")
        #expect(errors.map(\.location) == [SourceLocation(path: "site.yaml", line: 4, column: 19)])
        #expect(errors.first?.message.contains("default address of the themes listing") == true)
    }

    @Test("An empty path is an error, whether left blank, '' or ~",
          arguments: [("  data:\n", 4, 3), ("  data: ''\n", 4, 9), ("  data: ~\n", 4, 3)])
    func anEmptyPathIsAnError(_ written: String, _ line: Int, _ column: Int) {
        let errors = errors(paths: written)
        #expect(errors.map(\.location) == [SourceLocation(path: "site.yaml", line: line, column: column)])
        #expect(errors.first?.message == "the path for the data files is empty")
    }

    @Test func pathsWithoutAValueIsAnError() {
        var fixture = GraphFixture()
        fixture.files["site.yaml"] = "title: Portal\nfooter_pages: [om]\npaths:\n"
        #expect(fixture.errors().map(\.message) == ["'paths:' has no value"])
    }

    @Test func aPathIsOneAddressSegment() {
        let errors = errors(paths: "  data: data/filer\n")
        #expect(errors.map(\.location) == [SourceLocation(path: "site.yaml", line: 4, column: 9)])
    }

    @Test func aPageAtAPathsAddressIsOneErrorAtThePageNamingTheSetting() {
        let errors = errors(paths: "  municipalities: kommuner\n  data: om-portalen\n")
        #expect(errors.count == 1)
        #expect(errors.first?.location.path == "om.md")
        #expect(errors.first?.message.contains("reserved for the data files ('data: om-portalen' in site.yaml:5:9)") == true)
    }

    @Test func aPageAtADefaultPathsAddressIsAnError() {
        let errors = errors(paths: "  themes: temaer\n", pages: ["data.md": "---\nkind: page\nid: data-side\ntitle: Data\n---\n"])
        #expect(errors.map(\.location.path) == ["data.md"])
        #expect(errors.first?.message == "the address 'data/' is reserved for the data files")
    }

    @Test func withBrokenSettingsPagesAreNotCheckedAgainstDefaultsTheSiteDoesNotUse() {
        // The settings error is the only one: the page "Themes" would only collide with the
        // English default, which the site's own (broken) settings do not use.
        let errors = errors(paths: "  themes: temaer\n  tags: temaer\n",
                            pages: ["themes.md": "---\nkind: page\nid: themes-side\ntitle: Themes\n---\n"])
        #expect(errors.map(\.location.path) == ["site.yaml"])
    }
}
