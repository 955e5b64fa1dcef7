import PortalContent
import PortalCore
import PortalGraph

/// A small site written as content files in memory, for graph tests.
struct GraphFixture {
    var files: [String: String] = [
        "site.yaml": "title: Portal\npaths:\n  municipalities: kommuner\n  themes: temaer\nfooter_pages: [om]\n",
        "m.md": "---\nkind: municipality\nid: m\ntitle: Eksempel Kommune\nslug: eksempel\n---\n",
        "d.md": """
        ---
        kind: document
        id: d
        municipality: m
        title: Plan 2020
        document_type: udviklingsplan
        local_themes:
          - number: 1
            title: Netværk
            themes: [faellesskaber]
          - number: 2
            title: Sundhed
            themes: [sundhed]
        ---
        """,
        "p.md": "---\nkind: document\nid: p\nmunicipality: m\ntitle: Politik\ndocument_type: politik\nrelated: [d]\n---\n",
        "s1.md": "---\nkind: section\nid: s1\ndocument: d\ntitle: Første mål\norder: 1\nthemes: [sundhed]\n---\n",
        "s2.md": "---\nkind: section\nid: s2\ndocument: d\ntitle: Andet mål\norder: 2\n---\n",
        "i1.md": "---\nkind: item\ntype: idea\nid: i1\ndocument: d\nsection: s1\nnumber: \"1\"\ntitle: Første idé\nlocal_themes: [1]\ntags: [kost]\n---\nTekst.\n",
        "i2.md": "---\nkind: item\ntype: idea\nid: i2\ndocument: d\nsection: s2\nnumber: \"2\"\ntitle: Anden idé\nthemes: [sundhed]\n---\nTekst.\n",
        "t1.md": "---\nkind: theme\nid: faellesskaber\ntitle: Fællesskaber\norder: 1\n---\n",
        "t2.md": "---\nkind: theme\nid: sundhed\ntitle: Sundhed\norder: 2\n---\n",
        "tag.md": "---\nkind: tag\nid: kost\ntitle: Kost\n---\n",
        "om.md": "---\nkind: page\nid: om\ntitle: Om portalen\n---\nTekst.\n",
    ]

    func build(memo: ResolutionMemo? = nil) -> (graph: SiteGraph?, diagnostics: [Diagnostic]) {
        let sources = files.filter { $0.key.hasSuffix(".md") }.sorted { $0.key < $1.key }
            .map { SourceFile(path: $0.key, text: $0.value) }
        var content = ContentLoader().load(sources)
        let (site, siteDiagnostics) = SiteConfig.parse(SourceFile(path: "site.yaml", text: files["site.yaml"] ?? ""))
        content.site = site
        let (graph, diagnostics) = SiteGraphBuilder().build(content, memo: memo)
        return (graph, content.diagnostics + siteDiagnostics + diagnostics)
    }

    func errors() -> [Diagnostic] {
        build().diagnostics.filter { $0.severity == .error }
    }
}
