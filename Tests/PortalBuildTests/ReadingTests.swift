import Foundation
import PortalBuild
import PortalGraph
import PortalTestSupport
import Testing

/// Long pages are navigable and empty source fields brief, in the real site as built
/// (issue 11): what can be checked in the HTML is checked here; where the heading stands
/// on a phone is measured in Chromium by scripts/heading_check.py.
@Suite("The real site reads well: contents lists, unique anchors, brief gaps, one page per ambition")
struct ReadingTests {
    var site: BuiltSite {
        get async throws { try await RealSite.shared.build().site }
    }

    var graph: SiteGraph {
        get async throws { try await RealSite.shared.build().report.graph }
    }

    static let rudersdal = "kommuner/rudersdal/virksomhedsplan-2019/index.html"
    static let ambition = "kommuner/hilleroed/udviklingsplan-2019-2021/indsats-ambition-1/index.html"

    /// The ids the page's "Indhold på siden" links to, in order; nil without the list.
    func contentsTargets(_ page: HTMLPage) -> [String]? {
        guard let list = page.matches(#"<nav class="contents-list"[^>]*>(.*?)</nav>"#).first else { return nil }
        return HTMLPage(path: page.path, html: list).matches(##"href="#([^"]+)""##)
    }

    @Test func everyDocumentPageStartsWithAContentsListWhoseLinksAllLand() async throws {
        let site = try await site
        for document in try await graph.documents {
            let page = try #require(site.page(document.path + "index.html"))
            let targets = try #require(contentsTargets(page), "\(document.path) has no contents list")
            #expect(targets.count >= 2)
            for target in targets { #expect(page.ids.contains(target), "\(document.path): #\(target) is not on the page") }
            #expect(page.html.contains("Til toppen"))
            // The list comes right below the heading, before the parts it lists.
            let list = try #require(page.html.range(of: "class=\"contents-list\""))
            let h1 = try #require(page.html.range(of: "<h1>"))
            #expect(h1.upperBound < list.lowerBound)
        }
    }

    @Test func theDocumentsOwnIntroductionComesBeforeItsSections() async throws {
        let page = try #require(try await site.page(Self.rudersdal))
        let targets = try #require(contentsTargets(page))
        #expect(targets.first == "tekst-heading")
        let text = try #require(page.html.range(of: "id=\"tekst-heading\""))
        let firstSection = try #require(page.html.range(of: "id=\"afsnit-1\""))
        #expect(text.upperBound < firstSection.lowerBound)
    }

    @Test func aShortPageHasNeitherAContentsListNorToTopLinks() async throws {
        let page = try #require(try await site.page("kommuner/rudersdal/virksomhedsplan-2019/datadrevet-ledelse/index.html"))
        #expect(contentsTargets(page) == nil)
        #expect(!page.html.contains("Til toppen"))
    }

    @Test func everyPageHasUniqueIdsAndEveryJumpLinkLands() async throws {
        let site = try await site
        for path in site.pagePaths {
            let page = try #require(site.page(path))
            let ids = page.matches(#"\sid="([^"]*)""#)
            #expect(ids.count == Set(ids).count, "\(path) repeats an id: \(Dictionary(grouping: ids) { $0 }.filter { $1.count > 1 }.keys.sorted())")
            for target in page.matches(##"href="#([^"]+)""##) {
                #expect(page.ids.contains(target), "\(path): #\(target) is not on the page")
            }
        }
    }

    @Test func aBlankEvaluationFormIsOneLineWithItsQuestionsFolded() async throws {
        let site = try await site
        let page = try #require(site.page(Self.ambition))
        #expect(page.text.contains("Evalueringsskemaet (11 felter) er ikke udfyldt i kilden"))
        #expect(page.html.contains("<details class=\"form-questions\">"))
        #expect(page.text.contains("Hvad er den vigtigste effekt, indsatsen har skabt for borgerne?"), "the questions are kept")
        #expect(!page.html.contains(">Ikke udfyldt</dd>"), "no row per empty field")
        // The count is the form's own: the plan's other form has two fields.
        let other = try #require(site.page("kommuner/hilleroed/udviklingsplan-2019-2021/indsats-handleplan-for-sundhed-og-forebyggelse/index.html"))
        #expect(other.text.contains("Evalueringsskemaet (2 felter) er ikke udfyldt i kilden"))
    }

    @Test func eachHilleroedAmbitionIsOnePage() async throws {
        let graph = try await graph
        let site = try await site
        let ambitions = graph.sections.filter { $0.documentID == "hilleroed-udviklingsplan-2019-2021" }
        #expect(ambitions.count == 6)
        for section in ambitions {
            let itemID = try #require(section.shownByItemID, "\(section.title) keeps a page of its own")
            let item = try #require(graph.item(itemID))
            #expect(section.path == item.path)
            let page = try #require(site.page(item.path + "index.html"))
            let crumbs = page.matches(#"<nav class="breadcrumbs[^"]*"[^>]*>(.*?)</nav>"#).first.map {
                HTMLPage(path: page.path, html: $0).matches(#"<li>(.*?)</li>"#).map { HTMLPage(path: "", html: $0).text.trimmingCharacters(in: .whitespaces) }
            } ?? []
            #expect(crumbs.filter { $0 == section.title }.count == 1, "\(item.path): \(crumbs)")
        }
        // Lists of items do not name the section an item stands for: it is the item's own title.
        let theme = try #require(site.page("temaer/sammenhaeng/index.html"))
        let ambitionTitle = "Alle skal opleve at kunne være aktør i eget liv og bidrage med de ressourcer og potentialer, den enkelte har"
        #expect(theme.text.contains(ambitionTitle))
        #expect(!theme.text.contains("2019-2021 · " + ambitionTitle))
        // The policy's ambitions link to the plan's one page per ambition.
        let policy = try #require(site.page("kommuner/hilleroed/en-del-af-faellesskabet/alle-skal-have-mulighed-for-at-deltage-i-positive/index.html"))
        #expect(policy.links.contains("../../../../kommuner/hilleroed/udviklingsplan-2019-2021/indsats-ambition-1/index.html"))
        let ambition = try #require(site.page(Self.ambition))
        #expect(ambition.html.contains("<p class=\"kicker\">Ambition ·"))
        #expect(ambition.links.contains("../../../../kommuner/hilleroed/en-del-af-faellesskabet/alle-skal-have-mulighed-for-at-deltage-i-positive/index.html"),
                "the ambition page says which policy ambition it carries out")
    }

    @Test func aNumberedActivityIsTextNotAListInAList() async throws {
        let site = try await site
        let page = try #require(site.page("kommuner/slagelse/opfoelgning-udviklingsaftalen-2014/klog-sund-vaekst/index.html"))
        #expect(page.html.contains("<li>1) Lederforum udarbejder"))
        for path in site.pagePaths {
            #expect(try #require(site.page(path)).matches(#"<li><ol>|<li><ul>"#, group: 0).isEmpty, "\(path) nests a list at the start of a list entry")
        }
    }

    @Test func rudersdalsAppendicesStandUnderTheSourcesOwnHeading() async throws {
        let page = try #require(try await site.page(Self.rudersdal))
        #expect(page.html.contains("<h2 id=\"bilag-heading\">Om Center for Sociale Indsatser</h2>"))
        let heading = try #require(page.html.range(of: "Om Center for Sociale Indsatser</h2>"))
        let first = try #require(page.html.range(of: ">Opgaven</h3>"))
        #expect(heading.upperBound < first.lowerBound)
    }

    @Test func contextIsShownOnceOnAnItemPage() async throws {
        let page = try #require(try await site.page("kommuner/rudersdal/virksomhedsplan-2019/handileg/index.html"))
        // The kicker names the document and the municipality; the summary list no longer repeats them.
        #expect(page.matches(#"<dt>(Kommune|Dokument)</dt>"#, group: 0).isEmpty)
        #expect(page.html.contains("<p class=\"kicker\">Indsats 5 · <a"))
    }
}
