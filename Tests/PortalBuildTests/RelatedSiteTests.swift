import Foundation
import PortalContent
import PortalCore
import PortalGraph
import PortalTestSupport
import Testing

/// The real content's related units, as a reader finds them on the built site.
@Suite("The real site lists each unit's related units of other municipalities, with why")
struct RelatedSiteTests {
    static let idea11 = ComparableUnit.ID(itemID: "kalundborg-ide-11")
    static let indsats3 = ComparableUnit.ID(itemID: "rudersdal-indsats-03")

    var graph: SiteGraph {
        get async throws { try await RealSite.shared.build().report.graph }
    }

    var site: BuiltSite {
        get async throws { try await RealSite.shared.build().site }
    }

    /// The related section of a page, as text.
    static func relatedSection(_ page: HTMLPage) -> String? {
        page.matches(#"<section aria-labelledby="relateret-heading"[^>]*>(.*?)</section>"#).first
            .map { HTMLPage(path: "", html: $0).text }
    }

    @Test func kalundborgsIdea11AndRudersdalsIndsats3RelateThroughParagraph85() async throws {
        let graph = try await graph
        let paragraph85 = try #require(LawParagraph(number: 85))
        #expect(graph.lawReferences(inUnit: Self.indsats3).contains(paragraph85))
        let fromIdea = try #require(graph.related(to: Self.idea11).first { $0.id == Self.indsats3 })
        #expect(fromIdea.reasons.paragraphs == [paragraph85])
        let fromIndsats = try #require(graph.related(to: Self.indsats3).first { $0.id == Self.idea11 })
        #expect(fromIndsats.reasons.paragraphs == [paragraph85])

        let site = try await site
        let ideaPath = try #require(graph.unit(Self.idea11)?.path)
        let ideaPage = try #require(site.page(ideaPath + "index.html"))
        let section = try #require(Self.relatedSection(ideaPage))
        #expect(section.contains("Implementering af kvalitetsstandarder for § 82 indsatser i Social og Sundhed"))
        #expect(section.contains("begge nævner § 85"))
        let indsatsPath = try #require(graph.unit(Self.indsats3)?.path)
        let indsatsPage = try #require(site.page(indsatsPath + "index.html"))
        #expect(try #require(Self.relatedSection(indsatsPage)).contains("Besøgsvenner som supplement til §85"))
    }

    @Test func everyUnitsRelatedUnitsAreOfOtherMunicipalitiesAndSayWhy() async throws {
        let graph = try await graph
        let settings = graph.site.related
        var listed = 0
        for unit in graph.units {
            let related = graph.related(to: unit.id)
            #expect(related.count <= settings.limit)
            listed += related.count
            for other in related {
                let found = try #require(graph.unit(other.id))
                #expect(found.municipalityID != unit.municipalityID, "\(unit.id) lists \(other.id) of its own municipality")
                #expect(other.score >= settings.threshold)
                let reasons = other.reasons
                #expect(!(reasons.themeIDs.isEmpty && reasons.tagIDs.isEmpty && reasons.paragraphs.isEmpty), "\(unit.id) → \(other.id)")
                #expect(reasons.themeIDs.allSatisfy { unit.themeIDs.contains($0) && found.themeIDs.contains($0) })
                #expect(reasons.tagIDs.allSatisfy { unit.tagIDs.contains($0) && found.tagIDs.contains($0) })
                let weights = settings.weights
                #expect(other.score == reasons.themeIDs.count * weights.themes + reasons.tagIDs.count * weights.tags
                        + reasons.paragraphs.count * weights.lawReferences)
            }
            #expect(related.map(\.score) == related.map(\.score).sorted(by: >))
        }
        #expect(listed > graph.units.count, "the real content relates its units")
    }

    @Test func everyUnitsPageHasTheRelatedSectionAndAnItemOfActivitiesHasNone() async throws {
        let graph = try await graph
        let site = try await site
        for unit in graph.units {
            let page = try #require(site.page(unit.path + "index.html"), "\(unit.path)")
            #expect(Self.relatedSection(page) != nil, "\(unit.path) has no related section")
        }
        // Hillerød's indsatser act through their activities: each activity's page lists its own.
        let hilleroed = try #require(graph.items.first { $0.documentID == "hilleroed-udviklingsplan-2019-2021" })
        let page = try #require(site.page(hilleroed.path + "index.html"))
        #expect(Self.relatedSection(page) == nil)
    }
}
