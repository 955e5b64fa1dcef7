import Foundation
import PortalCore
import PortalRender
import PortalTestSupport
import Testing

@Suite("Only the templates in templates/layouts/ are layouts a free page may name")
struct ThemeLayoutTests {
    @Test func theDefaultThemeOffersItsPageDataAboutAndAccessibilityLayouts() async {
        let (theme, _) = await ThemeLoader().load(from: Repository.theme, displayPrefix: "themes/default")
        #expect(theme?.layouts == ["about", "accessibility", "data", "page"])
        #expect(Theme.template(ofLayout: Theme.defaultLayout) == "layouts/page")
    }

    @Test func aLayoutAddedToTheFolderCanBeNamedAndATemplateOutsideItCannot() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let theme = folder.appendingPathComponent("theme")
            try FileManager.default.copyItem(at: Repository.theme, to: theme)
            let page = "{{<base}}{{$content}}<h1>{{title}}</h1>{{/content}}{{/base}}"
            try writeContent(["templates/layouts/bred.mustache": page, "templates/smal.mustache": page], to: theme)
            let (loaded, diagnostics) = await ThemeLoader().load(from: theme, displayPrefix: "themes/test")
            #expect(diagnostics.isEmpty)
            #expect(loaded?.layouts == ["about", "accessibility", "bred", "data", "page"])
        }
    }

    @Test func aThemeWithoutTheDefaultLayoutIsAnError() async throws {
        try await Repository.withTemporaryDirectory { folder in
            let theme = folder.appendingPathComponent("theme")
            try FileManager.default.copyItem(at: Repository.theme, to: theme)
            try FileManager.default.removeItem(at: theme.appendingPathComponent("templates/layouts/page.mustache"))
            let (loaded, diagnostics) = await ThemeLoader().load(from: theme, displayPrefix: "themes/test")
            #expect(loaded == nil)
            #expect(diagnostics.map(\.description) == [
                "themes/test/templates/layouts/page.mustache:1:1: error: the theme has no layout 'page', which free pages use unless they name another (hint: add layouts/page.mustache to the theme's templates folder)",
            ])
        }
    }
}
