import Foundation
import PortalContent
import PortalGraph
import PortalTestSupport
import Testing

/// The real content's side-by-side comparisons, as a reader finds them on the built site.
@Suite("The real site sets each theme's units side by side, one column per municipality")
struct CompareSiteTests {
    var graph: SiteGraph {
        get async throws { try await RealSite.shared.build().report.graph }
    }

    var site: BuiltSite {
        get async throws { try await RealSite.shared.build().site }
    }

    /// The comparison page of a theme, by the theme page's last address segment.
    static func comparePath(_ theme: Topic) -> String {
        "sammenlign/" + (theme.path.split(separator: "/").last.map(String.init) ?? "") + "/index.html"
    }

    /// Each column of a comparison page: its id and the pages its units link to.
    static func columns(_ page: HTMLPage, in site: BuiltSite) -> [(id: String, units: [String])] {
        page.matches(#"<section class="compare-column" id="([^"]+)"[^>]*>.*?</section>"#, group: 0).map { section in
            let column = HTMLPage(path: page.path, html: section)
            let id = column.matches(#"id="([^"]+)""#).first ?? ""
            let units = column.matches(#"class="compare-unit-title" href="([^"]*)""#).compactMap { site.resolve($0, from: page.path)?.path }
            return (id, units)
        }
    }

    @Test func theSundhedComparisonListsExactlyEachMunicipalitysUnitsUnderTheThemeInColumns() async throws {
        let graph = try await graph
        let site = try await site
        let theme = try #require(graph.theme("sundhed"))
        let page = try #require(site.page(Self.comparePath(theme)))
        let columns = Self.columns(page, in: site)
        #expect(columns.map(\.id) == graph.municipalities.map { String($0.path.split(separator: "/").last ?? "") })
        for (municipality, column) in zip(graph.municipalities, columns) {
            let expected = graph.units(inTheme: theme.id).filter { $0.municipalityID == municipality.id }.map { $0.path + "index.html" }
            #expect(column.units == expected, "\(municipality.id)")
        }
        #expect(columns.contains { !$0.units.isEmpty })
        #expect(page.text.contains("Sammenlign: Sundhed og trivsel"))
    }

    @Test func everyThemeHasAComparisonThatListsEveryUnitUnderItOnce() async throws {
        let graph = try await graph
        let site = try await site
        for theme in graph.themes {
            let page = try #require(site.page(Self.comparePath(theme)), "\(theme.id)")
            let listed = Self.columns(page, in: site).flatMap(\.units)
            #expect(listed == graph.units(inTheme: theme.id).map { $0.path + "index.html" }, "\(theme.id)")
        }
    }

    @Test func eachUnitShowsItsLeadDocumentAndSectionAndAStatusOnlyWhereItsDocumentReportsOne() async throws {
        let graph = try await graph
        let site = try await site
        for theme in graph.themes {
            let page = try #require(site.page(Self.comparePath(theme)))
            let entries = page.matches(#"<ul class="compare-units">(.*?)</ul>"#)
                .flatMap { HTMLPage(path: page.path, html: $0).matches(#"<li>(.*?)</li>"#) }
            let units = graph.units(inTheme: theme.id)
            #expect(entries.count == units.count, "\(theme.id)")
            for (entry, unit) in zip(entries, units) {
                let html = HTMLPage(path: page.path, html: entry)
                let hasStatus = graph.documentsWithStatus.contains(unit.documentID)
                #expect(html.matches(#"class="status status--"#, group: 0).count == (hasStatus ? 1 : 0), "\(unit.id)")
                if let lead = unit.lead, lead != unit.title {
                    let text = html.text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                        .replacingOccurrences(of: "&amp;", with: "&")
                    #expect(text.contains(lead.split(whereSeparator: \.isWhitespace).prefix(4).joined(separator: " ")), "\(unit.id)")
                }
                if let section = unit.sectionID.flatMap(graph.section), section.title != graph.item(unit.id.itemID)?.title {
                    #expect(html.text.contains(section.title), "\(unit.id)")
                }
            }
            // The documents the units come from head their groups.
            for document in Set(units.map(\.documentID)).compactMap(graph.document) {
                #expect(page.matches(#"<h3 class="compare-document"><a href="[^"]*">(.*?)</a></h3>"#).contains(document.title), "\(theme.id)")
            }
        }
        // Hillerød's and Rudersdal's plans report no status; Kalundborg's ideas are proposals.
        let sundhedTheme = try #require(graph.theme("sundhed"))
        let sundhed = try #require(site.page(Self.comparePath(sundhedTheme)))
        let hilleroed = try #require(sundhed.matches(#"<section class="compare-column" id="hilleroed".*?</section>"#, group: 0).first)
        #expect(!hilleroed.contains("status status--"))
        let kalundborg = try #require(sundhed.matches(#"<section class="compare-column" id="kalundborg".*?</section>"#, group: 0).first)
        #expect(kalundborg.contains("status status--forslag"))
    }

    @Test func theCaveatStandsOnceAndTheChooserWorksWithoutAScript() async throws {
        let graph = try await graph
        let site = try await site
        let theme = try #require(graph.theme("sundhed"))
        let page = try #require(site.page(Self.comparePath(theme)))
        #expect(page.matches(#"class="caveat""#, group: 0).count == 1)
        // One checkbox per municipality, labelled with its name, and a reset: no script.
        let boxes = page.matches(#"<input type="checkbox" id="vaelg-([a-z0-9-]+)" name="kommuner""#)
        #expect(boxes == graph.municipalities.map { String($0.path.split(separator: "/").last ?? "") })
        for municipality in graph.municipalities {
            #expect(page.text.contains("Vælg \(municipality.shortTitle)"))
        }
        #expect(page.html.contains("<button type=\"reset\">"))
        #expect(page.html.contains("script-src 'none'"))
        #expect(!page.html.contains("<script"))
        // The jump list leads to each column.
        let jumps = try #require(page.matches(#"<nav class="compare-jump"[^>]*>(.*?)</nav>"#).first)
        #expect(HTMLPage(path: page.path, html: jumps).links == graph.municipalities.map { "#" + ($0.path.split(separator: "/").last.map(String.init) ?? "") })
    }

    @Test func everyUnitPageLinksToTheComparisonOfEachOfItsThemes() async throws {
        let graph = try await graph
        let site = try await site
        for unit in graph.units {
            let path = unit.path + "index.html"
            let page = try #require(site.page(path), "\(unit.id)")
            let linked = Set(page.matches(#"<ul class="compare-links">(.*?)</ul>"#).flatMap { HTMLPage(path: path, html: $0).links }
                .compactMap { site.resolve($0, from: path)?.path })
            for themeID in unit.themeIDs {
                let theme = try #require(graph.theme(themeID))
                #expect(linked.contains(Self.comparePath(theme)), "\(unit.id) → \(themeID)")
                #expect(page.text.contains("Sammenlign med andre kommuner: \(theme.title)"), "\(unit.id)")
            }
        }
    }

    @Test func theThemePageAndEachRowOfTheThemeMatrixLinkToTheComparison() async throws {
        let graph = try await graph
        let site = try await site
        for theme in graph.themes {
            let themePage = try #require(site.page(theme.path + "index.html"))
            let compare = Self.comparePath(theme)
            let fromThemePage = themePage.links.compactMap { site.resolve($0, from: themePage.path)?.path }
            #expect(fromThemePage.contains(compare), "\(theme.id)")
            for path in ["index.html", "temaer/index.html"] {
                let page = try #require(site.page(path))
                let rowLinks = page.matches(#"<a class="row-compare" href="([^"]*)" aria-label="Sammenlign kommunerne: ([^"]*)">Sammenlign</a>"#)
                let targets = rowLinks.compactMap { site.resolve($0, from: path)?.path }
                #expect(targets.contains(compare), "\(path) → \(theme.id)")
            }
        }
    }

    @Test func theIndexCountsEachThemesUnitsPerMunicipalitySayingWhatItCounts() async throws {
        let graph = try await graph
        let site = try await site
        let page = try #require(site.page("sammenlign/index.html"))
        let rows = page.tableRows(caption: "Antal indsatser, aktiviteter og idéer pr. fælles tema og kommune")
        #expect(rows.count == graph.themes.count + 1)
        // The column headers say what each municipality's counts count.
        #expect(rows.first.map { $0.dropFirst().contains { $0.hasSuffix("aktiviteter") } } == true)
        for (theme, row) in zip(graph.themes, rows.dropFirst()) {
            #expect(row.first == theme.title)
            let counts = graph.municipalities.map { municipality in
                String(graph.units(inTheme: theme.id).filter { $0.municipalityID == municipality.id }.count)
            }
            #expect(Array(row.dropFirst()) == counts, "\(theme.id)")
        }
        let targets = Set(page.links.compactMap { site.resolve($0, from: page.path)?.path })
        for theme in graph.themes { #expect(targets.contains(Self.comparePath(theme)), "\(theme.id)") }
        // Each count's link names what it counts.
        let hilleroed = graph.units(inTheme: "sundhed").filter { $0.municipalityID == "hilleroed" }.count
        #expect(page.html.contains("aria-label=\"\(hilleroed) aktiviteter under Sundhed og trivsel i Hillerød\""))
    }
}
