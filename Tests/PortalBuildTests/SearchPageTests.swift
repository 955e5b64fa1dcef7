import Foundation
import PortalBuild
import PortalTestSupport
import Testing

/// The search page and its index as a build writes them; scripts/search_check.py runs
/// real queries against them in Chromium.
@Suite("The search page: a form that works without the script, and the index beside it")
struct SearchPageTests {
    func build(_ body: (BuiltSite) throws -> Void) async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            _ = try await SiteBuilder().build(BuildOptions(
                contentDirectory: Repository.fixtures.appendingPathComponent("minimal"),
                themeDirectory: Repository.theme, outputDirectory: output))
            try body(BuiltSite(root: output))
        }
    }

    @Test func thePageIsAtItsPathWithAFormTheScriptAndTheWayToItsIndex() async throws {
        try await build { site in
            let page = try #require(site.page("soeg/index.html"))
            #expect(page.h1Count == 1)
            #expect(page.html.contains("<form class=\"search-form\" role=\"search\" action=\"index.html\">"))
            #expect(page.html.contains("<label for=\"soeg-ord\">"))
            #expect(page.html.contains("name=\"q\""))
            #expect(page.html.contains("<script src=\"../assets/search.js\" defer></script>"))
            #expect(page.html.contains("data-index=\"index/\" data-root=\"../\""))
            #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("assets/search.js").path))
            #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("soeg/index/manifest.js").path))
        }
    }

    @Test func withoutTheScriptThePageSaysSoAndLinksToTheIndexPages() async throws {
        try await build { site in
            let page = try #require(site.page("soeg/index.html"))
            // Shown by the server, hidden by the script: no <noscript> needed.
            let message = try #require(page.matches(#"<div class="search-nojs notice" data-search-nojs>(.*?)</div>"#).first)
            #expect(message.contains("JavaScript"))
            #expect(message.contains("href=\"../temaer/index.html\"") && message.contains("href=\"../tags/index.html\""))
            #expect(page.html.contains("data-search-body hidden"))
        }
    }

    @Test func theScriptGetsEveryWordItShowsFromTheThemesStrings() async throws {
        try await build { site in
            let page = try #require(site.page("soeg/index.html"))
            let attribute = try #require(page.matches(#"data-strings="([^"]*)""#).first)
            let json = attribute.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            let strings = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let facets = try #require(strings["facets"] as? [String: [String: String]])
            #expect(facets["municipality"]?["parameter"] == "kommune")
            #expect(facets["status"]?["label"] == "Status")
            let count = try #require(strings["count"] as? [String: String])
            #expect(count["many"] == "{count} resultater")
        }
    }

    @Test func everyOtherPageSendsItsHeaderSearchToTheSearchPage() async throws {
        try await build { site in
            for path in site.pagePaths where path != "soeg/index.html" {
                let page = try #require(site.page(path))
                let depth = path.split(separator: "/").count - 1
                let action = String(repeating: "../", count: depth) + "soeg/index.html"
                #expect(page.html.contains("<form class=\"header-search\" role=\"search\" action=\"\(action)\">"), "\(path)")
                #expect(page.html.contains("<label class=\"visually-hidden\" for=\"sidehoved-soeg\">Søg i portalen</label>"), "\(path)")
            }
        }
    }

    @Test func theIndexHoldsAResultForEveryPage() async throws {
        try await build { site in
            // Listings, and the pages that gather what other pages say (the § index and its
            // paragraphs' citations, the timelines' milestones, the comparisons' units): their
            // text is found on the pages it comes from.
            let listings = ["index.html", "kommuner/index.html", "temaer/index.html", "tags/index.html", "soeg/index.html"]
            let gathering = ["lovhenvisninger/", "tidslinje/", "sammenlign/"]
            let pages = site.pagePaths.filter { path in !listings.contains(path) && !gathering.contains { path.hasPrefix($0) } }
            let folder = site.root.appendingPathComponent("soeg/index/r")
            var addresses: [String] = []
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                addresses += HTMLPage(path: file, html: text).matches(#""u":"([^"]*)""#)
            }
            #expect(Set(addresses.map { $0 + "index.html" }) == Set(pages))
        }
    }
}
