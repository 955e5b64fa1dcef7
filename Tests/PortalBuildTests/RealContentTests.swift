import Foundation
import PortalBuild
import PortalContent
import PortalGraph
import PortalTestSupport
import Testing

/// Builds the real content with the real theme once, for every test in this suite.
actor RealSite {
    static let shared = RealSite()
    /// The one build, shared: an actor method that awaits is re-entered by the next
    /// caller, so the task (not its result) is what must be stored.
    private var task: Task<(report: BuildReport, site: BuiltSite), Error>?

    func build() async throws -> (report: BuildReport, site: BuiltSite) {
        if let task { return try await task.value }
        let task = Task { () async throws -> (report: BuildReport, site: BuiltSite) in
            // Inside .build/ (ignored by git), one folder per test process so parallel runs never meet.
            let output = Repository.root
                .appendingPathComponent(".build/test-sites/real-content-\(ProcessInfo.processInfo.processIdentifier)/output")
            let report = try await SiteBuilder().build(BuildOptions(
                contentDirectory: Repository.content, themeDirectory: Repository.theme, outputDirectory: output))
            return (report, BuiltSite(root: output))
        }
        self.task = task
        return try await task.value
    }
}

@Suite("The real content builds into a complete, cross-linked site")
struct RealContentTests {
    var graph: SiteGraph {
        get async throws { try await RealSite.shared.build().report.graph }
    }

    var site: BuiltSite {
        get async throws { try await RealSite.shared.build().site }
    }

