import Foundation
import PortalGraph
import PortalTestSupport
import Testing

/// The real content's document matrices as a reader meets them: groupings as lists,
/// other matrices as tables whose matches stand out, and gaps in the source as gaps.
@Suite("The real site's matrices read as lists where they group and as marks where they cross")
struct MatrixSiteTests {
    var graph: SiteGraph {
        get async throws { try await RealSite.shared.build().report.graph }
    }

    var site: BuiltSite {
        get async throws { try await RealSite.shared.build().site }
    }

    /// The cells' visible text: the text without what only screen readers get.
    static func visibleText(_ html: String) -> String {
        HTMLPage(path: "", html: html.replacingOccurrences(
            of: #"<span class="visually-hidden">[^<]*</span>"#, with: "", options: .regularExpression)).text
            .trimmingCharacters(in: .whitespaces)
    }

    @Test func kalundborgsIdeas7And12AreNotStatedInTheCatalogueMatrixRatherThanNo() async throws {
        let site = try await site
        let page = try #require(site.page("kommuner/kalundborg/idekatalog-h24/index.html"))
        let rows = page.tableRows(caption: "idéer og de temaer, kataloget markerer")
        for number in ["7", "12"] {
            let row = try #require(rows.first { $0.first?.hasPrefix("Idé \(number):") == true })
            #expect(Array(row.dropFirst()) == ["Ikke angivet"], "idea \(number)")
        }
        // The others are all known: a mark or an empty cell under each of the five themes.
        let known = rows.dropFirst().filter { !($0.first?.hasPrefix("Idé 7:") ?? false) && !($0.first?.hasPrefix("Idé 12:") ?? false) }
        #expect(known.count == 10)
        #expect(known.allSatisfy { $0.count == 6 && $0.dropFirst().allSatisfy { ["● Ja", "Nej"].contains($0) } })
        // The key under the heading says what "Ikke angivet" means.
        #expect(page.html.contains("»Ikke angivet«: beskrivelsen mangler i kilden"))
    }

    @Test func everyOneOfNMatrixIsListedByColumnWithEveryUnitExactlyOnce() async throws {
        let graph = try await graph
        let site = try await site
        var grouped: [String] = []
        for document in graph.documents {
            for (index, matrix) in (graph.documentMatrices[document.id] ?? []).enumerated() {
                guard case .groups(let groups) = matrix.layout else { continue }
                let page = try #require(site.page(document.path + "index.html"))
                let id = "matrix-\(index + 1)"
                let section = try #require(page.matches(
                    #"<section class="matrix-groups" aria-labelledby="\#(id)-caption">(.*?)</section>"#).first, "\(document.id) \(id)")
                let lists = HTMLPage(path: page.path, html: section).matches(#"<div class="matrix-group">(.*?)</div>"#)
                #expect(lists.count == matrix.columns.count, "\(document.id)")
                for (group, list) in zip(groups, lists) {
                    let list = HTMLPage(path: page.path, html: list)
                    // The column's title heads its list, and each of its rows is listed once.
                    #expect(list.matches(#"<h4[^>]*>(.*?)</h4>"#).first.map { Self.visibleText($0) }?
                        .hasPrefix(matrix.columns[group.column].title) == true, "\(document.id)")
                    #expect(list.matches(#"<li>"#, group: 0).count == group.rows.count, "\(document.id)")
                }
                #expect(HTMLPage(path: page.path, html: section).matches(#"<li>"#, group: 0).count == matrix.rows.count)
                // No Ja/Nej table of the same matrix beside the lists.
                #expect(!page.html.contains("aria-labelledby=\"\(id)-caption\" tabindex=\"0\""), "\(document.id)")
                grouped.append("\(document.id) \(matrix.axis)")
            }
        }
        // Each document's sections matrix is a grouping: Kalundborg's main initiatives,
        // Rudersdal's goals, Hillerød's ambitions, Slagelse's development themes.
        #expect(grouped.sorted() == [
            "hilleroed-udviklingsplan-2019-2021 sections", "kalundborg-idekatalog-h24 sections",
            "rudersdal-virksomhedsplan-2019 sections", "slagelse-opfoelgning-udviklingsaftalen-2014 sections",
        ])
    }

