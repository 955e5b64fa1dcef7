import Foundation
import PortalBuild
import PortalTestSupport
import Testing

@Suite("A site is published the same way at /, under a sub-path and from disk")
struct PublishingTests {
    func build(baseURL: String?, _ body: (BuiltSite) throws -> Void) async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            _ = try await SiteBuilder().build(BuildOptions(
                contentDirectory: Repository.fixtures.appendingPathComponent("minimal"),
                themeDirectory: Repository.theme, outputDirectory: output, baseURL: baseURL))
            try body(BuiltSite(root: output))
        }
    }

    @Test func withoutABaseURLEveryAddressIsRelative() async throws {
        try await build(baseURL: nil) { site in
            let sitemap = try String(contentsOf: site.root.appendingPathComponent("sitemap.xml"), encoding: .utf8)
            #expect(sitemap.contains("<loc>index.html</loc>"))
            #expect(HTMLPage(path: "sitemap.xml", html: sitemap).matches("<loc>([^<]*)</loc>").allSatisfy { !$0.contains("://") })
            for path in site.pagePaths {
                let page = try #require(site.page(path))
                #expect(!page.html.contains("rel=\"canonical\""))
                #expect(page.links.allSatisfy { !$0.hasPrefix("/") }, "\(path) has a root-absolute link")
            }
        }
    }

    @Test func aBaseURLGivesCleanAbsoluteAddressesInTheSitemapDataAndCanonicalLinks() async throws {
        try await build(baseURL: "https://intranet.example.dk/portal") { site in
            let sitemap = try String(contentsOf: site.root.appendingPathComponent("sitemap.xml"), encoding: .utf8)
            #expect(sitemap.contains("<loc>https://intranet.example.dk/portal/</loc>"))
            #expect(!sitemap.contains("index.html"))
            let json = try String(contentsOf: site.root.appendingPathComponent("data/portal.json"), encoding: .utf8)
            #expect(json.contains("\"url\" : \"https://intranet.example.dk/portal/"))
            let home = try #require(site.page("index.html"))
            #expect(home.html.contains("<link rel=\"canonical\" href=\"https://intranet.example.dk/portal/\">"))
            // Page links stay relative (only the canonical link is absolute), so the same
            // files also work from disk.
            #expect(home.links.filter { $0.contains("intranet.example.dk") } == ["https://intranet.example.dk/portal/"])
        }
    }
}