    /// The one warning is true and wanted: content/site.yaml gives no publisher's contact
    /// for the accessibility statement yet (no source names one), and the build says so.
    @Test func theRealContentBuildsWithOnlyTheMissingContactWarning() async throws {
        let report = try await RealSite.shared.build().report
        // The warning points at the line of 'contact:', wherever it is in the file.
        let settings = try String(contentsOf: Repository.root.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        let line = try #require(settings.components(separatedBy: "\n").firstIndex { $0.hasPrefix("contact:") }) + 1
        #expect(report.warnings.map { $0.description.components(separatedBy: " (hint:")[0].components(separatedBy: "/content/").last ?? "" } == [
            "site.yaml:\(line):1: warning: the accessibility statement has no contact: 'contact:' gives no e-mail address ('email:') and no phone number ('phone:')",
        ])
        #expect(report.pagesByKind["item"] == 41)
        #expect(report.pagesByKind["municipality"] == 4)
        #expect(report.pagesByKind["document"] == 5)
    }

    @Test func everyDocumentHasItsEntities() async throws {
        let graph = try await graph
        func items(_ document: String) -> [Item] { graph.items.filter { $0.documentID == document } }
        #expect(graph.municipalities.map(\.id) == ["hilleroed", "rudersdal", "slagelse", "kalundborg"])
        #expect(items("rudersdal-virksomhedsplan-2019").count == 16)
        #expect(graph.document("rudersdal-virksomhedsplan-2019")?.sectionIDs.count == 5)
        #expect(items("hilleroed-udviklingsplan-2019-2021").count == 6)
        #expect(graph.document("hilleroed-en-del-af-faellesskabet")?.sectionIDs.count == 4)
        #expect(items("slagelse-opfoelgning-udviklingsaftalen-2014").count == 7)
        let ideas = items("kalundborg-idekatalog-h24")
        #expect(ideas.count == 12)
        #expect(ideas.filter { !$0.missingDescription }.count == 10)
        #expect(ideas.filter(\.missingDescription).compactMap(\.number).sorted() == ["12", "7"])
    }

    @Test("Kalundborg's ideas cover the themes the catalogue marks", arguments: [
        ("1", [1, 2, 3, 4, 5]), ("2", [3, 5]), ("3", [1, 3, 4, 5]), ("4", [1, 2, 4, 5]), ("5", [1, 2, 4, 5]),
        ("6", [1, 2, 4, 5]), ("7", []), ("8", [1, 2, 3, 4, 5]), ("9", [1, 2, 3, 5]), ("10", [1, 2, 4, 5]),
        ("11", [1, 2, 5]), ("12", []),
    ])
    func kalundborgThemeMarks(number: String, themes: [Int]) async throws {
        let items = try await graph.items
        let idea = try #require(items.first { $0.documentID == "kalundborg-idekatalog-h24" && $0.number == number })
        #expect(idea.localThemes == themes)
    }

    @Test func kalundborgsMainInitiativesGroupTheIdeas() async throws {
        let graph = try await graph
        let document = try #require(graph.document("kalundborg-idekatalog-h24"))
        let grouping = document.sectionIDs.compactMap(graph.section).map { section in
            section.itemIDs.compactMap(graph.item).compactMap(\.number)
        }
        #expect(grouping == [["2", "9", "12"], ["3", "6", "10", "11"], ["1", "4", "5", "7", "8"]])
        #expect(document.administrativeIdeas.count == 8)
    }

    @Test func theCatalogueMatrixMarksIdea3WithThemes1345AndNot2() async throws {
        let site = try await site
        let page = try #require(site.page("kommuner/kalundborg/idekatalog-h24/index.html"))
        let rows = page.tableRows(caption: "idéer og de temaer, kataloget markerer")
        #expect(rows.count == 13)
        #expect(rows.dropFirst().map { $0.first?.prefix(while: { $0 != ":" }) } == (1...12).map { "Idé \($0)" })
        let idea3 = try #require(rows.first { $0.first?.hasPrefix("Idé 3:") == true })
        // A visible mark, with "Ja" and "Nej" for screen readers only.
        #expect(Array(idea3.dropFirst()) == ["● Ja", "Nej", "● Ja", "● Ja", "● Ja"])
        // Idea 7's description, and with it its themes, is missing in the source.
        let idea7 = try #require(rows.first { $0.first?.hasPrefix("Idé 7:") == true })
        #expect(Array(idea7.dropFirst()) == ["Ikke angivet"])
    }

    @Test func rudersdalMilestonesKeepTheirDatesAsWritten() async throws {
        let graph = try await graph
        let first = try #require(graph.items.first { $0.documentID == "rudersdal-virksomhedsplan-2019" && $0.number == "1" })
        #expect(first.title == "Udvikling af borgerkurser: God og sikker adfærd på internettet")
        #expect(first.milestones.map(\.when) == ["Ultimo maj", "Ultimo juni", "Ultimo november", "Ultimo januar 2019"])
        let second = try #require(graph.items.first { $0.documentID == "rudersdal-virksomhedsplan-2019" && $0.number == "2" })
        #expect(second.title == "Implementering af Åben Dialog")
        let repeated = Dictionary(grouping: second.milestones, by: \.text).filter { $0.value.count > 1 }
        #expect(repeated.count == 1)
        #expect(Set(repeated.values.first?.compactMap(\.when) ?? []) == ["Ultimo januar", "Medio marts"])
    }

    @Test func rudersdalsEmptyKeyFiguresAreNotGivenNeverZero() async throws {
        let site = try await site
        let page = try #require(site.page("kommuner/rudersdal/virksomhedsplan-2019/index.html"))
        #expect(page.text.contains("Antal medarbejdere Ikke angivet"))
        #expect(page.text.contains("Budget 2019 Ikke angivet"))
        #expect(page.text.contains("Bofællesskab 64 pladser"))
        #expect(!site.pagePaths.contains { site.page($0)?.html.contains("Slet ikke næste linje") == true })
    }

    @Test func slagelseHasADeselectedActivity() async throws {
        let graph = try await graph
        let activities = graph.items.filter { $0.documentID == "slagelse-opfoelgning-udviklingsaftalen-2014" }.flatMap(\.activities)
        #expect(activities.count == 11)
        #expect(activities.filter { $0.status == .fravalgt }.count == 1)
        #expect(activities.allSatisfy { $0.status != nil && $0.statusText != nil })
    }

    @Test func hillerødsPlanFollowsThePolicysAmbitions() async throws {
        let graph = try await graph
        let plan = try #require(graph.document("hilleroed-udviklingsplan-2019-2021"))
        let implemented = plan.sectionIDs.compactMap(graph.section).compactMap(\.implementsID)
        #expect(implemented.count == 4)
        #expect(Set(implemented) == Set(graph.document("hilleroed-en-del-af-faellesskabet")?.sectionIDs ?? []))
        #expect(plan.relatedIDs == ["hilleroed-en-del-af-faellesskabet"])
        let activities = plan.itemIDs.compactMap(graph.item).flatMap(\.activities)
        #expect(activities.count == 25)
        #expect(plan.itemIDs.compactMap(graph.item).allSatisfy { item in item.evaluation.allSatisfy { $0.value == nil } })
        // The lists stand under the source's own headings, which differ from section to section.
        let first = try #require(graph.item("hilleroed-udviklingsplan-indsats-ambition-1"))
        #expect(first.labels.goals == "Målene")
        #expect(first.labels.successCriteria == "Succeskriterierne – herunder også den borgerrettede effekt")
        #expect(graph.item("hilleroed-udviklingsplan-indsats-ambition-4")?.labels.activities == "Aktiviteten")
    }

    @Test func everyPageHasTheSameFrame() async throws {
        let site = try await site
        let graph = try await graph
        // A section its only item stands for (Hillerød's six) has that item's page, not one of its own.
        let sectionPages = graph.sections.filter { $0.shownByItemID == nil }.count
        #expect(sectionPages == graph.sections.count - 6)
        let entityPages = graph.municipalities.count + graph.documents.count + sectionPages + graph.items.count
            + graph.themes.count + graph.tags.count + graph.pages.count
            + graph.units.filter { $0.kind == .activity }.count
        // The listings (home, municipalities, themes, tags, the § index), the search page,
        // one page per cited paragraph, the timeline and one timeline per document with milestones,
        // and the comparisons' index with one comparison per theme.
        let timelinePages = 1 + graph.documentTimelines.count
        let comparePages = 1 + graph.themes.count
        #expect(site.pagePaths.count == 6 + entityPages + graph.lawParagraphs.count + timelinePages + comparePages)
        for path in site.pagePaths {
            let page = try #require(site.page(path))
            #expect(page.h1Count == 1, "\(path) has \(page.h1Count) h1")
            #expect(page.html.contains("<html lang=\"da\">"), "\(path)")
            #expect(page.html.contains("class=\"skip-link\" href=\"#indhold\""), "\(path)")
            #expect(page.html.contains("<main id=\"indhold\""), "\(path)")
            #expect(page.html.contains("Content-Security-Policy"), "\(path)")
            #expect(page.text.contains("Tilgængelighedserklæring"), "\(path)")
            if path != "index.html" { #expect(page.html.contains("class=\"breadcrumbs"), "\(path)") }
            // Every page but the search page itself has the search field in its header.
            #expect(page.html.contains("<form class=\"header-search\" role=\"search\"") == (path != "soeg/index.html"), "\(path)")
        }
    }

    @Test func noPageOutlineSkipsAHeadingLevel() async throws {
        let site = try await site
        for path in site.pagePaths {
            let page = try #require(site.page(path))
            let levels = page.matches(#"<h([1-6])[\s>]"#).compactMap { Int($0) }
            #expect(levels.first == 1, "\(path) does not start with its h1")
            for (previous, next) in zip(levels, levels.dropFirst()) {
                #expect(next <= previous + 1, "\(path) jumps from h\(previous) to h\(next)")
            }
        }
    }

    @Test func entityPagesSayWhereTheirTextComesFrom() async throws {
        let site = try await site
        let graph = try await graph
        for path in graph.items.map(\.path) + graph.sections.map(\.path) + graph.documents.map(\.path) {
            let page = try #require(site.page(path + "index.html"))
            #expect(page.html.contains("class=\"source\""), "\(path)")
        }
        let idea = try #require(graph.item("kalundborg-ide-03"))
        let item = try #require(site.page(idea.path + "index.html"))
        #expect(item.text.contains("Kilde: Idekatalog forebyggende indsatser (H24) , Kalundborg Kommune, 11. juli 2023, side 6"))
    }

    @Test func ideasWithoutADescriptionSaySo() async throws {
        let graph = try await graph
        let site = try await site
        for idea in graph.items.filter(\.missingDescription) {
            let page = try #require(site.page(idea.path + "index.html"))
            #expect(page.text.contains("Beskrivelsen mangler i kilden."))
        }
    }

    @Test func everyInternalLinkAndFragmentResolves() async throws {
        let site = try await site
        var cache: [String: Set<String>] = [:]
        for path in site.pagePaths {
            let page = try #require(site.page(path))
            for link in page.links {
                guard let target = site.resolve(link, from: path) else { continue }
                let exists = FileManager.default.fileExists(atPath: site.root.appendingPathComponent(target.path).path)
                #expect(exists, "\(path) links to \(link)")
                if let fragment = target.fragment, exists, target.path.hasSuffix(".html") {
                    let ids = cache[target.path] ?? site.page(target.path)?.ids ?? []
                    cache[target.path] = ids
                    #expect(ids.contains(fragment), "\(path) links to missing #\(fragment)")
                }
            }
        }
    }

    @Test func anItemLinksToEverythingItBelongsToAndEachLinksBack() async throws {
        let graph = try await graph
        let site = try await site
        for item in graph.items {
            let page = try #require(site.page(item.path + "index.html"))
            let targets = Set(page.links.compactMap { site.resolve($0, from: item.path + "index.html")?.path })
            var owners = [graph.municipality(item.municipalityID)?.path, graph.document(item.documentID)?.path]
            owners += [item.sectionID.flatMap(graph.section)?.path]
            for owner in owners.compactMap({ $0 }) {
                #expect(targets.contains(owner + "index.html"), "\(item.id) does not link to \(owner)")
                let back = try #require(site.page(owner + "index.html"))
                let backTargets = Set(back.links.compactMap { site.resolve($0, from: owner + "index.html")?.path })
                #expect(backTargets.contains(item.path + "index.html"), "\(owner) does not list \(item.id)")
            }
            // Theme and tag pages list units (see the next test); the item links to its own.
            for topic in item.themeIDs.compactMap(graph.theme) + item.tagIDs.compactMap(graph.tag) {
                #expect(targets.contains(topic.path + "index.html"), "\(item.id) does not link to \(topic.path)")
            }
        }
    }

    /// Themes and tags list units, not items: Hillerød's 25 activities, not its 6 indsatser.
    @Test func aUnitLinksToItsThemesAndTagsAndTheirPagesListIt() async throws {
        let graph = try await graph
        let site = try await site
        for unit in graph.units {
            let page = try #require(site.page(unit.path + "index.html"))
            let targets = Set(page.links.compactMap { site.resolve($0, from: unit.path + "index.html")?.path })
            for topic in unit.themeIDs.compactMap(graph.theme) + unit.tagIDs.compactMap(graph.tag) {
                #expect(targets.contains(topic.path + "index.html"), "\(unit.id) does not link to \(topic.path)")
                let back = try #require(site.page(topic.path + "index.html"))
                let backTargets = Set(back.links.compactMap { site.resolve($0, from: topic.path + "index.html")?.path })
                #expect(backTargets.contains(unit.path + "index.html"), "\(topic.path) does not list \(unit.id)")
            }
        }
    }

    @Test func eachMunicipalityIsCountedInTheSmallestUnitItsSourceNames() async throws {
        let graph = try await graph
        let counts = Dictionary(grouping: graph.units, by: \.municipalityID).mapValues(\.count)
        #expect(counts == ["hilleroed": 25, "rudersdal": 16, "slagelse": 11, "kalundborg": 12])
        #expect(graph.units.filter { $0.municipalityID == "hilleroed" }.allSatisfy { $0.kind == .activity })
        #expect(graph.units.filter { $0.municipalityID == "kalundborg" }.allSatisfy { $0.kind == .item(.idea) })
        let site = try await site
        let home = try #require(site.page("index.html"))
        #expect(home.text.contains("25 aktiviteter"))
        #expect(home.text.contains("16 indsatser"))
        #expect(home.text.contains("12 idéer"))
    }

    @Test func theOpenDataKeepsGapsAsGapsAndDatesAsWritten() async throws {
        let site = try await site
        let data = try Data(contentsOf: site.root.appendingPathComponent("data/portal.json"))
        let export = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entities = try #require(export["entities"] as? [[String: Any]])
        func entity(_ id: String) -> [String: Any]? { entities.first { $0["id"] as? String == id } }
        // 118 entities from the sources, and the 2 texts about law paragraphs.
        #expect(entities.count == 120)
        let idea9 = try #require(entity("kalundborg-ide-09"))
        let fields = try #require(idea9["fields"] as? [[String: Any]])
        #expect(fields.contains { $0["label"] as? String == "Hvordan hænger det sammen med andre afdelinger" && $0["text"] == nil })
        #expect(entity("kalundborg-ide-07")?["missingDescription"] as? Bool == true)
        let rudersdal = try #require(entity("rudersdal-virksomhedsplan-2019"))
        let groups = try #require(rudersdal["keyFacts"] as? [[String: Any]])
        let personale = try #require(groups.first { $0["group"] as? String == "Personale" }?["facts"] as? [[String: Any]])
        #expect(personale.allSatisfy { $0["text"] == nil })
        let first = try #require(entity("rudersdal-indsats-01")?["milestones"] as? [[String: Any]])
        #expect(first.compactMap { $0["when"] as? String }.last == "Ultimo januar 2019")
    }

    @Test func theHomeMatrixCountsLinkToTheThemePagePerMunicipality() async throws {
        let site = try await site
        let graph = try await graph
        let home = try #require(site.page("index.html"))
        let rows = home.tableRows(caption: "Antal indsatser, aktiviteter og idéer pr. fælles tema og kommune")
        #expect(rows.count == graph.themes.count + 1)
        // Each column says what it counts.
        #expect(rows.first == ["Fælles tema", "Hillerød aktiviteter", "Rudersdal indsatser", "Slagelse aktiviteter", "Kalundborg idéer"])
        for (row, matrixRow) in zip(rows.dropFirst(), graph.themeMatrix.rows) {
            #expect(Array(row.dropFirst()) == matrixRow.cells.map { String($0.count) })
            // Hillerød's column counts its activities under the theme.
            let hilleroed = graph.units(inTheme: matrixRow.themeID).filter { $0.municipalityID == "hilleroed" }
            #expect(row[1] == String(hilleroed.count))
        }
        #expect(home.links.contains("temaer/sundhed/index.html#kalundborg"))
    }
}
