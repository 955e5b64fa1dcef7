import Foundation
import PortalBuild
import PortalTestSupport
import Testing

/// Content is written by editors, but a page must never run anything an editor (or
/// an attacker who got a file into `content/`) wrote. Each attack is planted in the
/// content and the built pages are searched for anything live.
@Suite("Content cannot attack readers")
struct ContentSecurityTests {
    static let attacks: [String: String] = [
        "site.yaml": """
        title: "Portal <script>alert('site')</script>"
        description: "\\"><script>alert('beskrivelse')</script>"
        footer_pages: [om]
        paths:
          municipalities: kommuner
          themes: temaer
        """,
        "m.md": "---\nkind: municipality\nid: m\nslug: m\ntitle: \"<img src=x onerror=alert('kommune')>\"\n---\n<script>alert('krop')</script>\n",
        "d.md": """
        ---
        kind: document
        id: d
        municipality: m
        title: "{{> partials/header}} {{{strings}}} {{#nav}}x{{/nav}}"
        document_type: politik
        summary: "javascript:alert('resume')"
        contact: "[ring](javascript:alert('kontakt')) og [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"
        ---
        Tekst med <iframe src="https://evil.example"></iframe> og <a href="javascript:alert('a')">link</a>.

        [klik](javascript:alert('md')) [billede](vbscript:msgbox(1)) ![x](data:image/svg+xml;base64,PHN2Zz4=)

        <div onclick="alert('div')">blok</div>

        <style>body { display: none }</style>
        """,
        "s.md": "---\nkind: section\nid: s\ndocument: d\ntitle: \"Sektion\\\" onfocus=\\\"alert(1)\"\nthemes: [t]\n---\n<svg onload=alert('svg')>\n",
        "i.md": """
        ---
        kind: item
        type: initiative
        id: i
        document: d
        section: s
        number: "<script>1</script>"
        title: "</title><script>alert('titel')</script>"
        status_text: "<img src=x onerror=alert('status')>"
        tags: [g]
        activities:
          - title: "<a href=javascript:alert(1)>aktivitet</a>"
            text: "[x](javascript:alert('aktivitet'))"
        milestones:
          - text: "<script>alert('milepæl')</script>"
            when: "\\"><script>alert('hvornaar')</script>"
        ---
        ## <script>alert('felt')</script>

        {{#strings}}{{nav.home}}{{/strings}}
        """,
        "t.md": "---\nkind: theme\nid: t\ntitle: \"Tema'><script>alert('tema')</script>\"\n---\n",
        "g.md": "---\nkind: tag\nid: g\ntitle: \"<svg/onload=alert('tag')>\"\n---\n",
        "om.md": "---\nkind: page\nid: om\ntitle: Om\n---\n<object data=\"javascript:alert('side')\"></object>\n",
    ]

    func withAttackedSite(_ body: (BuiltSite) throws -> Void) async throws {
        try await Repository.withTemporaryDirectory { folder in
            try writeContent(Self.attacks, to: folder.appendingPathComponent("content"))
            let output = folder.appendingPathComponent("output")
            _ = try await SiteBuilder().build(BuildOptions(
                contentDirectory: folder.appendingPathComponent("content"), themeDirectory: Repository.theme, outputDirectory: output))
            try body(BuiltSite(root: output))
        }
    }

    /// The tags of a page with their quoted attribute values blanked out, so that text
    /// inside a value (escaped, harmless) is not mistaken for an attribute.
    static func tags(_ html: String) -> [String] {
        HTMLPage(path: "", html: html).matches(#"(<[a-zA-Z][^>]*>)"#).map {
            $0.replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
        }
    }

    @Test func noPlantedScriptHandlerOrDangerousAddressReachesAPage() async throws {
        try await withAttackedSite { site in
            #expect(site.pagePaths.count > 8)
            for path in site.pagePaths {
                let html = try #require(site.page(path)).html
                var lower = html.lowercased()
                // The search page's own script, from the theme, is the one script of the site.
                if path == Self.searchPage { lower = lower.replacingOccurrences(of: Self.searchScript, with: "") }
                #expect(!lower.contains("<script"), "\(path) has a script element")
                #expect(!lower.contains("<iframe") && !lower.contains("<object") && !lower.contains("<svg") && !lower.contains("<style"), "\(path)")
                for tag in Self.tags(lower) {
                    #expect(tag.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(path) has an event handler: \(tag)")
                }
                #expect(lower.range(of: #"(href|src|data|action)\s*=\s*"\s*(javascript|vbscript|data):"#, options: .regularExpression) == nil,
                        "\(path) has a dangerous address")
                #expect(!lower.contains("href=\"\"") && !lower.contains("src=\"\""), "\(path) has a neutralised link left as a link")
            }
        }
    }

    @Test func attacksAreShownAsTextNotDropped() async throws {
        try await withAttackedSite { site in
            let home = try #require(site.page("index.html"))
            #expect(home.html.contains("&lt;img src=x onerror=alert(&#39;kommune&#39;)&gt;"))
            let document = try #require(site.pagePaths.first { $0.split(separator: "/").count == 4 })
            let page = try #require(site.page(document))
            #expect(page.html.contains("<h1>{{&gt; partials/header}} {{{strings}}} {{#nav}}x{{/nav}}</h1>"))
        }
    }

    @Test func templateSyntaxInContentIsNeverEvaluated() async throws {
        try await withAttackedSite { site in
            for path in site.pagePaths {
                let html = try #require(site.page(path)).html
                // A rendered header partial would repeat the site header.
                #expect(html.components(separatedBy: "class=\"site-header\"").count == 2, "\(path)")
            }
            #expect(site.pagePaths.contains { site.page($0)?.html.contains("{{#strings}}{{nav.home}}{{/strings}}") == true })
        }
    }

    static let searchPage = "search/index.html"
    static let searchScript = "<script src=\"../assets/search.js\" defer></script>"

    @Test func everyPageForbidsScriptThroughItsContentSecurityPolicy() async throws {
        try await withAttackedSite { site in
            for path in site.pagePaths {
                let html = try #require(site.page(path)).html
                // The search page runs the theme's script and the index files beside it,
                // nothing else: no inline script, nothing from elsewhere. Forms (the
                // header's search field) may only send to the site itself.
                let scripts = path == Self.searchPage ? "'self' file:" : "'none'"
                #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self' file:; img-src 'self' file:; script-src \(scripts); base-uri 'none'; form-action 'self' file:\">"), "\(path)")
            }
            #expect(site.pagePaths.contains(Self.searchPage))
        }
    }

    @Test func theSearchIndexHoldsPlantedTextAsInertStrings() async throws {
        try await withAttackedSite { site in
            let folder = site.root.appendingPathComponent("search/index")
            let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".js") }
            // The manifest, the term chunks and the files of results.
            #expect(files.contains("manifest.js") && files.contains { $0.hasPrefix("t/") } && files.contains { $0.hasPrefix("r/") })
            var sawAttack = false
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                // One call with a name and one JSON value: nothing planted can end the
                // string it stands in and run.
                let prefix = "portalSearch.register(\"\(file.dropLast(3))\","
                #expect(text.hasPrefix(prefix) && text.hasSuffix(");\n") && text.components(separatedBy: "\n").count == 2, "\(file)")
                let json = text.dropFirst(prefix.count).dropLast(3)
                #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "\(file) is not one JSON value")
                if text.contains("alert('titel')") { sawAttack = true }
            }
            #expect(sawAttack, "the planted title is indexed (as text)")
        }
    }
}
