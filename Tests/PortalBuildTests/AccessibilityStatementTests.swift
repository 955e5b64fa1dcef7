import Foundation
import PortalBuild
import PortalTestSupport
import Testing

/// The accessibility statement's contact comes from site.yaml (the sample portal of the
/// minimal fixture gives one), and so does the link to the official statement.
@Suite("The accessibility statement gives the contact and the official statement from site.yaml")
struct AccessibilityStatementTests {
    static let page = "sider/tilgaengelighedserklaering.md"

    func buildStatement(site edit: (String) -> String) async throws -> (HTMLPage, [String]) {
        try await Repository.withTemporaryDirectory { folder in
            let content = folder.appendingPathComponent("content")
            try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("minimal"), to: content)
            let page = content.appendingPathComponent(Self.page)
            let text = try String(contentsOf: page, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "order: 3\n", with: "order: 3\nlayout: accessibility\n").utf8).write(to: page)
            let site = content.appendingPathComponent("site.yaml")
            try Data(edit(try String(contentsOf: site, encoding: .utf8)).utf8).write(to: site)
            let output = folder.appendingPathComponent("output")
            let report = try await SiteBuilder().build(BuildOptions(
                contentDirectory: content, themeDirectory: Repository.theme, outputDirectory: output))
            let html = try #require(BuiltSite(root: output).page("tilgaengelighedserklaering/index.html"))
            return (html, report.warnings.map(\.description))
        }
    }

    @Test func theContactIsLinkedAsMailAndPhoneWithTheOfficialStatement() async throws {
        let (page, warnings) = try await buildStatement { $0 + "accessibility_statement_url: https://www.was.digst.dk/eksempelportalen\n" }
        #expect(warnings == [])
        #expect(page.links.contains("mailto:redaktion@eksempelportalen.example"))
        #expect(page.links.contains("tel:+4500000000"))
        #expect(page.links.contains("https://www.was.digst.dk/eksempelportalen"))
        #expect(!page.text.contains("Kontaktoplysninger mangler"))
    }

    @Test func aMissingPhoneIsShownAsAGapAndWarnedAbout() async throws {
        let (page, warnings) = try await buildStatement { $0.replacingOccurrences(of: "  phone: \"+45 00 00 00 00\"\n", with: "") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("site.yaml:") == true && warnings.first?.contains("'contact:' gives no phone number ('phone:')") == true)
        #expect(page.text.contains("Telefonnummer mangler"))
        #expect(page.links.contains("mailto:redaktion@eksempelportalen.example"))
    }
}
