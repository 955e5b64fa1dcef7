import Foundation
import PortalTestSupport
import Testing

/// The `<title>` and meta description of every page of the real site, read from the
/// built HTML: tabs, bookmarks and search results must tell the pages apart.
@Suite("Every page of the real site has its own title and description")
struct PageMetadataSiteTests {
    struct Head {
        var path: String
        var title: String
        var description: String
    }

    func heads() async throws -> [Head] {
        let site = try await RealSite.shared.build().site
        return site.pagePaths.compactMap { path in
            guard let page = site.page(path) else { return nil }
            let head = page.html.components(separatedBy: "</head>").first ?? ""
            let headPage = HTMLPage(path: path, html: head)
            return Head(path: path, title: headPage.matches(#"<title>(.*?)</title>"#).first ?? "",
                        description: headPage.matches(#"<meta name="description" content="(.*?)">"#).first ?? "")
        }
    }

    @Test func everyPageHasAUniqueTitle() async throws {
        let heads = try await heads()
        #expect(heads.count > 100)
        let shared = Dictionary(grouping: heads, by: \.title).filter { $0.value.count > 1 }
        #expect(shared.mapValues { $0.map(\.path) } == [:])
        for path in ["soeg/index.html", "tidslinje/index.html", "tidslinje/rudersdal/virksomhedsplan-2019/index.html"] {
            #expect(heads.contains { $0.path == path && !$0.title.isEmpty })
        }
    }

    @Test func pagesOfAMunicipalityNameItInTheirTitle() async throws {
        let heads = try await heads()
        let handiLeg = try #require(heads.first { $0.path == "kommuner/rudersdal/virksomhedsplan-2019/handileg/index.html" })
        #expect(handiLeg.title == "HandiLeg – Rudersdal Kommune – Kommuneportalen")
        let municipalities = ["hilleroed": "Hillerød Kommune", "rudersdal": "Rudersdal Kommune",
                              "slagelse": "Slagelse Kommune", "kalundborg": "Kalundborg Kommune"]
        for head in heads {
            let parts = head.path.split(separator: "/")
            guard parts.count > 2, ["kommuner", "tidslinje"].contains(parts[0]), let name = municipalities[String(parts[1])] else { continue }
            #expect(head.title.contains(" – \(name) – ") || head.title.hasPrefix(name), "\(head.path): \(head.title)")
        }
    }

    @Test func everyPageHasADescriptionOfItsOwn() async throws {
        let heads = try await heads()
        let home = try #require(heads.first { $0.path == "index.html" })
        for head in heads {
            #expect(!head.description.isEmpty, "\(head.path)")
            #expect(head.description.count <= 170, "\(head.path): \(head.description)")
            #expect(!head.description.contains("\n"), "\(head.path)")
            #expect(head.description.range(of: #"<|&lt;|\*\*|\]\("#, options: .regularExpression) == nil, "\(head.path): \(head.description)")
            if head.path != home.path { #expect(head.description != home.description, "\(head.path) has the portal's description") }
        }
        let shared = Dictionary(grouping: heads, by: \.description).filter { $0.value.count > 1 }
        #expect(shared.mapValues { $0.map(\.path) } == [:])
    }
}