    @Test func kalundborgsMainInitiativesListTheirIdeasLinkedToTheirPages() async throws {
        let site = try await site
        let path = "kommuner/kalundborg/idekatalog-h24/index.html"
        let page = try #require(site.page(path))
        let section = try #require(page.matches(#"<section class="matrix-groups"[^>]*>(.*?)</section>"#).first)
        let lists = HTMLPage(path: path, html: section).matches(#"<div class="matrix-group">(.*?)</div>"#).map { HTMLPage(path: path, html: $0) }
        let numbers = lists.map { list in list.matches(#"<li><a [^>]*>Idé (\d+):"#) }
        #expect(numbers == [["2", "9", "12"], ["3", "6", "10", "11"], ["1", "4", "5", "7", "8"]])
        #expect(lists.map { $0.matches(#"<span class="count">\((.*?)\)</span>"#).first } == ["3 idéer", "4 idéer", "5 idéer"])
        for list in lists {
            for link in list.links { #expect(site.resolve(link, from: path).flatMap { site.page($0.path) } != nil, "\(link)") }
        }
    }

    @Test func slagelsesActivitiesKeepTheirOwnNumberingWithoutASecondFullStop() async throws {
        let site = try await site
        let page = try #require(site.page("kommuner/slagelse/opfoelgning-udviklingsaftalen-2014/index.html"))
        let section = try #require(page.matches(#"<section class="matrix-groups"[^>]*>(.*?)</section>"#).first)
        let titles = HTMLPage(path: page.path, html: section).matches(#"<li><a [^>]*>(.*?)</a></li>"#)
        #expect(titles.count == 11)
        #expect(titles.contains { $0.hasPrefix("1) Lederforum") })
        // Not "1). Lederforum" or "B.. Slagelse": the number as the source writes it, then the text.
        #expect(!titles.contains { $0.range(of: #"^[0-9A-Za-z) ]{1,6}(\)\.|\.\.)"#, options: .regularExpression) != nil }, "\(titles)")
    }

    @Test func noManyToManyTableShowsAVisibleNoAndEveryMatchHasAVisibleMarkAndAWord() async throws {
        let graph = try await graph
        let site = try await site
        var tables = 0
        for document in graph.documents {
            let page = try #require(site.page(document.path + "index.html"))
            for table in page.matches(#"<table class="matrix matrix--marks"[^>]*>(.*?)</table>"#) {
                tables += 1
                let cells = HTMLPage(path: page.path, html: table).matches(#"<td[^>]*>(.*?)</td>"#)
                #expect(!cells.isEmpty)
                for cell in cells {
                    let visible = Self.visibleText(cell)
                    #expect(["●", "", "Ikke angivet"].contains(visible), "\(document.id): \(visible)")
                    // Screen readers are told what the empty or marked cell means.
                    if visible == "●" { #expect(cell.contains(#"<span class="visually-hidden">Ja</span>"#)) }
                    if visible.isEmpty { #expect(cell.contains(#"<span class="visually-hidden">Nej</span>"#)) }
                }
            }
        }
        // Kalundborg's local themes and every document's common themes.
        #expect(tables == 5)
    }

    @Test func theCompareIndexCountsWhatTheHomeMatrixCounts() async throws {
        let site = try await site
        let home = try #require(site.page("index.html")).tableRows(caption: "Antal indsatser, aktiviteter og idéer pr. fælles tema og kommune")
        let compare = try #require(site.page("sammenlign/index.html"))
        let caption = try #require(compare.matches(#"<caption[^>]*>(.*?)</caption>"#).first.map { HTMLPage(path: "", html: $0).text })
        let rows = compare.tableRows(caption: caption.trimmingCharacters(in: .whitespaces))
        #expect(rows.count == home.count)
        #expect(rows.dropFirst().map { Array($0.dropFirst()) } == home.dropFirst().map { Array($0.dropFirst()) })
        // Its rows lead to the comparisons, the home page's to the theme pages.
        #expect(compare.links.contains("../sammenlign/sundhed/index.html#kalundborg"))
    }

    @Test func tablesKeepTheirFirstColumnInViewOnScreenStackOnPhonesAndNotOnPaper() throws {
        let screen = try String(contentsOf: Repository.theme.appendingPathComponent("assets/site.css"), encoding: .utf8)
        #expect(screen.range(of: #"\.matrix tr > th:first-child \{[^}]*position: sticky;[^}]*background: var\(--background\)"#,
                             options: .regularExpression) != nil)
        let phone = try #require(screen.range(of: "@media (max-width: 40rem)").map { String(screen[$0.lowerBound...]) })
        #expect(phone.contains(".matrix--marks td.unmarked { display: none; }"))
        #expect(phone.contains(".matrix--marks td.marked::after { content: \" \" attr(data-label); }"))
        let print = try String(contentsOf: Repository.theme.appendingPathComponent("assets/print.css"), encoding: .utf8)
        #expect(print.contains(".matrix tr > th:first-child { position: static;"))
    }
}
