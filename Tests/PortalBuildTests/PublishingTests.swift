import Foundation
import PortalBuild
import PortalTestSupport
import Testing

@Suite("A site is published the same way at /, under a sub-path and from disk")
struct PublishingTests {
    func build(baseURL: String?, _ body: (BuiltSite, BuildReport) throws -> Void) async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            let report = try await SiteBuilder().build(BuildOptions(
                contentDirectory: Repository.fixtures.appendingPathComponent("minimal"),
                themeDirectory: Repository.theme, outputDirectory: output, baseURL: baseURL))
            try body(BuiltSite(root: output), report)
        }
    }

    @Test func withoutABaseURLEveryAddressIsRelativeAndThereIsNoSitemap() async throws {
        try await build(baseURL: nil) { site, report in
            // The sitemap protocol allows only absolute addresses.
            #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("sitemap.xml").path))
            #expect(!report.wroteSitemap)
            for path in site.pagePaths {
                let page = try #require(site.page(path))
                #expect(!page.html.contains("rel=\"canonical\""))
                // The preview's live-reload script is the preview's alone; only the search
                // page runs a script, its own.
                let scripts = path == "soeg/index.html" ? "script-src 'self' file:;" : "script-src 'none'"
                #expect(!page.html.contains("__portal") && page.html.contains(scripts), "\(path)")
                #expect(page.links.allSatisfy { !$0.hasPrefix("/") }, "\(path) has a root-absolute link")
            }
        }
    }

    @Test func aBaseURLGivesCleanAbsoluteAddressesInTheSitemapDataAndCanonicalLinks() async throws {
        try await build(baseURL: "https://intranet.example.dk/portal") { site, report in
            #expect(report.wroteSitemap)
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

    @Test("Only an absolute http(s) address is a base URL",
          arguments: ["javascript:alert(1)//", "data:text/html,x", "/portal/", "intranet.example.dk/portal/",
                      "https://intranet.example.dk/a b/", "https://", "https://x.dk/?a=1", "https://user@x.dk/"])
    func aBaseURLThatIsNotAnAbsoluteHTTPAddressIsRefused(_ address: String) async throws {
        try await Repository.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("output")
            await #expect(throws: BuildFailure.self) {
                try await SiteBuilder().build(BuildOptions(
                    contentDirectory: Repository.fixtures.appendingPathComponent("minimal"),
                    themeDirectory: Repository.theme, outputDirectory: output, baseURL: address))
            }
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }
}
