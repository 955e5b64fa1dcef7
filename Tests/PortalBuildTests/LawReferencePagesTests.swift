import Foundation
import PortalBuild
import PortalContent
import PortalCore
import PortalGraph
import PortalTestSupport
import Testing

/// The § index as a reader meets it: the index with its counts, a page per paragraph
/// with every citing place and its sentence, and the references in text as links there.
@Suite("The § index: its pages, and references in text linked to them")
struct LawReferencePagesTests {
    var real: (report: BuildReport, site: BuiltSite) {
        get async throws { try await RealSite.shared.build() }
    }

    // MARK: The real content

    @Test func theIndexCountsEveryCitedParagraphPerMunicipality() async throws {
        let (report, site) = try await real
        let index = try #require(site.page("lovhenvisninger/index.html"))
        let rows = index.tableRows(caption: "Steder i teksterne, der henviser til en paragraf i serviceloven, pr. paragraf og kommune")
        #expect(rows.first == ["Paragraf", "Hillerød", "Rudersdal", "Slagelse", "Kalundborg", "I alt"])
        #expect(Array(rows.dropFirst()) == [
            ["§ 82", "0", "4", "0", "0", "4"],
            ["§ 82a", "0", "4", "0", "0", "4"],
            ["§ 82b", "0", "4", "0", "0", "4"],
            ["§ 85", "0", "1", "0", "4", "5"],
            ["§ 103", "1", "2", "0", "3", "6"],
            ["§ 104", "1", "0", "0", "3", "4"],
            ["§ 141", "0", "0", "0", "1", "1"],
        ])
        #expect(report.graph.lawParagraphs.map(\.description) == ["82", "82a", "82b", "85", "103", "104", "141"])
        #expect(index.html.contains("<th scope=\"row\"><a href=\"../lovhenvisninger/85/index.html\">§ 85</a></th>"))
        #expect(index.html.contains("href=\"../lovhenvisninger/85/index.html#kalundborg\" aria-label=\"4 steder i Kalundborg henviser til § 85\""))
        #expect(index.html.contains("aria-label=\"1 sted i Kalundborg henviser til § 141\""))
    }

    @Test func aParagraphPageListsEachPlaceByMunicipalityAndDocumentWithItsSentence() async throws {
        let (_, site) = try await real
        let page = try #require(site.page("lovhenvisninger/104/index.html"))
        #expect(page.matches(#"<h1>([^<]*)</h1>"#) == ["Servicelovens § 104"])
        #expect(page.matches(#"<h3 id="[^"]*-heading"><a [^>]*>([^<]*)</a>"#) == ["Hillerød Kommune", "Kalundborg Kommune"])
        #expect(page.matches(#"<h4><a [^>]*>([^<]*)</a></h4>"#) == ["Udviklingsplan 2019-2021", "Idekatalog forebyggende indsatser (H24)"])
        #expect(page.html.contains("i en gråzone mellem <mark>§104</mark> og §103 eller i flow fra §103 til skånejob."))
        #expect(page.html.contains("Optimere <mark>§§ 103/104</mark> så de bliver synlige i civilsamfundet"))
        #expect(page.html.contains("Optimere <mark>§ 103/104</mark> så de bliver synlige i civilsamfundet"))
        #expect(page.text.contains("Portalens kilder siger ikke, hvad paragraffen handler om."))
        let both = try #require(site.page("lovhenvisninger/103/index.html"))
        #expect(both.html.contains("<mark>§104</mark> og <mark>§103</mark> eller i flow fra <mark>§103</mark>") == false)
        #expect(both.html.contains("mellem §104 og <mark>§103</mark> eller i flow fra <mark>§103</mark> til skånejob."))
        // Each place links to its entity, at its anchor where it has one.
        for link in page.links where link.contains("kommuner/") {
            #expect(site.resolve(link, from: "lovhenvisninger/104/index.html").map { FileManager.default.fileExists(atPath: site.root.appendingPathComponent($0.path).path) } == true)
        }
    }

    @Test func whatTheSourcesSayAboutAParagraphIsShownOnItsPage() async throws {
        let (_, site) = try await real
        let page = try #require(site.page("lovhenvisninger/103/index.html"))
        #expect(page.html.contains("<p class=\"lead\">Beskyttet beskæftigelse</p>"))
        #expect(page.text.contains("»… vi udvikler vores tilbud inden for §103 beskyttet beskæftigelse/ støttede jobs …«"))
        // The page's own paragraph is not a link to itself.
        #expect(!page.links.contains { $0.hasSuffix("103/index.html") })
        #expect(try #require(site.page("lovhenvisninger/141/index.html")).html.contains("<p class=\"lead\">Handleplan</p>"))
    }

    @Test func referencesInTextLinkToTheirParagraphsPages() async throws {
        let (report, site) = try await real
        let graph = report.graph
        let rudersdal3 = try #require(graph.item("rudersdal-indsats-03"))
        let item = try #require(site.page(rudersdal3.path + "index.html"))
        #expect(item.html.contains("<li>At <a href=\"../../../../lovhenvisninger/82a/index.html\">§82a</a> og <a href=\"../../../../lovhenvisninger/82b/index.html\">§82b</a> indsatserne"))
        // The title is the page's heading and a link's text elsewhere: never linked.
        #expect(item.html.contains("<h1>Implementering af kvalitetsstandarder for § 82 indsatser i Social og Sundhed</h1>"))
        let idea5 = try #require(graph.item("kalundborg-ide-05"))
        let idea = try #require(site.page(idea5.path + "index.html"))
        #expect(idea.html.contains("<dd>Optimere <a href=\"../../../../lovhenvisninger/103/index.html\">§ 103</a>/<a href=\"../../../../lovhenvisninger/104/index.html\">104</a> så de"))
        let catalogue = try #require(graph.document("kalundborg-idekatalog-h24"))
        let document = try #require(site.page(catalogue.path + "index.html"))
        #expect(document.html.contains("<th scope=\"row\">Øget anvendelse af <a href=\"../../../lovhenvisninger/141/index.html\">Servicelovens § 141</a> handleplan</th>"))
        #expect(document.html.contains("<a href=\"../../../lovhenvisninger/103/index.html\">§§103</a> og <a href=\"../../../lovhenvisninger/104/index.html\">104</a> aktivitet"))
    }

    @Test func everyPageLinksTheIndexFromItsMenuAndTheHomePageHasAShortcut() async throws {
        let (_, site) = try await real
        for path in site.pagePaths {
            let page = try #require(site.page(path))
            let menu = page.matches(#"<nav class="main-nav"[^>]*>(.*?)</nav>"#).first ?? ""
            #expect(menu.contains(">Lovhenvisninger</a>"), "\(path)")
        }
        let home = try #require(site.page("index.html"))
        #expect(home.html.contains("<li><a href=\"lovhenvisninger/index.html\">Henvisninger til serviceloven</a></li>"))
        let index = try #require(site.page("lovhenvisninger/index.html"))
        #expect(index.html.contains("<a href=\"../lovhenvisninger/index.html\" aria-current=\"page\">Lovhenvisninger</a>"))
    }

    @Test func theOpenDataHoldTheReferences() async throws {
        let (_, site) = try await real
        let data = try Data(contentsOf: site.root.appendingPathComponent("data/portal.json"))
        let export = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entities = try #require(export["entities"] as? [[String: Any]])
        func entity(_ id: String) -> [String: Any]? { entities.first { $0["id"] as? String == id } }
        #expect(entity("rudersdal-indsats-03")?["lawReferences"] as? [String] == ["82", "82a", "82b", "85"])
        #expect(entity("kalundborg-ide-05")?["lawReferences"] as? [String] == ["103", "104"])
        // A document's own text only: the sections cite the rest.
        #expect(entity("kalundborg-idekatalog-h24")?["lawReferences"] as? [String] == ["141"])
        #expect(entity("kalundborg-hovedindsats-3")?["lawReferences"] as? [String] == ["85", "103", "104"])
        #expect(entity("slagelse-opfoelgning-udviklingsaftalen-2014")?["lawReferences"] as? [String] == [])
        #expect(entities.allSatisfy { $0["lawReferences"] is [String] })
        let text = try #require(entity("serviceloven-103"))
        #expect(text["kind"] as? String == "law-paragraph")
        #expect(text["paragraph"] as? String == "103")
        #expect(text["url"] as? String == "lovhenvisninger/103/index.html")
        let csv = try String(contentsOf: site.root.appendingPathComponent("data/portal.csv"), encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first?.contains(";Lovhenvisninger (serviceloven);") == true)
        #expect(lines.contains { $0.hasPrefix("rudersdal-indsats-03;") && $0.contains(";§ 82 | § 82a | § 82b | § 85;") })
    }

    // MARK: Made-up content

    /// Builds the minimal fixture with `files` added (paths below content/), into memory.
    func build(_ files: [String: String], drafts: Bool = false) async throws -> (site: Site, files: [String: String]) {
        try await Repository.withTemporaryDirectory { folder in
            let content = folder.appendingPathComponent("content")
            try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("minimal"), to: content)
            try writeContent(files, to: content)
            var sources = SiteSources(contentDirectory: content, themeDirectory: Repository.theme, contentDisplay: "content")
            sources.includeDrafts = drafts
            let site = await Site.load(sources)
            let memory = MemoryFolder()
            _ = site.renderAll(emit: memory.write)
            return (site, memory.files.mapValues { String(decoding: $0, as: UTF8.self) })
        }
    }

    @Test func markupNearAReferenceStaysText() async throws {
        let item = """
        ---
        kind: item
        type: initiative
        id: eksempel-indsats-07
        document: eksempel-handleplan-2024
        section: eksempel-maal-1
        number: "7"
        title: "Eksempel <script>alert(1)</script> efter § 85"
        goals:
          - "Eksempel: § 85 & \\"citat\\" <b onclick=x>fed</b> og [link](javascript:alert(2))"
        ---
        Eksempeltekst efter § 85 med <img src=x onerror=alert(3)>.
        """
        let (site, files) = try await build(["kommuner/eksempel/handleplan-2024/indsatser/eksempel-indsats-07.md": item])
        #expect(site.isBuildable, "\(site.diagnostics)")
        let page = try #require(files["lovhenvisninger/85/index.html"])
        #expect(!page.contains("<script"))
        #expect(!page.contains("onclick"))
        #expect(!page.contains("onerror"))
        #expect(!page.contains("javascript:"))
        #expect(page.contains("Eksempel &lt;script&gt;alert(1)&lt;/script&gt; efter <mark>§ 85</mark>"))
        let itemPath = try #require(site.graph?.item("eksempel-indsats-07")?.path)
        let itemPage = try #require(files[itemPath + "index.html"])
        #expect(!itemPage.contains("<script"))
        #expect(itemPage.contains("<li>Eksempel: <a href=\"../../../../lovhenvisninger/85/index.html\">§ 85</a> &amp; &quot;citat&quot;"))
    }

    @Test func aDraftTextAboutAParagraphIsShownOnlyByThePreviewMarkedAsADraft() async throws {
        let text = ["lovhenvisninger/eksempel-85.md": "---\nkind: law-paragraph\nid: eksempel-85\nparagraph: \"85\"\ntitle: Eksempeltitel\ndraft: true\n---\nEksempeltekst.\n"]
        let (_, built) = try await build(text)
        let page = try #require(built["lovhenvisninger/85/index.html"])
        #expect(!page.contains("Eksempeltitel"))
        #expect(page.contains("Portalens kilder siger ikke, hvad paragraffen handler om."))
        let (_, preview) = try await build(text, drafts: true)
        let shown = try #require(preview["lovhenvisninger/85/index.html"])
        #expect(shown.contains("<p class=\"lead\">Eksempeltitel</p>"))
        #expect(shown.contains("class=\"draft-notice\""))
    }

    @Test func placesOutsideAnyMunicipalityHaveTheirOwnColumnAndPart() async throws {
        let (site, files) = try await build(["sider/om-portalen.md": "---\nkind: page\nid: om-portalen\ntitle: Om portalen\n---\nEksempeltekst om § 85.\n"])
        #expect(site.isBuildable, "\(site.diagnostics)")
        let index = HTMLPage(path: "lovhenvisninger/index.html", html: try #require(files["lovhenvisninger/index.html"]))
        let rows = index.tableRows(caption: "Steder i teksterne, der henviser til en paragraf i serviceloven, pr. paragraf og kommune")
        #expect(rows == [["Paragraf", "Eksempel", "Øvrige sider", "I alt"], ["§ 85", "1", "1", "2"]])
        #expect(index.links.contains("../lovhenvisninger/85/index.html#oevrige-steder"))
        let page = HTMLPage(path: "lovhenvisninger/85/index.html", html: try #require(files["lovhenvisninger/85/index.html"]))
        #expect(page.ids.contains("oevrige-steder"))
        #expect(page.html.contains("<a href=\"../../om-portalen/index.html\">Om portalen</a>"))
    }

    @Test func aSiteWithoutReferencesSaysSo() async throws {
        let (site, files) = try await build([
            "kommuner/eksempel/handleplan-2024/indsatser/eksempel-indsats-02.md": try String(
                contentsOf: Repository.fixtures.appendingPathComponent("minimal/kommuner/eksempel/handleplan-2024/indsatser/eksempel-indsats-02.md"),
                encoding: .utf8).replacingOccurrences(of: " Eksempelindsatsen hører under servicelovens § 85.", with: ""),
        ])
        #expect(site.isBuildable)
        #expect(files["lovhenvisninger/index.html"]?.contains("Portalens tekster henviser ikke til serviceloven.") == true)
        #expect(!files.keys.contains { $0.hasPrefix("lovhenvisninger/") && $0 != "lovhenvisninger/index.html" })
    }

    @Test func aMunicipalityMayNotTakeTheIdOfThePlacesOutsideMunicipalities() async throws {
        let (site, _) = try await build(["kommuner/eksempel/kommune.md": """
            ---
            kind: municipality
            id: eksempel
            title: Eksempelkommune
            short_title: Eksempel
            slug: oevrige-steder
            ---
            """])
        let errors = site.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains("gets the element id 'oevrige-steder' on the pages of the § index") }, "\(errors)")
    }

    @Test func theIndexPathIsAPathLikeTheOthers() async throws {
        let (clash, _) = try await build(["site.yaml": try String(contentsOf: Repository.fixtures.appendingPathComponent("minimal/site.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "law_references: lovhenvisninger", with: "law_references: tags")])
        #expect(clash.diagnostics.contains { $0.severity == .error && $0.message == "the path 'tags' is already used for the tags listing ('tags:' at line 13)" },
                "\(clash.diagnostics)")
        let (page, _) = try await build(["sider/lov.md": "---\nkind: page\nid: lov\ntitle: Lovhenvisninger\n---\nEksempeltekst.\n"])
        #expect(page.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("the address 'lovhenvisninger/' is reserved for the index of references to Serviceloven") },
                "\(page.diagnostics)")
    }
}
