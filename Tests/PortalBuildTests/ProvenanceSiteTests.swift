import Foundation
import PortalTestSupport
import Testing

/// Where the text comes from, as a reader of the real site sees it: a "Kilde" line a
/// politician can cite, the internal source files only on the about page, and the
/// accessibility statement honest about the contact it does not have yet.
@Suite("Pages cite their sources for readers; the internal file names stay on the about page")
struct ProvenanceSiteTests {
    /// The seed files' names: three digits, an underscore, 16 hexadecimal digits.
    static let internalFileName = #"[0-9]{3}_[0-9a-f]{16}\.txt"#

    @Test func noPageButOmPortalenNamesAnInternalSourceFile() async throws {
        let site = try await RealSite.shared.build().site
        var naming: [String] = []
        for path in site.pagePaths {
            guard let page = site.page(path), page.html.range(of: Self.internalFileName, options: .regularExpression) != nil else { continue }
            naming.append(path)
        }
        #expect(naming == ["om-portalen/index.html"])
        let about = try #require(site.page("om-portalen/index.html"))
        let rows = about.tableRows(caption: "Dokumenterne, portalen bygger på")
        #expect(rows.count == 6)
        #expect(rows.contains(["Virksomhedsplan 2019", "Rudersdal Kommune", "2019", "002_232e0d177a7acf8b.txt"]))
    }

    @Test func theSourceLineNamesDocumentMunicipalityDateAndPage() async throws {
        let site = try await RealSite.shared.build().site
        let item = try #require(site.page("kommuner/rudersdal/virksomhedsplan-2019/handileg/index.html"))
        let line = try #require(item.matches(#"<p class="source">(.*?)</p>"#).first)
        let text = HTMLPage(path: item.path, html: line).text.trimmingCharacters(in: .whitespaces)
        #expect(text.range(of: #"^Kilde: Virksomhedsplan 2019 , Rudersdal Kommune, 2019, side [0-9]+\.$"#, options: .regularExpression) != nil, "\(text)")
    }

    @Test func theStatementMarksTheMissingContactAsAGap() async throws {
        let site = try await RealSite.shared.build().site
        let statement = try #require(site.page("tilgaengelighedserklaering/index.html"))
        #expect(statement.text.contains("Kontaktoplysninger mangler"))
        #expect(!statement.text.contains("angiver her"))
    }
}
