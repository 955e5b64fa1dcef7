import Foundation
import PortalCore
import PortalRender
import PortalTestSupport
import Testing

@Suite("A theme is checked when it is loaded, so a typo is an error and never an empty page")
struct ThemeLoaderTests {
    /// A copy of the default theme with some files replaced.
    func load(changing files: [String: String]) async throws -> (Theme?, [Diagnostic]) {
        try await Repository.withTemporaryDirectory { folder in
            let theme = folder.appendingPathComponent("theme")
            try FileManager.default.copyItem(at: Repository.theme, to: theme)
            try writeContent(files, to: theme)
            return await ThemeLoader().load(from: theme, displayPrefix: "themes/test")
        }
    }

    @Test func theDefaultThemeLoadsCleanly() async throws {
        let (theme, diagnostics) = await ThemeLoader().load(from: Repository.theme, displayPrefix: "themes/default")
        #expect(diagnostics.isEmpty)
        #expect(theme?.assets.map(\.path).contains("assets/site.css") == true)
    }

    @Test func aMissingPartialIsReportedAtItsLineAndColumn() async throws {
        let (theme, diagnostics) = try await load(changing: [
            "templates/tags.mustache": "{{<base}}\n{{$content}}\n  {{> partials/tag-lsit}}\n{{/content}}\n{{/base}}\n",
        ])
        #expect(theme == nil)
        let diagnostic = diagnostics.first { $0.message.contains("partial 'partials/tag-lsit' does not exist") }
        #expect(diagnostic?.location == SourceLocation(path: "themes/test/templates/tags.mustache", line: 3, column: 3))
    }

    @Test func aMissingParentIsReported() async throws {
        let (_, diagnostics) = try await load(changing: ["templates/layouts/page.mustache": "{{<basis}}{{$content}}x{{/content}}{{/basis}}"])
        #expect(diagnostics.contains { $0.message == "parent template 'basis' does not exist" && $0.location.line == 1 })
    }

    @Test func aMissingPageTemplateIsReported() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let theme = folder.appendingPathComponent("theme")
            try FileManager.default.copyItem(at: Repository.theme, to: theme)
            try FileManager.default.removeItem(at: theme.appendingPathComponent("templates/item.mustache"))
            let (_, diagnostics) = await ThemeLoader().load(from: theme, displayPrefix: "themes/test")
            #expect(diagnostics.contains { $0.message == "the theme has no template for 'item' pages" })
        }
    }

    @Test func aTemplateSyntaxErrorHasALine() async throws {
        let (_, diagnostics) = try await load(changing: ["templates/layouts/page.mustache": "line one\n{{#open}}\nnever closed\n"])
        let syntax = diagnostics.first { $0.message.hasPrefix("template syntax error") }
        #expect(syntax?.location.path == "themes/test/templates/layouts/page.mustache")
    }

    @Test func anUnknownStringInATemplateIsReported() async throws {
        let (_, diagnostics) = try await load(changing: ["templates/layouts/page.mustache": "{{<base}}{{$content}}\n<p>{{strings.nav.hjem}}</p>{{/content}}{{/base}}"])
        let missing = diagnostics.first { $0.message.contains("'nav.hjem'") }
        #expect(missing?.location == SourceLocation(path: "themes/test/templates/layouts/page.mustache", line: 2, column: 6))
    }

    @Test func aStringTheGeneratorNeedsMustBeInTheStringsFile() async throws {
        var strings = try String(contentsOf: Repository.theme.appendingPathComponent("strings.yaml"), encoding: .utf8)
        strings = strings.replacingOccurrences(of: "  notFilled: Ikke udfyldt\n", with: "")
        let (_, diagnostics) = try await load(changing: ["strings.yaml": strings])
        #expect(diagnostics.contains { $0.message == "the string 'missing.notFilled' is missing" })
    }
}
