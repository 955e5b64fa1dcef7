import Foundation
import PortalBuild
import PortalTestSupport
import Testing

/// Printed for a meeting: A4, a line saying where the page came from and when its content
/// last changed, header rows repeated, wide matrices on landscape pages, no navigation.
@Suite("Pages print on A4 and say on paper where they came from")
struct PrintSiteTests {
    @Test func thePrintStyleIsA4WithALandscapePageForWideMatrices() throws {
        let css = try String(contentsOf: Repository.theme.appendingPathComponent("assets/print.css"), encoding: .utf8)
        #expect(css.range(of: #"@page\s*\{[^}]*size:\s*A4\s*;"#, options: .regularExpression) != nil)
        #expect(css.range(of: #"@page wide\s*\{[^}]*size:\s*A4 landscape"#, options: .regularExpression) != nil)
        #expect(css.range(of: #"\.table-wrap--wide\s*\{[^}]*page:\s*wide"#, options: .regularExpression) != nil)
        #expect(css.range(of: #"thead\s*\{[^}]*display:\s*table-header-group"#, options: .regularExpression) != nil)
        #expect(css.range(of: #"\.print-meta\s*\{[^}]*display:\s*block"#, options: .regularExpression) != nil)
        #expect(css.contains(".site-header") && css.contains(".breadcrumbs") && css.contains(".header-search"))
        let screen = try String(contentsOf: Repository.theme.appendingPathComponent("assets/site.css"), encoding: .utf8)
        #expect(screen.range(of: #"\.print-meta\s*\{\s*display:\s*none"#, options: .regularExpression) != nil)
    }

    @Test func everyPageHasThePrintLineWithItsAddressAndTheContentsDate() async throws {
        let site = try await RealSite.shared.build().site
        for path in site.pagePaths {
            let page = try #require(site.page(path))
            let line = page.matches(#"<p class="print-meta">(.*?)</p>"#)
            #expect(line.count == 1, "\(path)")
            let folder = path == "index.html" ? "index.html" : String(path.dropLast("index.html".count))
            #expect(line.first == "Kommuneportalen · Adresse: \(folder) · Senest ændret 1. december 2026", "\(path)")
        }
    }

    @Test func withABaseURLThePrintLineGivesTheAbsoluteAddress() async throws {
        let output = Repository.root.appendingPathComponent(".build/test-sites/print-base-url-\(ProcessInfo.processInfo.processIdentifier)/output")
        _ = try await SiteBuilder().build(BuildOptions(
            contentDirectory: Repository.content, themeDirectory: Repository.theme, outputDirectory: output,
            baseURL: "https://intranet.example.dk/portal/"))
        let page = try #require(BuiltSite(root: output).page("kommuner/rudersdal/virksomhedsplan-2019/index.html"))
        #expect(page.matches(#"<p class="print-meta">(.*?)</p>"#) == [
            "Kommuneportalen · Adresse: https://intranet.example.dk/portal/kommuner/rudersdal/virksomhedsplan-2019/ · Senest ændret 1. december 2026",
        ])
    }
}
